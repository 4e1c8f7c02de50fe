using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Supervision;

/// <summary>The rating form's fields as the browser posts them: a score per criterion key (text, so that a blank or a typo is
/// answered with the criterion's message rather than refused unread), the remark and the version read.</summary>
public sealed class RatingFormInput
{
    // Form binding leaves a collection null when no field of it was posted (no star chosen).
    public Dictionary<string, string?> Scores { get; set => field = value ?? []; } = [];
    public string? Remark { get; set; }
    public int? Version { get; set; }

    public RatingInput ToInput() => new(
        Scores.ToDictionary(s => s.Key, s => int.TryParse(HalfWidth.OfOrNull(s.Value)?.Trim(), out var n) ? n : (int?)null), Remark, Version);
}
