namespace DxPilot.Domain.Auditing;

/// <summary>A document stored whole in one column whose history is kept field by field (a reader of the audit trail
/// sees "第3项: 否 → 是", not the whole document twice).</summary>
public interface IAuditedDocument
{
    /// <summary>Every field as shown to a reader; a field that is blank is left out.</summary>
    IReadOnlyDictionary<string, string> AuditFields();
}
