using System.Data.Common;
using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Web.Features.Operations;

/// <summary>
/// `migrate`: applies the schema migrations of this build to the configured database (Database:Provider,
/// ConnectionStrings:DxPilot; other configuration may follow as `--Key=value`) and exits. In production it runs as the
/// schema's owner before the app copies start with DxPilot:MigrateOnStart=false, under a role that cannot change the schema
/// (docs/operations.md). Exit 0 when the database is current, 1 on a database error (the migrations applied before it stay
/// applied: each runs in its own transaction).
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        await using var app = PlatformHost.ForCommand(args);
        await using var scope = app.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Provider;
        try
        {
            var applied = await scope.ServiceProvider.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
            await output.WriteLineAsync(applied.Count == 0
                ? $"数据库 {provider} 已是最新，没有需要应用的迁移"
                : $"数据库 {provider}：本次应用迁移 {applied.Count} 个（{applied[0]} 至 {applied[^1]}）");
            return 0;
        }
        catch (DbException ex)
        {
            await errors.WriteLineAsync($"数据库出错，迁移未完成（此前已应用的迁移保留，排除问题后可再次运行）：{ex.Message}");
            return 1;
        }
    }
}
