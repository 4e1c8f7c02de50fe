using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Supervision;

/// <summary>What the think tank asks of the party concerned with its comment.</summary>
public enum FollowUp
{
    /// <summary>无需跟进</summary>
    None = 0,
    /// <summary>关注: the think tank will look at it again.</summary>
    Watch = 1,
    /// <summary>需整改: the party must put it right by a date.</summary>
    Rectify = 2,
}

public static class FollowUpLabels
{
    public static string Label(this FollowUp f) => f switch { FollowUp.Watch => "关注", FollowUp.Rectify => "需整改", _ => "" };
}

/// <summary>
/// 督导意见: the think tank's comment on a piece of work (a diagnosis, a filing, a project), named by its kind and id so that
/// any process can carry comments. The enterprise, district and provider concerned are copied in when it is written, so
/// that reading it is scoped without knowing the subject's tables. Nobody edits a comment; its author may withdraw it, and
/// the withdrawn text stays in the audit trail. A 需整改 comment is answered by the party responsible (<see cref="SupervisionReply"/>)
/// and closed (关闭, with a note) by the think tank or the city, who may reopen it; until closed it waits on that party's to-do list.
/// </summary>
public sealed class SupervisionComment : IAudited
{
    public const int MaxCharacters = 2000;

    AuditKey IAudited.AuditKey => AuditKey.Of<SupervisionComment>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    /// <summary>The kind of work commented on: "diagnosis", "filing", "project".</summary>
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    [NotAudited] public Guid EnterpriseId { get; private set; }
    [NotAudited] public string District { get; private set; } = "";
    /// <summary>The service provider whose work it is, when there is one: the comment shows on its page.</summary>
    [NotAudited] public Guid? ProviderId { get; private set; }
    public string Text { get; private set; } = "";
    public FollowUp FollowUp { get; private set; }
    /// <summary>整改期限, for a comment that asks a rectification.</summary>
    public DateOnly? RectifyBy { get; private set; }
    [NotAudited] public string AuthorUserId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string? AuthorOrganisation { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    [NotAudited] public int Version { get; private set; }
    // Migration 0024 adds these as the table's last columns: declared last so that the model's column order is the table's.
    /// <summary>When the party responsible last replied (the reply itself is its own row and a line of this comment's audit trail).</summary>
    [NotAudited] public DateTime? RepliedAt { get; private set; }
    /// <summary>关闭: when the think tank or the city judged the rectification done, who, and why.</summary>
    public DateTime? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? ClosingNote { get; private set; }

    private SupervisionComment() { }

    /// <summary>The comment as the author wrote it, or the reasons (by field) it cannot be kept.</summary>
    public static (SupervisionComment? Comment, IReadOnlyDictionary<string, string> Errors) Write(Actor author, string? authorOrganisation,
        SupervisedSubject subject, string? text, FollowUp followUp, DateOnly? rectifyBy, DateOnly today, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        var trimmed = text?.Trim() ?? "";
        if (TextProblem(trimmed, "督导意见", MaxCharacters) is { } bad) errors["text"] = bad;
        if (!Enum.IsDefined(followUp)) errors["followUp"] = "请选择跟进要求：无、关注或需整改";
        else if (followUp == FollowUp.Rectify && rectifyBy is null) errors["rectifyBy"] = "需整改的意见须写明整改期限";
        else if (followUp == FollowUp.Rectify && rectifyBy < today) errors["rectifyBy"] = "整改期限不能早于今天";
        else if (followUp != FollowUp.Rectify && rectifyBy is not null) errors["rectifyBy"] = "只有需整改的意见才填写整改期限";
        if (errors.Count > 0) return (null, errors);
        return (new SupervisionComment
        {
            Id = Guid.CreateVersion7(), ProgrammeId = author.ProgrammeId, SubjectType = subject.Type, SubjectId = subject.Id,
            EnterpriseId = subject.EnterpriseId, District = subject.District, ProviderId = subject.ProviderId, Text = trimmed,
            FollowUp = followUp, RectifyBy = followUp == FollowUp.Rectify ? rectifyBy : null,
            AuthorUserId = author.UserId, AuthorName = author.Name, AuthorOrganisation = authorOrganisation, CreatedAt = now, Version = 1,
        }, errors);
    }

    public bool IsWithdrawn => WithdrawnAt is not null;
    public bool IsClosed => ClosedAt is not null;
    /// <summary>A 需整改 comment still waiting for its rectification: on the responsible party's to-do list and the panel's count.</summary>
    public bool AwaitsRectification => FollowUp == FollowUp.Rectify && !IsWithdrawn && !IsClosed;

    /// <summary>Why the comment takes no reply now (only an open 需整改 comment does), or null.</summary>
    public string? ReplyRefused() =>
        FollowUp != FollowUp.Rectify ? "只有需整改的督导意见需要回复"
        : IsClosed ? "该整改意见已关闭，不能再回复；如需继续整改，请第三方智库重新打开"
        : null;

    /// <summary>整改回复 by the party responsible (the caller checked who, <see cref="SupervisionPolicy.Reply"/>), or the reasons by field.</summary>
    public (SupervisionReply? Reply, IReadOnlyDictionary<string, string> Errors) Answer(Actor author, string? authorOrganisation, string? text, DateTime now)
    {
        if (ReplyRefused() is { } why) throw new InvalidOperationException(why);
        var trimmed = text?.Trim() ?? "";
        if (TextProblem(trimmed, "整改回复", SupervisionReply.MaxCharacters) is { } bad) return (null, new Dictionary<string, string> { ["text"] = bad });
        RepliedAt = now;
        // A reply and a closing at once: the comment's version lets one of them through and tells the other.
        Version++;
        return (new SupervisionReply(this, author, authorOrganisation, trimmed, now), new Dictionary<string, string>());
    }

    /// <summary>Why the comment cannot be closed now, or null.</summary>
    public string? CloseRefused() =>
        FollowUp != FollowUp.Rectify ? "只有需整改的督导意见需要关闭" : IsClosed ? "该整改意见已关闭" : null;

    /// <summary>关闭 with a note (the caller checked who, <see cref="SupervisionPolicy.Close"/>); null when closed, else why the note is refused.</summary>
    public string? Close(Actor by, string? note, DateTime now)
    {
        if (CloseRefused() is { } why) throw new InvalidOperationException(why);
        var trimmed = note?.Trim() ?? "";
        if (TextProblem(trimmed, "关闭说明", MaxNoteCharacters) is { } bad) return bad;
        (ClosedAt, ClosedBy, ClosingNote) = (now, by.Name, trimmed);
        Version++;
        return null;
    }

    public string? ReopenRefused() => IsClosed ? null : "该整改意见尚未关闭，无需重新打开";

    /// <summary>重新打开: the rectification is found not done after all; the closing stays in the audit trail.</summary>
    public void Reopen()
    {
        if (ReopenRefused() is { } why) throw new InvalidOperationException(why);
        (ClosedAt, ClosedBy, ClosingNote) = (null, null, null);
        Version++;
    }

    public const int MaxNoteCharacters = 500;

    /// <summary>A text a person types here: not empty, no control characters (line breaks allowed), at most so many characters as a person counts them.</summary>
    internal static string? TextProblem(string trimmed, string label, int max) =>
        trimmed.Length == 0 ? $"请填写{label}"
        : ControlCharacters.In(trimmed, multiline: true) ? ControlCharacters.Message(label)
        : ChineseText.CountCharacters(trimmed) is var n && n > max ? $"{label}不超过{max}字，现为{n}字"
        : null;

    /// <summary>撤回: only its author, once.</summary>
    public string? Withdraw(Actor actor, DateTime now)
    {
        if (SupervisionPolicy.Withdraw(actor, this) is { } why) return why;
        WithdrawnAt = now;
        Version++;
        return null;
    }
}

/// <summary>The work a comment is about, as the process that owns it describes it to the supervision.</summary>
/// <param name="EnterpriseResponds">Whether the enterprise answers a 需整改 comment on it as well as the provider (a filing, a project).</param>
public sealed record SupervisedSubject(string Type, Guid Id, Guid EnterpriseId, string District, Guid? ProviderId, string Title, string Link,
    bool EnterpriseResponds);
