using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Organisations;

public enum AssignmentChangeKind
{
    /// <summary>分配</summary>
    Assigned = 1,
    /// <summary>撤销分配</summary>
    Withdrawn = 2,
}

/// <summary>
/// 分配记录: one assignment made or withdrawn, append-only (nothing updates or deletes it). The audit trail chains it through
/// the interceptor like any audited record; this row is what the pages list per enterprise and per organisation.
/// </summary>
public sealed class AssignmentChange : IAudited
{
    public Guid Id { get; private set; }
    public string ProgrammeId { get; private set; } = "";
    public Guid EnterpriseId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public OrganisationKind OrganisationKind { get; private set; }
    public AssignmentChangeKind Change { get; private set; }
    public string? Reason { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTime At { get; private set; }

    AuditKey IAudited.AuditKey => AuditKey.Of<AssignmentChange>(Id);

    private AssignmentChange() { }

    internal static AssignmentChange Record(Organisation organisation, Guid enterpriseId, AssignmentChangeKind change, string? reason,
        Actor actor, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = organisation.ProgrammeId, EnterpriseId = enterpriseId, OrganisationId = organisation.Id,
        OrganisationKind = organisation.Kind, Change = change, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        ActorId = actor.UserId, ActorName = actor.Name, At = at,
    };
}
