using DxPilot.Domain.Text;
namespace DxPilot.Domain.Reviews;

/// <summary>One scored item of an expert review: scored with a whole number from 0 to <see cref="MaxScore"/>.</summary>
public sealed record ReviewItem(string Key, string Label, int MaxScore, string? Hint = null);

/// <summary>The scores an expert typed, checked against the items of its review (filing's review form, an award direction's criteria).</summary>
public static class ReviewItems
{
    /// <summary>The score per item key, or the reason per item why not: every item scored, 0 to its maximum, no item the form lacks.</summary>
    public static (Dictionary<string, int> Scores, Dictionary<string, string> Errors) Score(IReadOnlyList<ReviewItem> items,
        IReadOnlyDictionary<string, string?> given)
    {
        var scores = new Dictionary<string, int>();
        var errors = new Dictionary<string, string>();
        foreach (var item in items)
        {
            var text = HalfWidth.OfOrNull(given.GetValueOrDefault(item.Key))?.Trim();
            if (string.IsNullOrEmpty(text)) errors[item.Key] = $"请为“{item.Label}”打分";
            else if (!int.TryParse(text, System.Globalization.NumberStyles.None, null, out var score) || score > item.MaxScore)
                errors[item.Key] = $"“{item.Label}”应为0到{item.MaxScore}之间的整数";
            else scores[item.Key] = score;
        }
        foreach (var unknown in given.Keys.Where(k => items.All(i => i.Key != k)))
            errors[unknown] = "评审表中没有该评分项";
        return (scores, errors);
    }
}
