using DxPilot.Domain.Auditing;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DxPilot.Infrastructure.Auditing;

/// <summary>
/// The one audit path: on every save, writes field-level before/after for each changed <see cref="IAudited"/> record,
/// fills in the actor of event entries added by hand (sign-ins, downloads), and links every new entry into the hash
/// chain — all in the transaction of the change itself, under a lock so that two copies of the platform never fork
/// the chain.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor current, TimeProvider clock) : InSaveTransaction
{
    /// <summary>The entries this save composed, linked into the chain and written by <see cref="AuditRows"/> once the save
    /// succeeded, continuing from <see cref="_end"/> (the chain's end under the lock, after the entries added by hand).</summary>
    private readonly List<AuditEntry> _composed = [];

    private (long Sequence, string? Hash) _end;

    protected override Task BeforeSaveAsync(DxPilotDbContext db, CancellationToken ct) => WriteEntriesAsync(db, db.ChangeTracker, ct);

    // The composed entries are written after the records they describe (so a failed save writes none), before the commit.
    protected override async Task AfterSaveAsync(DxPilotDbContext db, CancellationToken ct)
    {
        if (_composed.Count > 0) await AuditRows.InsertAsync(db, _composed, Link, ct);
        _composed.Clear();
    }

    private ReadOnlySpan<byte> Link(AuditEntry entry)
    {
        var changes = AuditChain.Link(entry, _end.Sequence, _end.Hash);
        _end = (entry.Sequence, entry.Hash);
        return changes;
    }

    protected override void Forget() => _composed.Clear();

    private async Task WriteEntriesAsync(DxPilotDbContext db, ChangeTracker tracker, CancellationToken ct)
    {
        _composed.Clear();
        // The tracker was scanned once for this save (DxPilotDbContext): each Entries() below only walks the tracked records.
        var transitions = new List<StateTransition>();
        var added = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
            switch (entry.Entity)
            {
                case AuditEntry a when entry.State is EntityState.Modified or EntityState.Deleted:
                    throw new InvalidOperationException($"审计记录只能新增，不能修改或删除（记录 {a.Id}）");
                case AuditEntry a when entry.State == EntityState.Added:
                    added.Add(a);
                    break;
                case StateTransition t when entry.State == EntityState.Added:
                    transitions.Add(t);
                    break;
            }
        var records = tracker.Entries<IAudited>().Where(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var parts = tracker.Entries<IAuditedPart>().Where(x => x.State is EntityState.Added or EntityState.Deleted or EntityState.Modified).ToList();

        var entries = new List<AuditEntry>();
        var notes = db.Audit;
        var now = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime);
        foreach (var entry in records)
        {
            if (AuditedFields.Describe(entry) is not { } changes) continue;
            var audited = Entry(entry, changes, notes, now);
            // A workflow step changes the record's state: its entry is the step, with the step's reason (the step's own
            // record, with the chain's labels, is what the pages show).
            if (transitions.FirstOrDefault(t => t.EntityType == audited.EntityType && t.EntityId == audited.EntityId) is { } step)
            {
                transitions.Remove(step);
                audited.Action = AuditAction.StateChanged;
                audited.Source = step.Reason;
            }
            entries.Add(audited);
        }
        // Rows attached to, changed on or removed from a record: one entry of the owner's per save and kind of row.
        foreach (var group in parts.GroupBy(x => (x.Entity.Owner, x.Entity.PartAction)))
        {
            var (key, action) = group.Key;
            var owner = tracker.Entries<IAudited>().FirstOrDefault(x => x.Entity.AuditKey == key)
                        ?? throw new InvalidOperationException($"审计：{key.EntityType} {key.EntityId} 的附属记录须与其所属记录一同保存");
            var changes = group.Select(PartChange).OfType<FieldChange>().ToList();
            if (changes.Count == 0) continue;
            entries.Add(new AuditEntry
            {
                At = now, ProgrammeId = owner.Entity.ProgrammeId, EntityType = key.EntityType, EntityId = key.EntityId,
                Action = action, Source = current.Channel, Changes = changes,
            });
        }
        // Steps of records that are not audited field by field (import jobs) are entries of their own, under the step's actor.
        foreach (var step in transitions)
            entries.Add(new AuditEntry
            {
                At = now, ProgrammeId = step.ProgrammeId, EntityType = step.EntityType, EntityId = step.EntityId,
                Action = AuditAction.StateChanged, ActorId = step.ActorId, ActorName = step.ActorName, Source = step.Reason,
                Changes = [new FieldChange("状态", step.FromState, step.ToState)],
            });

        // Entries added by hand (sign-ins, downloads) are saved by EF itself; the chain takes them first, then the composed ones.
        if (added.Count == 0 && entries.Count == 0) return;
        foreach (var p in added.Concat(entries))
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

        await InTransactionAsync(db, ct);
        _end = await AuditTrail.LockEndAsync(db, ct);
        foreach (var p in added) Link(p);
        _composed.AddRange(entries);
    }

    private AuditEntry Entry(EntityEntry<IAudited> entry, List<FieldChange> changes, AuditContext notes, DateTime now)
    {
        var actor = current.Actor ?? throw new InvalidOperationException(
            $"审计：{entry.Metadata.ClrType.Name} 的变更没有操作人，拒绝保存。请求之外的工作须先以具名的系统操作人身份运行（CurrentActor.Assume）");
        var audited = entry.Entity;
        var key = audited.AuditKey;
        var recordId = entry.Metadata.FindProperty("Id") is { } id ? entry.CurrentValues[id] as Guid? : null;
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
            Source = (recordId is { } guid ? notes.SourceFor.GetValueOrDefault(guid) : null) ?? current.Channel,
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
}
