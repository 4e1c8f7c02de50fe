using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Benchmarks;

/// <summary>申报状态; the labels users read, and who moves an application between them, are the call's (<see cref="BenchmarkCall"/>).</summary>
public enum BenchmarkStatus
{
    /// <summary>草稿: may be saved with anything incomplete.</summary>
    Draft = 1,
    /// <summary>已提交: every precondition passed; waits for the bureau.</summary>
    Submitted = 2,
    /// <summary>审核中</summary>
    UnderReview = 3,
    /// <summary>退回修改: the enterprise edits it again and may resubmit.</summary>
    Returned = 4,
    /// <summary>已认定</summary>
    Recognised = 5,
    /// <summary>不予认定</summary>
    NotRecognised = 6,
}

/// <summary>
/// 示范标杆企业申报 (Heilongjiang, seed 000): one enterprise's self-score (自评表), its overview (情况概述) and what it
/// declares for the preconditions. A draft takes anything; every change of state goes through the call's workflow
/// (<see cref="Apply"/>), which refuses submission while any precondition fails.
/// </summary>
public sealed class BenchmarkApplication : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<BenchmarkApplication>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid EnterpriseId { get; private set; }
    public string InstrumentId { get; private set; } = "";
    /// <summary>The instrument version the stored score was computed under.</summary>
    public string InstrumentVersion { get; private set; } = "";
    public BenchmarkStatus Status { get; private set; }
    public BenchmarkAnswers Answers { get; private set; } = new();
    public BenchmarkFacts Facts { get; private set; } = new();
    /// <summary>情况概述 (≥ the instrument's minimum, counted as a person sees characters).</summary>
    public string? Overview { get; private set; }
    /// <summary>自评得分 as last computed from the answers and the pictures on file.</summary>
    [NotAudited] public decimal SelfScore { get; private set; }
    [NotAudited] public BenchmarkSubTotals SubTotals { get; private set; } = new();
    public DateTime? SubmittedAt { get; private set; }
    /// <summary>Optimistic concurrency: a form carries the version it was read at.</summary>
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private BenchmarkApplication() { }

    /// <summary>A new draft, its 注册成立日期 taken from the enterprise file when that has one (the form and its precondition
    /// check then read the same date); it is scored by its first <see cref="Revise"/>.</summary>
    public static BenchmarkApplication Start(string programmeId, Guid enterpriseId, Instrument instrument, DateTime now, DateOnly? foundedOn = null) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = programmeId, EnterpriseId = enterpriseId, InstrumentId = instrument.Id,
        InstrumentVersion = instrument.Version, Status = BenchmarkStatus.Draft, CreatedAt = now, UpdatedAt = now,
        Facts = new BenchmarkFacts { RegisteredOn = foundedOn },
    };

    /// <summary>The enterprise changes its application while it is a draft or has been returned to it for changes.</summary>
    public bool IsEditable => EditableIn(Status);

    public static bool EditableIn(BenchmarkStatus status) => status is BenchmarkStatus.Draft or BenchmarkStatus.Returned;

    /// <summary>Replaces the draft's content and re-scores it against the evidence now on file.</summary>
    public void Revise(Instrument instrument, BenchmarkAnswers answers, BenchmarkFacts facts, string? overview, EvidenceOnFile evidence, DateTime now)
    {
        if (!IsEditable) throw new InvalidOperationException("申报已提交，不能再修改");
        Answers = answers;
        Facts = facts;
        Overview = overview;
        Rescore(instrument, evidence, now);
    }

    public BenchmarkScore Score(Instrument instrument, EvidenceOnFile evidence)
    {
        Same(instrument);
        var answered = Answers.Items.Where(i => i.Value.Yes is not null)
            .ToDictionary(i => i.Key, i => new BenchmarkItemAnswer(i.Value.Yes == true, i.Value.Description, evidence.Pictures(i.Key)));
        return BenchmarkSelfScore.Score(instrument, answered);
    }

    /// <summary>What the precondition checks see: a declaration counts only with its screenshot or scan on file (an audited
    /// report's year only with that year's report).</summary>
    private BenchmarkApplicant Applicant(EvidenceOnFile evidence) => new()
    {
        CreditScreenshotsClean = Facts.CreditClean && evidence.Has(BenchmarkEvidenceKind.CreditChina) && evidence.Has(BenchmarkEvidenceKind.CreditGsxt),
        BusinessLicenceOnFile = evidence.Has(BenchmarkEvidenceKind.BusinessLicence),
        RegisteredOn = Facts.RegisteredOn,
        RevenueByYear = Facts.RevenueByYear,
        MiitLevel = evidence.Has(BenchmarkEvidenceKind.MiitLevel) ? Facts.MiitLevel : null,
        AuditedReportYears = Facts.AuditedReportYears.Where(evidence.HasReport).ToHashSet(),
        ReportsCarryingPriorYear = Facts.ReportsCarryingPriorYear.ToHashSet(),
        PledgeSignedByLegalRepresentative = Facts.PledgeSigned && evidence.Has(BenchmarkEvidenceKind.Pledge),
        Overview = Overview,
        RecognitionTitle = Facts.RecognitionTitle,
        RecognitionBatch = Facts.RecognitionBatch,
        RecognitionSerial = Facts.RecognitionSerial,
        RecognitionDocumentOnFile = evidence.Has(BenchmarkEvidenceKind.RecognitionDocument),
    };

    public IReadOnlyList<PreconditionCheck> Preconditions(Instrument instrument, EvidenceOnFile evidence)
    {
        Same(instrument);
        return BenchmarkPreconditions.Check(instrument, Applicant(evidence));
    }

    /// <summary>
    /// Takes a transition of the call's chain: refused (nothing changes) when the chain does not let this actor take it now,
    /// otherwise the new state and the record to save with it. Submission re-scores against the evidence on file.
    /// </summary>
    public TransitionResult<BenchmarkStatus> Apply(Workflow<BenchmarkStatus, BenchmarkTrigger, BenchmarkCase> workflow, BenchmarkTrigger trigger,
        Actor actor, string? reason, Instrument instrument, EvidenceOnFile evidence, DateTime now, IReadOnlyDictionary<int, decimal>? reviewerScores = null)
    {
        Same(instrument);
        var result = workflow.Take(Status, trigger, new BenchmarkCase(this, instrument, evidence, reviewerScores), actor, reason, ProgrammeId, Id.ToString(), now);
        if (!result.Taken) return result;
        if (trigger == BenchmarkTrigger.Submit)
        {
            Rescore(instrument, evidence, now);
            SubmittedAt = now;
        }
        else
        {
            UpdatedAt = now;
            Version++;
        }
        Status = result.To;
        return result;
    }

    private void Rescore(Instrument instrument, EvidenceOnFile evidence, DateTime now)
    {
        var score = Score(instrument, evidence);
        InstrumentVersion = instrument.Version;
        SelfScore = score.Total;
        SubTotals = BenchmarkSubTotals.From(instrument, score);
        UpdatedAt = now;
        Version++;
    }

    private void Same(Instrument instrument)
    {
        if (instrument.Id != InstrumentId) throw new InvalidOperationException($"评测工具不一致：{instrument.Id} ≠ {InstrumentId}");
    }
}
