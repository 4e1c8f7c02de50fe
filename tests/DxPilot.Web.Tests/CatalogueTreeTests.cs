using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>A programme's scenario tree starts as seed 002 附件1 the first time the catalogue is used in it: 4 level-1, 17 level-2
/// and 54 level-3 scenarios (counted in the seed, with 业务中台建设 numbered 4.2.2 where the seed repeats 4.2.1), once only, by the
/// system, and the seed's one common need only where the programme has that industry (by name or alias).</summary>
public abstract class CatalogueTreeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task The_tree_is_copied_from_the_seed_once_and_by_the_system()
    {
        var seeding = app.Services.GetRequiredService<ScenarioTreeSeeding>();
        await seeding.EnsureAsync("changchun-2025");
        await seeding.EnsureAsync("changchun-2025");
        await seeding.EnsureAsync("hangzhou-2024");
        await seeding.EnsureAsync("heilongjiang-2025");

        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var tree = await db.CatalogueScenarios.Where(s => s.ProgrammeId == "changchun-2025").ToListAsync();
        Assert.Equal(4, tree.Count(s => s.Level == 1));
        Assert.Equal(17, tree.Count(s => s.Level == 2));
        Assert.Equal(54, tree.Count(s => s.Level == 3));
        var middleOffice = tree.Single(s => s.Code == "4.2.2");
        Assert.Equal("业务中台建设", middleOffice.Name);
        Assert.Equal("4.2", middleOffice.ParentCode);
        Assert.Equal(["计划排程"], tree.Single(s => s.Code == "2.1.1").MiitScenarioNames);
        Assert.Empty(tree.Single(s => s.Code == "2.7.5").MiitScenarioNames);

        var need = Assert.Single(await db.CommonNeeds.Where(n => n.ProgrammeId == "changchun-2025").ToListAsync());
        Assert.Equal(("1.1.1", "汽车零部件配件制造"), (need.ScenarioCode, need.IndustryKey));
        // Hangzhou names the same industry 汽车零部件 (with Changchun's name as an alias): the need is filed under its own key.
        // Heilongjiang's one industry is the whole of 制造业, not the seed's: it starts without.
        Assert.Equal(75, await db.CatalogueScenarios.CountAsync(s => s.ProgrammeId == "hangzhou-2024"));
        Assert.Equal("汽车零部件", (await db.CommonNeeds.SingleAsync(n => n.ProgrammeId == "hangzhou-2024")).IndustryKey);
        Assert.Equal(0, await db.CommonNeeds.CountAsync(n => n.ProgrammeId == "heilongjiang-2025"));

        var created = await db.AuditEntries.Where(e => e.ProgrammeId == "changchun-2025" && e.EntityType == nameof(Domain.Catalogue.CatalogueScenario)).ToListAsync();
        Assert.Equal(75, created.Count);
        Assert.All(created, e => Assert.Equal("场景清单初始化（附件1）", e.ActorName));
    }

    [Fact]
    public async Task The_catalogue_shows_approved_products_of_admitted_providers_only()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var mes = await c.ProductAsync(app, "云MES", ["2.1.2", "2.8.2"], 12m);
        var aps = await c.ProductAsync(app, "排产APS", ["2.1.1"], 8m, 15m);
        Assert.Equal("8.00–15.00万元（含税）", aps.PriceText);
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var shown = await ShownProducts.In(db, ChangchunDiagnosis.Programme).Where(p => p.ProviderId == c.Parties.Provider.Id).Select(p => p.Name).ToListAsync();
            Assert.Equal(["云MES", "排产APS"], shown.Order());
            var member = await db.PoolMembers.SingleAsync(m => m.Id == c.Membership.Id);
            Assert.True(member.Apply(Domain.Catalogue.PoolTrigger.Suspend, ChangchunDiagnosis.City, "资质到期未更新", DateTime.UtcNow).Taken);
            await db.SaveChangesAsync();
            Assert.Empty(await ShownProducts.In(db, ChangchunDiagnosis.Programme).Where(p => p.ProviderId == c.Parties.Provider.Id).ToListAsync());
        }
        Assert.NotEqual(mes.Id, aps.Id);
    }
}

public sealed class CatalogueTreeTestsOnSqlite(SqliteApp app) : CatalogueTreeTests<SqliteApp>(app);

public sealed class CatalogueTreeTestsOnPostgres(PostgresApp app) : CatalogueTreeTests<PostgresApp>(app);
