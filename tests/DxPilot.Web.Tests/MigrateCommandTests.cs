using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Operations;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// `migrate` and DxPilot:MigrateOnStart=false (docs/operations.md), on a database of its own: a copy that must not change the
/// schema refuses to start on an empty database, naming what is missing and the command; `migrate` applies every migration of
/// the build and says so, a second run finds nothing to do, and then the copy starts.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task On_sqlite_a_copy_that_may_not_migrate_waits_for_the_command()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dxpilot-migrate-{Guid.NewGuid():N}.db");
        try { await MigrateThenStartAsync(DatabaseProvider.Sqlite, $"Data Source={file}"); }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    [Fact]
    public async Task On_postgres_a_copy_that_may_not_migrate_waits_for_the_command()
    {
        if (TestPostgres.Unavailable is { } why) { Requirements.Unmet(why); return; }
        var name = $"dxpilot_migrate_{Guid.NewGuid():N}";
        try { await MigrateThenStartAsync(DatabaseProvider.PostgreSql, await TestPostgres.CreateDatabaseAsync(name)); }
        finally { await TestPostgres.DropDatabaseAsync(name); }
    }

    private static async Task MigrateThenStartAsync(DatabaseProvider provider, string connection)
    {
        var data = Path.Combine(Path.GetTempPath(), "dxpilot-tests", Guid.NewGuid().ToString("N"));
        string[] configuration = [$"--Database:Provider={provider}", $"--ConnectionStrings:DxPilot={connection}", $"--DxPilot:DataPath={data}"];
        var scripts = MigrationRunner.Scripts(provider);
        try
        {
            var refused = await Assert.ThrowsAsync<PendingMigrationsException>(() => StartCopyAsync(configuration));
            Assert.Equal(scripts.Select(s => s.Id), refused.Pending);
            Assert.Contains($"数据库尚有 {scripts.Count} 个迁移未应用（{scripts[0].Id} 至 {scripts[^1].Id}）", refused.Message);
            Assert.Contains("请先以数据库所有者身份运行 migrate 命令", refused.Message);

            var (exit, output, errors) = await MigrateAsync(configuration);
            Assert.Equal((0, ""), (exit, errors));
            Assert.Equal($"数据库 {provider}：本次应用迁移 {scripts.Count} 个（{scripts[0].Id} 至 {scripts[^1].Id}）", output.Trim());
            (exit, output, _) = await MigrateAsync(configuration);
            Assert.Equal((0, $"数据库 {provider} 已是最新，没有需要应用的迁移"), (exit, output.Trim()));

            await StartCopyAsync(configuration);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Starts and stops a copy of the platform that may not migrate (on a free port, no demo data).</summary>
    private static async Task StartCopyAsync(string[] configuration)
    {
        await using var copy = PlatformHost.Build([.. configuration, "--DxPilot:MigrateOnStart=false", "--DxPilot:DemoData=false", "--urls=http://127.0.0.1:0"]);
        await copy.StartAsync(TestContext.Current.CancellationToken);
        await copy.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<(int Exit, string Output, string Errors)> MigrateAsync(string[] configuration)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exit = await MigrateCommand.RunAsync(configuration, output, errors, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), errors.ToString());
    }
}
