using DxPilot.Domain.Auditing;

namespace DxPilot.Infrastructure.Auditing;

/// <summary>What the next save is, when it is more than a plain create or edit; read by <see cref="AuditInterceptor"/>.
/// Who does it is never set here: it comes from <see cref="ICurrentActor"/>.</summary>
public sealed class AuditContext
{
    /// <summary>Overrides the action of the next save's entries (新建/修改 otherwise), e.g. <see cref="AuditAction.Imported"/>.</summary>
    public AuditAction? Action { get; set; }
    /// <summary>Per-record source for batch work, e.g. each imported row's "名单.xlsx 第12行".</summary>
    public Dictionary<Guid, string> SourceFor { get; } = [];
}
