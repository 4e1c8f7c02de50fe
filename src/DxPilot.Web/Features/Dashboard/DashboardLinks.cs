using DxPilot.Domain.Projects;
using DxPilot.Domain.Workflow;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// The list behind each figure, with the lists' own query parameters (/enterprises, /diagnoses, /filings, /projects), in the
/// dashboard's district. A cumulative step of the funnel (evaluated, accepted, audited) has no single state, so it opens the
/// district's projects; the per-state counts beside it open exactly their state.
/// </summary>
public static class DashboardLinks
{
    public static string Enterprises(string? district, bool aboveScale = false) =>
        "/enterprises" + Query(("district", district), ("aboveScale", aboveScale ? "true" : null));

    public static string Diagnosed(string? district) => "/diagnoses" + Query(("state", "accepted"), ("district", district));

    public static string Filed(string? district) => "/filings" + Query(("state", "filed"), ("district", district));

    public static string Projects(string? district, ProjectStatus? state = null) =>
        "/projects" + Query(("state", state is { } s ? WorkflowNames.Of(s) : null), ("district", district));

    public static string PastPeriod(string? district) => "/projects" + Query(("overdue", "yes"), ("district", district));

    public static string ProviderDiagnoses(Guid provider, string? district) => "/diagnoses" + Query(("provider", provider.ToString()), ("district", district));

    /// <summary>A funnel step's list.</summary>
    public static string Funnel(string key, string? district) => key switch
    {
        "registered" => Enterprises(district),
        "diagnosed" => Diagnosed(district),
        "filed" => Filed(district),
        "paid" => Projects(district, ProjectStatus.Paid),
        _ => Projects(district),
    };

    /// <summary>A target figure's list.</summary>
    public static string Target(string key, string? district) => key switch
    {
        "diagnosed" => Diagnosed(district),
        "filed" => Enterprises(district, aboveScale: true),
        _ => Projects(district),
    };

    private static string Query(params (string Key, string? Value)[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }
}
