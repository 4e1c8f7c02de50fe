using System.Threading.Channels;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Imports;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Operations;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Enterprises.Import;

/// <summary>Accepts an upload, records the job, and hands it to the background worker; the page polls the job's progress.</summary>
public sealed class ImportQueue(IServiceScopeFactory scopes, ImportLease lease, TimeProvider clock)
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public ChannelReader<Guid> Reader => _channel.Reader;

    public async Task<Outcome<ImportJob>> EnqueueAsync(Actor actor, string fileName, byte[] content, CancellationToken ct)
    {
        var outcome = await CreateJob(actor, fileName, content, held: false, ct);
        if (outcome.IsOk) { await _channel.Writer.WriteAsync(outcome.Value!.Id, ct); PlatformMetrics.ImportQueueDepth.Inc(); }
        return outcome;
    }

    /// <summary>For the API: the same import, answered when it is done; the job is created under this copy's lease so no worker takes it meanwhile.</summary>
    public async Task<Outcome<ImportJob>> RunNowAsync(Actor actor, string fileName, byte[] content, CancellationToken ct)
    {
        var outcome = await CreateJob(actor, fileName, content, held: true, ct);
        if (!outcome.IsOk) return outcome;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EnterpriseImporter>().RunClaimedAsync(outcome.Value!.Id, ct);
        return Outcome<ImportJob>.Ok((await FindAsync(actor, outcome.Value.Id, ct))!);
    }

    public async Task<ImportJob?> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return await db.ImportJobs.AsNoTracking().Where(ImportPolicy.Readable(actor)).FirstOrDefaultAsync(j => j.Id == id, ct);
    }

    public async Task<IReadOnlyList<ImportJobSummary>> RecentAsync(Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return await db.ImportJobs.AsNoTracking().Where(ImportPolicy.Readable(actor)).OrderByDescending(j => j.CreatedAt).Take(10)
            .Select(j => new ImportJobSummary(j.Id, j.FileName, j.ActorName, j.CreatedAt, j.Status, j.Created, j.Updated, j.Unchanged, j.Refused))
            .ToListAsync(ct);
    }

    /// <summary>Shown with a job: its problems in row order, at most <paramref name="limit"/> (the count is on the job).</summary>
    public const int ProblemsShown = 1000;

    public async Task<IReadOnlyList<RowProblem>> ProblemsAsync(Actor actor, Guid id, CancellationToken ct, int limit = ProblemsShown)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return await db.ImportProblems.AsNoTracking()
            .Where(p => p.JobId == id && db.ImportJobs.Where(ImportPolicy.Readable(actor)).Any(j => j.Id == p.JobId))
            .OrderBy(p => p.Row).ThenBy(p => p.Id).Take(limit)
            .Select(p => new RowProblem(p.Row, p.Reason))
            .ToListAsync(ct);
    }

    private async Task<Outcome<ImportJob>> CreateJob(Actor actor, string fileName, byte[] content, bool held, CancellationToken ct)
    {
        if (ImportPolicy.Start(actor) is { } refused) return Outcome<ImportJob>.Forbidden(refused);
        if (content.Length > SheetReader.MaxBytes)
            return Outcome<ImportJob>.Invalid(new Dictionary<string, string> { ["file"] = $"文件超过{SheetReader.MaxBytes / 1024 / 1024}MB的上限，请拆分后分批导入" });
        if (content.Length == 0) return Outcome<ImportJob>.Invalid(new Dictionary<string, string> { ["file"] = "请选择要导入的 .xlsx 或 .csv 文件" });
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var clean = ControlCharacters.FileName(fileName);
        var name = clean.Length > 200 ? clean[..200] : clean;
        var now = clock.GetUtcNow().UtcDateTime;
        var job = held ? ImportJob.Queue(actor, name, content, now, lease.Owner, lease.Until(now)) : ImportJob.Queue(actor, name, content, now);
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return Outcome<ImportJob>.Ok(job);
    }
}

/// <summary>A row of the recent-imports table.</summary>
public sealed record ImportJobSummary(Guid Id, string FileName, string ActorName, DateTime CreatedAt, ImportStatus Status, int Created, int Updated,
    int Unchanged, int Refused);

/// <summary>
/// Runs imports one at a time: those this copy queued arrive at once on the channel; every <see cref="ImportLease.PollInterval"/> it
/// also claims jobs queued on other copies or abandoned by a copy whose lease ran out (imports are idempotent, so rerunning is safe).
/// </summary>
public sealed class ImportWorker(ImportQueue queue, ImportLease lease, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var id in await Claimable(stoppingToken)) await Run(id, stoppingToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(lease.PollInterval);
                try
                {
                    var queued = await queue.Reader.ReadAsync(wait.Token);
                    PlatformMetrics.ImportQueueDepth.Dec();
                    await Run(queued, stoppingToken);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task<IReadOnlyList<Guid>> Claimable(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await lease.ClaimableAsync(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>(), clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be briefly away (a failover); the next poll tries again.
            logger.LogWarning(ex, "Import worker could not look for jobs");
            return [];
        }
    }

    private async Task Run(Guid id, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EnterpriseImporter>().RunAsync(id, ct);
            PlatformMetrics.JobFinished("import", succeeded: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PlatformMetrics.JobFinished("import", succeeded: false);
            logger.LogError(ex, "Import job {JobId} could not run", id);
        }
    }
}
