using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>
/// What the diagnosis list, its export and the API list select: a search on the enterprise (name or USCC), a district, a
/// provider, a state, and red items — any, one checklist item (<see cref="DiagnosisChecklist.Keys"/>) or past its term.
/// </summary>
public sealed record DiagnosisFilter(string? Search = null, string? District = null, Guid? ProviderId = null, DiagnosisStatus? State = null,
    string? Red = null)
{
    /// <summary>Any item red for the step the diagnosis waits for.</summary>
    public const string AnyRed = "any";
    /// <summary>The agreement's 30-day term has run out while the provider still works on it.</summary>
    public const string PastTerm = "overdue";
    public const int MaxSearch = 100;

    public static readonly DiagnosisFilter None = new();

    /// <summary>From query-string text: what does not parse leaves its filter empty.</summary>
    public static DiagnosisFilter From(string? search, string? district, string? provider, string? state, string? red)
    {
        var place = QueryValue.Text(district)?.Trim();
        return new(
            QueryValue.Search(search, MaxSearch),
            string.IsNullOrEmpty(place) ? null : place,
            Guid.TryParse(provider, out var p) ? p : null,
            WorkflowNames.Parse<DiagnosisStatus>(state),
            red is AnyRed or PastTerm || DiagnosisChecklist.Keys.Contains(red) ? red : null);
    }

    public bool IsEmpty => this == None;

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("search", Search); Add("district", District); Add("provider", ProviderId?.ToString());
        Add("state", State is { } s ? WorkflowNames.Of(s) : null); Add("red", Red);
        if (page is > 1) Add("page", page.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>Query-string binding for the export and the API list, read through <see cref="DiagnosisFilter.From"/>.</summary>
public sealed class DiagnosisFilterParameters
{
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    /// <summary>The provider organisation's id.</summary>
    [FromQuery(Name = "provider")] public string? Provider { get; set; }
    /// <summary>inProgress / submitted / returned / accepted</summary>
    [FromQuery(Name = "state")] public string? State { get; set; }
    /// <summary>any / overdue / a checklist item's key</summary>
    [FromQuery(Name = "red")] public string? Red { get; set; }
    [FromQuery(Name = "page")] public string? Page { get; set; }

    public DiagnosisFilter ToFilter() => DiagnosisFilter.From(Search, District, Provider, State, Red);
}
