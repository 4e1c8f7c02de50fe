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
/// the withdrawn text stays in the audit trail.
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

    private SupervisionComment() { }

    /// <summary>The comment as the author wrote it, or the reasons (by field) it cannot be kept.</summary>
    public static (SupervisionComment? Comment, IReadOnlyDictionary<string, string> Errors) Write(Actor author, string? authorOrganisation,
        SupervisedSubject subject, string? text, FollowUp followUp, DateOnly? rectifyBy, DateOnly today, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) errors["text"] = "请填写督导意见";
        else if (ControlCharacters.In(trimmed, multiline: true)) errors["text"] = ControlCharacters.Message("督导意见");
        else if (ChineseText.CountCharacters(trimmed) is var n and > MaxCharacters) errors["text"] = $"督导意见不超过{MaxCharacters}字，现为{n}字";
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
public sealed record SupervisedSubject(string Type, Guid Id, Guid EnterpriseId, string District, Guid? ProviderId, string Title, string Link);
