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


/// <summary>A child row (an uploaded file, a team member, a visit) whose arrival, change and removal are lines in its owner's
/// history. It changes only through its owner, so it is saved with it; the lines of one save form one entry.</summary>
public interface IAuditedPart
{
    AuditKey Owner { get; }
    /// <summary>The line as a reader sees it: which slot, and what (e.g. "第3项图片证明", "车间.jpg（1.2 MB）"); a changed row
    /// is recorded as its line before and after.</summary>
    (string Field, string Value) AuditLine { get; }
    /// <summary>What the owner's entry is called: files are 佐证材料, rows of a record 明细变更.</summary>
    AuditAction PartAction => AuditAction.EvidenceChanged;
}
