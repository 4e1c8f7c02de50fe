namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>An assessment whose stored answers no longer fit the instrument (e.g. a question renamed in a new version): left unchanged.</summary>
public sealed record RescoreFailure(Guid AssessmentId, string Reason);

/// <summary>重新评分 what one run did. Every assessment read is counted once:
/// <c>Scanned = Changed + Unchanged + Failed + RevisedMeanwhile</c>.</summary>
/// <param name="RevisedMeanwhile">Revised by someone while the run was scoring them: their new answers are kept, not overwritten.</param>
/// <param name="Locked">Named by a project's evaluation (AssessmentPolicy.Locked): not read, not counted in <c>Scanned</c>, left as they are.</param>
/// <param name="FirstFailures">The first failures in id order (at most <see cref="AssessmentRescorer.FailuresListed"/>), each with its reason.</param>
public sealed record RescoreReport(
    string InstrumentId,
    string InstrumentName,
    string InstrumentVersion,
    string? ProgrammeId,
    int Scanned,
    int Changed,
    int Unchanged,
    int Failed,
    int RevisedMeanwhile,
    int Locked,
    IReadOnlyList<RescoreFailure> FirstFailures,
    TimeSpan Elapsed)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Scanned / Elapsed.TotalSeconds : 0;
}
