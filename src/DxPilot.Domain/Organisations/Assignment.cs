using DxPilot.Domain.Enterprises;

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
    /// <summary>The enterprise file's district, kept here so that the diagnosis overview counts a district's assignments
    /// without joining the files (migration 0039); the database context moves it with the file
    /// (Infrastructure/Persistence/DistrictCopies).</summary>
    public string District { get; private set; } = "";

    private Assignment() { }

    internal Assignment(Organisation organisation, Enterprise enterprise, DateTime at) =>
        (OrganisationId, EnterpriseId, AssignedAt, Kind, District) = (organisation.Id, enterprise.Id, at, organisation.Kind, enterprise.District);
}
