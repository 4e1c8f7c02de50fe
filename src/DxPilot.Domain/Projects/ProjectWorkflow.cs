using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Projects;

/// <summary>改造项目 after filing (seed 002 三（二）3-7): the states a filed project passes through to its subsidy. Labels and who
/// moves a project are the programme's (project.workflow); which moves exist at all is fixed here (<see cref="ProjectWorkflow.Moves"/>).</summary>
public enum ProjectStatus
{
    /// <summary>改造实施中: filed, the provider carries out the contract.</summary>
    Implementing = 1,
    /// <summary>待评测: the enterprise reported completion (deliveries, go-live dates, invoices).</summary>
    Completed = 2,
    /// <summary>待验收: the agency issued the 数字化水平评测报告.</summary>
    Evaluated = 3,
    /// <summary>整改中: accepted subject to rectification, until the agency re-checks.</summary>
    Rectifying = 4,
    /// <summary>待区县确认: the agency's group passed it; the district bureau adds its opinion.</summary>
    DistrictConfirmation = 5,
    /// <summary>已验收（待审计）.</summary>
    Accepted = 6,
    /// <summary>验收不通过.</summary>
    Failed = 7,
    /// <summary>已审计（待核定资金）.</summary>
    Audited = 8,
    /// <summary>已核定（待拨付）: the city approved the subsidy.</summary>
    Approved = 9,
    /// <summary>已拨付: payments reached the approved amount.</summary>
    Paid = 10,
}

public enum ProjectTrigger
{
    /// <summary>报告完工</summary>
    Complete = 1,
    /// <summary>出具评测报告</summary>
    Evaluate = 2,
    /// <summary>验收通过</summary>
    Pass = 3,
    /// <summary>整改后通过: rectification items with a deadline</summary>
    Rectify = 4,
    /// <summary>验收不通过</summary>
    Fail = 5,
    /// <summary>复查通过 (rectification done)</summary>
    Recheck = 6,
    /// <summary>区县确认验收</summary>
    Confirm = 7,
    /// <summary>完成专项审计</summary>
    Audit = 8,
    /// <summary>核定补助资金</summary>
    Approve = 9,
    /// <summary>拨付完毕 (the payments reached the approved amount)</summary>
    Pay = 10,
}

/// <summary>What the project's guards look at: the project and what is missing for each step, computed by the service.</summary>
public sealed record ProjectCase(Project Project, ProjectReadiness Readiness);

/// <summary>What is missing, per step, each as the reasons a user reads (empty: ready).</summary>
public sealed record ProjectReadiness(
    IReadOnlyList<string> Completion, IReadOnlyList<string> Evaluation, IReadOnlyList<string> Acceptance, IReadOnlyList<string> Rectification,
    IReadOnlyList<string> Recheck, IReadOnlyList<string> Audit, IReadOnlyList<string> Subsidy, IReadOnlyList<string> Payment);

/// <summary>The 改造项目实施与验收 process: its vocabulary, its guards and the only moves a chain may declare.</summary>
public static class ProjectWorkflow
{
    public static readonly Guard<ProjectCase> Completion = Ready("completion", r => r.Completion);
    public static readonly Guard<ProjectCase> Evaluation = Ready("evaluation", r => r.Evaluation);
    public static readonly Guard<ProjectCase> Acceptance = Ready("acceptance", r => r.Acceptance);
    public static readonly Guard<ProjectCase> Rectification = Ready("rectification", r => r.Rectification);
    public static readonly Guard<ProjectCase> Rechecked = Ready("rechecked", r => r.Recheck);
    public static readonly Guard<ProjectCase> Audit = Ready("audit", r => r.Audit);
    public static readonly Guard<ProjectCase> Subsidy = Ready("subsidy", r => r.Subsidy);
    public static readonly Guard<ProjectCase> FullyPaid = Ready("fullyPaid", r => r.Payment);

    public static readonly Guard<ProjectCase> OpinionRequired = new("opinionRequired", c =>
        string.IsNullOrWhiteSpace(c.Reason) ? $"{c.Action}须填写意见" : null);

    /// <summary>Every move a project can make: a chain declaring another (a failed project accepted, a paid one re-audited) is
    /// refused when the programme is loaded, so a forbidden transition cannot be expressed.</summary>
    public static readonly IReadOnlySet<(ProjectStatus From, ProjectStatus To)> Moves = new HashSet<(ProjectStatus, ProjectStatus)>
    {
        (ProjectStatus.Implementing, ProjectStatus.Completed),
        (ProjectStatus.Completed, ProjectStatus.Evaluated),
        (ProjectStatus.Evaluated, ProjectStatus.DistrictConfirmation),
        (ProjectStatus.Evaluated, ProjectStatus.Rectifying),
        (ProjectStatus.Evaluated, ProjectStatus.Failed),
        (ProjectStatus.Rectifying, ProjectStatus.DistrictConfirmation),
        (ProjectStatus.Rectifying, ProjectStatus.Failed),
        (ProjectStatus.DistrictConfirmation, ProjectStatus.Accepted),
        (ProjectStatus.Accepted, ProjectStatus.Audited),
        (ProjectStatus.Audited, ProjectStatus.Approved),
        (ProjectStatus.Approved, ProjectStatus.Paid),
    };

    public static readonly WorkflowProcess<ProjectStatus, ProjectTrigger, ProjectCase> Process =
        new("改造项目实施与验收", nameof(Project), Completion, Evaluation, Acceptance, Rectification, Rechecked, Audit, Subsidy, FullyPaid, OpinionRequired,
            Guard<ProjectCase>.ReasonRequired) { Moves = Moves };

    /// <summary>The enterprise (and its provider) may change the completion report until it is reported.</summary>
    public static bool CompletionEditable(ProjectStatus s) => s == ProjectStatus.Implementing;

    /// <summary>The agency records its evaluation until it issues the report.</summary>
    public static bool EvaluationEditable(ProjectStatus s) => s == ProjectStatus.Completed;

    /// <summary>The agency's group and opinion are recorded while the acceptance is open.</summary>
    public static bool AcceptanceEditable(ProjectStatus s) => s is ProjectStatus.Evaluated or ProjectStatus.Rectifying;

    /// <summary>The audit firm classifies lines and uploads its report until it completes the audit.</summary>
    public static bool AuditEditable(ProjectStatus s) => s == ProjectStatus.Accepted;

    /// <summary>States that end the project (nothing more happens to it).</summary>
    public static bool Closed(ProjectStatus s) => s is ProjectStatus.Failed or ProjectStatus.Paid;

    private static Guard<ProjectCase> Ready(string name, Func<ProjectReadiness, IReadOnlyList<string>> missing) => new(name, c =>
        missing(c.Subject.Readiness) is { Count: > 0 } m ? $"不能{c.Action}：{string.Join("；", m)}" : null);
}
