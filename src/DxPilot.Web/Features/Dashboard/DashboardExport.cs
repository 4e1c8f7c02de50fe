using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// 试点看板 as .xlsx: one sheet per block of the page, values only (numbers as numbers, no formulas), with the scope and the time
/// the figures were computed in each sheet's title. Each export is audited.
/// </summary>
public sealed class DashboardExport(DashboardService dashboards, AuditLog audit, ShownTime time)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The sheets' names, in order: the blocks of the page (奖补 only for a programme with award calls; the project
    /// blocks only for a programme with projects).</summary>
    public static readonly string[] SheetNames = ["目标进度", "推进漏斗", "各环节停留", "等级分布", "等级迁移矩阵", "资金", "服务商排行", "逾期事项", "奖补"];

    /// <summary>GET /api/dashboard.xlsx?district=…</summary>
    public static async Task<IResult> DownloadAsync(HttpContext http, string? district, DashboardExport export, CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        var stream = new MemoryStream();
        var outcome = await export.WriteAsync(stream, actor, district, ct);
        if (!outcome.IsOk) return ApiResults.From(outcome, _ => Results.Empty);
        stream.Position = 0;
        return PrivateFile.Send(http, stream, ContentType, outcome.Value!);
    }

    /// <summary>Writes the workbook and answers its file name, or the refusal (nothing written).</summary>
    public async Task<Outcome<string>> WriteAsync(Stream output, Actor actor, string? district, CancellationToken ct)
    {
        var outcome = await dashboards.GetAsync(actor, district, ct);
        if (outcome.Value is not { } f) return new Outcome<string>(outcome.Kind, null, outcome.Errors, outcome.Message);
        var programme = dashboards.ProgrammeOf(actor);
        var chain = programme.Project?.Chain;
        var scope = f.District ?? programme.City + "（全市）";
        string Title(string block) => $"{programme.Name} {block}（{scope}，数据截至{time.Of(f.ComputedAt)}）";
        static XlsxWriter.Column C(string header, double width = 14, XlsxWriter.Shown numbers = XlsxWriter.Shown.AsIs) => new(header, width, numbers);
        const XlsxWriter.Shown Money = XlsxWriter.Shown.Money, OneDecimal = XlsxWriter.Shown.OneDecimal, TwoDecimals = XlsxWriter.Shown.TwoDecimals;
        static IReadOnlyList<object?> Row(params object?[] cells) => cells;

        var money = f.Money.Append(f.MoneyTotal);
        var afterLevels = Enumerable.Range(0, LevelRule.MaxLevel + 1).ToList();
        var beforeLevels = new int?[] { null }.Concat(afterLevels.Select(l => (int?)l)).ToList();
        var sheets = new List<XlsxWriter.Sheet>
        {
            new(SheetNames[0], [C("目标", 60), C("目标数（家）"), C("截止日期"), C("指标", 24), C("已完成（家）"), C("完成率（%）", numbers: OneDecimal)],
                f.Targets.SelectMany(t => t.Figures.Select(x => Row(t.Description, t.Goal, t.Due is { } d ? ChineseText.Date(d) : null, x.Label, x.Count,
                    t.Goal is > 0 ? Math.Round(100m * x.Count / t.Goal.Value, 1) : null))), Title(SheetNames[0])),
        };
        if (chain is not null)
            sheets.AddRange(
            [
            new(SheetNames[1], [C("环节", 20), C("数量")], f.Funnel.Select(s => Row(s.Label, s.Count)), Title(SheetNames[1])),
            new(SheetNames[2], [C("状态", 20), C("当前数量"), C("停留天数中位数", numbers: OneDecimal)],
                f.Stages.Select(s => Row(chain.Label(s.Status, actor), s.Count, s.MedianDays is { } m ? Math.Round(m, 1) : null)), Title(SheetNames[2])),
            new(SheetNames[3], [C("等级", 16), C("改造前（项）"), C("改造后（项）")],
                beforeLevels.Select(l => Row(LevelLabel(l), f.Before.Where(b => b.Level == l).Sum(b => b.Count),
                    l is { } a ? f.After.Where(x => x.Level == a).Sum(x => x.Count) : null)), Title(SheetNames[3])),
            new(SheetNames[4], [C("改造前＼改造后", 18), .. afterLevels.Select(l => C(LevelNames.Short(l), 10))],
                beforeLevels.Select(b => Row([LevelLabel(b), .. afterLevels.Select(a => (object?)f.Count(b, a))])), Title(SheetNames[4])),
            new(SheetNames[5], [C("县（市、区）", 16), C("备案项目"), C("备案投资（万元）", 18, Money), C("已核定项目"), C("核定补助（万元）", 18, Money),
                    C("其中中央资金（万元）", 20, Money), C("其中地方资金（万元）", 20, Money), C("已拨付（万元）", 16, Money)],
                money.Select(m => Row(m.District, m.Projects, m.CommittedWan, m.Approved, m.ApprovedWan, m.CentralWan, m.LocalWan, m.PaidWan)), Title(SheetNames[5])),
            new(SheetNames[6], [C("服务商", 36), C("服务企业（家）"), C("验收结论（项）"), C("通过验收（项）"), C("验收通过率（%）", numbers: OneDecimal), C("计入提升的项目（有改造前等级）", 30),
                    C("平均提升等级", numbers: TwoDecimals), C("满意度评价（份）"), C("满意度均分（满分4）", 18, TwoDecimals), C("智库评价均分", 16, OneDecimal)],
                f.Providers.Select(p => Row(p.Name, p.EnterprisesServed, p.Verdicts, p.Passed, p.PassRate, p.Evaluated, p.AverageUplift, p.Satisfactions,
                    p.SatisfactionAverage, p.ThinkTankRating)), Title(SheetNames[6])),
            new(SheetNames[7], [C("事项", 40), C("数量")],
                [Row("超过实施期限仍在实施的项目", f.Overdue.PastPeriod), Row("超过整改期限仍在整改的项目", f.Overdue.PastRectification)], Title(SheetNames[7])),
            ]);
        if (f.Awards is { } awards) sheets.Add(AwardSheet(awards, Title(SheetNames[8])));
        XlsxWriter.Write(output, sheets);
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("Dashboard", actor.ProgrammeId), $"试点看板（{scope}）", ct: ct);
        return Outcome<string>.Ok($"试点看板（{f.District ?? programme.City}）{ChineseText.Minute(time.Local(f.ComputedAt))}.xlsx");
    }

    // 奖补: per county the applications recognised and their 万元 per direction, then the county's total; the total row last.
    private static XlsxWriter.Sheet AwardSheet(AwardMoney awards, string title)
    {
        var total = awards.Total;
        return new(SheetNames[8],
            [new("县（市、区）", 16), .. awards.Columns.SelectMany(c => new XlsxWriter.Column[] { new($"{c.Label}（家）", 16), new($"{c.Label}（万元）", 18, XlsxWriter.Shown.Money) }),
                new("奖补合计（万元）", 18, XlsxWriter.Shown.Money)],
            awards.Districts.Append(total).Select(m => (IReadOnlyList<object?>)[m.District,
                .. awards.Columns.SelectMany((c, i) => new object?[] { m.Counts[i], m.AmountOf(c, i) }), m.AmountWan]),
            title);
    }

    /// <summary>A level as the matrix's rows write it; null: the project had no 改造前 level recorded.</summary>
    public static string LevelLabel(int? level) => level is { } l ? LevelNames.Short(l) : "无改造前评测";
}
