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

public static class OrganisationKindLabels
{
    public static string Label(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.ServiceProvider => "服务商",
        OrganisationKind.EvaluationAgency => "评测机构",
        OrganisationKind.AuditFirm => "审计机构",
        OrganisationKind.ThinkTank => "智库",
        _ => "",
    };
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
