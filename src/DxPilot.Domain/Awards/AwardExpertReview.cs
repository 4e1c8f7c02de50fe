using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Awards;

/// <summary>
/// 专家评审: one expert's review of one round of an award application, assigned by the city with the panel of the application's
/// pilot industry (seed 004 三（三） 分四个试点行业开展评审). The round is the application's revision: an application returned
/// and submitted again is reviewed afresh. The expert scores each criterion of the directions applied for, recommends and says
/// why, once.
/// </summary>
public sealed class AwardExpertReview : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<AwardExpertReview>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public string CallId { get; private set; } = "";
    [NotAudited] public Guid ApplicationId { get; private set; }
    /// <summary>The application's revision reviewed.</summary>
    [NotAudited] public int Round { get; private set; }
    [NotAudited] public string ExpertUserId { get; private set; } = "";
    public string ExpertName { get; private set; } = "";
    [NotAudited] public DateTime AssignedAt { get; private set; }
    [NotAudited] public string AssignedByName { get; private set; } = "";
    /// <summary>Score per item key ("direction.criterion").</summary>
    public Dictionary<string, int> Scores { get; private set; } = [];
    public AwardRecommendation? Recommendation { get; private set; }
    public string? Opinion { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    [NotAudited] public int Version { get; private set; }

    private AwardExpertReview() { }

    public bool IsDone => SubmittedAt is not null;

    public int Total => Scores.Values.Sum();

    /// <summary>The total of one direction's criteria.</summary>
    public int TotalOf(string direction) => Scores.Where(s => s.Key.StartsWith(direction + ".", StringComparison.Ordinal)).Sum(s => s.Value);

    public static AwardExpertReview Assign(AwardApplication application, string expertUserId, string expertName, string byName, DateTime now)
    {
        if (application.Status != AwardStatus.UnderReview) throw new InvalidOperationException("只有评审中的申报才能指派评审专家");
        return new AwardExpertReview
        {
            Id = Guid.CreateVersion7(), ProgrammeId = application.ProgrammeId, CallId = application.CallId, ApplicationId = application.Id,
            Round = application.Revision, ExpertUserId = expertUserId, ExpertName = expertName, AssignedAt = now, AssignedByName = byName, Version = 1,
        };
    }

    /// <summary>Hands the review in (the caller checked the scores with <see cref="AwardReviewScores"/>); once in, it is final.</summary>
    public void Submit(Dictionary<string, int> scores, AwardRecommendation recommendation, string opinion, DateTime now)
    {
        if (IsDone) throw new InvalidOperationException("评审意见已提交，不能修改");
        Scores = scores;
        Recommendation = recommendation;
        Opinion = opinion.Trim();
        SubmittedAt = now;
        Version++;
    }
}
