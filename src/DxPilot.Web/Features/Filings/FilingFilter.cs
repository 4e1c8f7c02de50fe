using DxPilot.Domain.Filings;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// What the filing list, the 附件5 export and the API select: a search (enterprise name or USCC, or the project's name), a
/// district, a state, the target level, the central-fund exclusion, and "mine" — what waits for this account, oldest first.
/// </summary>
public sealed record FilingFilter(string? Search = null, string? District = null, FilingStatus? State = null, int? TargetLevel = null,
    bool? Excluded = null, bool Mine = false)
{
    public const int MaxSearch = 100;

    public static readonly FilingFilter None = new();

    /// <summary>From query-string text: what does not parse leaves its filter empty.</summary>
    public static FilingFilter From(string? search, string? district, string? state, string? target, string? excluded, string? queue)
    {
        var place = QueryValue.Text(district)?.Trim();
        return new(
            QueryValue.Search(search, MaxSearch),
            string.IsNullOrEmpty(place) ? null : place,
            WorkflowNames.Parse<FilingStatus>(state),
            QueryValue.Int(target) is { } t and >= 2 and <= 4 ? t : null,
            excluded switch { "yes" => true, "no" => false, _ => null },
            queue == "mine");
    }

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("search", Search); Add("district", District); Add("state", State is { } s ? WorkflowNames.Of(s) : null);
        Add("target", TargetLevel?.ToString()); Add("excluded", Excluded switch { true => "yes", false => "no", _ => null });
        if (Mine) Add("queue", "mine");
        if (page is > 1) Add("page", page.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>Query-string binding for the export and the API list, read through <see cref="FilingFilter.From"/>.</summary>
public sealed class FilingFilterParameters
{
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    /// <summary>draft / districtReview / cityReview / returned / filed / rejected</summary>
    [FromQuery(Name = "state")] public string? State { get; set; }
    /// <summary>2, 3 or 4</summary>
    [FromQuery(Name = "target")] public string? Target { get; set; }
    /// <summary>yes / no: excluded from central funds</summary>
    [FromQuery(Name = "excluded")] public string? Excluded { get; set; }
    /// <summary>mine: what waits for this account</summary>
    [FromQuery(Name = "queue")] public string? Queue { get; set; }
    [FromQuery(Name = "page")] public string? Page { get; set; }

    public FilingFilter ToFilter() => FilingFilter.From(Search, District, State, Target, Excluded, Queue);
}
