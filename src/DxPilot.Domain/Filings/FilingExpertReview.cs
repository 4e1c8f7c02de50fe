using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Filings;

/// <summary>
/// 专家评审: one expert's review of one round of a filing, assigned by the city (seed 003 二 3 试点符合性审核). The expert scores it
/// on the programme's <see cref="ReviewForm"/> and recommends; the city reads all of a round's reviews side by side and decides.
/// </summary>
public sealed class FilingExpertReview : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<FilingExpertReview>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid FilingId { get; private set; }
    /// <summary>The submitted round reviewed; a resubmission needs new reviews.</summary>
    [NotAudited] public int Round { get; private set; }
    [NotAudited] public string ExpertUserId { get; private set; } = "";
    public string ExpertName { get; private set; } = "";
    [NotAudited] public DateTime AssignedAt { get; private set; }
    [NotAudited] public string AssignedByName { get; private set; } = "";
    /// <summary>Score per review item key.</summary>
    public Dictionary<string, int> Scores { get; private set; } = [];
    public Recommendation? Recommendation { get; private set; }
    public string? Opinion { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    [NotAudited] public int Version { get; private set; }

    private FilingExpertReview() { }

    public bool IsDone => SubmittedAt is not null;

    public int Total => Scores.Values.Sum();

    public static FilingExpertReview Assign(Filing f, string expertUserId, string expertName, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = f.ProgrammeId, FilingId = f.Id, Round = f.Round, ExpertUserId = expertUserId, ExpertName = expertName,
        AssignedAt = now, AssignedByName = byName, Version = 1,
    };

    /// <summary>Hands the review in (the caller checked the scores against the form); once in, it is final.</summary>
    public void Submit(Dictionary<string, int> scores, Recommendation recommendation, string? opinion, DateTime now)
    {
        if (IsDone) throw new InvalidOperationException("评审意见已提交，不能修改");
        Scores = scores;
        Recommendation = recommendation;
        Opinion = string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim();
        SubmittedAt = now;
        Version++;
    }
}
