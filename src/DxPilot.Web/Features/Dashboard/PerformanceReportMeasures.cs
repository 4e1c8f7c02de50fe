namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// The 绩效评价 report's derived figures, worked out from one <see cref="DashboardFigures"/> only (so the report never disagrees with
/// the page, the JSON and the .xlsx): target completion, level uplift, money per enterprise and per level gained. A figure whose
/// divisor is zero is null, which the report prints as 不适用. Rounding is 四舍五入: rates to 0.1 %, levels and 万元 to 0.01.
/// Definitions: docs/projects-performance-report.md.
/// </summary>
public sealed class PerformanceReportMeasures
{
    public PerformanceReportMeasures(DashboardFigures figures, DateOnly asOf, int minLevelAfter)
    {
        AsOf = asOf;
        Targets = figures.Targets.SelectMany(t => t.Figures.Select(x => new TargetStanding(t.Description, t.Goal, t.Due, x.Label, x.Count,
            t.Goal is { } goal ? Rate(x.Count, goal) : null, StandingOf(x.Count, t.Goal, t.Due, asOf)))).ToList();

        Evaluated = figures.Levels.Sum(c => c.Count);
        var comparable = figures.Levels.Where(c => c.Before is not null).ToList();
        Comparable = comparable.Sum(c => c.Count);
        Rose = comparable.Where(c => c.After > c.Before).Sum(c => c.Count);
        LevelsGained = comparable.Sum(c => (c.After - c.Before!.Value) * c.Count);
        ReachedMinimum = figures.Levels.Where(c => c.After >= minLevelAfter).Sum(c => c.Count);
        MinLevelAfter = minLevelAfter;

        var money = figures.MoneyTotal;
        Money = money;
        ApprovedPerEnterpriseWan = PerUnit(money.ApprovedWan, money.Approved);
        PaidPerEnterpriseWan = PerUnit(money.PaidWan, money.Approved);
        PaidPerLevelWan = LevelsGained > 0 ? PerUnit(money.PaidWan, LevelsGained) : null;
    }

    /// <summary>The programme's date of the figures (its own time zone, Beijing for every programme so far).</summary>
    public DateOnly AsOf { get; }

    /// <summary>Each figure of each target: its goal, how many so far, the rate and whether it is met.</summary>
    public IReadOnlyList<TargetStanding> Targets { get; }

    /// <summary>Evaluated projects (an agency's 改造后 level recorded).</summary>
    public int Evaluated { get; }

    /// <summary>Evaluated projects that also have a 改造前 level: the ones an uplift can be measured on.</summary>
    public int Comparable { get; }

    /// <summary>Of <see cref="Comparable"/>, those whose level rose by at least one.</summary>
    public int Rose { get; }

    public decimal? RoseShare => Rate(Rose, Comparable);

    /// <summary>累计提升等级: the sum of (改造后 − 改造前) over <see cref="Comparable"/> (a fall counts against it, as in the league table).</summary>
    public int LevelsGained { get; }

    /// <summary>平均提升等级: <see cref="LevelsGained"/> per comparable project.</summary>
    public decimal? AverageUplift => Comparable == 0 ? null : Math.Round((decimal)LevelsGained / Comparable, 2, MidpointRounding.AwayFromZero);

    /// <summary>The programme's subsidy threshold (二级), and the evaluated projects at or above it.</summary>
    public int MinLevelAfter { get; }

    public int ReachedMinimum { get; }

    public decimal? ReachedMinimumShare => Rate(ReachedMinimum, Evaluated);

    public DistrictMoney Money { get; }

    /// <summary>户均核定补助: approved 万元 per approved project (one enterprise's project each).</summary>
    public decimal? ApprovedPerEnterpriseWan { get; }

    /// <summary>户均已拨付: paid 万元 per approved project (payments are made on approved projects only).</summary>
    public decimal? PaidPerEnterpriseWan { get; }

    /// <summary>每提升一级的拨付资金: paid 万元 ÷ <see cref="LevelsGained"/>; null when no level was gained.</summary>
    public decimal? PaidPerLevelWan { get; }

    /// <summary>拨付进度: paid as a share of approved.</summary>
    public decimal? PaidShare => Money.ApprovedWan <= 0 ? null : Math.Round(100m * Money.PaidWan / Money.ApprovedWan, 1, MidpointRounding.AwayFromZero);

    /// <summary>A percentage to 0.1; null when there is nothing to divide by.</summary>
    public static decimal? Rate(int part, int whole) => whole <= 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>万元 per unit to 0.01; null when there are no units.</summary>
    public static decimal? PerUnit(decimal amountWan, int units) => units <= 0 ? null : Math.Round(amountWan / units, 2, MidpointRounding.AwayFromZero);

    private static TargetState StandingOf(int count, int? goal, DateOnly? due, DateOnly asOf) => goal switch
    {
        null or <= 0 => TargetState.NotApplicable,
        _ when count >= goal => TargetState.Met,
        _ when due is { } d && d < asOf => TargetState.MissedDeadline,
        _ => TargetState.InProgress,
    };
}

/// <summary>One figure of a target as the report states it.</summary>
public sealed record TargetStanding(string Description, int? Goal, DateOnly? Due, string Label, int Count, decimal? Rate, TargetState State);

/// <summary>已完成; 尚未完成 before (or on) the due date; 逾期未完成 after it; 不适用 when the target has no goal to count against.</summary>
public enum TargetState
{
    Met,
    InProgress,
    MissedDeadline,
    NotApplicable,
}
