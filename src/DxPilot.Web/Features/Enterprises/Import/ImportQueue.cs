using System.Threading.Channels;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Imports;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Operations;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Enterprises.Import;

/// <summary>Accepts an upload, records the job, and hands it to the background worker; the page polls the job's progress.</summary>
public sealed class ImportQueue(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public ChannelReader<Guid> Reader => _channel.Reader;

    public async Task<Outcome<ImportJob>> EnqueueAsync(Actor actor, string fileName, byte[] content, CancellationToken ct)
    {
        var outcome = await CreateJob(actor, fileName, content, ct);
        if (outcome.IsOk) { await _channel.Writer.WriteAsync(outcome.Value!.Id, ct); PlatformMetrics.ImportQueueDepth.Inc(); }
        return outcome;
    }

    /// <summary>For the API: the same import, answered when it is done.</summary>
    public async Task<Outcome<ImportJob>> RunNowAsync(Actor actor, string fileName, byte[] content, CancellationToken ct)
    {
        var outcome = await CreateJob(actor, fileName, content, ct);
        if (!outcome.IsOk) return outcome;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EnterpriseImporter>().RunAsync(outcome.Value!.Id, ct);
        return Outcome<ImportJob>.Ok((await FindAsync(actor, outcome.Value.Id, ct))!);
    }

    public async Task<ImportJob?> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.ProgrammeId == actor.ProgrammeId, ct);
        // A district sees its own imports; the city sees all of its programme's.
        return job is not null && (actor.Role == Role.CityBureau || job.ActorId == actor.UserId) ? job : null;
    }

    public async Task<IReadOnlyList<ImportJob>> RecentAsync(Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var q = db.ImportJobs.AsNoTracking().Where(j => j.ProgrammeId == actor.ProgrammeId);
        if (actor.Role != Role.CityBureau) q = q.Where(j => j.ActorId == actor.UserId);
        return await q.OrderByDescending(j => j.CreatedAt).Take(10)
            .Select(j => new ImportJob
            {
                Id = j.Id, FileName = j.FileName, ActorName = j.ActorName, CreatedAt = j.CreatedAt, Status = j.Status,
                TotalRows = j.TotalRows, Created = j.Created, Updated = j.Updated, Unchanged = j.Unchanged, FileError = j.FileError,
            }).ToListAsync(ct);
    }

    private async Task<Outcome<ImportJob>> CreateJob(Actor actor, string fileName, byte[] content, CancellationToken ct)
    {
        if (!actor.MayImport) return Outcome<ImportJob>.Forbidden("只有工信主管部门可以导入企业名单");
        if (content.Length > SheetReader.MaxBytes)
            return Outcome<ImportJob>.Invalid(new Dictionary<string, string> { ["file"] = $"文件超过{SheetReader.MaxBytes / 1024 / 1024}MB的上限，请拆分后分批导入" });
        if (content.Length == 0) return Outcome<ImportJob>.Invalid(new Dictionary<string, string> { ["file"] = "请选择要导入的 .xlsx 或 .csv 文件" });
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var job = new ImportJob
        {
            ProgrammeId = actor.ProgrammeId,
            FileName = Path.GetFileName(fileName).Length > 200 ? Path.GetFileName(fileName)[..200] : Path.GetFileName(fileName),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = ImportStatus.Queued,
            Content = content,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        job.Content = null;
        return Outcome<ImportJob>.Ok(job);
    }
}

/// <summary>Runs queued imports one at a time; on start it picks up jobs an earlier process left unfinished (imports are idempotent).</summary>
public sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
                var left = await db.ImportJobs.Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running)
                    .Select(j => j.Id).ToListAsync(stoppingToken);
                foreach (var id in left) await Run(id, stoppingToken);
            }
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken)) { PlatformMetrics.ImportQueueDepth.Dec(); await Run(id, stoppingToken); }
        }
        catch (OperationCanceledException) { }
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
