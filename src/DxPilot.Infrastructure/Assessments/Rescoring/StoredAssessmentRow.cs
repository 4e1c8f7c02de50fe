namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>A stored assessment as the re-scorer reads it, documents still as stored text. <see cref="Result"/> is read
/// only when <see cref="InstrumentVersion"/> is already the current one; otherwise the result is replaced anyway.</summary>
internal sealed record StoredAssessmentRow(Guid Id, int Version, string InstrumentVersion, decimal Score, int Level, string Answers, string? Result);

/// <summary>What is written back for one assessment. <see cref="Version"/> is the one read: a row revised since is left alone.</summary>
internal sealed record RescoredAssessment(Guid Id, int Version, decimal Score, int Level, string Result);
