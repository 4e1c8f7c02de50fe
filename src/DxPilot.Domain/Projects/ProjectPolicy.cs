using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Projects;

/// <summary>
/// Who may do what to a project, in one place: the service enforces it, pages and endpoints ask it. Which projects an actor reads
/// at all is the service's scope (ProjectService.InScope: the agency and the audit firm those of the enterprises assigned to them);
/// these rules answer null when allowed, otherwise the reason. Who takes which transition is the programme's chain.
/// </summary>
public static class ProjectPolicy
{
    /// <summary>The enterprise reports its completion, its provider with it.</summary>
    public static string? ReportCompletion(Actor a, Project p, bool providerServes) =>
        a.Role == Role.Enterprise && a.EnterpriseId == p.EnterpriseId || a.Role == Role.ServiceProvider && providerServes ? null
        : "完工报告由试点企业（及其服务商）填写";

    /// <summary>The agency assigned to the enterprise evaluates and accepts (seed 002 二（五）); never the enterprise's self-test.</summary>
    public static string? Evaluate(Actor a, bool agencyAssigned) =>
        a.Role == Role.EvaluationAgency && agencyAssigned ? null : "只有分配给该企业的第三方评测机构可以评测和验收";

    /// <summary>Once an agency has evaluated the project, only that agency continues it (another assigned later does not take over).</summary>
    public static string? Continue(Actor a, Project p, bool agencyAssigned) =>
        Evaluate(a, agencyAssigned) ?? (p.AgencyId is { } by && by != a.OrganisationId ? "该项目由其他评测机构评测，只有该机构可以继续验收" : null);

    /// <summary>The audit firm assigned to the enterprise audits its project.</summary>
    public static string? Audit(Actor a, bool auditFirmAssigned) =>
        a.Role == Role.AuditFirm && auditFirmAssigned ? null : "只有分配给该企业的第三方审计机构可以审计该项目";

    /// <summary>The city approves subsidies and records payments.</summary>
    public static string? Pay(Actor a) => a.Role == Role.CityBureau ? null : "只有市级主管部门可以核定和拨付专项资金";

    /// <summary>The payment list and the money figures are for the bureaus and the think tank.</summary>
    public static bool ReadsMoney(Actor a) => a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank;

    /// <summary>
    /// Conflict of interest, as in filing review (DOMAIN §1: an expert never judges its own employer's clients): a group member whose
    /// unit is one of the project's providers, by USCC or, without one, by name.
    /// </summary>
    public static string? Conflict(ExpertMember m, IReadOnlyCollection<(string Name, string? Uscc)> providers) =>
        providers.Any(p => m.UnitUscc is { Length: > 0 } u ? p.Uscc == u : p.Name == m.Unit.Trim())
            ? $"利益冲突：专家“{m.Name}”所在单位“{m.Unit}”是该项目的服务商，不能参加其验收"
            : null;
}
