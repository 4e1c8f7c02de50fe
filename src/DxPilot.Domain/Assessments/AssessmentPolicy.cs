using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Assessments;

/// <summary>
/// Who may record, change and re-score an assessment, in one place: the service enforces it, pages and endpoints ask it.
/// Each rule answers null when allowed, otherwise the reason shown to the user.
/// </summary>
public static class AssessmentPolicy
{
    /// <summary>The roles that read assessments: bureaus, the think tank, the enterprise itself, and the provider and agency their
    /// own (AssessmentService.InScope asks this first); an audit firm and an expert none.</summary>
    public static bool ReadsAssessments(Actor a) =>
        a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank or Role.Enterprise or Role.ServiceProvider or Role.EvaluationAgency;

    public const string NoAssessments = "数字化水平评测只对工信主管部门、智库、试点企业和开展评测的服务商、评测机构开放。";

    /// <summary>The assessor kind a role answers as; null for roles that only read assessments.</summary>
    public static AssessorKind? AssessorKindOf(Role role) => role switch
    {
        Role.Enterprise => AssessorKind.Enterprise,
        Role.ServiceProvider => AssessorKind.ServiceProvider,
        Role.EvaluationAgency => AssessorKind.EvaluationAgency,
        _ => null,
    };

    /// <summary>Stages each assessor may record: an enterprise only self-tests (its official level must come from an
    /// on-site evaluation, DOMAIN §3); a provider diagnoses before transformation; an agency evaluates before or after.</summary>
    public static IReadOnlyList<AssessmentStage> StagesFor(AssessorKind kind) => kind switch
    {
        AssessorKind.Enterprise => [AssessmentStage.SelfTest],
        AssessorKind.ServiceProvider => [AssessmentStage.Before],
        AssessorKind.EvaluationAgency => [AssessmentStage.Before, AssessmentStage.After],
        _ => [],
    };

    /// <summary>The stages this actor may record on an enterprise file it sees (empty: it only reads).</summary>
    public static IReadOnlyList<AssessmentStage> StagesFor(Actor a) => AssessorKindOf(a.Role) is { } kind ? StagesFor(kind) : [];

    public static string? Record(Actor a, Guid enterpriseId) =>
        AssessorKindOf(a.Role) is { } kind && (kind != AssessorKind.Enterprise || a.EnterpriseId == enterpriseId)
            ? null
            : "只有企业本身（自测）、为其诊断的服务商或评测机构可以填写评测";

    /// <summary>Only who answered may change an assessment: the enterprise its self-test, the organisation its diagnosis or evaluation.</summary>
    public static string? Edit(Actor a, Assessment x) =>
        AssessorKindOf(a.Role) == x.AssessorKind
        && (x.AssessorKind == AssessorKind.Enterprise ? a.EnterpriseId == x.EnterpriseId : a.OrganisationId == x.OrganisationId)
            ? null
            : "只有填写该评测的企业或机构可以修改";

    /// <summary>
    /// An assessment a project's evaluation names — the agency's 改造后 one, or the 改造前 one the report compares with — carries the
    /// level the acceptance and the subsidy rest on: from then on nobody changes, re-scores or drafts a change of it, whoever
    /// answered it. <paramref name="namingProject"/> is that project's name, null when no evaluation names the assessment.
    /// </summary>
    public static string? Locked(string? namingProject) =>
        namingProject switch
        {
            null => null,
            "" => "已被评测报告引用，不可修改",
            _ => $"已被评测报告引用（项目“{namingProject}”），不可修改",
        };

    /// <summary>A draft is kept for whoever may save the assessment it becomes: record a new one, or edit this one.</summary>
    public static string? KeepDraft(Actor a, Guid enterpriseId, Assessment? revising) =>
        revising is null ? Record(a, enterpriseId) : Edit(a, revising);

    /// <summary>Re-scoring changes no answer: the assessor or a bureau may do it.</summary>
    public static string? Rescore(Actor a, Assessment x) =>
        a.IsBureau || Edit(a, x) is null ? null : "只有填写该评测的企业或机构、或工信主管部门可以重新评分";

    /// <summary>The history is read by bureaus and by the assessor itself.</summary>
    public static bool MayReadHistory(Actor a, Assessment x) => a.MaySeeAudit || Edit(a, x) is null;
}
