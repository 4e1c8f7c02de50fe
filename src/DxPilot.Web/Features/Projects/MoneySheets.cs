using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>
/// The payments page's two sheets, from its filters and in its scope: 资金拨付明细 (one row per payment) and 补助核定汇总 (one row per
/// approved project with approved, paid and outstanding). Read a page at a time and written row by row; money as numbers with two
/// decimals, dates as dates, text as text (never a formula); a 合计 row that adds what the rows above say.
/// </summary>
public sealed class MoneySheets(ProjectService projects, AuditLog audit, ShownTime time, ExportScope scope)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PaymentsTitle = "资金拨付明细";
    public const string ApprovedTitle = "补助核定汇总";
    private const int ReadPage = 1000;

    public static readonly IReadOnlyList<string> PaymentHeaders =
        ["序号", "区县", "企业名称", "统一社会信用代码", "项目名称", "核定批次", "核定金额（万元）", "中央资金（万元）", "地方资金（万元）", "拨付日期", "拨付金额（万元）", "凭证号", "经办人"];

    public static readonly IReadOnlyList<string> ApprovedHeaders =
        ["序号", "区县", "企业名称", "统一社会信用代码", "项目名称", "核定批次", "核定日期", "核定金额（万元）", "中央资金（万元）", "地方资金（万元）",
         "已拨付（万元）", "未拨付（万元）", "最近拨付日期", "状态"];

    /// <summary>The row the headers are on (after the title and the unit line).</summary>
    public const int HeaderRow = 3;

    private static readonly double[] PaymentWidths = [6, 10, 28, 22, 26, 16, 12, 12, 12, 14, 12, 18, 14];
    private static readonly double[] ApprovedWidths = [6, 10, 28, 22, 26, 16, 14, 12, 12, 12, 12, 12, 14, 12];

    /// <summary>GET /api/projects/payments.xlsx with the payments page's filters.</summary>
    public static Task<IResult> PaymentsAsync(HttpContext http, [AsParameters] PaymentFilterParameters q, MoneySheets sheets, CancellationToken ct) =>
        DownloadAsync(http, (file, actor) => sheets.WritePaymentsAsync(file, actor, q.ToFilter(), ct));

    /// <summary>GET /api/projects/approved.xlsx with the payments page's filters.</summary>
    public static Task<IResult> ApprovedAsync(HttpContext http, [AsParameters] PaymentFilterParameters q, MoneySheets sheets, CancellationToken ct) =>
        DownloadAsync(http, (file, actor) => sheets.WriteApprovedAsync(file, actor, q.ToFilter(), ct));

    private static Task<IResult> DownloadAsync(HttpContext http, Func<Stream, Actor, Task<string?>> write)
    {
        var actor = http.User.RequireActor();
        // A temporary file rather than memory (as the 附件5 sheet does): a city's sheet may be large.
        return TemporaryFileDownload.SendAsync(http, ContentType, file => write(file, actor),
            () => Results.Problem(title: "找不到该页面，或您的账号无权查看专项资金", statusCode: StatusCodes.Status404NotFound));
    }

    /// <summary>资金拨付明细; null (nothing written) for an actor who does not read the money.</summary>
    public async Task<string?> WritePaymentsAsync(Stream output, Actor actor, PaymentFilter filter, CancellationToken ct)
    {
        if (projects.PaymentLines(actor, filter) is not { } lines) return null;
        using var sheet = Begin(output, PaymentsTitle, PaymentHeaders, PaymentWidths, actor, filter);
        var (n, paid) = (0, 0m);
        await foreach (var l in PagesAsync(lines, ct))
        {
            paid += l.AmountWan;
            sheet.WriteRow([++n, l.District, l.EnterpriseName, l.Uscc, l.ProjectName, l.Batch, l.ApprovedWan, l.CentralWan, l.LocalWan, l.PaidOn, l.AmountWan,
                l.VoucherNo, l.RecordedBy]);
        }
        // Approved amounts repeat on each payment of a project, so only the payments are added up.
        sheet.WriteRow(["合计", null, $"{n}笔", null, null, null, null, null, null, null, paid, null, null]);
        sheet.Close();
        await RecordAsync(actor, PaymentsTitle, n, filter, ct);
        return FileName(PaymentsTitle, actor, filter);
    }

    /// <summary>补助核定汇总; null (nothing written) for an actor who does not read the money.</summary>
    public async Task<string?> WriteApprovedAsync(Stream output, Actor actor, PaymentFilter filter, CancellationToken ct)
    {
        if (projects.PaymentRows(actor, filter) is not { } rows || projects.RulesOf(actor) is not { } rules) return null;
        using var sheet = Begin(output, ApprovedTitle, ApprovedHeaders, ApprovedWidths, actor, filter);
        var n = 0;
        var (approved, central, local, paid) = (0m, 0m, 0m, 0m);
        await foreach (var r in PagesAsync(rows, ct))
        {
            (approved, central, local, paid) = (approved + r.ApprovedWan, central + r.CentralWan, local + r.LocalWan, paid + r.PaidWan);
            sheet.WriteRow([++n, r.District, r.EnterpriseName, r.Uscc, r.ProjectName, r.Batch,
                r.ApprovedAt is { } at ? DateOnly.FromDateTime(time.Local(at)) : null, r.ApprovedWan, r.CentralWan, r.LocalWan, r.PaidWan, r.OutstandingWan,
                r.LastPaidOn, rules.Chain.Label(r.Status, actor)]);
        }
        sheet.WriteRow(["合计", null, $"{n}个项目", null, null, null, null, approved, central, local, paid, approved - paid, null, null]);
        sheet.Close();
        await RecordAsync(actor, ApprovedTitle, n, filter, ct);
        return FileName(ApprovedTitle, actor, filter);
    }

    private XlsxSheetStream Begin(Stream output, string title, IReadOnlyList<string> headers, double[] widths, Actor actor, PaymentFilter filter)
    {
        var sheet = new XlsxSheetStream(output, title, widths);
        sheet.WriteRow([title, .. new object?[headers.Count - 1]], XlsxSheetStream.Look.Title, height: 30);
        sheet.Merge(1, 1, 1, headers.Count);
        var unit = sheet.WriteRow([$"导出单位：{actor.Name}（{scope.Of(actor, filter.District)}）　导出日期：{ChineseText.Date(time.Today())}", .. new object?[headers.Count - 1]],
            XlsxSheetStream.Look.Plain);
        sheet.Merge(unit, 1, unit, headers.Count);
        sheet.WriteRow([.. headers], XlsxSheetStream.Look.Header, height: 32);
        return sheet;
    }

    private static async IAsyncEnumerable<T> PagesAsync<T>(IQueryable<T> query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var skip = 0; ; skip += ReadPage)
        {
            var page = await query.Skip(skip).Take(ReadPage).ToListAsync(ct);
            foreach (var item in page) yield return item;
            if (page.Count < ReadPage) yield break;
        }
    }

    private Task RecordAsync(Actor actor, string title, int rows, PaymentFilter filter, CancellationToken ct) =>
        audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("ProjectPayments", actor.ProgrammeId),
            $"{title} {rows} 行，筛选 {Uri.UnescapeDataString(filter.ToQueryString())}", ct: ct);

    private string FileName(string title, Actor actor, PaymentFilter filter) =>
        $"{title}（{scope.Of(actor, filter.District)}）{ChineseText.Date(time.Today())}.xlsx";
}
