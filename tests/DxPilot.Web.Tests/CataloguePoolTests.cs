using System.Net;
using System.Net.Http.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.CataloguePool;

namespace DxPilot.Web.Tests;

/// <summary>
/// 服务商资源池 and its products through the API (issue 13 items 2 and 7): a provider applies, the city admits it, it lists a product,
/// the city approves it and everyone sees it; a suspension hides its products and refuses new ones; each role's scope; every refusal
/// with its Chinese reason; the to-do items.
/// </summary>
public abstract class CataloguePoolTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task A_provider_applies_the_city_admits_it_the_provider_lists_a_product_the_city_approves_and_it_is_shown()
    {
        var c = await CreateAsync(app);
        var member = await c.ApplyAsync(app);
        // Before admission the provider may not list anything.
        var early = await c.AddAsync(app, Product("云MES", "12.00"));
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("入池申请尚在审核中", await early.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "admit", null)).StatusCode);
        var product = await c.DraftAsync(app, "云MES");
        Assert.Empty(await c.ShownAsync(app, "enterprise", c.Parties.Provider.Name));
        Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "provider", product, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "city", product, "approve")).StatusCode);

        Assert.Equal(["云MES"], await c.ShownAsync(app, "enterprise", c.Parties.Provider.Name));
        Assert.Equal(["云MES"], await c.ShownAsync(app, "other-provider", c.Parties.Provider.Name));
        var shown = await Json(await (await c.As(app, "enterprise")).GetAsync($"/api/catalogue/products/{product}"));
        Assert.Equal("12.00万元（含税）", shown.GetProperty("product").GetProperty("priceText").GetString());
        Assert.Equal("生产现场管理", shown.GetProperty("scenarioDetails")[0].GetProperty("name").GetString());
        Assert.Equal("生产管控", shown.GetProperty("scenarioDetails")[0].GetProperty("miit")[0].GetString());

        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        Assert.Equal(["admit"], await db.StateTransitions.Where(t => t.EntityId == member.ToString()).Select(t => t.Trigger).ToListAsync());
        Assert.Equal(["submit", "approve"], (await db.StateTransitions.Where(t => t.EntityId == product.ToString()).ToListAsync())
            .OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => t.Trigger));
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(CatalogueProduct) && e.EntityId == product.ToString()).Select(e => e.ActorName).ToListAsync(),
            n => n == c.Parties.Provider.Name);
    }

    // The diagnosis agreement names 乙方 with its 统一社会信用代码 from the 机构名录: an admitted provider registered without one
    // takes the code its application stated, unless the registry already gives that code to another organisation.
    [Fact]
    public async Task Admission_registers_the_applications_uscc_for_a_provider_the_registry_has_none_for()
    {
        var c = await CataloguePool.CreateAsync(app);
        var other = await CataloguePool.CreateAsync(app);
        await ClearUsccAsync(c.Parties.Provider.Id, other.Parties.Provider.Id);
        await c.AdmittedAsync(app);

        var city = await c.Parties.AccountAsync(app, "city");
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            Assert.Equal(c.Parties.Provider.Uscc, (await db.Organisations.SingleAsync(o => o.Id == c.Parties.Provider.Id)).Uscc);
            var key = c.Parties.Provider.Id.ToString();
            Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == "Organisation" && e.EntityId == key).ToListAsync(),
                e => e.ActorName == city.Name && e.Changes.Any(x => x.Field == "Uscc" && x.After == c.Parties.Provider.Uscc));
            // The registry gives the second provider's code to the first: the second is admitted and its entry stays without one.
            await db.Organisations.Where(o => o.Id == c.Parties.Provider.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Uscc, other.Parties.Provider.Uscc));
        }
        await other.AdmittedAsync(app);
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
            Assert.Null((await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Organisations.SingleAsync(o => o.Id == other.Parties.Provider.Id)).Uscc);
    }

    private async Task ClearUsccAsync(params Guid[] organisations)
    {
        await using var scope = app.DataScope(ChangchunDiagnosis.Programme);
        await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Organisations.Where(o => organisations.Contains(o.Id))
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.Uscc, (string?)null));
    }

    [Fact]
    public async Task A_suspension_hides_the_providers_products_and_refuses_new_ones_until_it_is_reinstated()
    {
        var c = await CreateAsync(app);
        var member = await c.AdmittedAsync(app);
        var shown = await c.ApprovedAsync(app, "排产APS");
        var draft = await c.DraftAsync(app, "质量追溯");

        var unexplained = await c.PoolTransitionAsync(app, "city", member, "suspend", " ");
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Contains("理由", await unexplained.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "suspend", "资质证书过期未更新")).StatusCode);

        Assert.Empty(await c.ShownAsync(app, "enterprise", c.Parties.Provider.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await (await c.As(app, "enterprise")).GetAsync($"/api/catalogue/products/{shown}")).StatusCode);
        var added = await c.AddAsync(app, Product("设备联网", "6.50"));
        Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        Assert.Contains("资源池资格已暂停，不能新增或提交产品", await added.Content.ReadAsStringAsync());
        var submitted = await c.ProductTransitionAsync(app, "provider", draft, "submit");
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        Assert.Contains("服务商未在资源池中（或已暂停），不能提交审核", await submitted.Content.ReadAsStringAsync());
        // The provider reads why.
        var own = await Json(await (await c.As(app, "provider")).GetAsync($"/api/catalogue/pool/{member}"));
        Assert.Equal("资质证书过期未更新", own.GetProperty("member").GetProperty("decisionReason").GetString());

        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "reinstate", "已更新资质证书")).StatusCode);
        Assert.Equal(["排产APS"], await c.ShownAsync(app, "enterprise", c.Parties.Provider.Name));
    }

    [Fact]
    public async Task A_removal_takes_the_providers_products_down_for_good_and_a_new_admission_shows_nothing_unreviewed()
    {
        var c = await CreateAsync(app);
        var member = await c.AdmittedAsync(app);
        var shown = await c.ApprovedAsync(app, "云ERP");
        var waiting = await c.DraftAsync(app, "数据中台");
        Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "provider", waiting, "submit")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "remove", "提供虚假案例")).StatusCode);
        var provider = await c.As(app, "provider");
        var takenDown = (await Json(await provider.GetAsync($"/api/catalogue/products/{shown}"))).GetProperty("product");
        Assert.Equal(("withdrawn", "服务商已移出资源池：提供虚假案例"), (takenDown.GetProperty("state").GetString(), takenDown.GetProperty("reviewNote").GetString()));
        Assert.Equal("returned", (await Json(await provider.GetAsync($"/api/catalogue/products/{waiting}"))).GetProperty("product").GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync("/api/catalogue/pool", c.Application())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "admit", null)).StatusCode);
        Assert.Empty(await c.ShownAsync(app, "enterprise", c.Parties.Provider.Name));
    }

    [Fact]
    public async Task Each_role_reads_the_pool_and_products_in_its_scope()
    {
        var c = await CreateAsync(app);
        var member = await c.AdmittedAsync(app);
        var draft = await c.DraftAsync(app, "草稿产品");
        var waiting = await c.DraftAsync(app, "待审产品");
        Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "provider", waiting, "submit")).StatusCode);

        var pool = new Dictionary<string, HttpStatusCode>
        {
            ["city"] = HttpStatusCode.OK, ["chaoyang"] = HttpStatusCode.OK, ["thinktank"] = HttpStatusCode.OK, ["provider"] = HttpStatusCode.OK,
            ["enterprise"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound, ["expert"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in pool)
            Assert.True(status == (await (await c.As(app, who)).GetAsync($"/api/catalogue/pool/{member}")).StatusCode, $"pool {who}");
        // The contact's phone is personal data: the think tank reads it masked, as its page shows it (DOMAIN §8).
        foreach (var (who, phone) in new[] { ("city", "0431-88886666"), ("chaoyang", "0431-88886666"), ("thinktank", "043******6666") })
            Assert.Equal(phone, (await Json(await (await c.As(app, who)).GetAsync($"/api/catalogue/pool/{member}"))).GetProperty("member").GetProperty("contactPhone").GetString());
        foreach (var who in new[] { "enterprise", "provider", "expert" })
            Assert.True(HttpStatusCode.Forbidden == (await (await c.As(app, who)).GetAsync("/api/catalogue/pool")).StatusCode, $"pool list {who}");
        foreach (var who in new[] { "chaoyang", "thinktank" })
        {
            var decided = await c.PoolTransitionAsync(app, who, member, "suspend", "试一试");
            Assert.True(HttpStatusCode.Forbidden == decided.StatusCode, $"suspend {who}");
        }
        foreach (var who in new[] { "enterprise", "city", "expert" })
            Assert.True(HttpStatusCode.Forbidden == (await (await c.As(app, who)).PostAsJsonAsync("/api/catalogue/pool", c.Application())).StatusCode, $"apply {who}");
        foreach (var who in new[] { "city", "chaoyang", "thinktank" })
        {
            var listed = await Json(await (await c.As(app, who)).GetAsync($"/api/catalogue/pool?status=admitted&search={c.Parties.Provider.Uscc}"));
            Assert.Equal(member, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await c.PoolTransitionAsync(app, "other-provider", member, "reapply", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("cc-city")).GetAsync($"/api/catalogue/pool/{Guid.NewGuid()}")).StatusCode);

        // A draft is its provider's; a product under review its provider's and the bureaus' (its price is not public).
        var expectations = new Dictionary<string, (HttpStatusCode Draft, HttpStatusCode Waiting)>
        {
            ["provider"] = (HttpStatusCode.OK, HttpStatusCode.OK), ["city"] = (HttpStatusCode.NotFound, HttpStatusCode.OK),
            ["chaoyang"] = (HttpStatusCode.NotFound, HttpStatusCode.OK), ["thinktank"] = (HttpStatusCode.NotFound, HttpStatusCode.OK),
            ["enterprise"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound), ["other-provider"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ["expert"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
        };
        foreach (var (who, (d, w)) in expectations)
        {
            var client = await c.As(app, who);
            Assert.True(d == (await client.GetAsync($"/api/catalogue/products/{draft}")).StatusCode, $"draft {who}");
            Assert.True(w == (await client.GetAsync($"/api/catalogue/products/{waiting}")).StatusCode, $"under review {who}");
        }
        // Only the city reviews.
        Assert.Equal(HttpStatusCode.Forbidden, (await c.ProductTransitionAsync(app, "chaoyang", waiting, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.ProductTransitionAsync(app, "provider", waiting, "approve")).StatusCode);
    }

    [Fact]
    public async Task The_catalogue_filters_by_a_scenario_of_any_level_an_industry_cloud_and_a_price_ceiling_and_says_when_a_price_is_not_one()
    {
        var c = await CreateAsync(app);
        await c.AdmittedAsync(app);
        var provider = await c.As(app, "provider");
        async Task Approve(object product)
        {
            var id = (await Json(await provider.PostAsJsonAsync("/api/catalogue/products", product))).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "provider", id, "submit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "city", id, "approve")).StatusCode);
        }
        await Approve(new { name = "甲MES", summary = "现场", scenarios = new[] { "2.1.2" }, priceLowWan = "8.00", priceHighWan = "20.00", deliveryDays = "30",
            cloudBased = true, spendCategory = "software", industries = new[] { "汽车零部件配件制造" } });
        await Approve(new { name = "乙QMS", summary = "追溯", scenarios = new[] { "2.3.1" }, priceLowWan = "15.00", deliveryDays = "30",
            cloudBased = false, spendCategory = "software" });
        await Approve(new { name = "丙OA", summary = "办公", scenarios = new[] { "4.1.1" }, priceLowWan = "2.00", deliveryDays = "10",
            cloudBased = true, spendCategory = "cloud", industries = new[] { "电子元器件制造" } });
        async Task<List<string>> Shown(string query)
        {
            var page = await (await c.As(app, "enterprise")).GetFromJsonAsync<System.Text.Json.JsonElement>(
                $"/api/catalogue/products?search={Uri.EscapeDataString(c.Parties.Provider.Name)}&{query}");
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        }
        Assert.Equal(Sorted("甲MES", "乙QMS"), await Shown("scenario=2"));
        Assert.Equal(["乙QMS"], await Shown("scenario=2.3"));
        Assert.Equal(["甲MES"], await Shown("scenario=2.1.2"));
        Assert.Empty(await Shown("scenario=2.1.1"));
        // An industry selects the products naming it and those naming none (they fit every industry).
        Assert.Equal(Sorted("乙QMS", "甲MES"), await Shown($"industry={Uri.EscapeDataString("汽车零部件配件制造")}"));
        Assert.Equal(Sorted("丙OA", "甲MES"), await Shown("cloud=yes"));
        Assert.Equal(["乙QMS"], await Shown("cloud=no"));
        // A price ceiling reads a range's lower end: 甲 (8–20) fits 10, 乙 (15) does not; the boundary itself fits.
        Assert.Equal(Sorted("丙OA", "甲MES"), await Shown("maxPrice=10"));
        Assert.Equal(Sorted("丙OA", "乙QMS", "甲MES"), await Shown("maxPrice=15"));
        Assert.Equal(["丙OA"], await Shown("maxPrice=7.99"));
        // A full-width amount is the amount; one that is not a positive amount is refused on the API and, on the page, named
        // beside the filters while the list shows every price (it was applied as though nothing had been typed, silently).
        Assert.Equal(Sorted("丙OA", "甲MES"), await Shown($"maxPrice={Uri.EscapeDataString("１０")}"));
        var enterprise = await c.As(app, "enterprise");
        foreach (var bad in new[] { "abc", "-1", "0" })
        {
            var refused = await enterprise.GetAsync($"/api/catalogue/products?maxPrice={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal($"价格上限“{bad}”不是大于0的金额（万元），未按价格筛选",
                (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").GetProperty("maxPrice")[0].GetString());
        }
        var page = await (await c.Parties.BrowserAsync(app, "enterprise")).GetDocument(
            $"/catalogue?search={Uri.EscapeDataString(c.Parties.Provider.Name)}&maxPrice=abc");
        Assert.Equal("价格上限“abc”不是大于0的金额（万元），未按价格筛选。", page.QuerySelector("#filter-problem")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("#product-list tbody tr").Length);
    }

    private static List<string> Sorted(params string[] names) => names.Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_provider_may_not_change_another_providers_product()
    {
        var c = await CreateAsync(app);
        await c.AdmittedAsync(app);
        var shown = await c.ApprovedAsync(app, "能耗监测");
        var draft = await c.DraftAsync(app, "仓储WMS");
        var other = await c.As(app, "other-provider");

        var put = await other.PutAsJsonAsync($"/api/catalogue/products/{shown}", new { name = "改名", summary = "改", scenarios = new[] { "2.5.1" },
            priceLowWan = "1.00", deliveryDays = "10", spendCategory = "software", version = 2 });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("只能修改本单位的产品", await put.Content.ReadAsStringAsync());
        var withdrawn = await c.ProductTransitionAsync(app, "other-provider", shown, "withdraw");
        Assert.Equal(HttpStatusCode.Forbidden, withdrawn.StatusCode);
        // A product it cannot even see is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/catalogue/products/{draft}", new { name = "改名", version = 0 })).StatusCode);
        Assert.Equal(["能耗监测"], await c.ShownAsync(app, "enterprise", c.Parties.Provider.Name));
    }

    [Fact]
    public async Task Bad_products_are_refused_with_the_reason_by_field()
    {
        var c = await CreateAsync(app);
        await c.AdmittedAsync(app);
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
        {
            // The tree's edits are another page's; here a scenario is simply retired.
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().CatalogueScenarios
                .Where(s => s.ProgrammeId == ChangchunDiagnosis.Programme && s.Code == "2.2.5")
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RetiredAt, DateTime.UtcNow));
        }
        var cases = new (object Product, string Field, string Message)[]
        {
            (Product("零价", "0"), "priceLowWan", "价格须大于0（万元）"),
            (Product("负价", "-5"), "priceLowWan", "价格须大于0（万元）"),
            (Product("倒挂", "20.00", "8.00"), "priceHighWan", "价格区间的下限（20.00万元）不能高于上限（8.00万元）"),
            (Product("无此场景", "5", scenarios: ["9.9.9"]), "scenarios", "三级场景“9.9.9”不存在"),
            (Product("停用场景", "5", scenarios: ["2.2.5"]), "scenarios", "三级场景“2.2.5”已停用，请另选"),
            (Product("无场景", "5", scenarios: []), "scenarios", "请至少选择一个适用的三级场景"),
            (Product("类别", "5", spendCategory: "food"), "spendCategory", "“food”不是本试点的支出类别"),
        };
        foreach (var (product, field, message) in cases)
        {
            var response = await c.AddAsync(app, product);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await Json(response)).GetProperty("errors");
            Assert.Equal(message, errors.GetProperty(field)[0].GetString());
        }
        // A change from a page read before someone else's is stale.
        var id = await c.DraftAsync(app, "两处修改");
        var provider = await c.As(app, "provider");
        var first = await provider.PutAsJsonAsync($"/api/catalogue/products/{id}", new
        {
            name = "两处修改", summary = "第一次", scenarios = new[] { "2.1.2" }, priceLowWan = "10", deliveryDays = "30", spendCategory = "software", version = 0,
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await provider.PutAsJsonAsync($"/api/catalogue/products/{id}", new
        {
            name = "两处修改", summary = "第二次", scenarios = new[] { "2.1.2" }, priceLowWan = "10", deliveryDays = "30", spendCategory = "software", version = 0,
        });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("保存失败：产品在您打开之后已被", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_provider_reads_the_reason_and_applies_again_and_the_city_sees_the_whole_history()
    {
        var c = await CreateAsync(app);
        var member = await c.ApplyAsync(app);
        var badPhone = await (await c.As(app, "provider")).PostAsJsonAsync("/api/catalogue/pool", c.Application(contactPhone: "电话号码"));
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Equal("联系电话格式不正确：手机号为11位，座机如“区号-号码”，多个号码用“/”分隔", (await Json(badPhone)).GetProperty("errors").GetProperty("contactPhone")[0].GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await c.PoolTransitionAsync(app, "city", member, "refuse", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "refuse", "缺少典型案例的合同或验收证明")).StatusCode);
        var provider = await c.As(app, "provider");
        var seen = await Json(await provider.GetAsync($"/api/catalogue/pool/{member}"));
        Assert.Equal("refused", seen.GetProperty("member").GetProperty("state").GetString());
        Assert.Equal("缺少典型案例的合同或验收证明", seen.GetProperty("member").GetProperty("decisionReason").GetString());

        var again = await provider.PostAsJsonAsync("/api/catalogue/pool", c.Application());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("applied", (await Json(again)).GetProperty("state").GetString());
        var history = (await Json(await (await c.As(app, "city")).GetAsync($"/api/catalogue/pool/{member}"))).GetProperty("history");
        Assert.Equal(["refuse", "reapply"], history.EnumerateArray().Select(h => h.GetProperty("trigger").GetString()));
    }

    [Fact]
    public async Task The_city_and_the_provider_find_their_pool_and_product_work_in_their_to_do_lists()
    {
        var c = await CreateAsync(app);
        var member = await c.ApplyAsync(app);
        var cityTodo = await TodoAsync(ChangchunDiagnosis.City);
        var applications = Assert.Single(cityTodo, t => t.Title.StartsWith("入池申请待审核"));
        Assert.Equal(await CountAsync(db => db.PoolMembers.CountAsync(m => m.ProgrammeId == ChangchunDiagnosis.Programme && m.Status == PoolStatus.Applied)), applications.Count);
        Assert.Equal("/catalogue/pool?status=applied", applications.Href);

        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "admit", null)).StatusCode);
        var product = await c.DraftAsync(app, "待退回");
        Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "provider", product, "submit")).StatusCode);
        var reviews = Assert.Single(await TodoAsync(ChangchunDiagnosis.City), t => t.Title.StartsWith("产品待审核"));
        Assert.Equal(await CountAsync(db => db.CatalogueProducts.CountAsync(p => p.ProgrammeId == ChangchunDiagnosis.Programme && p.Status == ProductStatus.UnderReview)), reviews.Count);

        Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "city", product, "return", "价格未注明包含的模块")).StatusCode);
        var returned = Assert.Single(await TodoAsync(c.Parties.ProviderActor));
        Assert.Equal(("产品被退回修改：按审核意见修改后重新提交", 1, "/catalogue/mine?status=returned"), (returned.Title, returned.Count, returned.Href));

        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "remove", "连续两年无服务记录")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await c.As(app, "provider")).PostAsJsonAsync("/api/catalogue/pool", c.Application())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "refuse", "案例不足")).StatusCode);
        var refused = (await TodoAsync(c.Parties.ProviderActor)).Single(t => t.Href == "/catalogue/pool/apply");
        Assert.Equal("入池申请未通过，可按理由修改后重新申请：案例不足", refused.Title);
        Assert.Empty(await TodoAsync(c.Parties.EnterpriseActor));
    }

    private async Task<IReadOnlyList<Features.Home.TodoItem>> TodoAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return await ActivatorUtilities.CreateInstance<PoolTodo>(scope.ServiceProvider).ForAsync(actor, CancellationToken.None);
    }

    private async Task<int> CountAsync(Func<DxPilotDbContext, Task<int>> count)
    {
        await using var scope = app.DataScope();
        return await count(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }
}

public sealed class CataloguePoolTestsOnSqlite(SqliteApp app) : CataloguePoolTests<SqliteApp>(app);

public sealed class CataloguePoolTestsOnPostgres(PostgresApp app) : CataloguePoolTests<PostgresApp>(app);
