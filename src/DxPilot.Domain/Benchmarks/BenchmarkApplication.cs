using DxPilot.Domain.Auditing;
using DxPilot.Domain.Instruments;

namespace DxPilot.Domain.Benchmarks;

/// <summary>申报状态</summary>
public enum BenchmarkStatus
{
    /// <summary>草稿: may be saved with anything incomplete.</summary>
    Draft = 1,
    /// <summary>已提交: every precondition passed; no longer changes.</summary>
    Submitted = 2,
}

/// <summary>
/// 示范标杆企业申报 (Heilongjiang, seed 000): one enterprise's self-score (自评表), its overview (情况概述) and what it
/// declares for the preconditions. A draft takes anything; submission is refused while any precondition fails.
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

    /// <summary>A new draft; it is scored by its first <see cref="Revise"/>.</summary>
    public static BenchmarkApplication Start(string programmeId, Guid enterpriseId, Instrument instrument, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = programmeId, EnterpriseId = enterpriseId, InstrumentId = instrument.Id,
        InstrumentVersion = instrument.Version, Status = BenchmarkStatus.Draft, CreatedAt = now, UpdatedAt = now,
    };

    public bool IsDraft => Status == BenchmarkStatus.Draft;

    /// <summary>Replaces the draft's content and re-scores it against the evidence now on file.</summary>
    public void Revise(Instrument instrument, BenchmarkAnswers answers, BenchmarkFacts facts, string? overview, EvidenceOnFile evidence, DateTime now)
    {
        if (!IsDraft) throw new InvalidOperationException("申报已提交，不能再修改");
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

    /// <summary>What the precondition checks see: a declaration counts only with its screenshot or scan on file.</summary>
    private BenchmarkApplicant Applicant(EvidenceOnFile evidence) => new()
    {
        CreditScreenshotsClean = Facts.CreditClean && evidence.Has(BenchmarkEvidenceKind.CreditChina) && evidence.Has(BenchmarkEvidenceKind.CreditGsxt),
        RegisteredOn = Facts.RegisteredOn,
        RevenueByYear = Facts.RevenueByYear,
        MiitLevel = evidence.Has(BenchmarkEvidenceKind.MiitLevel) ? Facts.MiitLevel : null,
        AuditedReportYears = Facts.AuditedReportYears.ToHashSet(),
        ReportsCarryingPriorYear = Facts.ReportsCarryingPriorYear.ToHashSet(),
        PledgeSignedByLegalRepresentative = Facts.PledgeSigned && evidence.Has(BenchmarkEvidenceKind.Pledge),
        Overview = Overview,
    };

    public IReadOnlyList<PreconditionCheck> Preconditions(Instrument instrument, EvidenceOnFile evidence)
    {
        Same(instrument);
        return BenchmarkPreconditions.Check(instrument, Applicant(evidence));
    }

    /// <summary>提交: refused (the failing checks are returned, nothing changes) while any precondition fails.</summary>
    public IReadOnlyList<PreconditionCheck> Submit(Instrument instrument, EvidenceOnFile evidence, DateTime now)
    {
        if (!IsDraft) throw new InvalidOperationException("申报已提交");
        var failing = Preconditions(instrument, evidence).Where(c => !c.Passed).ToList();
        if (failing.Count > 0) return failing;
        Rescore(instrument, evidence, now);
        Status = BenchmarkStatus.Submitted;
        SubmittedAt = now;
        return [];
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
