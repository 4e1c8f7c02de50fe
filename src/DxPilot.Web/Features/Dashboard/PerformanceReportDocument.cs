using System.Globalization;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Documents;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// The programme's 绩效评价报告 (seed 004 三（三） “做好资金拨付、绩效评价、材料归档等工作”; issue 11 item 8), for the city to send
/// upward: written from one <see cref="DashboardFigures"/> and the programme's identity only, so every number in it is one the
/// dashboard shows or one <see cref="PerformanceReportMeasures"/> derives from them. The seeds prescribe no layout; the sections
/// follow what a 绩效评价 reports: 基本情况, 目标完成情况, 转型成效, 资金使用情况, 服务商情况, 存在问题, then the issuer's stamp.
/// </summary>
public static class PerformanceReportDocument
{
    /// <summary>How many providers of the league table the report lists (the .xlsx has them all).</summary>
    public const int ShownProviders = 10;

    private const string NotApplicable = "不适用";

    public static string Title(Programme programme) => $"{programme.Name}绩效评价报告";

    public static string FileName(Programme programme, DashboardFigures figures, DateOnly asOf) =>
        $"{Title(programme)}（{programme.Area(figures.District)}，{ChineseText.Date(asOf)}）.docx";

    /// <param name="asOf">The figures' date in the programme's time zone.</param>
    public static void Write(Stream output, Programme programme, DashboardFigures figures, DateOnly asOf)
    {
        var m = new PerformanceReportMeasures(figures, asOf, programme.Money.MinLevelAfter);
        var scope = programme.Area(figures.District);
        var date = ChineseText.Date(asOf);
        var title = Title(programme);
        using var doc = DocxWriter.Create(output, $"{title}（{scope}）");
        // 二号 holds 20 characters on a line; a longer title (every programme's name with the report's) in 小二 stays on one.
        doc.Title(title, title.Length > 20 ? DocxSize.XiaoEr : DocxSize.Er);
        doc.Centred($"（评价范围：{scope}　数据截至{date}）");

        // No seed prescribes the tables' numbers: they run on as printed, a section with nothing to show printing none.
        var nextTable = 1;
        doc.Heading("一、基本情况");
        Basics(doc, programme, figures, scope, date, ref nextTable);
        doc.Heading("二、目标完成情况");
        Targets(doc, m, ref nextTable);
        doc.Heading("三、转型成效");
        Uplift(doc, figures, m, ref nextTable);
        doc.Heading("四、资金使用情况");
        Money(doc, figures, m, ref nextTable);
        doc.Heading("五、服务商情况");
        Providers(doc, figures, ref nextTable);
        doc.Heading("六、存在问题");
        Problems(doc, figures, m);
        doc.Signature("单位（盖章）：");
    }

    private static void Basics(DocxWriter doc, Programme programme, DashboardFigures f, string scope, string date, ref int number)
    {
        // Label/value pairs two to a row as the writer's Fields lays them out, but with the long values (name, industries, notices) across the row.
        const int label = 1300, value = 3645;
        DocxCell Label(string text) => new(text, Bold: true, Centre: true);
        doc.Table(DocxSize.Wu, label, value, label, DocxWriter.TextWidth - 2 * label - value)
            .Row(Label("试点名称"), new DocxCell(programme.Name, Span: 3))
            .Row(Label("试点城市"), programme.Province + programme.City, Label("评价范围"), scope)
            .Row(Label("试点期限"), $"{ChineseText.Date(programme.Period.Start)}至{ChineseText.Date(programme.Period.End)}", Label("数据截至"), date)
            .Row(Label("试点行业"), new DocxCell(string.Join("、", programme.Industries.Select(i => i.Name)), Span: 3))
            .Row(Label("依据文件"), new DocxCell(string.Join("\n", programme.Sources.Select(s => s.Title)), Span: 3));
        doc.Paragraph($"截至{date}，{scope}试点工作推进情况见表{number}（各环节为累计数：已拨付的项目也计入评测、验收和审计）。");
        doc.Centred($"表{number++} 试点工作推进情况");
        var table = doc.Table(DocxSize.Wu, 4845, 4000).Header("环节", "数量");
        foreach (var s in f.Funnel)
            table.Row(s.Label, new DocxCell($"{s.Count}{(s.Key is "registered" or "diagnosed" ? "家" : "项")}", Centre: true));
    }

