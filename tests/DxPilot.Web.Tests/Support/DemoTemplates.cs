using System.Collections.Concurrent;
using DxPilot.Domain.Text;

[assembly: AssemblyFixture(typeof(DxPilot.Web.Tests.Support.DemoTemplates.Cleanup))]

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// The demo platform seeded once per test run, kind of app and Beijing day, then stopped and copied (database and files) for
/// each <see cref="SqliteApp"/> and <see cref="PostgresApp"/>: seeding through the services takes 5–10 s of every start on
/// two cores, a copy a fraction of a second. A new day seeds anew, so the demo's dates stay relative to the day a test
/// runs. A test's changes stay in its own copy.
/// </summary>
public static class DemoTemplates
{
    private static readonly ConcurrentDictionary<(Type Kind, DateOnly Day), Lazy<Task<DxPilotApp>>> Seeded = new();

    /// <summary>The template <paramref name="app"/> starts from, or null when its kind seeds its own.</summary>
    public static async Task<DxPilotApp?> OfAsync(DxPilotApp app)
    {
        var kind = app switch
        {
            SqliteSeed or PostgresSeed => null,
            SqliteApp => typeof(SqliteSeed),
            PostgresApp => typeof(PostgresSeed),
            _ => null,
        };
        if (kind is null) return null;
        var day = LocalTime.Today(DateTimeOffset.UtcNow, LocalTime.Beijing);
        return await Seeded.GetOrAdd((kind, day), key => new(() => SeedAsync((DxPilotApp)Activator.CreateInstance(key.Kind)!))).Value;
    }

    private static async Task<DxPilotApp> SeedAsync(DxPilotApp app)
    {
        await app.InitializeAsync();
        await app.StopAsync();
        return app;
    }

    private sealed class SqliteSeed : SqliteApp;

    private sealed class PostgresSeed : PostgresApp;

    /// <summary>Drops the templates when the run ends.</summary>
    public sealed class Cleanup : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var seeded in Seeded.Values.Where(s => s.IsValueCreated))
            {
                try { await (await seeded.Value).DisposeAsync(); }
                catch (Exception) { /* a template whose seeding failed has failed its tests already */ }
            }
        }
    }
}
