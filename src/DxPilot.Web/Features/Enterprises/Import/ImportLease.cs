using DxPilot.Domain.Imports;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Enterprises.Import;

/// <summary>
/// This app copy's hold on the import jobs it runs. Several copies share one database: a copy claims a job with one atomic
/// UPDATE, so two copies never run the same job; it renews the lease with every batch, and a job whose runner died is
/// claimable again once its lease has passed, instead of staying 导入中 for ever.
/// </summary>
public sealed class ImportLease(IConfiguration config)
{
    /// <summary>Names this copy in the job's LeaseOwner and in the history (machine, process, and an instance mark for copies in one process).</summary>
    public string Owner { get; } = $"{Environment.MachineName}#{Environment.ProcessId}#{Guid.NewGuid().ToString("N")[..6]}";

    public TimeSpan Duration { get; } = TimeSpan.FromSeconds(config.GetValue("DxPilot:Import:LeaseSeconds", 120));

    /// <summary>How often the worker looks for jobs queued by other copies or abandoned by a dead one.</summary>
    public TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(config.GetValue("DxPilot:Import:PollSeconds", 5.0));

    public DateTime Until(DateTime now) => now + Duration;

    /// <summary>Takes the job for this copy when it is queued or running under a lease that has passed; false when another holds it or it is done.</summary>
    public async Task<bool> TryClaimAsync(DxPilotDbContext db, Guid id, DateTime now, CancellationToken ct) =>
        await Claimable(db, now).Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, Owner).SetProperty(j => j.LeaseUntil, Until(now)), ct) == 1;

    /// <summary>Jobs no copy holds now, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimableAsync(DxPilotDbContext db, DateTime now, CancellationToken ct) =>
        await Claimable(db, now).OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(20).ToListAsync(ct);

    /// <summary>On shutdown: the job is left for the next copy at once rather than after the lease.</summary>
    public async Task ReleaseAsync(DxPilotDbContext db, Guid id) =>
        await db.ImportJobs.Where(j => j.Id == id && j.LeaseOwner == Owner && j.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, (DateTime?)null));

    private static IQueryable<ImportJob> Claimable(DxPilotDbContext db, DateTime now) =>
        db.ImportJobs.Where(j => (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running) && (j.LeaseUntil == null || j.LeaseUntil < now));
}
