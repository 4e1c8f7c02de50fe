using System.Collections.Concurrent;
using System.Globalization;
using DxPilot.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DxPilot.Infrastructure.Auditing;

/// <summary>
/// What a record's history shows of a change: field-level before/after of every property not marked
/// <see cref="NotAuditedAttribute"/>, a stored document (<see cref="IAuditedDocument"/>) field by field.
/// </summary>
internal static class AuditedFields
{
    /// <summary>Field-level before/after; null when nothing a reader would see changed.</summary>
    public static List<FieldChange>? Describe(EntityEntry<IAudited> entry) =>
        entry.State == EntityState.Added ? DescribeAdded(entry) : DescribeFromEntries(entry);

    /// <summary>An added record, read from its properties with EF's compiled getters: an import adds hundreds of records per
    /// save, and a property entry per field (with its attribute lookup) cost as much as the rest of the description.</summary>
    internal static List<FieldChange>? DescribeAdded(EntityEntry<IAudited> entry)
    {
        var changes = new List<FieldChange>();
        var record = entry.Entity;
        foreach (var field in Of(entry.Metadata).Fields)
        {
            var value = field.Getter is { } getter ? getter.GetClrValueUsingContainingEntity(record) : entry.CurrentValues[field.Property];
            if (value is IAuditedDocument document) DocumentChanges(null, document, changes);
            else if (Format(value) is { } after) changes.Add(new FieldChange(field.Property.Name, null, after));
        }
        return changes.Count == 0 ? null : changes;
    }

    /// <summary>Any record through EF's property entries: original and current values.</summary>
    internal static List<FieldChange>? DescribeFromEntries(EntityEntry<IAudited> entry)
    {
        var changes = new List<FieldChange>();
        var audited = Of(entry.Metadata).Properties;
        foreach (var p in entry.Properties)
        {
            if (!audited.Contains(p.Metadata)) continue;
            var added = entry.State == EntityState.Added;
            if (p.CurrentValue is IAuditedDocument document)
            {
                DocumentChanges(added ? null : (IAuditedDocument?)p.OriginalValue, document, changes);
                continue;
            }
            var before = added ? null : Format(p.OriginalValue);
            var after = entry.State == EntityState.Deleted ? null : Format(p.CurrentValue);
            if (before != after) changes.Add(new FieldChange(p.Metadata.Name, before, after));
        }
        return changes.Count == 0 ? null : changes;
    }

    private sealed record Field(IProperty Property, IClrPropertyGetter? Getter);

    private sealed record AuditedType(Field[] Fields, HashSet<IProperty> Properties);

    private static readonly ConcurrentDictionary<IEntityType, AuditedType> Types = new();

    /// <summary>A type's audited properties in EF's order, once per model; shadow properties (no getter) are read from the entry.</summary>
    private static AuditedType Of(IEntityType type) => Types.GetOrAdd(type, t =>
    {
        var fields = t.GetProperties()
            .Where(p => p.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: true) != true)
            .Select(p => new Field(p, p.IsShadowProperty() ? null : p.GetGetter()))
            .ToArray();
        return new AuditedType(fields, fields.Select(f => f.Property).ToHashSet());
    });

    private static void DocumentChanges(IAuditedDocument? before, IAuditedDocument after, List<FieldChange> changes)
    {
        var was = before?.AuditFields() ?? new Dictionary<string, string>();
        var now = after.AuditFields();
        foreach (var key in was.Keys.Union(now.Keys))
            if (was.GetValueOrDefault(key) != now.GetValueOrDefault(key)) changes.Add(new FieldChange(key, was.GetValueOrDefault(key), now.GetValueOrDefault(key)));
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString(FieldChange.DateFormat, CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
