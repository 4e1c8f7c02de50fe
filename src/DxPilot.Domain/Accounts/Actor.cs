namespace DxPilot.Domain.Accounts;

/// <summary>The signed-in person as the rules see them: role and scope (programme, district, organisation, enterprise).</summary>
public sealed record Actor(
    string UserId,
    string Name,
    Role Role,
    string ProgrammeId,
    string? District = null,
    Guid? EnterpriseId = null,
    Guid? OrganisationId = null)
{
    public bool IsBureau => Role is Role.CityBureau or Role.DistrictBureau;

    /// <summary>Who may edit an enterprise file already in scope.</summary>
    public bool MayEdit(Guid enterpriseId, string district) => Role switch
    {
        Role.CityBureau => true,
        Role.DistrictBureau => District == district,
        Role.Enterprise => EnterpriseId == enterpriseId,
        _ => false,
    };

    /// <summary>Fields that decide money and eligibility are the bureau's to set, not the enterprise's.</summary>
    public bool MaySetBureauFields => IsBureau;

    /// <summary>Who reads the field-level history and personal data in full.</summary>
    public bool MaySeeAudit => IsBureau;

    public bool MaySeePersonalData => Role is Role.CityBureau or Role.DistrictBureau or Role.ServiceProvider or Role.Enterprise;

    /// <summary>A phone as this actor may read it (DOMAIN §8): whole for the roles that need it, 138****5678 for the others; none stays none.</summary>
    public string? ShownPhone(string? phone) => MaySeePersonalData || phone is null ? phone : Text.Masking.Phone(phone);

    public bool MayImport => IsBureau;

    /// <summary>Organisations reach enterprises through assignments (服务商 serves, 评测机构 evaluates, 审计机构 audits).</summary>
    public bool ReachesThroughAssignment => Role is Role.ServiceProvider or Role.EvaluationAgency or Role.AuditFirm;

    public const string SystemUserId = "system";

    /// <summary>The platform's own background work (an import worker, a command-line run), not a person; a workflow admits it
    /// only where it declares the "system" participant.</summary>
    public bool IsSystem => UserId == SystemUserId;

    /// <summary>Background work acting in a programme; the name says which (导入程序（服务器甲）), there is no anonymous default.</summary>
    public static Actor System(string programmeId, string name) =>
        new(SystemUserId, name, Role.CityBureau, programmeId);
}
