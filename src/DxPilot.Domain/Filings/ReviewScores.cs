namespace DxPilot.Domain.Filings;

/// <summary>An expert's hand-in checked against the programme's review form: every item scored with a whole number from 0 to its
/// maximum, a recommendation, and the opinion that says why whenever the recommendation is not 通过.</summary>
public static class ReviewScores
{
    public const int MaxOpinionCharacters = 2000;

    /// <summary>The scores by item key, or the reason per item (and per "recommendation" / "opinion") why not.</summary>
    public static (Dictionary<string, int> Scores, Dictionary<string, string> Errors) Check(ReviewForm form,
        IReadOnlyDictionary<string, string?> given, Recommendation? recommendation, string? opinion)
    {
        var (scores, errors) = Reviews.ReviewItems.Score(form.Items, given);
        if (recommendation is null) errors["recommendation"] = "请选择评审建议：通过、修改后通过或不通过";
        else if (recommendation != Recommendation.Pass && string.IsNullOrWhiteSpace(opinion))
            errors["opinion"] = $"评审建议为“{recommendation.Value.Label()}”时须填写评审意见，说明需要修改或不通过的理由";
        if (Text.ChineseText.CountCharacters(opinion?.Trim()) > MaxOpinionCharacters) errors["opinion"] = $"评审意见不超过{MaxOpinionCharacters}字";
        return (scores, errors);
    }
}
