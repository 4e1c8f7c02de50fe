using DxPilot.Domain.Projects;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// 试点看板: one scope's figures (the whole programme, or one district) as computed at <see cref="ComputedAt"/>. The page, the
/// .xlsx and the JSON all show this one record, so they never disagree. Definitions: docs/projects-dashboard.md; <see cref="Awards"/>
/// (奖补, null without award calls): docs/awards.md.
/// </summary>
public sealed record DashboardFigures(
    string ProgrammeId,
    string? District,
    DateTime ComputedAt,
    IReadOnlyList<TargetProgress> Targets,
    IReadOnlyList<FunnelStage> Funnel,
    IReadOnlyList<StageAge> Stages,
    IReadOnlyList<LevelCell> Levels,
    IReadOnlyList<DistrictMoney> Money,
    IReadOnlyList<ProviderStanding> Providers,
    OverdueCounts Overdue,
    AwardMoney? Awards = null)
{
    /// <summary>The level distribution before transformation: the evaluated projects by their 改造前 level (null: none recorded).</summary>
    public IEnumerable<(int? Level, int Count)> Before =>
        Levels.GroupBy(c => c.Before).OrderBy(g => g.Key ?? -1).Select(g => (g.Key, g.Sum(c => c.Count)));

    /// <summary>The level distribution after transformation: the evaluated projects by the agency's level.</summary>
    public IEnumerable<(int Level, int Count)> After => Levels.GroupBy(c => c.After).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(c => c.Count)));

    public int Count(int? before, int after) => Levels.FirstOrDefault(c => c.Before == before && c.After == after)?.Count ?? 0;

    public DistrictMoney MoneyTotal => new("合计", Money.Sum(m => m.Projects), Money.Sum(m => m.CommittedWan), Money.Sum(m => m.Approved),
        Money.Sum(m => m.ApprovedWan), Money.Sum(m => m.CentralWan), Money.Sum(m => m.LocalWan), Money.Sum(m => m.PaidWan));
}

/// <summary>A programme target (or a deadline with its population) and how far the scope has come: each figure against <see cref="Goal"/>.</summary>
public sealed record TargetProgress(string Description, int? Goal, DateOnly? Due, IReadOnlyList<TargetFigure> Figures);

/// <summary>One count towards a target; <see cref="Key"/> names the list behind it (diagnosed, accepted, filed).</summary>
public sealed record TargetFigure(string Key, string Label, int Count);

/// <summary>One step of the funnel: how many reached it (cumulative: a paid project was also evaluated, accepted and audited).</summary>
public sealed record FunnelStage(string Key, string Label, int Count);

/// <summary>The projects now in a state, and the median of how long they have been in it (days; null when none or terminal).</summary>
public sealed record StageAge(ProjectStatus Status, int Count, double? MedianDays);

/// <summary>One cell of the transition matrix: evaluated projects that went from <see cref="Before"/> (null: no 改造前 level) to <see cref="After"/>.</summary>
public sealed record LevelCell(int? Before, int After, int Count);

/// <summary>Money per district (万元): committed (the filed investment), approved (with its central and local parts), paid.</summary>
public sealed record DistrictMoney(string District, int Projects, decimal CommittedWan, int Approved, decimal ApprovedWan, decimal CentralWan,
    decimal LocalWan, decimal PaidWan);

/// <summary>
/// One provider in the league table: enterprises it serves (assignments in force), the acceptance verdicts on their projects and how
/// many passed, the level uplift of their evaluated projects, the enterprises' diagnosis satisfaction (the five ratings, 1 较差 to 4
/// 很好) and <see cref="ThinkTankRating"/>, the think tank's rating average (0-100, SupervisionQueries).
/// </summary>
public sealed record ProviderStanding(Guid Id, string Name, int EnterprisesServed, int Verdicts, int Passed, int Evaluated, int UpliftSum,
    int Satisfactions, decimal? SatisfactionAverage, decimal? ThinkTankRating)
{
    /// <summary>验收通过率 (%), of the projects with a verdict (passed, or failed).</summary>
    public decimal? PassRate => Verdicts == 0 ? null : Math.Round(100m * Passed / Verdicts, 1);

    /// <summary>平均提升等级: levels gained per evaluated project with a 改造前 level.</summary>
    public decimal? AverageUplift => Evaluated == 0 ? null : Math.Round((decimal)UpliftSum / Evaluated, 2);
}

/// <summary>逾期: filed projects still being carried out after their period, rectifications past their deadline.</summary>
public sealed record OverdueCounts(int PastPeriod, int PastRectification);
