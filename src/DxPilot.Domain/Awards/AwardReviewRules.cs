using DxPilot.Domain.Reviews;

namespace DxPilot.Domain.Awards;

/// <summary>
/// 第三方评审 as a call's file declares it under "review" (seed 004 三（三）: the city has a third party review per pilot
/// industry; 附件2 四（三）, 五（二）: 专家评审): how many experts' reviews the city needs before it decides, and the maximum score per
/// criterion of each direction. The seed names no scoring items, so the items are the direction's own criteria with the
/// ranges the file states.
/// </summary>
public sealed class AwardReviewRules
{
    /// <summary>Expert reviews handed in before 认定 or 不予认定.</summary>
    public required int MinReviews { get; init; }
    /// <summary>Where the numbers come from or, where the seed gives none, what they follow.</summary>
    public required string Basis { get; init; }
    /// <summary>Maximum score per criterion key, per direction key.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> MaxScores { get; init; }

    /// <summary>The items an expert scores for these directions: each criterion of each, in the call's order, keyed
    /// "direction.criterion" and labelled with the criterion and, in brackets, the direction.</summary>
    public IReadOnlyList<ReviewItem> Items(AwardCall call, IEnumerable<string> directions)
    {
        var picked = directions.ToHashSet(StringComparer.Ordinal);
        return call.Directions.Where(d => picked.Contains(d.Key))
            .SelectMany(d => d.Criteria.Select(c => new ReviewItem($"{d.Key}.{c.Key}", $"{c.Label}（{d.Label}）", MaxScores[d.Key][c.Key])))
            .ToList();
    }

    public IEnumerable<(string Path, string Reason)> Problems(AwardCall call)
    {
        if (MinReviews < 1) yield return ("minReviews", "应至少为1");
        if (string.IsNullOrWhiteSpace(Basis)) yield return ("basis", "不能为空");
        foreach (var d in call.Directions)
        {
            if (!MaxScores.TryGetValue(d.Key, out var scores))
            {
                yield return ($"maxScores.{d.Key}", $"缺少方向“{d.Label}”的评分项");
                continue;
            }
            foreach (var c in d.Criteria.Where(c => !scores.ContainsKey(c.Key))) yield return ($"maxScores.{d.Key}", $"缺少条件“{c.Key}”的满分");
            foreach (var (key, max) in scores)
            {
                if (d.Criteria.All(c => c.Key != key)) yield return ($"maxScores.{d.Key}.{key}", "该方向没有这一条件");
                if (max < 1) yield return ($"maxScores.{d.Key}.{key}", "满分应为正整数");
            }
        }
        foreach (var key in MaxScores.Keys.Where(k => call.Direction(k) is null)) yield return ($"maxScores.{key}", "本申报没有这一方向");
    }
}

/// <summary>评审建议</summary>
public enum AwardRecommendation
{
    /// <summary>推荐认定</summary>
    Recognise = 1,
    /// <summary>不推荐</summary>
    NotRecognise = 2,
}

public static class AwardRecommendationLabels
{
    public static string Label(this AwardRecommendation r) => r switch
    {
        AwardRecommendation.Recognise => "推荐认定", AwardRecommendation.NotRecognise => "不推荐", _ => "",
    };
}

/// <summary>An expert's hand-in checked against the items of the application's directions: every item scored 0 to its maximum,
/// a recommendation, and the opinion that says why.</summary>
public static class AwardReviewScores
{
    public const int MaxOpinionCharacters = 2000;

    public static (Dictionary<string, int> Scores, Dictionary<string, string> Errors) Check(IReadOnlyList<ReviewItem> items,
        IReadOnlyDictionary<string, string?> given, AwardRecommendation? recommendation, string? opinion)
    {
        var (scores, errors) = ReviewItems.Score(items, given);
        if (recommendation is null) errors["recommendation"] = "请选择评审建议：推荐认定或不推荐";
        if (string.IsNullOrWhiteSpace(opinion)) errors["opinion"] = "请填写评审意见，说明推荐或不推荐的理由";
        else if (Text.ChineseText.CountCharacters(opinion.Trim()) > MaxOpinionCharacters) errors["opinion"] = $"评审意见不超过{MaxOpinionCharacters}字";
        return (scores, errors);
    }
}
