using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Dashboard;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// The 绩效评价 report's arithmetic on figures written by hand: rates and their rounding, a target met, missed after its day or still
/// open on it, the uplift counted only where a 改造前 level exists, money per approved enterprise and per level gained, and 不适用
/// (never NaN or ∞) where there is nothing to divide by.
/// </summary>
public sealed class PerformanceReportMeasuresTests
{
    private static readonly DateOnly Day = new(2025, 7, 16);

    [Theory]
    [InlineData(250, 500, "50.0")]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 8, "12.5")] // 12.5 exactly: no rounding to even
    [InlineData(1, 16, "6.3")] // 6.25 → 6.3, 四舍五入
    [InlineData(0, 7, "0.0")]
    public void A_rate_is_a_percentage_to_one_decimal_rounded_half_up(int part, int whole, string rate) =>
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), PerformanceReportMeasures.Rate(part, whole));

    [Fact]
    public void Nothing_to_divide_by_gives_no_figure()
    {
        Assert.Null(PerformanceReportMeasures.Rate(0, 0));
        Assert.Null(PerformanceReportMeasures.PerUnit(25.00m, 0));
        Assert.Equal(8.33m, PerformanceReportMeasures.PerUnit(25.00m, 3));
        Assert.Equal(0.01m, PerformanceReportMeasures.PerUnit(0.025m, 2)); // 0.0125 → 0.01
        Assert.Equal(0.02m, PerformanceReportMeasures.PerUnit(0.03m, 2)); // 0.015 → 0.02, half up
    }

    [Fact]
    public void A_target_is_met_at_its_goal_open_until_its_day_has_passed_and_not_applicable_without_a_goal()
    {
        var figures = Figures(targets:
        [
            new TargetProgress("500家", 500, Day, [new TargetFigure("diagnosed", "完成诊断", 500), new TargetFigure("accepted", "完成改造", 499)]),
            new TargetProgress("昨日截止", 10, Day.AddDays(-1), [new TargetFigure("accepted", "完成改造", 9)]),
            new TargetProgress("规上", 0, Day.AddDays(-1), [new TargetFigure("filed", "规上企业已备案", 0)]),
        ]);
        var targets = new PerformanceReportMeasures(figures, Day, 2).Targets;
        Assert.Equal([TargetState.Met, TargetState.InProgress, TargetState.MissedDeadline, TargetState.NotApplicable], targets.Select(t => t.State));
        Assert.Equal([100.0m, 99.8m, 90.0m, null], targets.Select(t => t.Rate));
    }

    [Fact]
    public void The_uplift_counts_projects_with_a_before_level_and_a_fall_counts_against_the_levels_gained()
    {
        // 3 without a 改造前 level (→二级), 1 无等级→二级 (+2), 2 一级→二级 (+1 each), 1 一级→一级 (0), 1 二级→一级 (−1).
        var figures = Figures(levels: [new(null, 2, 3), new(0, 2, 1), new(1, 2, 2), new(1, 1, 1), new(2, 1, 1)]);
        var m = new PerformanceReportMeasures(figures, Day, 2);
        Assert.Equal(8, m.Evaluated);
        Assert.Equal(5, m.Comparable);
        Assert.Equal(3, m.Rose);
        Assert.Equal(60.0m, m.RoseShare); // 3 ÷ 5
        Assert.Equal(3, m.LevelsGained); // 2 + 1 + 1 + 0 − 1
        Assert.Equal(0.60m, m.AverageUplift); // 3 ÷ 5
        Assert.Equal(6, m.ReachedMinimum); // 3 + 1 + 2 at 二级
        Assert.Equal(75.0m, m.ReachedMinimumShare); // 6 ÷ 8
    }

    [Fact]
    public void Money_per_enterprise_is_per_approved_project_and_per_level_is_paid_over_levels_gained()
    {
        // 朝阳区 2 approved 70.00 paid 45.50; 南关区 1 approved 30.00 paid 0: 100.00 ÷ 3 = 33.33, 45.50 ÷ 3 = 15.17;
        // levels gained 1 + 2 = 3: 45.50 ÷ 3 = 15.17; paid 45.5 % of approved.
        var figures = Figures(
            levels: [new(1, 2, 1), new(0, 2, 1)],
            money: [new("朝阳区", 4, 176.00m, 2, 70.00m, 50.00m, 20.00m, 45.50m), new("南关区", 1, 44.00m, 1, 30.00m, 30.00m, 0m, 0m)]);
        var m = new PerformanceReportMeasures(figures, Day, 2);
        Assert.Equal(33.33m, m.ApprovedPerEnterpriseWan);
        Assert.Equal(15.17m, m.PaidPerEnterpriseWan);
        Assert.Equal(15.17m, m.PaidPerLevelWan);
        Assert.Equal(45.5m, m.PaidShare);
    }

    [Fact]
    public void No_level_gained_and_nothing_approved_leave_the_money_ratios_not_applicable()
    {
        var m = new PerformanceReportMeasures(Figures(levels: [new(1, 1, 2), new(2, 1, 1)],
            money: [new("朝阳区", 3, 132.00m, 0, 0m, 0m, 0m, 0m)]), Day, 2);
        Assert.Equal(-1, m.LevelsGained);
        Assert.Null(m.PaidPerLevelWan);
        Assert.Null(m.ApprovedPerEnterpriseWan);
        Assert.Null(m.PaidPerEnterpriseWan);
        Assert.Null(m.PaidShare);
    }

    [Fact]
    public void An_empty_scope_writes_a_valid_report_that_says_not_applicable_where_nothing_can_be_divided()
    {
        var programme = ProgrammeCatalog.LoadFolder(Path.Combine(PlatformProcess.ConfigFolder(), "programmes")).Get(ChangchunProject.Programme);
        var figures = Figures(targets: [new TargetProgress("500家", 500, new DateOnly(2025, 12, 31), [new TargetFigure("accepted", "完成改造（通过验收）", 0)])],
            money: [new("双阳区", 0, 0m, 0, 0m, 0m, 0m, 0m)]);
        using var output = new MemoryStream();
        PerformanceReportDocument.Write(output, programme, figures, Day);
        var docx = output.ToArray();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.Contains("完成改造（通过验收）\n500家\n0家\n0.0%\n2025年12月31日\n尚未完成（未到截止日期）", text);
        Assert.Contains("截至目前尚无完成改造后评测的项目，转型成效待评测后反映。", text);
        Assert.Contains("已拨付0.00万元，拨付进度（已拨付占核定补助）不适用。", text);
        Assert.Contains("户均核定补助不适用，户均已拨付不适用；按可对比项目累计提升0级计，每提升一级的拨付资金为不适用。", text);
        Assert.Contains("暂无服务商服务本范围的企业。", text);
        Assert.Contains("（一）无超过实施期限仍在实施的项目。\n（二）无超过整改期限仍在整改的项目。", text);
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("∞", text);
    }

    private static DashboardFigures Figures(IReadOnlyList<TargetProgress>? targets = null, IReadOnlyList<LevelCell>? levels = null,
        IReadOnlyList<DistrictMoney>? money = null) =>
        new("changchun-2025", null, new DateTime(2025, 7, 16, 2, 0, 0, DateTimeKind.Utc), targets ?? [],
            [new FunnelStage("registered", "已建档企业", 0)], [], levels ?? [], money ?? [], [], new OverdueCounts(0, 0));
}