    private static void Targets(DocxWriter doc, PerformanceReportMeasures m, ref int number)
    {
        if (m.Targets.Count == 0)
        {
            doc.Paragraph("本试点未设定可计数的工作目标。");
            return;
        }
        foreach (var description in m.Targets.Select(t => t.Description).Distinct())
            doc.Paragraph($"目标：{description}。");
        doc.Centred($"表{number++} 目标完成情况");
        var table = doc.Table(DocxSize.Wu, 2345, 950, 950, 900, 2100, 1600)
            .Header("指标", "目标数", "已完成", "完成率", "截止日期", "完成情况");
        foreach (var t in m.Targets)
            table.Row(t.Label, new DocxCell(t.Goal is { } g ? $"{g}家" : NotApplicable, Centre: true), new DocxCell($"{t.Count}家", Centre: true),
                new DocxCell(Percent(t.Rate), Centre: true), new DocxCell(t.Due is { } d ? ChineseText.Date(d) : "—", Centre: true),
                new DocxCell(StateLabel(t.State), Centre: true));
    }

    private static void Uplift(DocxWriter doc, DashboardFigures f, PerformanceReportMeasures m, ref int number)
    {
        if (m.Evaluated == 0)
        {
            doc.Paragraph("截至目前尚无完成改造后评测的项目，转型成效待评测后反映。");
            return;
        }
        var minimum = LevelNames.Short(m.MinLevelAfter);
        doc.Paragraph($"完成改造后评测的项目{m.Evaluated}项，其中有改造前评测等级、可作前后对比的{m.Comparable}项。"
                      + $"可对比项目中，数字化水平提升一级及以上的{m.Rose}项，占比{Percent(m.RoseShare)}；"
                      + $"累计提升{m.LevelsGained}级，平均提升等级{Levels(m.AverageUplift)}。"
                      + $"改造后达到{minimum}及以上的{m.ReachedMinimum}项，占已评测项目的{Percent(m.ReachedMinimumShare)}。");

        var after = Enumerable.Range(0, LevelRule.MaxLevel + 1).ToList();
        var before = new int?[] { null }.Concat(after.Select(l => (int?)l)).ToList();
        doc.Centred($"表{number++} 改造前后数字化水平等级分布");
        var distribution = doc.Table(DocxSize.Wu, 2845, 3000, 3000).Header("等级", "改造前（项）", "改造后（项）");
        foreach (var level in before)
            distribution.Row(DashboardExport.LevelLabel(level), new DocxCell($"{f.Before.Where(b => b.Level == level).Sum(b => b.Count)}", Centre: true),
                new DocxCell(level is { } a ? $"{f.After.Where(x => x.Level == a).Sum(x => x.Count)}" : "—", Centre: true));

        doc.Centred($"表{number++} 等级迁移情况（改造前 → 改造后，项）");
        var matrix = doc.Table(DocxSize.Wu, [2345, .. after.Select(_ => 1300)])
            .Header(["改造前＼改造后", .. after.Select(a => new DocxCell(LevelNames.Short(a)))]);
        foreach (var b in before)
            matrix.Row([new DocxCell(DashboardExport.LevelLabel(b), Bold: true), .. after.Select(a => new DocxCell($"{f.Count(b, a)}", Centre: true))]);
    }

    private static void Money(DocxWriter doc, DashboardFigures f, PerformanceReportMeasures m, ref int number)
    {
        var t = m.Money;
        doc.Paragraph($"备案项目{t.Projects}项，备案投资合计{Wan(t.CommittedWan)}。已核定补助{t.Approved}项，核定补助资金{Wan(t.ApprovedWan)}，"
                      + $"其中中央资金{Wan(t.CentralWan)}、地方资金{Wan(t.LocalWan)}；已拨付{Wan(t.PaidWan)}，拨付进度（已拨付占核定补助）{Percent(m.PaidShare)}。");
        doc.Paragraph($"获得核定补助的企业户均核定补助{Wan(m.ApprovedPerEnterpriseWan)}，户均已拨付{Wan(m.PaidPerEnterpriseWan)}；"
                      + $"按可对比项目累计提升{m.LevelsGained}级计，每提升一级的拨付资金为{Wan(m.PaidPerLevelWan)}。");
        if (f.Awards is { } awards) doc.Paragraph(AwardLine(awards));
        doc.Centred($"表{number++} 各县（市、区）资金使用情况（万元）");
        var table = doc.Table(DocxSize.XiaoWu, [1845, 860, 1200, 860, 1020, 1020, 1020, 1020], cellMargin: 60)
            .Header("县（市、区）", "备案项目\n（项）", "备案投资", "核定项目\n（项）", "核定补助", "中央资金", "地方资金", "已拨付");
        foreach (var d in f.Money.Append(t))
        {
            var total = ReferenceEquals(d, t);
            table.Row(new DocxCell(d.District, Bold: total), Number($"{d.Projects}"), Number(ChineseText.Wan(d.CommittedWan)), Number($"{d.Approved}"),
                Number(ChineseText.Wan(d.ApprovedWan)), Number(ChineseText.Wan(d.CentralWan)), Number(ChineseText.Wan(d.LocalWan)), Number(ChineseText.Wan(d.PaidWan)));
        }
    }

