using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Awards;

/// <summary>Who may do what with award applications; the service's scope query decides who reads which.</summary>
public static class AwardPolicy
{
    /// <summary>Only an enterprise applies, for itself.</summary>
    public static string? Apply(Actor a) => a.Role == Role.Enterprise && a.EnterpriseId is not null ? null : "只有企业可以申报";

    public static string? Edit(Actor a, AwardApplication app) =>
        a.Role != Role.Enterprise || a.EnterpriseId != app.EnterpriseId ? "只有申报企业可以修改申报书"
        : !app.IsEditable ? "申报已提交，退回修改后才能再修改"
        : null;

    /// <summary>The city opens and closes review batches.</summary>
    public static string? ManageBatches(Actor a) => a.Role == Role.CityBureau ? null : "只有市级主管部门可以开启或截止申报批次";

    /// <summary>The city assigns the third party's experts.</summary>
    public static string? AssignExperts(Actor a) => a.Role == Role.CityBureau ? null : "只有市级主管部门可以指派评审专家";

    /// <summary>The experts' scores side by side are for the city that decides and the think tank that follows the programme.</summary>
    public static bool ReadsReviews(Actor a) => a.Role is Role.CityBureau or Role.ThinkTank;

    /// <summary>An expert reads an application only while assigned to review it (any round), and scores only its own review.</summary>
    public static System.Linq.Expressions.Expression<Func<AwardExpertReview, bool>> AssignedTo(Actor a) =>
        r => a.Role == Role.Expert && r.ProgrammeId == a.ProgrammeId && r.ExpertUserId == a.UserId;

    /// <summary>Conflict of interest, the one rule of every expert review (<see cref="Reviews.ReviewConflict"/>), worded for an
    /// application: the expert's organisation serves the enterprise, or provided one of its transformation contracts.</summary>
    public static string? Conflict(Guid? expertOrganisation, string? expertOrganisationUscc, IReadOnlyCollection<Guid> enterpriseServedBy,
        IReadOnlyCollection<string> contractProviderUsccs) =>
        Reviews.ReviewConflict.Of(expertOrganisation, expertOrganisationUscc, enterpriseServedBy, contractProviderUsccs, "申报", "该企业改造项目合同");
}
