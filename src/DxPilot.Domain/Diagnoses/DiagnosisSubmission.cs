namespace DxPilot.Domain.Diagnoses;

/// <summary>
/// 提交版本: what the provider submitted in one round, frozen: the team, the visits with their photos' names and results, the
/// agreement, the checklist and the report as they stood. A returned and resubmitted diagnosis keeps every round readable.
/// </summary>
public sealed class DiagnosisSubmission
{
    public Guid Id { get; private set; }
    public Guid DiagnosisId { get; private set; }
    public int Round { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public string SubmittedByName { get; private set; } = "";
    /// <summary>The round's content as JSON (<see cref="DiagnosisSnapshot"/>): readable without today's rows.</summary>
    public string Content { get; private set; } = "";

    private DiagnosisSubmission() { }

    public static DiagnosisSubmission Freeze(Diagnosis d, string byName, string content, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DiagnosisId = d.Id, Round = d.Round, SubmittedAt = now, SubmittedByName = byName, Content = content,
    };
}

/// <summary>A submitted round as it is kept.</summary>
public sealed record DiagnosisSnapshot(
    DateOnly? AgreementSignedOn,
    IReadOnlyList<SnapshotMember> Team,
    IReadOnlyList<SnapshotVisit> Visits,
    IReadOnlyList<SnapshotCheck> Checklist,
    Guid? AssessmentId,
    int ReportCharacters,
    string? ReportJson);

public sealed record SnapshotMember(string Name, string Unit, string Title, string TitleLevel, string Field, string Role, string? Duties, string? Phone);

public sealed record SnapshotVisit(DateOnly Date, TimeOnly Start, TimeOnly End, string Topic, IReadOnlyList<string> Members, string ContactPerson,
    string Outcome, int? Attendance, IReadOnlyList<SnapshotPhoto> Photos);

public sealed record SnapshotPhoto(Guid Id, string Name, string Tag, bool Ok);

public sealed record SnapshotCheck(string Name, bool Passed, string Reason);
