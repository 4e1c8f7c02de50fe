using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxPilot.Web.Tests;

/// <summary>
/// Start-up seeding on a database that already holds other files and part of the demo list (the fixture puts them there
/// before the app starts): it must start, pick the demo list's own enterprises, and change nothing when run again.
/// </summary>
public abstract class DemoDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task Seeding_over_other_files_serves_the_reference_list_and_a_second_run_changes_nothing()
    {
        // The unrelated file (一号…) sorts before every name of the reference list (seed 003 附件3) and must not be taken for
        // a demo enterprise.
        var me = await app.As("hz-enterprise");
        var mine = (await me.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("items")[0].GetProperty("name").GetString();
        Assert.NotEqual(OtherFiles.Unrelated, mine);
        var provider = await app.As("hz-provider");
        var served = (await provider.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(3, served.Count);
        Assert.Contains(mine, served);
        Assert.DoesNotContain(OtherFiles.Unrelated, served);

        var before = await Counts();
        await using (var scope = app.DataScope(DemoData.Programme))
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_partly_seeded_database_is_completed()
    {
        await using (var scope = app.DataScope(DemoData.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var provider = await db.Organisations.SingleAsync(o => o.Name == "杭州数智转型服务有限公司（演示）", TestContext.Current.CancellationToken);
            // Not the enterprise account's own file, nor a file another test of this class renamed: the seeder finds its files
            // by their reference names, and the tests share one database in any order.
            var own = (await db.Users.SingleAsync(u => u.UserName == "hz-enterprise", TestContext.Current.CancellationToken)).EnterpriseId;
            var renamed = db.Enterprises.Where(e => e.Name.EndsWith("（已更名）")).Select(e => e.Id);
            await db.Assignments.Where(a => a.OrganisationId == provider.Id && a.EnterpriseId != own && !renamed.Contains(a.EnterpriseId))
                .Take(1).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }
        await using (var scope = app.DataScope(DemoData.Programme))
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(TestContext.Current.CancellationToken);
        var served = await (await app.As("hz-provider")).GetFromJsonAsync<JsonElement>("/api/enterprises");
        Assert.Equal(3, served.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_rerun_after_a_demo_file_was_renamed_registers_nothing_again()
    {
        var city = await app.As("hz-city");
        var served = await (await app.As("hz-provider")).GetFromJsonAsync<JsonElement>("/api/enterprises");
        var id = served.GetProperty("items")[0].GetProperty("id").GetString();
        var file = await city.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        var rename = new Dictionary<string, object?>
        {
            ["name"] = file.GetProperty("name").GetString() + "（已更名）", ["district"] = file.GetProperty("district").GetString(),
            ["industry"] = file.GetProperty("industryKey").GetString(), ["version"] = file.GetProperty("version").GetInt32(),
        };
        Assert.Equal(HttpStatusCode.OK, (await city.PutAsJsonAsync($"/api/enterprises/{id}", rename)).StatusCode);

        var before = await Counts();
        await using (var scope = app.DataScope(DemoData.Programme))
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, await Counts());
    }

    private async Task<(int Enterprises, int Assignments, int Assessments, int Imports, int Users)> Counts()
    {
        await using var scope = app.DataScope(DemoData.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return (await db.Enterprises.CountAsync(), await db.Assignments.CountAsync(), await db.Assessments.CountAsync(),
            await db.ImportJobs.CountAsync(), await db.Users.CountAsync());
    }
}

/// <summary>What the database holds before the platform first starts: an unrelated file and one of the demo list's.</summary>
public static class OtherFiles
{
    public const string Unrelated = "一号其他精密机械有限公司";

    public static async Task AddAsync(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(provider, connection).Apply(options);
        await using var db = new DxPilotDbContext(options.Options, new AuditContext());
        await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var programme = ProgrammeCatalog.LoadFolder(Path.Combine(PlatformProcess.ConfigFolder(), "programmes")).Get(DemoData.Programme);
        foreach (var name in new[] { Unrelated, "杭州海康汽车技术有限公司" })
            db.Enterprises.Add(Enterprise.Register(programme, new EnterpriseDetails { Name = name, District = "滨江区", IndustryKey = "汽车零部件" }, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteAppWithOtherFiles : DxPilotApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dxpilot-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override async Task<string> CreateDatabaseAsync()
    {
        var connection = $"Data Source={_file}";
        await OtherFiles.AddAsync(Provider, connection);
        return connection;
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
        return Task.CompletedTask;
    }
}

public sealed class PostgresAppWithOtherFiles : DxPilotApp
{
    private readonly string _name = $"dxpilot_test_{Guid.NewGuid():N}";
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    public override string? Unavailable => TestPostgres.Unavailable;

    protected override async Task<string> CreateDatabaseAsync()
    {
        var connection = await TestPostgres.CreateDatabaseAsync(_name);
        await OtherFiles.AddAsync(Provider, connection);
        return connection;
    }

    protected override Task DropDatabaseAsync() => TestPostgres.DropDatabaseAsync(_name);
}

public sealed class DemoDataTestsOnSqlite(SqliteAppWithOtherFiles app) : DemoDataTests<SqliteAppWithOtherFiles>(app);

public sealed class DemoDataTestsOnPostgres(PostgresAppWithOtherFiles app) : DemoDataTests<PostgresAppWithOtherFiles>(app);
