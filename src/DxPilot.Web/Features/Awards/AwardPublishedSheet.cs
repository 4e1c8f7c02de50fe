using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Awards;

/// <summary>The published list of a batch as .xlsx: a title, the columns the page shows, one row per recognised application and the
/// total; texts are inline strings and amounts numbers (<see cref="XlsxWriter"/>: never a formula). Each export is audited.</summary>
public static class AwardPublishedSheet
{
    public static readonly IReadOnlyList<string> Headers = ["序号", "企业名称", "县（市、区）", "认定方向", "奖补金额（万元）"];

    private static readonly double[] Widths = [8, 40, 16, 40, 18];

    public static async Task<IResult> DownloadAsync(string callId, Guid batchId, HttpContext http, AwardService service, AuditLog audit, CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        var outcome = await service.PublishedAsync(actor, callId, batchId, ct);
        if (!outcome.IsOk) return ApiResults.From(outcome, _ => Results.Empty);
        var list = outcome.Value!;
        var title = $"{list.Call.Title}（{list.Batch.Name}）认定名单";
        using var file = new MemoryStream();
        XlsxWriter.Write(file, "认定名单",
            Headers.Zip(Widths, (h, w) => new XlsxWriter.Column(h, w, h.EndsWith("（万元）") ? XlsxWriter.Shown.Money : XlsxWriter.Shown.AsIs)).ToList(),
            list.Rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.EnterpriseName, r.District, string.Join("、", r.Directions), r.AmountWan])
                .Append(["合计", null, null, $"{list.Rows.Count}项", list.TotalWan]), title);
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("AwardPublished", list.Batch.Id.ToString()),
            $"{title} {list.Rows.Count} 项", ct: ct);
        return PrivateFile.Send(http, file.ToArray(), AwardSummarySheet.ContentType, $"{title}.xlsx");
    }
}
