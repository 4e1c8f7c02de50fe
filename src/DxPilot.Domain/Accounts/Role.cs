namespace DxPilot.Domain.Accounts;

/// <summary>The kinds of account of seed 002 §2 (DOMAIN §1).</summary>
public enum Role
{
    /// <summary>市工信主管部门</summary>
    CityBureau = 1,
    /// <summary>县（市）区工信主管部门</summary>
    DistrictBureau = 2,
    /// <summary>第三方智库</summary>
    ThinkTank = 3,
    /// <summary>数字化转型服务商</summary>
    ServiceProvider = 4,
    /// <summary>第三方评测机构</summary>
    EvaluationAgency = 5,
    /// <summary>第三方审计机构</summary>
    AuditFirm = 6,
    /// <summary>专家</summary>
    Expert = 7,
    /// <summary>试点企业</summary>
    Enterprise = 8,
}

public static class RoleLabels
{
    public static string Label(this Role role) => role switch
    {
        Role.CityBureau => "市工信主管部门",
        Role.DistrictBureau => "县（市、区）工信主管部门",
        Role.ThinkTank => "第三方智库",
        Role.ServiceProvider => "数字化转型服务商",
        Role.EvaluationAgency => "第三方评测机构",
        Role.AuditFirm => "第三方审计机构",
        Role.Expert => "专家",
        Role.Enterprise => "试点企业",
        _ => "",
    };
}
