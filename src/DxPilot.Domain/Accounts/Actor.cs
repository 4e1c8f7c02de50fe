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

    /// <summary>Who may add enterprises to the file: the city for any district, a district for its own.</summary>
    public bool MayRegisterIn(string district) =>
        Role == Role.CityBureau || (Role == Role.DistrictBureau && District == district);

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

    public bool MayImport => IsBureau;

    /// <summary>Organisations reach enterprises through assignments (服务商 serves, 评测机构 evaluates, 审计机构 audits).</summary>
    public bool ReachesThroughAssignment => Role is Role.ServiceProvider or Role.EvaluationAgency or Role.AuditFirm;

    public static Actor System(string programmeId, string name = "系统") =>
        new("system", name, Role.CityBureau, programmeId);
}
