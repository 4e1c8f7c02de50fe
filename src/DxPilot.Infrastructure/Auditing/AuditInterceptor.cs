using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DxPilot.Infrastructure.Auditing;

/// <summary>
/// The one audit path: on every save, writes field-level before/after for each changed <see cref="IAudited"/> record,
/// fills in the actor of event entries added by hand (sign-ins, downloads), and links every new entry into the hash
/// chain — all in the transaction of the change itself, under a lock so that two copies of the platform never fork
/// the chain.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor current, TimeProvider clock) : SaveChangesInterceptor
{
    private IDbContextTransaction? _own;
    /// <summary>The entries this save composed, linked into the chain, written by <see cref="AuditRows"/> once the save succeeded.</summary>
    private readonly List<AuditEntry> _composed = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        if (e.Context is DxPilotDbContext db) await WriteAsync(db, ct);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        if (e.Context is DxPilotDbContext db) WriteAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    // The composed entries are written after the records they describe (so a failed save writes none), before the commit.
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        if (_composed.Count > 0 && e.Context is DxPilotDbContext db) await AuditRows.InsertAsync(db, _composed, ct);
        _composed.Clear();
        if (_own is { } tx) { _own = null; await tx.CommitAsync(ct); await tx.DisposeAsync(); }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        if (_composed.Count > 0 && e.Context is DxPilotDbContext db) AuditRows.Insert(db, _composed);
        _composed.Clear();
        if (_own is { } tx) { _own = null; tx.Commit(); tx.Dispose(); }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData e, CancellationToken ct = default) => await AbandonAsync();
    public override void SaveChangesFailed(DbContextErrorEventData e) => AbandonAsync().GetAwaiter().GetResult();
    public override async Task SaveChangesCanceledAsync(DbContextEventData e, CancellationToken ct = default) => await AbandonAsync();
    public override void SaveChangesCanceled(DbContextEventData e) => AbandonAsync().GetAwaiter().GetResult();

    private async Task AbandonAsync()
    {
        _composed.Clear();
        if (_own is not { } tx) return;
        _own = null;
        await tx.RollbackAsync();
        await tx.DisposeAsync();
    }

    private async Task WriteAsync(DxPilotDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        // One scan for changes per save: each Entries() below would otherwise rescan every tracked record (an import batch is
        // 500 records, then as many new entries); measured, those rescans cost more than describing the changes.
        var autoDetect = tracker.AutoDetectChangesEnabled;
        if (autoDetect) tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            await WriteEntriesAsync(db, tracker, ct);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task WriteEntriesAsync(DxPilotDbContext db, ChangeTracker tracker, CancellationToken ct)
    {
        if (tracker.Entries<AuditEntry>().FirstOrDefault(x => x.State is EntityState.Modified or EntityState.Deleted) is { } touched)
            throw new InvalidOperationException($"审计记录只能新增，不能修改或删除（记录 {touched.Entity.Id}）");

        _composed.Clear();
        var notes = db.Audit;
        var now = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime);
        var transitions = tracker.Entries<StateTransition>().Where(x => x.State == EntityState.Added).Select(x => x.Entity).ToList();
        foreach (var entry in tracker.Entries<IAudited>().Where(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            if (Describe(entry) is not { } changes) continue;
            var audited = Entry(entry, changes, notes, now);
            // A workflow step changes the record's state: its entry is the step, with the step's reason (the step's own
            // record, with the chain's labels, is what the pages show).
            if (transitions.FirstOrDefault(t => t.EntityType == audited.EntityType && t.EntityId == audited.EntityId) is { } step)
            {
                transitions.Remove(step);
                audited.Action = AuditAction.StateChanged;
                audited.Source = step.Reason;
            }
            _composed.Add(audited);
        }
        // Rows attached to, changed on or removed from a record: one entry of the owner's per save and kind of row.
        foreach (var parts in tracker.Entries<IAuditedPart>().Where(x => x.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
                     .GroupBy(x => (x.Entity.Owner, x.Entity.PartAction)).ToList())
        {
            var (key, action) = parts.Key;
            var owner = tracker.Entries<IAudited>().FirstOrDefault(x => x.Entity.AuditKey == key)
                        ?? throw new InvalidOperationException($"审计：{key.EntityType} {key.EntityId} 的附属记录须与其所属记录一同保存");
            var changes = parts.Select(PartChange).OfType<FieldChange>().ToList();
            if (changes.Count == 0) continue;
            _composed.Add(new AuditEntry
            {
                At = now, ProgrammeId = owner.Entity.ProgrammeId, EntityType = key.EntityType, EntityId = key.EntityId,
                Action = action, Source = current.Channel, Changes = changes,
            });
        }
        // Steps of records that are not audited field by field (import jobs) are entries of their own, under the step's actor.
        foreach (var step in transitions)
            _composed.Add(new AuditEntry
            {
                At = now, ProgrammeId = step.ProgrammeId, EntityType = step.EntityType, EntityId = step.EntityId,
                Action = AuditAction.StateChanged, ActorId = step.ActorId, ActorName = step.ActorName, Source = step.Reason,
                Changes = [new FieldChange("状态", step.FromState, step.ToState)],
            });

        // Entries added by hand (sign-ins, downloads) are saved by EF itself; the chain takes them first, then the composed ones.
        var added = tracker.Entries<AuditEntry>().Where(x => x.State == EntityState.Added).Select(x => x.Entity).ToList();
        if (added.Count == 0 && _composed.Count == 0) return;
        foreach (var p in added.Concat(_composed))
        {
            if (p.ActorId.Length == 0)
            {
                var actor = current.Actor ?? throw new InvalidOperationException(
                    $"审计：{p.EntityType} {p.EntityId} 的变更没有操作人。请求之外的工作须先以具名的系统操作人身份运行（CurrentActor.Assume）");
                p.ActorId = actor.UserId;
                p.ActorName = actor.Name;
            }
            p.At = p.At == default ? now : AuditChain.Truncate(p.At);
        }

        if (db.Database.CurrentTransaction is null) _own = await db.Database.BeginTransactionAsync(ct);
        var (sequence, hash) = await AuditTrail.LockEndAsync(db, ct);
        foreach (var p in added.Concat(_composed))
        {
            AuditChain.Link(p, sequence, hash);
            (sequence, hash) = (p.Sequence, p.Hash);
        }
    }

    private AuditEntry Entry(EntityEntry<IAudited> entry, List<FieldChange> changes, AuditContext notes, DateTime now)
    {
        var actor = current.Actor ?? throw new InvalidOperationException(
            $"审计：{entry.Metadata.ClrType.Name} 的变更没有操作人，拒绝保存。请求之外的工作须先以具名的系统操作人身份运行（CurrentActor.Assume）");
        var audited = entry.Entity;
        var key = audited.AuditKey;
        var recordId = entry.Properties.FirstOrDefault(p => p.Metadata.Name == "Id")?.CurrentValue as Guid?;
        return new AuditEntry
        {
            At = now,
            ProgrammeId = audited.ProgrammeId,
            EntityType = key.EntityType,
            EntityId = key.EntityId,
            Action = notes.Action ?? entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Source = (recordId is { } id ? notes.SourceFor.GetValueOrDefault(id) : null) ?? current.Channel,
            Changes = changes,
        };
    }

    /// <summary>A row's line: added (— → line), removed (line → —), or changed (its line from the values it was read with
    /// → its line now; null when what a reader sees did not change).</summary>
    private static FieldChange? PartChange(EntityEntry<IAuditedPart> part)
    {
        var (field, value) = part.Entity.AuditLine;
        if (part.State == EntityState.Added) return new FieldChange(field, null, value);
        if (part.State == EntityState.Deleted) return new FieldChange(field, value, null);
        var before = ((IAuditedPart)part.OriginalValues.ToObject()).AuditLine.Value;
        return before == value ? null : new FieldChange(field, before, value);
    }

    /// <summary>Field-level before/after; null when nothing a reader would see changed.</summary>
    private static List<FieldChange>? Describe(EntityEntry<IAudited> entry)
    {
        var changes = new List<FieldChange>();
        foreach (var p in entry.Properties)
        {
            if (IsNotAudited(p.Metadata.PropertyInfo)) continue;
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

    private static readonly ConcurrentDictionary<PropertyInfo, bool> NotAudited = new();

    private static bool IsNotAudited(PropertyInfo? property) =>
        property is not null && NotAudited.GetOrAdd(property, p => p.IsDefined(typeof(NotAuditedAttribute), inherit: true));

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
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
