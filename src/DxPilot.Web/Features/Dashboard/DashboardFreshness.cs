using System.Collections.Concurrent;
using DxPilot.Domain.Programmes;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// How the dashboard stays fresh at national scale: each scope's figures are computed from the live tables and kept for
/// <c>Dashboard:FreshSeconds</c> (5 by default). Readers within that window share the last result; the first reader after it
/// starts one refresh and, while it runs, everyone is still served the previous figures, so 32 clients cost one computation
/// every few seconds and nobody waits on it. A figure is therefore at most the window plus one computation old. 0 computes on
/// every read (tests that count what they just created). Why not summary tables kept in each save: docs/projects-dashboard.md.
/// </summary>
public sealed class DashboardFreshness(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
{
    private readonly TimeSpan _window = TimeSpan.FromSeconds(configuration.GetValue("Dashboard:FreshSeconds", 5.0));
    private readonly ConcurrentDictionary<(string Programme, string? District), Entry> _entries = new();

    private sealed class Entry
    {
        public DashboardFigures? Latest;
        public Task<DashboardFigures>? Refresh;
    }

    public async Task<DashboardFigures> GetAsync(Programme programme, string? district, CancellationToken ct)
    {
        if (_window <= TimeSpan.Zero) return await ComputeAsync(programme, district, ct);
        var entry = _entries.GetOrAdd((programme.Id, district), _ => new Entry());
        Task<DashboardFigures> refresh;
        lock (entry)
        {
            if (entry.Latest is { } latest && Now() - latest.ComputedAt < _window) return latest;
            // Started on the pool so that it never completes inside this lock; it is not tied to this reader's request.
            refresh = entry.Refresh ??= Task.Run(() => RefreshAsync(entry, programme, district));
            if (entry.Latest is { } stale) return stale;
        }
        return await refresh.WaitAsync(ct);
    }

    private async Task<DashboardFigures> RefreshAsync(Entry entry, Programme programme, string? district)
    {
        try
        {
            var figures = await ComputeAsync(programme, district, CancellationToken.None);
            lock (entry) entry.Latest = figures;
            return figures;
        }
        finally
        {
            lock (entry) entry.Refresh = null;
        }
    }

    private async Task<DashboardFigures> ComputeAsync(Programme programme, string? district, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(programme, district, Now(), ct);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
