using DxPilot.Domain.Projects;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Projects;

/// <summary>What the project list, its exports and the API select: a search (enterprise name or USCC, or the project's name), a
/// district, a state, "overdue" (past its period or its rectification deadline) and "mine" — what waits for this account, oldest first.</summary>
public sealed record ProjectFilter(string? Search = null, string? District = null, ProjectStatus? State = null, bool Overdue = false, bool Mine = false)
{
    public const int MaxSearch = 100;

    public static readonly ProjectFilter None = new();

    /// <summary>From query-string text: what does not parse leaves its filter empty.</summary>
    public static ProjectFilter From(string? search, string? district, string? state, string? overdue, string? queue)
    {
        var text = QueryValue.Text(search)?.Trim();
        var place = QueryValue.Text(district)?.Trim();
        return new(string.IsNullOrEmpty(text) ? null : text.Length > MaxSearch ? text[..MaxSearch] : text,
            string.IsNullOrEmpty(place) ? null : place, WorkflowNames.Parse<ProjectStatus>(state), overdue == "yes", queue == "mine");
    }

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("search", Search); Add("district", District); Add("state", State is { } s ? WorkflowNames.Of(s) : null);
        if (Overdue) Add("overdue", "yes");
        if (Mine) Add("queue", "mine");
        if (page is > 1) Add("page", page.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>Query-string binding for the API list and exports, read through <see cref="ProjectFilter.From"/>.</summary>
public sealed class ProjectFilterParameters
{
    public string? Search { get; init; }
    public string? District { get; init; }
    public string? State { get; init; }
    public string? Overdue { get; init; }
    public string? Queue { get; init; }
    public string? Page { get; init; }

    public ProjectFilter ToFilter() => ProjectFilter.From(Search, District, State, Overdue, Queue);
}

/// <summary>One row of the project list.</summary>
public sealed record ProjectRow(Guid Id, Guid EnterpriseId, string EnterpriseName, string? Uscc, string District, string ProjectName, ProjectStatus Status,
    int? TargetLevel, int? LevelBefore, int? LevelAfter, DateOnly? DueOn, decimal? SubsidyWan, decimal PaidWan, DateTime StatusSince);