    /// <summary>奖补（标杆、链式）, a line apart from the project subsidies: the applications recognised per direction and the 万元
    /// recognised (the dashboard's <see cref="AwardMoney"/>).</summary>
    public static string AwardLine(AwardMoney awards)
    {
        var total = awards.Total;
        var counts = string.Join("、", awards.Columns.Select((c, i) => $"{c.Label}{total.Counts[i]}家（{Wan(total.AmountOf(c, i))}）"));
        return $"奖补（标杆、链式）：市级认定{counts}，奖补资金合计{Wan(total.AmountWan)}，不含在上述改造项目补助内。";
    }

    private static void Providers(DocxWriter doc, DashboardFigures f, ref int number)
    {
        if (f.Providers.Count == 0)
        {
            doc.Paragraph("暂无服务商服务本范围的企业。");
            return;
        }
        var shown = f.Providers.Take(ShownProviders).ToList();
        doc.Paragraph($"为本范围企业提供服务的服务商共{f.Providers.Count}家。按服务企业数、通过验收项目数排序，"
                      + (shown.Count < f.Providers.Count ? $"前{shown.Count}名" : "各服务商") + $"情况见表{number}。");
        doc.Centred($"表{number++} 服务商情况");
        var table = doc.Table(DocxSize.XiaoWu, [500, 2245, 900, 1500, 1500, 1200, 1000], cellMargin: 60)
            .Header("排名", "服务商", "服务企业\n（家）", "验收通过率", "平均提升等级", "诊断满意度\n（满分4）", "智库评价");
        for (var i = 0; i < shown.Count; i++)
        {
            var p = shown[i];
            table.Row(Number($"{i + 1}"), p.Name, Number($"{p.EnterprisesServed}"),
                Number(p.PassRate is { } r ? $"{Percent(r)}（{p.Passed}/{p.Verdicts}）" : NotApplicable),
                Number(p.AverageUplift is { } u ? $"{Levels(u)}（{p.Evaluated}项）" : NotApplicable),
                Number(p.SatisfactionAverage is { } s ? $"{Fixed(s)}（{p.Satisfactions}份）" : NotApplicable),
                Number(p.ThinkTankRating is { } k ? Fixed(k) : NotApplicable));
        }
    }

    private static void Problems(DocxWriter doc, DashboardFigures f, PerformanceReportMeasures m)
    {
        var date = ChineseText.Date(m.AsOf);
        var lines = new List<string>
        {
            f.Overdue.PastPeriod > 0 ? $"超过实施期限仍在实施的项目{f.Overdue.PastPeriod}项。" : "无超过实施期限仍在实施的项目。",
            f.Overdue.PastRectification > 0 ? $"超过整改期限仍在整改的项目{f.Overdue.PastRectification}项。" : "无超过整改期限仍在整改的项目。",
        };
        lines.AddRange(m.Targets.Where(t => t.State == TargetState.MissedDeadline)
            .Select(t => $"目标截止日期{ChineseText.Date(t.Due!.Value)}已过，“{t.Label}”完成{t.Count}家，目标{t.Goal}家，完成率{Percent(t.Rate)}。"));
        doc.Paragraph($"截至{date}：");
        doc.Paragraph(string.Join("\n", lines.Select((l, i) => $"（{ChineseText.Numeral(i + 1)}）{l}")));
    }

    private static DocxCell Number(string text) => new(text, Centre: true);

    private static string StateLabel(TargetState state) => state switch
    {
        TargetState.Met => "已完成",
        TargetState.InProgress => "尚未完成（未到截止日期）",
        TargetState.MissedDeadline => "逾期未完成",
        _ => NotApplicable,
    };

    private static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : NotApplicable;

    private static string Levels(decimal? levels) => levels is { } l ? Fixed(l) + "级" : NotApplicable;

    private static string Wan(decimal? amount) => amount is { } a ? ChineseText.Wan(a) + "万元" : NotApplicable;

    private static string Fixed(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

}
