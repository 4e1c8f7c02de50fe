using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Supervision;

/// <summary>Who a rating is of.</summary>
public enum RatedKind
{
    /// <summary>数字化转型服务商</summary>
    Provider = 1,
    /// <summary>试点企业</summary>
    Enterprise = 2,
}

/// <summary>
/// 智库评价: one think-tank account's current rating of a provider or an enterprise, one score per criterion of the programme.
/// Rating again replaces the scores; every earlier rating stays in the audit trail, score by score. <see cref="Overall"/> is the
/// mean of the scores on the common 0-100 scale, kept so that averages over many ratings are one SQL aggregate.
/// </summary>
public sealed class SupervisionRating : IAudited
{
    public const int MaxRemarkCharacters = 500;

    AuditKey IAudited.AuditKey => AuditKey.Of<SupervisionRating>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    public RatedKind SubjectKind { get; private set; }
    public Guid SubjectId { get; private set; }
    [NotAudited] public string RaterUserId { get; private set; } = "";
    public string RaterName { get; private set; } = "";
    public string? RaterOrganisation { get; private set; }
    public string? Remark { get; private set; }
    public double Overall { get; private set; }
    public DateTime RatedAt { get; private set; }
    [NotAudited] public int Version { get; private set; }
    public List<RatingScore> Scores { get; private set; } = [];

    private SupervisionRating() { }

    /// <summary>Checks a set of scores against the criteria: every criterion scored, each a whole number on its scale, nothing else.</summary>
    public static IReadOnlyDictionary<string, string> Check(IReadOnlyList<RatingCriterion> criteria, IReadOnlyDictionary<string, int?> scores, string? remark)
    {
        var errors = new Dictionary<string, string>();
        foreach (var c in criteria)
        {
            var (min, max) = c.Range;
            if (!scores.TryGetValue(c.Key, out var s) || s is null) errors[c.Key] = $"请为“{c.Name}”评分（{c.ScaleLabel}）";
            else if (s < min || s > max) errors[c.Key] = $"“{c.Name}”的评分应在{min}到{max}之间，现为{s}";
        }
        foreach (var key in scores.Keys.Where(k => criteria.All(c => c.Key != k)))
            errors[key] = $"本试点没有“{key}”这项评价指标";
        if (ControlCharacters.In(remark, multiline: true)) errors["remark"] = ControlCharacters.Message("评价说明");
        else if (ChineseText.CountCharacters(remark?.Trim()) is var n and > MaxRemarkCharacters) errors["remark"] = $"评价说明不超过{MaxRemarkCharacters}字，现为{n}字";
        return errors;
    }

    /// <summary>A first rating by this rater of this subject (the scores were checked by <see cref="Check"/>).</summary>
    public static SupervisionRating Rate(Actor rater, string? raterOrganisation, RatedKind kind, Guid subjectId, IReadOnlyList<RatingCriterion> criteria,
        IReadOnlyDictionary<string, int?> scores, string? remark, DateTime now)
    {
        var rating = new SupervisionRating
        {
            Id = Guid.CreateVersion7(), ProgrammeId = rater.ProgrammeId, SubjectKind = kind, SubjectId = subjectId, RaterUserId = rater.UserId,
            RaterName = rater.Name, RaterOrganisation = raterOrganisation, Version = 0,
        };
        rating.Rerate(criteria, scores, remark, now);
        return rating;
    }

    /// <summary>The rater rates again: the scores and remark replace the current ones.</summary>
    public void Rerate(IReadOnlyList<RatingCriterion> criteria, IReadOnlyDictionary<string, int?> scores, string? remark, DateTime now)
    {
        foreach (var c in criteria)
        {
            var score = scores[c.Key]!.Value;
            if (Scores.FirstOrDefault(s => s.Criterion == c.Key) is { } existing) existing.Set(c, score);
            else Scores.Add(RatingScore.Of(Id, c, score));
        }
        Scores.RemoveAll(s => criteria.All(c => c.Key != s.Criterion));
        Overall = criteria.Average(c => RatingScales.Percent(c.Scale, scores[c.Key]!.Value));
        Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        RatedAt = now;
        Version++;
    }
}

/// <summary>One criterion's score in a rating; its changes are lines of the rating's history.</summary>
public sealed class RatingScore : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<SupervisionRating>(RatingId);
    (string Field, string Value) IAuditedPart.AuditLine => (CriterionName, Scale == RatingScales.Stars ? $"{Score}星" : $"{Score}分");
    AuditAction IAuditedPart.PartAction => AuditAction.DetailsChanged;

    public Guid Id { get; private set; }
    public Guid RatingId { get; private set; }
    public string Criterion { get; private set; } = "";
    public string CriterionName { get; private set; } = "";
    public string Scale { get; private set; } = "";
    public int Score { get; private set; }

    private RatingScore() { }

    internal static RatingScore Of(Guid ratingId, RatingCriterion c, int score) => new()
    {
        Id = Guid.CreateVersion7(), RatingId = ratingId, Criterion = c.Key, CriterionName = c.Name, Scale = c.Scale, Score = score,
    };

    internal void Set(RatingCriterion c, int score)
    {
        CriterionName = c.Name;
        Scale = c.Scale;
        Score = score;
    }
}
