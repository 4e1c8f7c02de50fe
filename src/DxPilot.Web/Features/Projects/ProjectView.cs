using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Workflow;

namespace DxPilot.Web.Features.Projects;

/// <summary>A project as its page and the API show it: with its enterprise, invoices, scans, payments, contracts, history, what each
/// step still misses, the subsidy as the rules give it now, and which assignments reach the viewer.</summary>
public sealed record ProjectView(
    Project Project, Enterprise Enterprise, Programme Programme, ProjectFacts Facts, IReadOnlyList<ProjectPayment> Payments,
    IReadOnlyList<ProjectContract> Contracts, IReadOnlyList<StateTransition> History, ProjectReadiness Readiness, SubsidyDecision Subsidy,
    ProjectAssignments Viewer, IReadOnlyList<AssessmentChoice> AgencyAssessments)
{
    public ProjectRules Rules => Programme.Project!;

    public string StatusLabel(Actor viewer) => Rules.Chain.Label(Project.Status, viewer);

    public string? InvoiceWarning => ProjectChecks.InvoiceWarning(Facts);

    public decimal InvoicedYuan => Facts.Invoices.Sum(i => i.AmountYuan);

    /// <summary>The eligible spend the audit has classified so far (fixed on the project when the audit completes).</summary>
    public decimal ClassifiedEligibleYuan => Facts.Invoices.Sum(i => i.EligibleYuan ?? 0);
}

/// <summary>A contract of the project's filing, as the completion report and the audit refer to it.</summary>
public sealed record ProjectContract(Guid Id, string Name, string Number, string ProviderName, decimal TotalYuan, IReadOnlyList<string> Lines);

/// <summary>Whether the viewer's organisation is assigned to the enterprise as its provider, its agency or its audit firm.</summary>
public sealed record ProjectAssignments(bool Provider, bool Agency, bool AuditFirm);

/// <summary>An agency's 改造后 assessment it may issue the report on.</summary>
public sealed record AssessmentChoice(Guid Id, DateOnly AssessedOn, int Level, decimal Score, string AssessorName);
