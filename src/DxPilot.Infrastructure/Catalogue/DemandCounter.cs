using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DxPilot.Infrastructure.Catalogue;

/// <summary>
/// Keeps <see cref="DemandCount"/> exact on every save, the way the audit trail is kept: whatever path adds, removes or moves a
/// need, or changes an enterprise's district or industry (the needs page, the registry's edit, a bureau confirming a change, an
/// import), it saves through EF, and this sees the change in the tracker. In the transaction of the change it locks the enterprises
/// concerned, reads their needs and their district and industry as stored, works out which cells each enterprise leaves and joins,
/// and moves those cells by atomic increments (<c>INSERT … ON CONFLICT DO UPDATE SET n = n + delta</c>): never a count read and
/// written back, so copies of the platform saving at once cannot lose an increment. Writes that bypass the tracker
/// (ExecuteUpdate, raw SQL, the bench's bulk generator) must not touch needs or the two columns; a test looks for them, and
/// `catalogue recount` rebuilds the table.
/// </summary>
public sealed class DemandCounter : InSaveTransaction
{
    protected override Task BeforeSaveAsync(DxPilotDbContext db, CancellationToken ct) => CountAsync(db, ct);

    private async Task CountAsync(DxPilotDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var needs = tracker.Entries<EnterpriseNeed>().Where(x => x.State is EntityState.Added or EntityState.Deleted
            || x.State == EntityState.Modified && (Moved(x, n => n.ScenarioCode) || Moved(x, n => n.EnterpriseId))).ToList();
        var enterprises = tracker.Entries<Enterprise>().Where(x => x.State is EntityState.Deleted
            || x.State == EntityState.Modified && (Moved(x, n => n.District) || Moved(x, n => n.IndustryKey))).ToList();
        if (needs.Count == 0 && enterprises.Count == 0) return;
        var ids = needs.SelectMany(x => new[] { x.Entity.EnterpriseId, x.Property(n => n.EnterpriseId).OriginalValue })
            .Concat(enterprises.Select(x => x.Entity.Id)).Distinct().Order().ToList();
        var concerned = ids.ToHashSet();

        await InTransactionAsync(db, ct);
        var stored = await StoredAsync(db, ids, ct);
        var before = Cells(stored.Enterprises, stored.Needs.Values);

        var after = stored.Needs.ToDictionary();
        foreach (var x in needs)
        {
            if (x.State == EntityState.Deleted) after.Remove(x.Entity.Id);
            else after[x.Entity.Id] = (x.Entity.EnterpriseId, x.Entity.ScenarioCode);
        }
        var places = stored.Enterprises.ToDictionary();
        // An unchanged copy in the tracker may be older than the stored row: only what this save writes replaces it.
        foreach (var x in tracker.Entries<Enterprise>().Where(x => concerned.Contains(x.Entity.Id)))
        {
            if (x.State == EntityState.Deleted) places.Remove(x.Entity.Id);
            else if (x.State is EntityState.Added or EntityState.Modified) places[x.Entity.Id] = new Place(x.Entity.ProgrammeId, x.Entity.District, x.Entity.IndustryKey);
        }
        var changes = Cells(places, after.Values);
        foreach (var (cell, count) in before) changes[cell] = changes.GetValueOrDefault(cell) - count;
        await DemandCountSql.AddAsync(db, changes.Where(c => c.Value != 0).ToList(), ct);
    }

    private static bool Moved<T, TValue>(EntityEntry<T> entry, System.Linq.Expressions.Expression<Func<T, TValue>> property) where T : class
    {
        var p = entry.Property(property);
        return !Equals(p.OriginalValue, p.CurrentValue);
    }

    private sealed record Stored(Dictionary<Guid, Place> Enterprises, Dictionary<Guid, (Guid EnterpriseId, string ScenarioCode)> Needs);

    /// <summary>The enterprises as stored, locked until the change commits (so that no other copy moves their needs or their place
    /// meanwhile), and all their needs as stored. SQLite needs no lock of ours: its write transactions begin IMMEDIATE.</summary>
    private static async Task<Stored> StoredAsync(DxPilotDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var places = new Dictionary<Guid, Place>();
        var needs = new Dictionary<Guid, (Guid, string)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            if (db.IsPostgres)
                await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "Enterprises" WHERE "Id" = ANY({0}) ORDER BY "Id" FOR UPDATE""", [chunk], ct);
            foreach (var e in await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.Id))
                         .Select(e => new { e.Id, e.ProgrammeId, e.District, e.IndustryKey }).ToListAsync(ct))
                places[e.Id] = new Place(e.ProgrammeId, e.District, e.IndustryKey);
            foreach (var n in await db.EnterpriseNeeds.AsNoTracking().Where(n => chunk.Contains(n.EnterpriseId))
                         .Select(n => new { n.Id, n.EnterpriseId, n.ScenarioCode }).ToListAsync(ct))
                needs[n.Id] = (n.EnterpriseId, n.ScenarioCode);
        }
        return new Stored(places, needs);
    }

    /// <summary>Enterprises per cell: each enterprise once per scenario it has needs in, in its place.</summary>
    private static Dictionary<DemandCell, int> Cells(IReadOnlyDictionary<Guid, Place> places, IEnumerable<(Guid EnterpriseId, string ScenarioCode)> needs) =>
        needs.Distinct().Where(n => places.ContainsKey(n.EnterpriseId))
            .GroupBy(n => places[n.EnterpriseId].In(n.ScenarioCode))
            .ToDictionary(g => g.Key, g => g.Count());

    private sealed record Place(string ProgrammeId, string District, string IndustryKey)
    {
        public DemandCell In(string scenarioCode) => new(ProgrammeId, District, IndustryKey, scenarioCode);
    }
}

/// <summary>The key of a <see cref="DemandCount"/>.</summary>
public sealed record DemandCell(string ProgrammeId, string District, string IndustryKey, string ScenarioCode);
