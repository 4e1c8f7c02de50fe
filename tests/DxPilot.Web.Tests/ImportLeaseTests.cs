using System.Text;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Imports;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Enterprises.Import;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxPilot.Web.Tests;

/// <summary>
/// Import jobs on a database shared by several app copies: a job runs exactly once however many copies race for it, a job
/// abandoned by a dead copy is taken over once its lease has passed, and one whose runner is alive is left alone. Each "copy"
/// here is an importer with a lease of its own, racing the app's own worker too.
/// </summary>
public abstract class ImportLeaseTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Programme = "hangzhou-2024";

    [Fact]
    public async Task Two_copies_racing_for_one_queued_job_run_it_exactly_once()
    {
        var (name, id) = await QueueAsync();
        var first = Copy();
        var second = Copy();
        await Task.WhenAll(Task.Run(() => first.RunAsync(id, CancellationToken.None)), Task.Run(() => second.RunAsync(id, CancellationToken.None)));
        var job = await WaitFinishedAsync(id);
        Assert.Equal(ImportStatus.Completed, job.Status);
        Assert.Equal(["start", "complete"], await TriggersAsync(id));
        Assert.Equal(1, await Scoped(db => db.Enterprises.CountAsync(e => e.ProgrammeId == Programme && e.Name == name)));
    }

    [Fact]
    public async Task A_job_left_running_by_a_dead_copy_is_resumed_after_its_lease_and_not_before()
    {
        var (_, alive) = await QueueAsync(leaseOwner: "另一台服务器#1", leaseUntil: DateTime.UtcNow.AddMinutes(10));
        await Copy().RunAsync(alive, CancellationToken.None);
        Assert.Equal(ImportStatus.Queued, (await JobAsync(alive)).Status);
        Assert.Empty(await TriggersAsync(alive));

        var (name, dead) = await QueueAsync(leaseOwner: "已停止的服务器#2", leaseUntil: DateTime.UtcNow.AddMinutes(10));
        // The dead copy had started it: 导入中 under a lease that then ran out.
        await Scoped(db => db.ImportJobs.Where(j => j.Id == dead)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.LeaseUntil, DateTime.UtcNow.AddSeconds(-1))));
        var copy = Copy();
        await copy.RunAsync(dead, CancellationToken.None);
        var job = await WaitFinishedAsync(dead);
        Assert.Equal(ImportStatus.Completed, job.Status);
        Assert.Null(job.LeaseUntil);
        Assert.Equal(["resume", "complete"], await TriggersAsync(dead));
        var resumed = await Scoped(db => db.StateTransitions.SingleAsync(t => t.EntityId == dead.ToString() && t.Trigger == "resume"));
        Assert.Equal((Actor.SystemUserId, "running", "running"), (resumed.ActorId, resumed.FromState, resumed.ToState));
        Assert.StartsWith("企业名单导入程序（", resumed.ActorName);
        Assert.Contains("租约已过期", resumed.Reason);
        Assert.Equal(1, await Scoped(db => db.Enterprises.CountAsync(e => e.ProgrammeId == Programme && e.Name == name)));
    }

    [Fact]
    public async Task A_job_whose_every_run_ended_with_its_runner_is_failed_with_the_reason_and_not_started_again()
    {
        // Started MaxAttempts times, each run killed with the copy running it (a file that crashes the server would do this at every start).
        var (name, id) = await QueueAsync();
        await Scoped(db => db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.Attempts, ImportJob.MaxAttempts)
            .SetProperty(j => j.LeaseOwner, "已停止的服务器#3").SetProperty(j => j.LeaseUntil, DateTime.UtcNow.AddSeconds(-1))));

        await Copy().RunAsync(id, CancellationToken.None);
        var job = await WaitFinishedAsync(id);
        Assert.Equal(ImportStatus.Failed, job.Status);
        Assert.Contains($"导入已开始{ImportJob.MaxAttempts}次", job.FileError);
        Assert.Contains("不再重试", job.FileError);
        Assert.Null(job.Content);
        Assert.Equal(["fail"], await TriggersAsync(id));
        Assert.Equal(0, await Scoped(db => db.Enterprises.CountAsync(e => e.ProgrammeId == Programme && e.Name == name)));
        Assert.DoesNotContain(id, await Scoped(db => new ImportLease(new ConfigurationBuilder().Build()).ClaimableAsync(db, DateTime.UtcNow, CancellationToken.None)));
    }

    [Fact]
    public async Task A_resumed_job_counts_its_attempt_and_an_unreadable_file_ends_failed_once()
    {
        var (_, dead) = await QueueAsync();
        await Scoped(db => db.ImportJobs.Where(j => j.Id == dead).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.Attempts, 1).SetProperty(j => j.LeaseUntil, DateTime.UtcNow.AddSeconds(-1))));
        await Copy().RunAsync(dead, CancellationToken.None);
        var resumed = await WaitFinishedAsync(dead);
        Assert.Equal((ImportStatus.Completed, 2), (resumed.Status, resumed.Attempts));
        Assert.Contains("第2次", await Scoped(db => db.StateTransitions.Where(t => t.EntityId == dead.ToString() && t.Trigger == "resume").Select(t => t.Reason).SingleAsync()));

        var bomb = ImportJob.Queue(Actor.System(Programme, "租约测试"), "名单.xlsx", DxPilot.Bench.Imports.HostileSheets.ManyColumns(20_000), DateTime.UtcNow);
        await Scoped(async db => { db.ImportJobs.Add(bomb); return await db.SaveChangesAsync(); });
        await Copy().RunAsync(bomb.Id, CancellationToken.None);
        var failed = await WaitFinishedAsync(bomb.Id);
        Assert.Equal((ImportStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.StartsWith("表格超过", failed.FileError);
        Assert.Equal(["start", "fail"], await TriggersAsync(bomb.Id));
    }

    /// <summary>An importer as another app copy would have it: same database, a lease (owner) of its own.</summary>
    private EnterpriseImporter Copy() => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<ProgrammeCatalog>(),
        new ImportLease(new ConfigurationBuilder().Build()), TimeProvider.System, NullLogger<EnterpriseImporter>.Instance);

    private async Task<(string Name, Guid Id)> QueueAsync(string? leaseOwner = null, DateTime? leaseUntil = null)
    {
        var name = $"租约测试{Guid.NewGuid():N}"[..16] + "有限公司";
        var csv = Encoding.UTF8.GetBytes($"企业名称,所属区县,行业\n{name},滨江区,汽车零部件\n");
        var job = ImportJob.Queue(Actor.System(Programme, "租约测试"), "名单.csv", csv, DateTime.UtcNow, leaseOwner, leaseUntil);
        await Scoped(async db => { db.ImportJobs.Add(job); return await db.SaveChangesAsync(); });
        return (name, job.Id);
    }

    /// <summary>The app's own worker may have won the race: wait for whoever runs it.</summary>
    private async Task<ImportJob> WaitFinishedAsync(Guid id)
    {
        for (var i = 0; i < 200; i++)
        {
            var job = await JobAsync(id);
            if (job.Status is ImportStatus.Completed or ImportStatus.Failed) return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("导入任务未在20秒内完成");
    }

    private Task<ImportJob> JobAsync(Guid id) => Scoped(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private Task<List<string>> TriggersAsync(Guid id) =>
        Scoped(db => db.StateTransitions.Where(t => t.EntityType == "ImportJob" && t.EntityId == id.ToString()).OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => t.Trigger).ToListAsync());

    private async Task<T> Scoped<T>(Func<DxPilotDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }
}

public sealed class ImportLeaseTestsOnSqlite(SqliteApp app) : ImportLeaseTests<SqliteApp>(app);

public sealed class ImportLeaseTestsOnPostgres(PostgresApp app) : ImportLeaseTests<PostgresApp>(app);
