using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Supervision;

/// <summary>
/// 整改回复: what the party responsible for a 需整改 comment says it did (the provider on a diagnosis; the enterprise or its provider
/// on a filing or a project). Written through <see cref="SupervisionComment.Answer"/>, never edited; each reply is a line of the
/// comment's audit trail.
/// </summary>
public sealed class SupervisionReply : IAuditedPart
{
    public const int MaxCharacters = 2000;

    public Guid Id { get; private set; }
    public Guid CommentId { get; private set; }
    public string ProgrammeId { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string AuthorUserId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string? AuthorOrganisation { get; private set; }
    public DateTime CreatedAt { get; private set; }

    AuditKey IAuditedPart.Owner => AuditKey.Of<SupervisionComment>(CommentId);
    (string Field, string Value) IAuditedPart.AuditLine =>
        ("整改回复", $"{AuthorName}{(AuthorOrganisation is { } org && org != AuthorName ? $"（{org}）" : "")}：{Text}");
    AuditAction IAuditedPart.PartAction => AuditAction.DetailsChanged;

    private SupervisionReply() { }

    internal SupervisionReply(SupervisionComment comment, Actor author, string? authorOrganisation, string text, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CommentId = comment.Id;
        ProgrammeId = comment.ProgrammeId;
        Text = text;
        AuthorUserId = author.UserId;
        AuthorName = author.Name;
        AuthorOrganisation = authorOrganisation;
        CreatedAt = now;
    }
}
