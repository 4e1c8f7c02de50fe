using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Filings;

/// <summary>
/// Who may do what to a filing, in one place: the service enforces it, pages and endpoints ask it. Which filings an actor
/// reads at all is the service's scope (FilingService.InScope); these rules answer null when allowed, otherwise the reason.
/// </summary>
public static class FilingPolicy
{
    /// <summary>An enterprise files for itself, and only for itself.</summary>
    public static string? Start(Actor a, Guid enterpriseId) =>
        a.Role != Role.Enterprise ? "备案申请由试点企业提交"
        : a.EnterpriseId != enterpriseId ? "只能为本企业提交备案申请"
        : null;

    /// <summary>The list of filings is for everyone with a scope; an enterprise sees only its own in it.</summary>
    public static bool ReadsList(Actor a) => a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank or Role.Expert
        or Role.ServiceProvider or Role.Enterprise;

    /// <summary>The summary sheet and batch actions are the bureaus'.</summary>
    public static bool ReadsSummary(Actor a) => a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank;

    /// <summary>Whether the actor changes the form's section: the enterprise all of it, its provider (assigned, or named in its 服务合同)
    /// the parts they fill together.</summary>
    public static string? Edit(Actor a, Filing f, FilingSection? section, bool providerServes) =>
        !f.IsEditable ? "备案已提交审核，不能再修改"
        : a.Role == Role.Enterprise && a.EnterpriseId == f.EnterpriseId ? null
        : a.Role == Role.ServiceProvider && providerServes
            ? section is null || section.FilledBy == FilledBy.Together ? null : $"“{section.Title}”由试点企业填写"
        : "只有试点企业（及其服务商共同填写的部分）可以修改备案申请";

    /// <summary>The city assigns experts.</summary>
    public static string? AssignExperts(Actor a) => a.Role == Role.CityBureau ? null : "只有市级主管部门可以指派评审专家";

    /// <summary>The experts' scores side by side are for the city that decides and the think tank that follows the programme.</summary>
    public static bool ReadsReviews(Actor a) => a.Role is Role.CityBureau or Role.ThinkTank;

    /// <summary>Conflict of interest, the one rule of every expert review (<see cref="Reviews.ReviewConflict"/>), worded for a filing.</summary>
    public static string? Conflict(Guid? expertOrganisation, string? expertOrganisationUscc, IReadOnlyCollection<Guid> enterpriseServedBy,
        IReadOnlyCollection<string> contractProviderUsccs) =>
        Reviews.ReviewConflict.Of(expertOrganisation, expertOrganisationUscc, enterpriseServedBy, contractProviderUsccs, "备案", "该项目合同");
}
