using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.AspNetCore.Identity;

namespace DxPilot.Web.Features.Platform;

/// <summary>Before the server takes requests: the programme, instrument, call and award files are read, schema migrations applied
/// (or, with DxPilot:MigrateOnStart=false, found applied), and (when configured) demo data loaded.</summary>
public sealed class PlatformStartup(IServiceScopeFactory scopes, IConfiguration config, ILogger<PlatformStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var catalog = sp.GetRequiredService<ProgrammeCatalog>();
        logger.LogInformation("试点配置：{Programmes}", string.Join("、", catalog.All.Select(p => p.Id)));
        var instruments = sp.GetRequiredService<InstrumentCatalog>();
        logger.LogInformation("评测工具：{Instruments}", string.Join("、", instruments.All.Select(i => $"{i.Id} {i.Version}")));
        var calls = sp.GetRequiredService<CallCatalog>();
        logger.LogInformation("申报通知：{Calls}", string.Join("、", calls.All.Select(c => c.Id)));
        var awards = sp.GetRequiredService<AwardCatalog>();
        logger.LogInformation("奖补申报：{Awards}", string.Join("、", awards.All.Select(c => c.Id)));
        var tree = sp.GetRequiredService<Domain.Catalogue.ScenarioTreeTemplate>();
        logger.LogInformation("场景清单：{Count}个场景", tree.Nodes().Count());
        var migrations = sp.GetRequiredService<MigrationRunner>();
        if (config.GetValue("DxPilot:MigrateOnStart", true))
        {
            var applied = await migrations.ApplyAsync(ct);
            logger.LogInformation("数据库 {Provider}，本次应用迁移 {Count} 个", sp.GetRequiredService<DatabaseOptions>().Provider, applied.Count);
        }
        // Production: the schema's owner ran `migrate`; this copy's role cannot change the schema and only checks it is current.
        else if (await migrations.PendingAsync(ct) is { Count: > 0 } pending) throw new PendingMigrationsException(pending);
        // Before anything writes: entries from before the hash chain are sealed into it, in their order.
        if (await AuditTrail.SealLegacyAsync(sp.GetRequiredService<DxPilotDbContext>(), ct) is > 0 and var sealedCount)
            logger.LogInformation("审计记录：{Count} 条早期记录已加入哈希链", sealedCount);
        await sp.GetRequiredService<Files.FileStartup>().RunAsync(ct);
        if (!config.GetValue("DxPilot:DemoData", false)) return;
        var logins = await sp.GetRequiredService<DemoData>().EnsureAsync(ct);
        Console.WriteLine();
        Console.WriteLine($"演示账号（密码均为 {DemoData.Password}）：");
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var l in logins)
        {
            // Each role as its programme calls it (the Heilongjiang department is a provincial one).
            var programme = catalog.Find((await users.FindByNameAsync(l.UserName))?.ProgrammeId);
            Console.WriteLine($"  {l.UserName,-15} {programme?.RoleLabel(l.Role) ?? l.Role.Label(),-14} {l.Who}");
        }
        Console.WriteLine();
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
