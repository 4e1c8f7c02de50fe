using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Catalogue;

/// <summary>
/// `catalogue recount`: rebuilds <see cref="DemandCount"/> from the needs and their enterprises as stored, and says how many rows
/// were wrong (missing, extra or with another count): 0 when <see cref="DemandCounter"/> kept every change. For after a write
/// that bypassed the tracker (a bulk generator, a hand-made repair).
/// </summary>
public static class DemandRecount
{
    public static async Task<int> RunAsync(DxPilotDbContext db, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Savers wait until the rebuild commits (their increments then land on it); SQLite's writers queue already.
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "DemandCounts" IN EXCLUSIVE MODE""", ct);
        var kept = await db.DemandCounts.AsNoTracking()
            .ToDictionaryAsync(c => new DemandCell(c.ProgrammeId, c.District, c.IndustryKey, c.ScenarioCode), c => c.Enterprises, ct);
        var truth = await (from n in db.EnterpriseNeeds
                           join e in db.Enterprises on n.EnterpriseId equals e.Id
                           group n.EnterpriseId by new { e.ProgrammeId, e.District, e.IndustryKey, n.ScenarioCode } into g
                           select new { g.Key.ProgrammeId, g.Key.District, g.Key.IndustryKey, g.Key.ScenarioCode, Enterprises = g.Distinct().Count() })
            .ToDictionaryAsync(c => new DemandCell(c.ProgrammeId, c.District, c.IndustryKey, c.ScenarioCode), c => c.Enterprises, ct);
        var wrong = kept.Count(k => truth.GetValueOrDefault(k.Key) != k.Value) + truth.Keys.Count(k => !kept.ContainsKey(k));
        if (wrong > 0)
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "DemandCounts" """, ct);
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "DemandCounts" ("ProgrammeId", "District", "IndustryKey", "ScenarioCode", "Enterprises")
                {DemandCountSql.Truth}
                """, ct);
        }
        await tx.CommitAsync(ct);
        return wrong;
    }
}
