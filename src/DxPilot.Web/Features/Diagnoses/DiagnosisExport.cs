using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>
/// 咨询诊断进度 as .xlsx: every row the list's filter selects (not only the page shown), with the page's columns plus the
/// USCC, the round and the submitted/accepted times. Text goes into text cells (<see cref="XlsxWriter"/>), so a name that
/// starts with "=" stays a name. Each export is audited with its filter and row count.
/// </summary>
public sealed class DiagnosisExport(DiagnosisService diagnoses, ProgrammeCatalog programmes, AuditLog audit, ShownTime time, TimeProvider clock)
{
    public const int MaxRows = 200_000;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly XlsxWriter.Column[] Columns =
    [
        new("序号", 6), new("企业名称", 36), new("统一社会信用代码", 22), new("所属县（市、区）", 14), new("服务商", 30), new("状态", 12),
        new("协议签订日期", 16), new("服务期至", 16), new("服务期剩余", 12), new("未满足项", 40), new("提交轮次", 8),
        new("提交验收时间", 20), new("验收时间", 20), new("最后更新", 20),
    ];

    /// <summary>GET /diagnoses/export and /api/diagnoses/export: 404 for those who do not use the list, as the page.</summary>
    public static async Task<IResult> DownloadAsync(HttpContext http, [AsParameters] DiagnosisFilterParameters q, DiagnosisExport export, CancellationToken ct)
    {
        var stream = new MemoryStream();
        if (await export.WriteAsync(stream, http.User.RequireActor(), q.ToFilter(), ct) is not { } name)
            return Results.Problem(title: "找不到该页面，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        stream.Position = 0;
        return PrivateFile.Send(http, stream, ContentType, name);
    }

    /// <summary>Writes the sheet and answers its file name, or null (nothing written) for an actor that does not use the list.</summary>
    public async Task<string?> WriteAsync(Stream output, Actor actor, DiagnosisFilter filter, CancellationToken ct)
    {
        if (diagnoses.Listed(actor, filter) is not { } listed) return null;
        var rules = diagnoses.RulesOf(actor)!;
        var programme = programmes.Get(actor.ProgrammeId);
        var names = DiagnosisRedItems.Names(rules);
        var today = time.Today();
        var rows = await listed.Take(MaxRows).ToListAsync(ct);
        var n = 0;
        XlsxWriter.Write(output, "咨询诊断进度", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            ++n, r.EnterpriseName, r.Uscc, r.District, r.ProviderName, rules.Chain.Label(r.Status, actor),
            // Date cells (shown 2025年7月16日), so that the sheet sorts and filters by them.
            r.AgreementSignedOn, r.TermEnds(rules),
            DiagnosisLabels.DaysLeft(r.DaysLeft(rules, today)),
            string.Join("、", r.RedKeys(rules, today).Select(k => names[k])),
            r.Round, r.SubmittedAt is { } s ? time.Local(s) : null, r.AcceptedAt is { } a ? time.Local(a) : null, time.Local(r.UpdatedAt),
        ]), title: $"{programme.Name} 咨询诊断进度（{actor.District ?? programme.City}，导出于{time.Of(clock.GetUtcNow().UtcDateTime)}）");
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("DiagnosisList", actor.ProgrammeId),
            $"咨询诊断进度 {rows.Count} 行，筛选 {Uri.UnescapeDataString(filter.ToQueryString())}", ct: ct);
        return $"咨询诊断进度（{programme.City}{actor.District}）{ChineseText.Date(today)}.xlsx";
    }
}
