using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Workflow;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>An evidence file's particulars, without its bytes; its type as read from its first bytes at upload.</summary>
public sealed record EvidenceInfo(Guid Id, BenchmarkEvidenceKind Kind, int? ItemNo, string FileName, long SizeBytes, DateTime UploadedAt, string UploadedByName,
    int? Year = null, string ContentType = Domain.Files.FileSignature.Jpeg)
{
    public bool IsPicture => Domain.Files.FileSignature.IsPicture(ContentType);
}

/// <summary>One application as a page shows it: the enterprise, the application (a not yet saved draft has version 0),
/// its evidence, the score and precondition checks computed from them, and its call with the transitions taken so far.</summary>
public sealed class BenchmarkView(Enterprise enterprise, BenchmarkApplication application, IReadOnlyList<EvidenceInfo> evidence, Instrument instrument,
    BenchmarkCall call, IReadOnlyList<StateTransition> history)
{
    public Enterprise Enterprise => enterprise;
    public BenchmarkApplication Application => application;
    public IReadOnlyList<EvidenceInfo> Evidence => evidence;
    public Instrument Instrument => instrument;
    public BenchmarkCall Call => call;
    public IReadOnlyList<StateTransition> History => history;

    /// <summary>The state as this viewer reads it (the enterprise its own label).</summary>
    public string StatusLabel(Actor viewer) => call.Chain.Label(application.Status, viewer);

    /// <summary>The transitions this actor may take now, as the call declares them; the page shows one button for each.</summary>
    public IReadOnlyList<Transition<BenchmarkStatus, BenchmarkTrigger, BenchmarkCase>> Open(Actor actor) =>
        IsSaved ? call.Chain.Open(application.Status, actor) : [];

    /// <summary>Why the application came back, while it is back with the enterprise.</summary>
    public string? ReturnReason => application.Status == BenchmarkStatus.Returned ? history.LastOrDefault()?.Reason : null;

    public bool IsSaved => application.Version > 0;
    public EvidenceOnFile OnFile { get; } = EvidenceOnFile.From(evidence.Select(e => (e.Kind, e.ItemNo, e.Year)));
    public BenchmarkScore Score => _score ??= application.Score(instrument, OnFile);
    public IReadOnlyList<PreconditionCheck> Checks => _checks ??= application.Preconditions(instrument, OnFile);

    private BenchmarkScore? _score;
    private IReadOnlyList<PreconditionCheck>? _checks;

    public IEnumerable<EvidenceInfo> Files(BenchmarkEvidenceKind kind, int? itemNo = null, int? year = null) =>
        evidence.Where(e => e.Kind == kind && e.ItemNo == itemNo && e.Year == year);
}

/// <summary>A row of the bureaus' list.</summary>
public sealed record BenchmarkRow(Guid Id, string EnterpriseName, string District, BenchmarkStatus Status, decimal SelfScore,
    BenchmarkSubTotals SubTotals, DateTime UpdatedAt, DateTime? SubmittedAt);

/// <summary>A saved draft, and the files that were refused (each with its reason) while the rest was kept.</summary>
public sealed record BenchmarkSaved(BenchmarkApplication Application, IReadOnlyList<string> RefusedFiles);
