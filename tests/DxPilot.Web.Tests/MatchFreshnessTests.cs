using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>The freshness window of the match's provider figures (the demand map has none: DemandCounter keeps it exact):
/// readers within the window share one computation; the first reader after it gets the previous value while one refresh runs;
/// a window of 0 computes every time.</summary>
public sealed class MatchFreshnessTests
{
    private static CatalogueFreshness<string, int> Freshness(FakeClock clock, string seconds) =>
        new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), clock,
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Catalogue:FreshSeconds"] = seconds }).Build());

    [Fact]
    public async Task Readers_within_the_window_share_one_computation_and_the_next_one_starts_after_it()
    {
        var clock = new FakeClock();
        var freshness = Freshness(clock, "5");
        var computed = 0;
        Task<int> Compute(IServiceProvider _, CancellationToken __) => Task.FromResult(++computed);

        Assert.Equal(1, await freshness.GetAsync("changchun-2025", Compute, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1, await freshness.GetAsync("changchun-2025", Compute, CancellationToken.None));
        Assert.Equal(1, computed);
        // Another key is computed on its own.
        Assert.Equal(2, await freshness.GetAsync("hangzhou-2024", Compute, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(0.2));
        // Past the window: the previous value at once, and one refresh behind it.
        Assert.Equal(1, await freshness.GetAsync("changchun-2025", Compute, CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int latest;
        while ((latest = await freshness.GetAsync("changchun-2025", Compute, CancellationToken.None)) == 1 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(3, latest);
        Assert.Equal(3, computed);
    }

    [Fact]
    public async Task A_window_of_zero_computes_on_every_read()
    {
        var freshness = Freshness(new FakeClock(), "0");
        var computed = 0;
        for (var i = 1; i <= 3; i++)
            Assert.Equal(i, await freshness.GetAsync("changchun-2025", (_, _) => Task.FromResult(++computed), CancellationToken.None));
    }
}
