using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// The county's summary of the applications it recommended, in the seed's layout: 附件1-5 石家庄市“数智”标杆中小企业汇总表 for a
/// 数智 call, 附件2-2 XX县（市、区）报送案例汇总表 for a 链式 call. The title, the stamp line, the headers character for character, one
/// row per application, the form's footer. A county exports its own; the city and the think tank every county's.
/// </summary>
public sealed class AwardSummarySheet(AwardService awards, DxPilotDbContext db, ProgrammeCatalog programmes, AuditLog audit, ShownTime time, ExportScope scope)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string BenchmarkTitle = "石家庄市“数智”标杆中小企业汇总表";

    /// <summary>附件1-5's headers as the seed writes them.</summary>
    public static readonly IReadOnlyList<string> BenchmarkHeaders =
    [
        "序号", "县（市、区）", "企业名称", "所属行业", "规模以上工业企业（是/否）", "争创“小灯塔”标杆企业（是/否）", "争创数字化车间及智能工厂（是/否）",
        "争创创新能力显著提升（是/否）", "联系人", "联系方式", "备注",
    ];

    /// <summary>附件2-2's headers as the seed writes them.</summary>
    public static readonly IReadOnlyList<string> ChainHeaders = ["序号", "企业名称", "案例模式", "案例名称", "案例简述（150字以内）", "联系人", "电话", "邮箱"];

    /// <summary>The applications a county summary lists: those the county recommended, whatever happened to them since.</summary>
    public static readonly AwardStatus[] Listed = [AwardStatus.Recommended, AwardStatus.UnderReview, AwardStatus.Recognised, AwardStatus.NotRecognised];

    /// <summary>GET /api/awards/calls/{callId}/summary.xlsx?batch=</summary>
    public static async Task<IResult> DownloadAsync(HttpContext http, string callId, string? batch, AwardSummarySheet sheet, CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        if (sheet.CallOf(actor, callId) is not { } call) return Results.Problem(title: "找不到该申报", statusCode: StatusCodes.Status404NotFound);
        if (actor.Role is not (Role.DistrictBureau or Role.CityBureau or Role.ThinkTank))
            return Results.Problem(title: "汇总表由县（市、区）、市工信主管部门和第三方智库导出", statusCode: StatusCodes.Status403Forbidden);
        Guid? batchId = Guid.TryParse(batch, out var b) ? b : null;
        return await TemporaryFileDownload.SendAsync(http, ContentType, async file => await sheet.WriteAsync(file, actor, call, batchId, ct));
    }

    private AwardCall? CallOf(Actor actor, string callId) => awards.CallOf(actor, callId);

    /// <summary>Writes the call's summary for the actor's scope; answers the file's name.</summary>
    public async Task<string> WriteAsync(Stream output, Actor actor, AwardCall call, Guid? batchId, CancellationToken ct)
    {
        var programme = programmes.Get(call.ProgrammeId);
        var q = awards.InScope(actor).Where(a => a.CallId == call.Id && Listed.Contains(a.Status));
        if (batchId is { } batch) q = q.Where(a => a.BatchId == batch);
        // Narrow columns only: the summary's fields are kept beside the 申报书 (AwardApplication.Summary), which is never read here.
        var rows = await (from a in q
                          join e in db.Enterprises on a.EnterpriseId equals e.Id
                          orderby a.District, e.Name
                          select new { a.District, a.Directions, a.Summary, e.Name, e.IndustryKey, e.AboveScale }).AsNoTracking().ToListAsync(ct);
        var today = time.Today();
        var unit = actor.Role == Role.DistrictBureau ? $"{actor.District}工业和信息化主管部门" : actor.Name;
        string title;
        if (call.Kind == AwardKind.Chain)
        {
            title = $"{actor.District ?? programme.City}报送案例汇总表";
            using var sheet = new XlsxSheetStream(output, "报送案例汇总表", [6, 30, 12, 30, 50, 10, 16, 24]);
            var blank = Enumerable.Repeat<object?>(null, ChainHeaders.Count - 1);
            sheet.WriteRow([title, .. blank], XlsxSheetStream.Look.Title, height: 30);
            sheet.Merge(1, 1, 1, ChainHeaders.Count);
            var stamp = sheet.WriteRow([$"县（市、区）工业和信息化主管部门（盖章）：{unit}", null, null, null, null, "联系人及电话", null, null], XlsxSheetStream.Look.Plain);
            sheet.Merge(stamp, 1, stamp, 5);
            sheet.Merge(stamp, 6, stamp, 8);
            sheet.WriteRow([.. ChainHeaders], XlsxSheetStream.Look.Header, height: 30);
            var n = 0;
            foreach (var r in rows)
            {
                sheet.WriteRow([++n, r.Name, r.Summary.Mode, r.Summary.CaseName, r.Summary.CaseBrief, r.Summary.ContactName, actor.ShownPhone(r.Summary.ContactPhone), r.Summary.ContactEmail]);
            }
        }
        else
        {
            title = BenchmarkTitle;
            using var sheet = new XlsxSheetStream(output, "数智标杆汇总表", [6, 12, 30, 20, 12, 12, 14, 14, 10, 16, 20]);
            var blank = Enumerable.Repeat<object?>(null, BenchmarkHeaders.Count - 1);
            sheet.WriteRow([title, .. blank], XlsxSheetStream.Look.Title, height: 30);
            sheet.Merge(1, 1, 1, BenchmarkHeaders.Count);
            var stamp = sheet.WriteRow([$"县（市、区）工业和信息化主管部门：{unit}（盖章）", .. blank], XlsxSheetStream.Look.Plain);
            sheet.Merge(stamp, 1, stamp, BenchmarkHeaders.Count);
            sheet.WriteRow([.. BenchmarkHeaders], XlsxSheetStream.Look.Header, height: 48);
            var n = 0;
            foreach (var r in rows)
            {
                string YesNo(string key) => r.Directions.Contains("|" + key + "|") ? "是" : "否";
                var industry = programme.FindIndustry(r.IndustryKey)?.Name ?? r.IndustryKey;
                sheet.WriteRow([++n, r.District, r.Name, industry, r.AboveScale is { } above ? (above ? "是" : "否") : null,
                    YesNo("lighthouse"), YesNo("smartFactory"), YesNo("innovation"), r.Summary.ContactName, actor.ShownPhone(r.Summary.ContactPhone), r.Summary.Remark]);
            }
            var footer = sheet.WriteRow([$"填表日期：{ChineseText.Date(today)}", null, null, null, $"填表人：{actor.Name}", null, null, null, "联系电话：", null, null],
                XlsxSheetStream.Look.Plain);
            sheet.Merge(footer, 1, footer, 4);
            sheet.Merge(footer, 5, footer, 8);
            sheet.Merge(footer, 9, footer, 11);
        }
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("AwardSummary", call.Id),
            $"{title} {rows.Count} 项" + (batchId is { } id ? $"，批次 {id}" : ""), ct: ct);
        return $"{title}（{scope.Of(actor, null)}）{ChineseText.Date(today)}.xlsx";
    }
}
