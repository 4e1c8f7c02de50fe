using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Projects;

/// <summary>
/// 改造项目: a filed project from its transformation to its subsidy (seed 002 三（二）3-7). Opened when its filing is confirmed,
/// it carries the filing's figures the later steps read (target level, period, exclusions), the completion report, the agency's
/// evaluation and acceptance, the audit's result and the approved subsidy. Invoices and payments are rows of their own; every
/// change of state goes through the programme's chain (<see cref="Apply"/>).
/// </summary>
public sealed class Project : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<Project>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid FilingId { get; private set; }
    [NotAudited] public Guid EnterpriseId { get; private set; }
    [NotAudited] public string District { get; private set; } = "";
    [NotAudited] public string ProjectName { get; private set; } = "";
    [NotAudited] public int? TargetLevel { get; private set; }
    [NotAudited] public decimal? InvestmentWan { get; private set; }
    /// <summary>The last day of the filing's 实施期限: a project not completed by then is overdue.</summary>
    [NotAudited] public DateOnly? DueOn { get; private set; }
    [NotAudited] public bool ExcludedFromCentralFunds { get; private set; }
    public ProjectStatus Status { get; private set; }
    [NotAudited] public DateTime StatusSince { get; private set; }
    [NotAudited] public DateTime FiledAt { get; private set; }

    public CompletionReport Completion { get; private set; } = new();
    public DateTime? CompletedAt { get; private set; }

    /// <summary>The agency that evaluated, and the 改造后 assessment it issued the report on.</summary>
    [NotAudited] public Guid? AgencyId { get; private set; }
    public string? AgencyName { get; private set; }
    public Guid? AfterAssessmentId { get; private set; }
    public int? LevelAfter { get; private set; }
    public decimal? ScoreAfter { get; private set; }
    /// <summary>The 改造前 assessment the report compares with (the diagnosis'), when there is one.</summary>
    public Guid? BeforeAssessmentId { get; private set; }
    public int? LevelBefore { get; private set; }
    public decimal? ScoreBefore { get; private set; }
    /// <summary>评测结论 as the report prints it.</summary>
    public string? EvaluationConclusion { get; private set; }
    public DateTime? EvaluatedAt { get; private set; }

    public AcceptanceRecord Acceptance { get; private set; } = new();
    /// <summary>The group members' expert accounts as "|id|id|": an expert's scope reads it without opening the document.</summary>
    [NotAudited] public string ExpertAccounts { get; private set; } = "";
    /// <summary>所属县（市、区）工信主管部门意见.</summary>
    public string? DistrictOpinion { get; private set; }
    public DateTime? AcceptedAt { get; private set; }

    [NotAudited] public Guid? AuditFirmId { get; private set; }
    public string? AuditFirmName { get; private set; }
    /// <summary>审定合规投入（元）: the sum of the eligible parts when the audit was completed.</summary>
    public decimal? EligibleYuan { get; private set; }
    public string? AuditOpinion { get; private set; }
    public DateTime? AuditedAt { get; private set; }

    /// <summary>The approved subsidy (万元) and its parts, as computed at approval; null until approved.</summary>
    public decimal? SubsidyWan { get; private set; }
    public decimal? CentralWan { get; private set; }
    public decimal? LocalWan { get; private set; }
    public string? SubsidyBasis { get; private set; }
    public string? ApprovalBatch { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    /// <summary>Paid so far (万元), the sum of the payment records.</summary>
    public decimal PaidWan { get; private set; }

    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private Project() { }

    /// <summary>A confirmed filing becomes a project to carry out; its target, investment, period and exclusions come along.</summary>
    public static Project Open(Filing filing, DateOnly? dueOn, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = filing.ProgrammeId, FilingId = filing.Id, EnterpriseId = filing.EnterpriseId,
        District = filing.District, ProjectName = filing.ProjectName, TargetLevel = filing.TargetLevel, InvestmentWan = filing.InvestmentWan,
        DueOn = dueOn, ExcludedFromCentralFunds = filing.ExcludedFromCentralFunds, Status = ProjectStatus.Implementing,
        StatusSince = now, FiledAt = filing.FiledAt ?? now, Version = 1, CreatedAt = now, UpdatedAt = now,
    };

    public bool IsOverdue(DateOnly today) => DueOn is { } due && today > due && Status == ProjectStatus.Implementing;

    public decimal? OutstandingWan => SubsidyWan is { } s ? s - PaidWan : null;

    /// <summary>The completion report as the enterprise (with its provider) fills it, until reported.</summary>
    public void ReportCompletion(CompletionReport report, DateTime now)
    {
        Require(ProjectWorkflow.CompletionEditable(Status), "完工报告已提交，不能再修改");
        Completion = report;
        Touch(now);
    }

    /// <summary>The agency's evaluation: its 改造后 assessment, the 改造前 one to compare with, its go-live checks and conclusion.</summary>
    public void RecordEvaluation(Guid agencyId, string agencyName, (Guid Id, int Level, decimal Score) after, (Guid Id, int Level, decimal Score)? before,
        IReadOnlyList<(bool? Verified, string? Note)> checks, string? conclusion, DateTime now)
    {
        Require(ProjectWorkflow.EvaluationEditable(Status), "当前状态不能修改评测");
        if (checks.Count != Completion.Deliveries.Count) throw new ArgumentException("核查项数与交付项数不一致", nameof(checks));
        AgencyId = agencyId;
        AgencyName = agencyName;
        (AfterAssessmentId, LevelAfter, ScoreAfter) = (after.Id, after.Level, after.Score);
        (BeforeAssessmentId, LevelBefore, ScoreBefore) = before is { } b ? (b.Id, b.Level, b.Score) : ((Guid?)null, (int?)null, (decimal?)null);
        Completion = new CompletionReport
        {
            Note = Completion.Note,
            Deliveries = Completion.Deliveries.Select((d, i) => d with { Verified = checks[i].Verified, CheckNote = checks[i].Note }).ToList(),
        };
        EvaluationConclusion = conclusion;
        Touch(now);
    }

    /// <summary>The acceptance group, findings, opinion and (for 整改后通过) the items and deadline, while the acceptance is open.</summary>
    public void RecordAcceptance(AcceptanceRecord record, DateTime now)
    {
        Require(ProjectWorkflow.AcceptanceEditable(Status), "当前状态不能修改验收意见");
        Acceptance = record;
        ExpertAccounts = NamedAccounts.Join(record.Members.Select(m => m.UserId).OfType<string>());
        Touch(now);
    }

    /// <summary>The audit firm takes the audit (the first classification names the firm); the report and lines are rows beside it.</summary>
    public void RecordAudit(Guid auditFirmId, string auditFirmName, string? opinion, DateTime now)
    {
        Require(ProjectWorkflow.AuditEditable(Status), "当前状态不能修改审计");
        AuditFirmId = auditFirmId;
        AuditFirmName = auditFirmName;
        AuditOpinion = opinion;
        Touch(now);
    }

    /// <summary>A payment was recorded; the caller checked it stays within the approved amount.</summary>
    public void RecordPayment(decimal amountWan, DateTime now)
    {
        Require(Status == ProjectStatus.Approved, "只有已核定、未拨付完毕的项目可以登记拨付");
        if (amountWan <= 0 || amountWan > OutstandingWan) throw new ArgumentOutOfRangeException(nameof(amountWan));
        PaidWan += amountWan;
        Touch(now);
    }

    /// <summary>
    /// Takes a transition of the programme's chain: refused (nothing changes) unless the chain lets this actor take it now.
    /// Each step stamps its time; the audit fixes the eligible spend, the approval the subsidy (computed by the caller from the
    /// programme's rules and passed in as <paramref name="subsidy"/>), a district's confirmation keeps its opinion.
    /// </summary>
    public TransitionResult<ProjectStatus> Apply(Workflow<ProjectStatus, ProjectTrigger, ProjectCase> chain, ProjectTrigger trigger, Actor actor,
        string? reason, ProjectCase subject, DateTime now, decimal? eligibleYuan = null, SubsidyDecision? subsidy = null, string? batch = null)
    {
        var result = chain.Take(Status, trigger, subject, actor, reason, ProgrammeId, Id.ToString(), now);
        if (!result.Taken) return result;
        switch (result.To)
        {
            case ProjectStatus.Completed: CompletedAt = now; break;
            case ProjectStatus.Evaluated: EvaluatedAt = now; break;
            case ProjectStatus.Accepted:
                AcceptedAt = now;
                DistrictOpinion = reason?.Trim();
                break;
            case ProjectStatus.Audited:
                EligibleYuan = eligibleYuan ?? throw new ArgumentNullException(nameof(eligibleYuan));
                AuditedAt = now;
                break;
            case ProjectStatus.Approved:
                if (subsidy is not { AmountWan: { } amount }) throw new ArgumentNullException(nameof(subsidy));
                (SubsidyWan, CentralWan, LocalWan, SubsidyBasis) = (amount, subsidy.CentralWan, subsidy.LocalWan, subsidy.Basis);
                ApprovalBatch = batch;
                ApprovedAt = now;
                break;
        }
        Status = result.To;
        StatusSince = now;
        Touch(now);
        return result;
    }

    /// <summary>A part of the project (an invoice, a scan, a classification) changed: the project moves to a new version, so two
    /// windows cannot both win.</summary>
    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static void Require(bool allowed, string message)
    {
        if (!allowed) throw new InvalidOperationException(message);
    }
}
