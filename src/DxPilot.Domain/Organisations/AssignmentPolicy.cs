using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Organisations;

/// <summary>Why an assignment was refused: the kind decides the answer (403, 409, 400), the message is the user's.</summary>
public enum AssignmentRefusalKind { NotAllowed, AlreadyAssigned, Invalid }

public sealed record AssignmentRefusal(AssignmentRefusalKind Kind, string Message);

/// <summary>
/// Who serves whom (服务商分配), in one place: the service enforces it, pages and endpoints ask it before offering an action.
/// An enterprise or organisation outside the actor's scope never reaches here: the service answers "not found" first.
/// <para>
/// One organisation of each kind per enterprise at a time. Seed 002 has one provider diagnose an enterprise under one
/// agreement (附件2) and one agency evaluate it; the diagnosis takes "the provider assigned" and must not have to choose.
/// A project's other providers (a filing may name several, seed 003 附件1) are parties to its contracts, recorded on the
/// filing, not assignments. Changing the provider is a withdrawal with its reason, then a new assignment: both are kept.
/// </para>
/// </summary>
public static class AssignmentPolicy
{
    public const int MaxReasonCharacters = 500;

    /// <summary>Bureaus assign: the city for any file of its programme, a district for its own district's.</summary>
    public static string? Manage(Actor a) =>
        a.IsBureau ? null : "只有工信主管部门可以分配或撤销服务机构";

    public static string? Manage(Actor a, Enterprise e) =>
        Manage(a) ?? (a.MayEdit(e.Id, e.District) ? null : $"您只能分配{a.District}的企业");

    /// <summary>Who opens the assignments list: bureaus and the think tank (the programme's), organisations (their own).</summary>
    public static string? ReadList(Actor a) =>
        a.IsBureau || a.Role == Role.ThinkTank || a.ReachesThroughAssignment ? null : "您的账号没有服务机构分配名单";

    /// <summary>Who reads who assigned and withdrew, when and why.</summary>
    public static string? ReadHistory(Actor a) =>
        a.IsBureau || a.Role == Role.ThinkTank ? null : "只有工信主管部门和第三方智库可以查看分配记录";

    /// <summary>An organisation's accounts see their own assignments only; which others serve a file is not theirs to know.</summary>
    public static bool SeesOnlyOwn(Actor a) => a.ReachesThroughAssignment;

    /// <summary>The kinds that reach enterprises through an assignment; the think tank reads the whole programme without one.</summary>
    public static bool Assignable(OrganisationKind kind) => kind is not OrganisationKind.ThinkTank;

    /// <summary>Assigns <paramref name="organisation"/> to the enterprise, given the assignments it has now.</summary>
    public static (Assignment? Assignment, AssignmentChange? Change, AssignmentRefusal? Refusal) Assign(Actor actor, Enterprise enterprise,
        Organisation organisation, IReadOnlyCollection<(Assignment Assignment, string OrganisationName)> current, string? note, DateTime at)
    {
        if (Manage(actor, enterprise) is { } no) return (null, null, new(AssignmentRefusalKind.NotAllowed, no));
        if (!Assignable(organisation.Kind))
            return (null, null, new(AssignmentRefusalKind.Invalid, "第三方智库可查看本试点全部企业，无需分配"));
        if (current.Any(c => c.Assignment.OrganisationId == organisation.Id))
            return (null, null, new(AssignmentRefusalKind.AlreadyAssigned, $"该企业已分配给{organisation.Name}，无需重复分配"));
        if (current.FirstOrDefault(c => c.Assignment.Kind == organisation.Kind) is { OrganisationName: { } other })
            return (null, null, new(AssignmentRefusalKind.AlreadyAssigned,
                $"该企业已分配给{organisation.Kind.Label()}“{other}”。每家企业同时只能有一家{organisation.Kind.Label()}，如需更换，请先撤销原分配并填写理由"));
        return (new Assignment(organisation, enterprise, at),
            AssignmentChange.Record(organisation, enterprise.Id, AssignmentChangeKind.Assigned, note, actor, at), null);
    }

    /// <summary>Withdraws an assignment in force; the reason is kept in the record.</summary>
    public static (AssignmentChange? Change, AssignmentRefusal? Refusal) Withdraw(Actor actor, Enterprise enterprise, Organisation organisation,
        Assignment? current, string? reason, DateTime at)
    {
        if (Manage(actor, enterprise) is { } no) return (null, new(AssignmentRefusalKind.NotAllowed, no));
        if (current is null) return (null, new(AssignmentRefusalKind.AlreadyAssigned, $"该企业目前没有分配给{organisation.Name}，无需撤销"));
        if (string.IsNullOrWhiteSpace(reason)) return (null, new(AssignmentRefusalKind.Invalid, "撤销分配须填写理由，如：企业另选服务商"));
        if (ControlCharacters.In(reason, multiline: true)) return (null, new(AssignmentRefusalKind.Invalid, ControlCharacters.Message("撤销理由")));
        if (reason.Trim().Length > MaxReasonCharacters) return (null, new(AssignmentRefusalKind.Invalid, $"撤销理由不超过{MaxReasonCharacters}字"));
        return (AssignmentChange.Record(organisation, enterprise.Id, AssignmentChangeKind.Withdrawn, reason, actor, at), null);
    }
}
