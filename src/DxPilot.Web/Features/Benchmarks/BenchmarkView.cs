using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Enterprises;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>An evidence file's particulars, without its bytes.</summary>
public sealed record EvidenceInfo(Guid Id, BenchmarkEvidenceKind Kind, int? ItemNo, string FileName, long SizeBytes, DateTime UploadedAt, string UploadedByName);

/// <summary>One application as a page shows it: the enterprise, the application (a not yet saved draft has version 0),
/// its evidence, and the score and precondition checks computed from them.</summary>
public sealed class BenchmarkView(Enterprise enterprise, BenchmarkApplication application, IReadOnlyList<EvidenceInfo> evidence, Instrument instrument)
{
    public Enterprise Enterprise => enterprise;
    public BenchmarkApplication Application => application;
    public IReadOnlyList<EvidenceInfo> Evidence => evidence;
    public Instrument Instrument => instrument;

    public bool IsSaved => application.Version > 0;
    public EvidenceOnFile OnFile { get; } = EvidenceOnFile.From(evidence.Select(e => (e.Kind, e.ItemNo)));
    public BenchmarkScore Score => _score ??= application.Score(instrument, OnFile);
    public IReadOnlyList<PreconditionCheck> Checks => _checks ??= application.Preconditions(instrument, OnFile);

    private BenchmarkScore? _score;
    private IReadOnlyList<PreconditionCheck>? _checks;

    public IEnumerable<EvidenceInfo> Files(BenchmarkEvidenceKind kind, int? itemNo = null) =>
        evidence.Where(e => e.Kind == kind && e.ItemNo == itemNo);
}

/// <summary>A row of the bureaus' list.</summary>
public sealed record BenchmarkRow(Guid Id, string EnterpriseName, string District, BenchmarkStatus Status, decimal SelfScore,
    BenchmarkSubTotals SubTotals, DateTime UpdatedAt, DateTime? SubmittedAt);

/// <summary>A saved draft, and the files that were refused (each with its reason) while the rest was kept.</summary>
public sealed record BenchmarkSaved(BenchmarkApplication Application, IReadOnlyList<string> RefusedFiles);
