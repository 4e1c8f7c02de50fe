using DxPilot.Domain.Accounts;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>Who is changing things in this unit of work, and why; read when SaveChanges writes the audit trail.</summary>
public sealed class AuditContext
{
    public Actor? Actor { get; set; }
    /// <summary>Overrides the action name (新建/修改) for the next save, e.g. "导入".</summary>
    public string? Action { get; set; }
    public string? Source { get; set; }
    /// <summary>Per-entity source for batch work, e.g. each imported row's "导入 名单.xlsx 第12行".</summary>
    public Dictionary<Guid, string> SourceFor { get; } = [];
}
