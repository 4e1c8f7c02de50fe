using System.Collections.Concurrent;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// How figures counted over a national programme stay cheap (the dashboard, the match's provider figures, the demand map): a
/// value is computed from the live tables and kept for the feature's <c>{Section}:FreshSeconds</c> (5 by default). Readers within
/// the window share it; the first reader after it starts one refresh and is served the previous value meanwhile, so 32 clients
/// cost one computation every few seconds and nobody waits on it, and a figure is at most the window plus one computation old.
/// 0 computes on every read (tests that count what they just arranged). The computation runs in its own scope, not tied to the
/// request that happened to start it. Why not summary tables kept in each save: docs/projects-dashboard.md.
/// </summary>
public class Freshness<TKey, TValue>(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan window) where TKey : notnull
{
    private readonly TimeSpan _window = window;
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

    /// <summary>The window a feature's configuration section sets ("Dashboard", "Catalogue").</summary>
    public static TimeSpan Window(IConfiguration configuration, string section) =>
        TimeSpan.FromSeconds(configuration.GetValue($"{section}:FreshSeconds", 5.0));
}
