using DxPilot.Domain.Supervision;

namespace DxPilot.Web.Features.Supervision;

/// <summary>The comment form's fields as the browser posts them.</summary>
public sealed class CommentFormInput
{
    public string? Text { get; set; }
    public FollowUp FollowUp { get; set; }
    public DateOnly? RectifyBy { get; set; }

    public CommentInput ToInput() => new(Text, FollowUp, RectifyBy);
}
