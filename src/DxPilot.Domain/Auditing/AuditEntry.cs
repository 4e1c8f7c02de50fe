namespace DxPilot.Domain.Auditing;

/// <summary>
/// One recorded change or event: who, when, what, and each field's before and after. Entries form a chain: each carries
/// the hash of the one before it (<see cref="AuditChain"/>), so an entry edited or deleted in the database is found.
/// Nothing in the product updates or deletes an entry.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC, whole milliseconds (both databases keep them exactly, so the hash can be recomputed).</summary>
    public DateTime At { get; set; }
    public string ProgrammeId { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>Where the change came from when not a form: "导入 滨江区名单.xlsx 第12行", "API", a reason.</summary>
    public string? Source { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
    /// <summary>Position in the chain: 1, 2, 3 … with no gaps; assigned under a lock when the entry is saved.</summary>
    public long Sequence { get; set; }
    /// <summary>Hex SHA-256 of the previous entry in the chain (null for the first).</summary>
    public string? PreviousHash { get; set; }
    /// <summary>Hex SHA-256 over this entry's content and <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; set; }
}

/// <summary>One field's before and after as stored: a date as 2025-07-16, an amount with two decimals in the invariant culture
/// (AuditedFields writes them; <see cref="Date"/> and <see cref="Amount"/> read them back for the pages that word them).</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    public const string DateFormat = "yyyy-MM-dd";

    public static DateOnly? Date(string? stored) =>
        DateOnly.TryParseExact(stored, DateFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    public static decimal? Amount(string? stored) =>
        decimal.TryParse(stored, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : null;
}
