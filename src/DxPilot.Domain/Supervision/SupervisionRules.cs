namespace DxPilot.Domain.Supervision;

/// <summary>How a criterion is scored: 1-5 stars or 0-100 points.</summary>
public static class RatingScales
{
    public const string Stars = "stars";
    public const string Points = "points";

    public static (int Min, int Max)? Range(string scale) => scale switch
    {
        Stars => (1, 5),
        Points => (0, 100),
        _ => null,
    };

    /// <summary>A score on the common 0-100 scale, so that criteria on different scales average together (5 stars = 100, 1 star = 20).</summary>
    public static double Percent(string scale, int score) => scale == Stars ? score * 20 : score;
}

/// <summary>评价指标: one thing the think tank rates, on its scale.</summary>
public sealed record RatingCriterion(string Key, string Name, string Scale, string? Description = null)
{
    public (int Min, int Max) Range => RatingScales.Range(Scale) ?? (0, 0);

    public string ScaleLabel => Scale == RatingScales.Stars ? "1-5星" : "0-100分";
}

/// <summary>
/// A programme's supervision (第三方智库督导评价) as its file declares it under "supervision": the criteria on which the think tank
/// rates service providers and pilot enterprises. Seed 002 二（三） gives the think tank the duty to 指导和评价 both but names no
/// criteria, so each programme file says where its criteria come from.
/// </summary>
public sealed class SupervisionRules
{
    public required string Source { get; init; }
    public required IReadOnlyList<RatingCriterion> ProviderCriteria { get; init; }
    public required IReadOnlyList<RatingCriterion> EnterpriseCriteria { get; init; }

    public IReadOnlyList<RatingCriterion> CriteriaFor(RatedKind kind) => kind == RatedKind.Provider ? ProviderCriteria : EnterpriseCriteria;

    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Source)) yield return ("source", "不能为空，请写明评价指标的出处或制定依据");
        foreach (var problem in Check("providerCriteria", ProviderCriteria)) yield return problem;
        foreach (var problem in Check("enterpriseCriteria", EnterpriseCriteria)) yield return problem;
    }

    private static IEnumerable<(string Path, string Reason)> Check(string list, IReadOnlyList<RatingCriterion> criteria)
    {
        if (criteria.Count == 0) yield return (list, "至少需要一项评价指标");
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (string.IsNullOrWhiteSpace(c.Key)) yield return ($"{list}[{i}].key", "不能为空");
            else if (c.Key.Length > 64 || !c.Key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
                yield return ($"{list}[{i}].key", $"“{c.Key}”应为不超过64个字符的英文字母、数字、- 或 _");
            if (string.IsNullOrWhiteSpace(c.Name)) yield return ($"{list}[{i}].name", "不能为空");
            if (RatingScales.Range(c.Scale) is null) yield return ($"{list}[{i}].scale", $"“{c.Scale}”不是可用的评分方式，应为 stars（1-5星）或 points（0-100分）");
        }
        foreach (var dup in criteria.GroupBy(c => c.Key).Where(g => g.Count() > 1))
            yield return (list, $"重复的指标 key “{dup.Key}”");
    }
}
