using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;

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

    /// <summary>The role of the organisation's accounts, whose programme label is the kind's full name (第三方审计机构).</summary>
    public static Accounts.Role AccountRole(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.ServiceProvider => Accounts.Role.ServiceProvider,
        OrganisationKind.EvaluationAgency => Accounts.Role.EvaluationAgency,
        OrganisationKind.AuditFirm => Accounts.Role.AuditFirm,
        _ => Accounts.Role.ThinkTank,
    };
}

/// <summary>
/// A third party working in a programme: a 服务商, a 评测机构, an 审计机构 or a 智库, registered by the city (机构名录) before its
/// accounts are created and it is assigned to enterprises. Every change is in the audit trail.
/// </summary>
public sealed class Organisation : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<Organisation>(Id);

    [NotAudited] public Guid Id { get; set; } = Guid.CreateVersion7();
    [NotAudited] public string ProgrammeId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Uscc { get; set; }
    public OrganisationKind Kind { get; set; }

    public const int NameMaxLength = 100;

    /// <summary>The problems of a registration, by field (Name, Uscc, Kind); empty when it may be registered. The code is
    /// normalised (full-width, lower case) into <paramref name="uscc"/>; <paramref name="kind"/> is null when none was chosen.</summary>
    public static Dictionary<string, string> Check(string? name, string? usccText, OrganisationKind? kind, out string? uscc)
    {
        var errors = new Dictionary<string, string>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) errors[nameof(Name)] = "请填写机构名称（单位全称）";
        else if (trimmed.Length > NameMaxLength) errors[nameof(Name)] = $"机构名称不超过{NameMaxLength}字（现为{trimmed.Length}字）";
        else if (ControlCharacters.In(trimmed)) errors[nameof(Name)] = ControlCharacters.Message("机构名称");
        uscc = null;
        if (string.IsNullOrWhiteSpace(usccText)) errors[nameof(Uscc)] = "请填写统一社会信用代码（18位）";
        else if (!Enterprises.Uscc.TryParse(usccText, out var parsed, out var problem)) errors[nameof(Uscc)] = problem ?? "统一社会信用代码不正确";
        else uscc = parsed.Value.Value;
        if (kind is null) errors[nameof(Kind)] = "请选择机构类别";
        return errors;
    }
}
