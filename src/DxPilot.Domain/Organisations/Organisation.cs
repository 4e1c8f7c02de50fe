namespace DxPilot.Domain.Organisations;

public enum OrganisationKind
{
    /// <summary>数字化转型服务商</summary>
    ServiceProvider = 1,
    /// <summary>第三方评测机构</summary>
    EvaluationAgency = 2,
    /// <summary>第三方审计机构</summary>
    AuditFirm = 3,
    /// <summary>第三方智库</summary>
    ThinkTank = 4,
}

/// <summary>A third party working in a programme.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string ProgrammeId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Uscc { get; set; }
    public OrganisationKind Kind { get; set; }
}

/// <summary>An organisation's reach to an enterprise: the provider serves it, the agency evaluates it, the auditor audits it.</summary>
public sealed class Assignment
{
    public Guid OrganisationId { get; set; }
    public Guid EnterpriseId { get; set; }
    public DateTime AssignedAt { get; set; }
}
