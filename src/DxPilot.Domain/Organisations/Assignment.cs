namespace DxPilot.Domain.Organisations;

/// <summary>
/// 分配: an organisation's reach to an enterprise, in force now — the provider serves it, the agency evaluates it, the auditor
/// audits it. At most one of each kind per enterprise (<see cref="AssignmentPolicy"/>); a withdrawn assignment is removed
/// and lives on in its <see cref="AssignmentChange"/> records.
/// </summary>
public sealed class Assignment
{
    public Guid OrganisationId { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public DateTime AssignedAt { get; private set; }
    /// <summary>The organisation's kind, kept on the link so that the database refuses a second one of a kind.</summary>
    public OrganisationKind Kind { get; private set; }

    private Assignment() { }

    internal Assignment(Organisation organisation, Guid enterpriseId, DateTime at) =>
        (OrganisationId, EnterpriseId, AssignedAt, Kind) = (organisation.Id, enterpriseId, at, organisation.Kind);
}
