using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 供需适配 (/enterprises/{id}/matches and its API): an enterprise's need matched to the approved products that serve it, ranked, with
/// the reasons; products under review or of a suspended provider never listed; over budget below within budget; an enterprise
/// without needs told to state them; and who may see an enterprise's matches (404 for everyone else).
/// </summary>
public abstract class MatchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Industry = "汽车零部件配件制造";

    [Fact]
    public async Task The_enterprise_sees_its_need_matched_to_an_approved_product_with_the_reasons()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var e = c.Parties.Enterprise;
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, e.Id, "2.1.1", NeedPriority.High, 30m);
        // A scenario of this test's own, that no product serves.
        var unserved = await ChangchunNeeds.ScenarioAsync(app, 61, "测试：尚无产品的场景");
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, e.Id, unserved, NeedPriority.Low, null, "危化品库房缺少在线监测");
        var aps = await c.ProductAsync(app, "智能排产APS", ["2.1.1"], 20m, 28m, industries: [Industry]);
        // 进度 5 星, the other three 4 星: (100 + 80 + 80 + 80) / 4 = 85.0 on the hundred scale.
        await ChangchunNeeds.RateAsync(app, c.Parties.Provider.Id, 5, 4, 4, 4);

        var browser = await c.Parties.BrowserAsync(app, "enterprise");
        var page = await browser.GetDocument($"/enterprises/{e.Id}/matches");
        var card = page.QuerySelector($"#match-list [data-product='{aps.Id}']");
        Assert.NotNull(card);
        Assert.Equal("覆盖需求：数字化排产与优化（高）；适用本行业；在预算30.00万元内；智库评价85.0分；已为本企业提供诊断服务",
            card.QuerySelector(".match-why")!.TextContent.Trim());
        Assert.Contains("20.00–28.00万元（含税）", card.QuerySelector(".match-price")!.TextContent);
        // 40 (高) + 15 (industry) + 15 (within budget) + 8.5 (rating) + 10 (serving) = 88.5.
        Assert.Contains("88.5", card.QuerySelector(".match-score")!.TextContent);
        Assert.Equal("暂无适配产品", page.QuerySelector($"#match-needs [data-scenario='{unserved}'] .no-supply")!.TextContent.Trim());
        Assert.Equal("/catalogue?scenario=2.1.1", page.QuerySelector("#match-needs [data-scenario='2.1.1'] a")!.GetAttribute("href"));

        var api = await (await app.As(c.Parties.Users["enterprise"])).GetFromJsonAsync<JsonElement>($"/api/enterprises/{e.Id}/matches");
        var item = api.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("productId").GetGuid() == aps.Id);
        Assert.Equal(88.5, item.GetProperty("score").GetDouble());
        Assert.Equal(15, item.GetProperty("scores").GetProperty("budget").GetDouble());
        Assert.Equal(["2.1.1"], item.GetProperty("coveredScenarios").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("已为本企业提供诊断服务", item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var needs = api.GetProperty("needs").EnumerateArray().ToList();
        Assert.Equal(["2.1.1", unserved], needs.Select(n => n.GetProperty("scenarioCode").GetString()));
        Assert.Equal(["high", "low"], needs.Select(n => n.GetProperty("priority").GetString()));
        Assert.Equal(0, needs[1].GetProperty("products").GetInt32());
    }

    [Fact]
    public async Task A_product_under_review_or_of_a_suspended_provider_never_appears()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var e = c.Parties.Enterprise;
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, e.Id, "2.4.1", NeedPriority.Medium, null, "关键设备停机无预警");
        var shown = await c.ProductAsync(app, "设备联网监测", ["2.4.1"], 6m);
        var pending = await c.UnderReviewAsync(app, "设备预测性维护（待审）", ["2.4.1"], 9m);
        var (other, otherActor) = await OtherProviderAsync("吉林设备云");
        var suspendedProduct = await c.ProductAsync(app, "设备云平台", ["2.4.1"], 5m, provider: otherActor);

        Assert.Equal(new[] { shown.Id, suspendedProduct.Id }.Order(), Mine(await ListAsync(c.Parties.EnterpriseActor, e.Id), shown, pending, suspendedProduct).Order());
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var member = await db.PoolMembers.SingleAsync(m => m.ProgrammeId == ChangchunDiagnosis.Programme && m.OrganisationId == other);
            Assert.True(member.Apply(PoolTrigger.Suspend, ChangchunDiagnosis.City, "资质到期未更新", DateTime.UtcNow).Taken);
            await db.SaveChangesAsync();
        }

        var list = await ListAsync(c.Parties.EnterpriseActor, e.Id);
        Assert.Equal([shown.Id], Mine(list, shown, pending, suspendedProduct));
        var page = await (await c.Parties.BrowserAsync(app, "enterprise")).GetStringAsync($"/enterprises/{e.Id}/matches");
        Assert.DoesNotContain("设备预测性维护（待审）", page);
        Assert.DoesNotContain("设备云平台", page);
        Assert.DoesNotContain(pending.Id.ToString(), page);
    }

    [Fact]
    public async Task Over_budget_ranks_below_within_budget_and_says_by_how_much()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var e = c.Parties.Enterprise;
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, e.Id, "2.5.1", NeedPriority.High, 30m, "能耗靠人工抄表，无法分析");
        // The enterprise's own provider (10 points for serving it) over budget; another provider within it.
        var over = await c.ProductAsync(app, "能源管理系统", ["2.5.1"], 36m);
        var (_, otherActor) = await OtherProviderAsync("长春能效");
        var within = await c.ProductAsync(app, "能耗在线监测", ["2.5.1"], 30m, provider: otherActor);

        var list = (await ListAsync(c.Parties.EnterpriseActor, e.Id)).Matches.Items.Where(r => r.Match.Product.ProductId == within.Id || r.Match.Product.ProductId == over.Id).ToList();
        Assert.Equal([within.Id, over.Id], list.Select(r => r.Match.Product.ProductId));
        // within: 40 + 15 + 15 = 70; over: 40 + 15 − 15 × 6/30 + 10 = 62.
        Assert.Equal([70d, 62], list.Select(r => Math.Round(r.Match.Scores.Total, 6)));
        Assert.Equal(6m, list[1].Match.OverBudgetWan);
        Assert.True(list[0].Rank < list[1].Rank);
        var page = await (await c.Parties.BrowserAsync(app, "enterprise")).GetDocument($"/enterprises/{e.Id}/matches");
        Assert.Contains("超出预算6.00万元（预算30.00万元）", page.QuerySelector($"[data-product='{over.Id}'] .match-why")!.TextContent);
        Assert.Contains("在预算30.00万元内", page.QuerySelector($"[data-product='{within.Id}'] .match-why")!.TextContent);
        Assert.Equal($"第{list[1].Rank}名", page.QuerySelector($"[data-product='{over.Id}'] .match-rank")!.TextContent.Trim());

        // A search keeps each product's rank in the whole list.
        var searched = await (await c.Parties.BrowserAsync(app, "enterprise")).GetDocument($"/enterprises/{e.Id}/matches?search=能源管理");
        Assert.Null(searched.QuerySelector($"[data-product='{within.Id}']"));
        Assert.Equal($"第{list[1].Rank}名", searched.QuerySelector($"[data-product='{over.Id}'] .match-rank")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_enterprise_without_needs_is_told_to_state_them()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var e = c.Parties.Enterprise;
        var page = await (await c.Parties.BrowserAsync(app, "enterprise")).GetDocument($"/enterprises/{e.Id}/matches");
        var told = page.QuerySelector("#no-needs");
        Assert.NotNull(told);
        Assert.Contains("尚未填写需求", told.TextContent);
        Assert.Equal($"/enterprises/{e.Id}/needs", told.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#match-list"));
    }

    [Fact]
    public async Task Matches_are_seen_by_the_enterprise_its_provider_the_bureaus_in_scope_and_the_think_tank_only()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var e = c.Parties.Enterprise;
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, e.Id, "2.1.2", NeedPriority.Medium, null, "现场报工靠纸质单据");
        var elsewhere = await ChangchunDiagnosis.CreateAsync(app);
        var users = c.Parties.Users;
        foreach (var (who, user, seen) in new[]
                 {
                     ("enterprise", users["enterprise"], true), ("provider", users["provider"], true), ("city", users["city"], true),
                     ("chaoyang", users["chaoyang"], true), ("thinktank", users["thinktank"], true),
                     ("nanguan", users["nanguan"], false), ("other-provider", users["other-provider"], false), ("expert", users["expert"], false),
                     ("another enterprise", elsewhere.Users["enterprise"], false),
                 })
        {
            var expected = seen ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            var browser = await app.SignedIn(user);
            Assert.True(expected == (await browser.GetAsync($"/enterprises/{e.Id}/matches")).StatusCode, $"{who}: page");
            Assert.True(expected == (await (await app.As(user)).GetAsync($"/api/enterprises/{e.Id}/matches")).StatusCode, $"{who}: API");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(users["city"])).GetAsync($"/api/enterprises/{Guid.NewGuid()}/matches")).StatusCode);
    }

    private async Task<MatchList> ListAsync(Actor actor, Guid enterpriseId)
    {
        await using var scope = app.ScopeAs(actor);
        var outcome = await scope.ServiceProvider.GetRequiredService<MatchService>().ListAsync(actor, enterpriseId, null, 1);
        Assert.True(outcome.IsOk, outcome.Message);
        return outcome.Value!;
    }

    /// <summary>The listed products among the test's own (demo data may list others in the same scenarios).</summary>
    private static List<Guid> Mine(MatchList list, params CatalogueProduct[] ours) =>
        list.Matches.Items.Select(r => r.Match.Product.ProductId).Where(id => ours.Any(p => p.Id == id)).ToList();

    /// <summary>A second provider of the programme, admitted to the pool.</summary>
    private async Task<(Guid Id, Actor Actor)> OtherProviderAsync(string name)
    {
        var organisation = new Domain.Organisations.Organisation
        {
            ProgrammeId = ChangchunDiagnosis.Programme, Name = $"{name}{Guid.NewGuid().ToString("N")[..6]}有限公司",
            Kind = Domain.Organisations.OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc(),
        };
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }
        var actor = new Actor($"p-{organisation.Id:N}"[..20], organisation.Name, Role.ServiceProvider, ChangchunDiagnosis.Programme, OrganisationId: organisation.Id);
        await ChangchunCatalogue.AdmitAsync(app, actor, organisation.Id, organisation.Name);
        return (organisation.Id, actor);
    }
}

public sealed class MatchTestsOnSqlite(MatchSqliteApp app) : MatchTests<MatchSqliteApp>(app);

public sealed class MatchTestsOnPostgres(MatchPostgresApp app) : MatchTests<MatchPostgresApp>(app);
