using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>供需地图 as an .xlsx sheet: the map's rows in the tree's order, one column per pilot industry, text written as text
/// (never a formula) and counts as numbers so that a reader can sum them. The export is recorded in the audit trail.</summary>
public sealed class DemandMapSheet(AuditLog audit, ShownTime time)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>GET /catalogue/demand.xlsx and /api/catalogue/demand.xlsx with the map's filters (industry, district).</summary>
    public static async Task<IResult> DownloadAsync(HttpContext http, string? industry, string? district, DemandMapService maps, DemandMapSheet sheet,
        CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        var outcome = await maps.MapAsync(actor, DemandFilter.From(industry, district), ct);
        if (!outcome.IsOk) return ApiResults.From(outcome, _ => Results.Empty);
        return await TemporaryFileDownload.SendAsync(http, ContentType, async file => await sheet.WriteAsync(file, actor, outcome.Value!, ct));
    }

    private async Task<string> WriteAsync(Stream output, Actor actor, DemandMap map, CancellationToken ct)
    {
        var today = time.Today();
        var columns = new List<XlsxWriter.Column> { new("一级场景", 20), new("二级场景", 22), new("三级场景编号", 12), new("三级场景", 28) };
        columns.AddRange(map.Industries.Select(i => new XlsxWriter.Column($"有需求的企业：{i.Name}", 18)));
        columns.AddRange([new("有需求的企业合计", 14), new("上架产品数", 12), new("服务商数", 10), new("供需情况", 14)]);
        var rows = map.Rows.Select(r => (IReadOnlyList<object?>)[
            r.Level1, r.Level2, r.Code, r.Retired ? $"{r.Name}（已停用）" : r.Name,
            .. map.Industries.Select(i => (object?)r.Enterprises.GetValueOrDefault(i.Key)),
            r.Demand, r.Products, r.Providers, r.Unserved ? "有需求无供给" : r.Demand == 0 ? "暂无需求" : "有供给",
        ]);
        var title = $"供需地图（{map.ScopeName}{(map.Filter.Industry is null ? "" : "，" + map.Industries[0].Name)}）{ChineseText.Date(today)}";
        XlsxWriter.Write(output, "供需地图", columns, rows, title);
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("DemandMap", actor.ProgrammeId),
            $"供需地图（{map.ScopeName}{(map.Filter.Industry is null ? "" : "，" + map.Filter.Industry)}），{map.Rows.Count} 个三级场景", ct: ct);
        return $"供需地图（{map.ScopeName}）{ChineseText.Date(today)}.xlsx";
    }
}
