using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Auditing;

/// <summary>The stored chain: its end (under the writers' lock), sealing entries written before the chain existed, and
/// verification from the first entry to the last.</summary>
public static class AuditTrail
{
    /// <summary>Advisory lock key of the chain (the migration runner uses another).</summary>
    private const long ChainLock = 0x4458_4155_4449_54; // "DXAUDIT"
    private const int Page = 1000;

    /// <summary>Within the caller's transaction: waits until no other writer extends the chain, then returns its end.
    /// SQLite needs no lock of ours: EF's transactions there begin IMMEDIATE, so writers queue already.</summary>
    public static async Task<(long Sequence, string? Hash)> LockEndAsync(DxPilotDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        return (last?.Sequence ?? 0, last?.Hash);
    }

    /// <summary>Hashes the entries written before the chain existed (migration 0007 left their hash empty), in order.
    /// Run at start-up; a no-op once every entry is sealed.</summary>
    public static async Task<int> SealLegacyAsync(DxPilotDbContext db, CancellationToken ct)
    {
        if (!await db.AuditEntries.AnyAsync(a => a.Hash == null, ct)) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockEndAsync(db, ct);
        var sealedEnd = await db.AuditEntries.AsNoTracking().Where(a => a.Hash != null).OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, hash) = (sealedEnd?.Sequence ?? 0, sealedEnd?.Hash);
        var sealedCount = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Hash == null && a.Sequence > sequence)
                .OrderBy(a => a.Sequence).Take(Page).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var e in batch)
            {
                // Legacy ids may have gaps (rolled-back inserts): renumber so the chain has none.
                e.At = AuditChain.Truncate(DateTime.SpecifyKind(e.At, DateTimeKind.Utc));
                AuditChain.Link(e, sequence, hash);
                await db.AuditEntries.Where(a => a.Id == e.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Sequence, e.Sequence).SetProperty(a => a.At, e.At)
                    .SetProperty(a => a.PreviousHash, e.PreviousHash).SetProperty(a => a.Hash, e.Hash), ct);
                (sequence, hash) = (e.Sequence, e.Hash);
                sealedCount++;
            }
        }
        await tx.CommitAsync(ct);
        return sealedCount;
    }

    /// <summary>Walks the whole chain in order; the first broken link, or none.</summary>
    public static async Task<AuditVerification> VerifyAsync(DxPilotDbContext db, CancellationToken ct)
    {
        var verifier = new AuditChain.Verifier();
        long after = long.MinValue;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(Page).ToListAsync(ct);
            if (batch.Count == 0) return new AuditVerification(verifier.Checked, null, null);
            foreach (var e in batch)
            {
                e.At = DateTime.SpecifyKind(e.At, DateTimeKind.Utc);
                if (verifier.Next(e) is { } reason) return new AuditVerification(verifier.Checked, e, reason);
            }
            after = batch[^1].Sequence;
        }
    }
}

/// <summary>The result of walking the chain: how many entries were read, and the first one whose link is broken.</summary>
public sealed record AuditVerification(long Checked, AuditEntry? Broken, string? Reason)
{
    public bool Intact => Broken is null;
}
