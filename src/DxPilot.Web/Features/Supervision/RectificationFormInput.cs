namespace DxPilot.Web.Features.Supervision;

/// <summary>A reply to a 需整改 comment, or the note closing it, as the browser posts it (the comment's id and the text typed).</summary>
public sealed class RectificationFormInput
{
    public Guid CommentId { get; set; }
    public string? Text { get; set; }
}
