using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Registry;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>Times are stored in UTC and shown in the programme's zone (北京时间 for the Hangzhou programme), whatever the
/// server's own zone is: 06:05 UTC on 16 July 2025 is 14:05 in Beijing.</summary>
public abstract class ShownTimeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static readonly DateTime Stored = new(2025, 7, 16, 6, 5, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_stored_utc_time_is_shown_on_the_list_as_beijing_time()
    {
        const string name = "杭州热威汽车零部件有限公司";
        await using (var scope = app.DataScope("hangzhou-2024"))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            // Straight to the column, as a save at that instant would have left it (UpdatedAt is not audited).
            Assert.Equal(1, await db.Enterprises.Where(e => e.Name == name).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, Stored)));
            // Around the change tracker, so the lists kept from before must be let go by hand.
            await RegistryGeneration.BumpAsync(db, TestContext.Current.CancellationToken);
        }
        var client = await app.SignedIn("hz-city");
        var page = await client.GetDocument("/enterprises?search=" + Uri.EscapeDataString("热威"));
        var row = page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(name)).TextContent;
        Assert.Contains("2025年7月16日 14:05", row);
        Assert.DoesNotContain("06:05", row);
    }
}

public sealed class ShownTimeTestsOnSqlite(SqliteApp app) : ShownTimeTests<SqliteApp>(app);

public sealed class ShownTimeTestsOnPostgres(PostgresApp app) : ShownTimeTests<PostgresApp>(app);
