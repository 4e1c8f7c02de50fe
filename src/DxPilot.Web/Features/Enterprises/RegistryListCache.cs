using System.Collections.Concurrent;
using DxPilot.Domain.Accounts;
using DxPilot.Web.Features.Platform;
using Microsoft.Extensions.Caching.Memory;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>
/// Pages of the enterprise list as computed at a <see cref="Infrastructure.Registry.RegistryGeneration"/>, per scope and query.
/// A page names the generation it was computed at, and every list request reads the current one first: any saved change to a
/// file or an assignment, through any copy of the platform, makes the old pages unreachable. Counting a broad search or sorting
/// 100,000 files costs milliseconds of database time per request; most requests repeat one of a few (the first page, a common
/// word), and the registry changes far less often than it is read (docs/measurements-search.md).
/// </summary>
public sealed class RegistryListCache
{
    /// <summary>Pages kept (20–100 rows of ≈ 300 bytes each: ≈ 12 MB at 20 rows, 60 MB at most); the least used go first.</summary>
    private const int Pages = 2_000;

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = Pages, CompactionPercentage = 0.25 });

    /// <summary>What decides which files a list may show and how a search matches them: the actor without its name and id.</summary>
    private readonly record struct Scope(Role Role, string ProgrammeId, string? District, Guid? EnterpriseId, Guid? OrganisationId);

    private readonly record struct Key(long Generation, Scope Scope, EnterpriseQuery Query);

    /// <summary>Pages being computed: when a change makes every page new, the 30 people on the list at that moment wait for one
    /// computation of each page instead of each running its own (measured with one edit a second under wrk: 191 requests/s
    /// without this, docs/measurements-search.md).</summary>
    private readonly ConcurrentDictionary<Key, Task<Page<EnterpriseRow>>> _computing = new();

    public async Task<Page<EnterpriseRow>> GetOrComputeAsync(long generation, Actor actor, EnterpriseQuery query,
        Func<Task<Page<EnterpriseRow>>> compute, CancellationToken ct)
    {
        var key = new Key(generation, new Scope(actor.Role, actor.ProgrammeId, actor.District, actor.EnterpriseId, actor.OrganisationId), query);
        if (_pages.TryGetValue(key, out Page<EnterpriseRow>? page)) return page!;
        var mine = new TaskCompletionSource<Page<EnterpriseRow>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _computing.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            try { return await running.WaitAsync(ct); }
            // The request computing it gave up (its client left) or failed: this one computes its own.
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return await compute(); }
        }
        try
        {
            page = await compute();
            // Kept before it stops being "computing", so that a request arriving in between finds one or the other.
            // A page of an older generation is never asked for again; it leaves when unused for a while or when space is needed.
            _pages.Set(key, page, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
            mine.SetResult(page);
            return page;
        }
        catch
        {
            mine.SetCanceled(CancellationToken.None);
            throw;
        }
        finally
        {
            _computing.TryRemove(new KeyValuePair<Key, Task<Page<EnterpriseRow>>>(key, mine.Task));
        }
    }
}
