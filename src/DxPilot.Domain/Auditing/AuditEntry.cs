namespace DxPilot.Domain.Auditing;

/// <summary>One recorded change: who, when, what, and each field's before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string ProgrammeId { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>新建 / 修改 / 导入 / 调整规模 …</summary>
    public string Action { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>Where the change came from when not a form: "导入 滨江区名单.xlsx 第12行", "API".</summary>
    public string? Source { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
}

public sealed record FieldChange(string Field, string? Before, string? After);
