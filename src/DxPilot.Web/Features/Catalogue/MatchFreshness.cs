using System.Collections.Concurrent;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// How the match's provider figures and the demand map stay cheap at national scale, the dashboard's way (DashboardFreshness):
/// a value is computed from the live tables and kept for <c>Catalogue:FreshSeconds</c> (5 by default); readers within the window
/// share it, the first reader after it starts one refresh and is served the previous value meanwhile, so a figure is at most the
/// window plus one computation old. 0 computes on every read (tests that count what they just arranged). The computation runs in
/// its own scope, not tied to the request that happened to start it.
/// </summary>
public sealed class MatchFreshness<TKey, TValue>(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration) where TKey : notnull
{
    private readonly TimeSpan _window = TimeSpan.FromSeconds(configuration.GetValue("Catalogue:FreshSeconds", 5.0));
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    private sealed class Entry
    {
        public (TValue Value, DateTime At)? Latest;
        public Task<TValue>? Refresh;
    }

    public async Task<TValue> GetAsync(TKey key, Func<IServiceProvider, CancellationToken, Task<TValue>> compute, CancellationToken ct)
    {
        if (_window <= TimeSpan.Zero) return await ComputeAsync(compute, ct);
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        Task<TValue> refresh;
        lock (entry)
        {
            if (entry.Latest is { } latest && Now() - latest.At < _window) return latest.Value;
            // Started on the pool so that it never completes inside this lock; it is not tied to this reader's request.
            refresh = entry.Refresh ??= Task.Run(() => RefreshAsync(entry, compute));
            if (entry.Latest is { } stale) return stale.Value;
        }
        return await refresh.WaitAsync(ct);
    }

    private async Task<TValue> RefreshAsync(Entry entry, Func<IServiceProvider, CancellationToken, Task<TValue>> compute)
    {
        try
        {
            var started = Now();
            var value = await ComputeAsync(compute, CancellationToken.None);
            lock (entry) entry.Latest = (value, started);
            return value;
        }
        finally
        {
            lock (entry) entry.Refresh = null;
        }
    }

    private async Task<TValue> ComputeAsync(Func<IServiceProvider, CancellationToken, Task<TValue>> compute, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await compute(scope.ServiceProvider, ct);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
