namespace DxPilot.Domain.Auditing;

/// <summary>
/// An entity whose every change is written to the audit trail, field by field, by the save itself (no caller writes
/// entries by hand). Properties marked <see cref="NotAuditedAttribute"/> are left out.
/// </summary>
public interface IAudited
{
    string ProgrammeId { get; }
    /// <summary>The record the history belongs to.</summary>
    AuditKey AuditKey { get; }
}

/// <summary>The record an audit entry is filed under: its type name and id.</summary>
public readonly record struct AuditKey(string EntityType, string EntityId)
{
    public static AuditKey Of<T>(Guid id) => new(typeof(T).Name, id.ToString());
}

/// <summary>Bookkeeping or derived columns whose changes say nothing to a reader of the history.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

