using DxPilot.Domain.Instruments;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Projects;

/// <summary>
/// What the project list, its exports and the API select: a search (enterprise name or USCC, or the project's name), a district, a
/// state, a step reached (评测, 验收, 审计, 核定, or a verdict either way), the levels before and after, a provider's enterprises,
/// overdue (past the period, or past the rectification deadline), "paid" (any money paid), "aboveScale" (the enterprise is
/// 规上 in one of the programme's pilot industries: Hangzhou's 应改尽改 population) and "mine" — what waits for this
/// account, oldest first. Each dashboard figure is one such filter (DashboardLinks), so the list behind it counts the same rows.
/// </summary>
public sealed record ProjectFilter(string? Search = null, string? District = null, ProjectStatus? State = null, OverdueKind? Overdue = null, bool Mine = false,
    ProjectStep? Step = null, LevelMatch? LevelBefore = null, LevelMatch? LevelAfter = null, Guid? Provider = null, bool Paid = false,
    bool AboveScale = false)
{
    public const int MaxSearch = 100;

    public static readonly ProjectFilter None = new();

    /// <summary>From query-string text: what does not parse leaves its filter empty (a hand-edited link shows the wider list, never an error).</summary>
    public static ProjectFilter From(string? search, string? district, string? state, string? overdue, string? queue, string? step = null,
        string? levelBefore = null, string? levelAfter = null, string? provider = null, string? paid = null, string? aboveScale = null)
    {
        var place = QueryValue.Text(district)?.Trim();
        return new(QueryValue.Search(search, MaxSearch),
            string.IsNullOrEmpty(place) ? null : place, WorkflowNames.Parse<ProjectStatus>(state), ParseOverdue(overdue), queue == "mine",
            QueryValue.Enum<ProjectStep>(step), LevelMatch.Parse(levelBefore, allowNone: true), LevelMatch.Parse(levelAfter, allowNone: false),
            Guid.TryParse(provider, out var p) ? p : null, paid == "yes", aboveScale == "yes");
    }

    // "yes" is how the list's checkbox and older links say "past the period".
    private static OverdueKind? ParseOverdue(string? text) => text switch
    {
        "yes" or "period" => OverdueKind.Period,
        "rectification" => OverdueKind.Rectification,
        _ => null,
    };

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("search", Search); Add("district", District); Add("state", State is { } s ? WorkflowNames.Of(s) : null);
        Add("step", Step is { } step ? Name(step) : null);
        Add("levelBefore", LevelBefore?.ToString()); Add("levelAfter", LevelAfter?.ToString());
        Add("provider", Provider?.ToString());
        Add("overdue", Overdue switch { OverdueKind.Period => "period", OverdueKind.Rectification => "rectification", _ => null });
        if (Paid) Add("paid", "yes");
        if (AboveScale) Add("aboveScale", "yes");
        if (Mine) Add("queue", "mine");
        if (page is > 1) Add("page", page.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public static string Name(ProjectStep step) => step.ToString().ToLowerInvariant();
}

/// <summary>A milestone a project has passed, whatever its state now: the funnel's cumulative steps.</summary>
public enum ProjectStep
{
    /// <summary>完成评测: the agency's evaluation submitted.</summary>
    Evaluated,
    /// <summary>通过验收.</summary>
    Accepted,
    /// <summary>完成审计.</summary>
    Audited,
    /// <summary>已核定补助.</summary>
    Approved,
    /// <summary>已有验收结论: passed, or failed (the pass rate's denominator).</summary>
    Decided,
}

public enum OverdueKind
{
    /// <summary>Still being carried out after the last day of its period.</summary>
    Period,
    /// <summary>Still in rectification after its deadline.</summary>
    Rectification,
}

/// <summary>A level filter: one level (0 无等级 to <see cref="LevelRule.MaxLevel"/>), "none" (no 改造前 level recorded) or "any" (some level recorded).</summary>
public readonly record struct LevelMatch(int? Level, bool Recorded)
{
    public static readonly LevelMatch None = new(null, false), Any = new(null, true);

    public static LevelMatch Exactly(int level) => new(level, true);

    public static LevelMatch? Parse(string? text, bool allowNone) => text?.Trim() switch
    {
        "any" => Any,
        "none" when allowNone => None,
        var t when QueryValue.Int(t) is { } n && n >= 0 && n <= LevelRule.MaxLevel => Exactly(n),
        _ => null,
    };

    public override string ToString() => Level is { } n ? n.ToString() : Recorded ? "any" : "none";

    /// <summary>How the list's chips say it.</summary>
    public string Label => Level is { } n ? LevelNames.Short(n) : Recorded ? "已有等级" : "无记录";
}

/// <summary>Query-string binding for the API list and exports, read through <see cref="ProjectFilter.From"/>.</summary>
public sealed class ProjectFilterParameters
{
    public string? Search { get; init; }
    public string? District { get; init; }
    public string? State { get; init; }
    public string? Overdue { get; init; }
    public string? Queue { get; init; }
    public string? Step { get; init; }
    public string? LevelBefore { get; init; }
    public string? LevelAfter { get; init; }
    public string? Provider { get; init; }
    public string? Paid { get; init; }
    public string? AboveScale { get; init; }
    public string? Page { get; init; }

    public ProjectFilter ToFilter() => ProjectFilter.From(Search, District, State, Overdue, Queue, Step, LevelBefore, LevelAfter, Provider, Paid, AboveScale);
}

/// <summary>One row of the project list.</summary>
public sealed record ProjectRow(Guid Id, Guid EnterpriseId, string EnterpriseName, string? Uscc, string District, string ProjectName, ProjectStatus Status,
    int? TargetLevel, int? LevelBefore, int? LevelAfter, DateOnly? DueOn, decimal? SubsidyWan, decimal PaidWan, DateTime StatusSince);

/// <summary>The filtered projects' count and money (万元), as the dashboard sums them: what the list promises a dashboard figure.</summary>
public sealed record ProjectTotals(int Count, decimal InvestmentWan, decimal SubsidyWan, decimal CentralWan, decimal LocalWan, decimal PaidWan);
