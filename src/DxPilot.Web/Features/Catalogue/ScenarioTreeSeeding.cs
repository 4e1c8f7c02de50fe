using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// A programme's scenario tree starts as the template (seed 002 附件1) the first time anything of the catalogue is used in it, so
/// that an installation whose cities never open the catalogue carries no rows for it, and a city's later edits are its own. The
/// copy is the system's work, in its own scope, so that it is never recorded as the act of whoever happened to open the page.
/// Two app copies seeding at once: the unique (programme, code) index lets one win and the other finds its rows.
/// </summary>
public sealed class ScenarioTreeSeeding(IServiceScopeFactory scopes, ScenarioTreeTemplate template, ProgrammeCatalog programmes, TimeProvider clock)
{
    /// <summary>The programmes known to hold their tree: it is never deleted, so they need no second look.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _seeded = new();

    public async Task EnsureAsync(string programmeId, CancellationToken ct = default)
    {
        if (_seeded.ContainsKey(programmeId)) return;
        // Called from a request, the copy still runs as the system: outside the request's context its scope has no signed-in user.
        Task seeding;
        using (ExecutionContext.SuppressFlow()) seeding = Task.Run(() => SeedAsync(programmeId, ct), ct);
        await seeding;
        _seeded[programmeId] = true;
    }

    private async Task SeedAsync(string programmeId, CancellationToken ct)
    {
        var programme = programmes.Get(programmeId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        if (await db.CatalogueScenarios.AnyAsync(s => s.ProgrammeId == programme.Id, ct)) return;
        scope.ServiceProvider.GetRequiredService<Platform.CurrentActor>().Assume(Actor.System(programme.Id, "场景清单初始化（附件1）"));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (node, parent, order) in template.Nodes())
        {
            db.CatalogueScenarios.Add(CatalogueScenario.Create(programme.Id, node.Code, parent, node.Name, node.Description,
                node.MiitScenarios, node.MappingReason, order, now));
            // The seed's common needs are written for one industry; a programme without that industry starts without them.
            foreach (var need in node.CommonNeeds.Where(n => programme.FindIndustry(n.Industry) is not null))
                db.CommonNeeds.Add(CommonNeed.Create(programme.Id, node.Code, programme.FindIndustry(need.Industry)!.Key, need.Text, now));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await AnotherCopySeeded(programme.Id, ct)) throw;
        }
    }

    private async Task<bool> AnotherCopySeeded(string programmeId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().CatalogueScenarios.AnyAsync(s => s.ProgrammeId == programmeId, ct);
    }
}
