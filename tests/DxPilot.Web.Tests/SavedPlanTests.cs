using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 已保存和分享的采购方案 (issue 13 items 5 and 7): the enterprise's gap to 三级 (<see cref="PlanAssessments"/>: 质量管理 and 设备管理)
/// priced with the test's own products and saved as shown; the saved plan does not move when the catalogue does, but says what
/// changed; it is shared with a provider of its products or the enterprise's serving provider, read by them only while shared,
/// and fills a filing draft. Changchun's subsidy: 50 % of the eligible spend, at most 50万元.
/// </summary>
public abstract class SavedPlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static string Today => ChineseText.Date(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));   // Beijing

    [Fact]
    public async Task A_saved_plan_is_listed_and_opened_and_shows_the_price_changes_and_take_downs_since_saving()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        await c.WithoutOtherProvidersAsync(app);
        var trace = await c.ProductAsync(app, "质量追溯系统", ["2.3.1"], 30m);                                   // 质量管理
        await c.ProductAsync(app, "设备点检运维服务", ["2.4.2"], 8m, spendCategory: "maintenance");            // 设备管理, cheapest
        var monitor = await c.ProductAsync(app, "设备监测平台", ["2.4.1"], 25m, spendCategory: "cloud");        // 设备管理, chosen by pin
        var a = await PlanAssessments.SelfTestAsync(app, c.Parties.EnterpriseActor, c.Parties.Enterprise.Id);
        var enterprise = await c.Parties.BrowserAsync(app, "enterprise");
        var bearer = await app.As(c.Parties.Users["enterprise"]);
        var eid = c.Parties.Enterprise.Id;

        // 保存此方案 on the page with 设备监测平台 chosen, no title: 质量追溯系统 30 + 设备监测平台 25 = 55, both eligible (软件, 云服务);
        // subsidy 50 % × 55 = 27.50; own share 27.50. The saved plan opens.
        var livePath = $"/assessments/{a.Id}/plan?target=3&pin={monitor.Id}";
        var saved = await PostAsync(enterprise, livePath, "plan-save", new() { ["PlanTitle"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.IsAbsoluteUri ? saved.Headers.Location.AbsolutePath : saved.Headers.Location.ToString();
        Assert.Matches("^/plans/[0-9a-f-]{36}$", location);
        var id = Guid.Parse(location["/plans/".Length..]);

        var list = await bearer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{eid}/plans");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var row = list.GetProperty("items")[0];
        Assert.Equal((id, $"提升至三级的采购方案（{Today}）", 3), (row.GetProperty("id").GetGuid(), row.GetProperty("title").GetString(), row.GetProperty("targetLevel").GetInt32()));
        Assert.Equal((55m, 27.5m), (row.GetProperty("totalHighWan").GetDecimal(), row.GetProperty("ownShareHighWan").GetDecimal()));
        Assert.Empty(row.GetProperty("sharedWith").EnumerateArray());
        Assert.Equal(1, (await bearer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{eid}/plans?search=三级")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await bearer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{eid}/plans?search=四级")).GetProperty("total").GetInt32());
        var listPage = await enterprise.GetDocument($"/enterprises/{eid}/plans");
        Assert.Equal($"/plans/{id}", Assert.Single(listPage.QuerySelectorAll("#plans tbody tr a")).GetAttribute("href"));
        Assert.Equal($"/enterprises/{eid}/plans", (await enterprise.GetDocument($"/enterprises/{eid}")).QuerySelector("#enterprise-plans")!.GetAttribute("href"));
        Assert.Equal($"/enterprises/{eid}/plans", (await enterprise.GetDocument(livePath)).QuerySelector("#saved-plans")!.GetAttribute("href"));

        var page = await enterprise.GetDocument($"/plans/{id}");
        Assert.Equal(("55.00", "27.50", "27.50"), (Text(page, "#total"), Text(page, "#subsidy"), Text(page, "#own-share")));
        Assert.All(page.QuerySelectorAll("#products td.change"), td => Assert.Equal("未变", td.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("#immutable"));

        // The catalogue moves on: 质量追溯系统 now costs 32, 设备监测平台 is taken down by the city. The plan keeps its 55.00 and says so.
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().CatalogueProducts.Where(p => p.Id == trace.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceLowWan, 32m).SetProperty(p => p.PriceHighWan, 32m));
        await TakeDownAsync(monitor.Id);
        var plan = await bearer.GetFromJsonAsync<JsonElement>($"/api/plans/{id}");
        Assert.Equal((55m, 27.5m), (plan.GetProperty("atHighPrice").GetProperty("totalWan").GetDecimal(), plan.GetProperty("atHighPrice").GetProperty("ownShareWan").GetDecimal()));
        var products = plan.GetProperty("products").EnumerateArray().ToDictionary(p => p.GetProperty("productId").GetGuid());
        Assert.Equal(("repriced", "32.00万元（含税）"), (products[trace.Id].GetProperty("now").GetString(), products[trace.Id].GetProperty("priceNow").GetString()));
        Assert.Equal("takenDown", products[monitor.Id].GetProperty("now").GetString());
        page = await enterprise.GetDocument($"/plans/{id}");
        Assert.Equal("55.00", Text(page, "#total"));
        Assert.Equal("已调价：30.00万元（含税） → 32.00万元（含税）", Text(page, $"tr[data-product='{trace.Id}'] td.change"));
        Assert.Equal("已下架，请重新选择", Text(page, $"tr[data-product='{monitor.Id}'] td.change"));
        Assert.Contains("设备监测平台", Text(page, "#taken-down"));
        // Recomputed live with the same target and the product still shown pinned.
        Assert.Equal($"/assessments/{a.Id}/plan?target=3&pin={trace.Id}", page.QuerySelector("#recompute")!.GetAttribute("href"));

        // 据此发起备案 is refused while a product of the plan is taken down, on the page and through the API.
        var filed = await bearer.PostAsync($"/api/plans/{id}/filing", null);
        Assert.Equal(HttpStatusCode.Conflict, filed.StatusCode);
        Assert.Equal("方案中的产品已下架：设备监测平台。请重新计算方案、另选产品后再据此发起备案", await TitleOf(filed));
        var refused = await PostAsync(enterprise, $"/plans/{id}", "plan-filing", []);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("方案中的产品已下架：设备监测平台。请重新计算方案、另选产品后再据此发起备案",
            PageClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#refusal")!.TextContent.Trim());

        // Renaming is the one change a saved plan takes, on the version read.
        var renamed = await bearer.PutAsJsonAsync($"/api/plans/{id}/title", new { title = "与服务商商定前的方案", version = 0 });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await bearer.PutAsJsonAsync($"/api/plans/{id}/title", new { title = "再改", version = 0 })).StatusCode);
        Assert.Equal("与服务商商定前的方案", Text(await enterprise.GetDocument($"/plans/{id}"), "#plan-title"));
    }

    [Fact]
    public async Task Saving_refuses_a_bad_target_a_long_title_another_enterprise_and_a_reader_who_may_not_save()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var a = await PlanAssessments.SelfTestAsync(app, c.Parties.EnterpriseActor, c.Parties.Enterprise.Id);
        var bearer = await app.As(c.Parties.Users["enterprise"]);
        var url = $"/api/enterprises/{c.Parties.Enterprise.Id}/plans";

        var low = await bearer.PostAsJsonAsync(url, new { assessmentId = a.Id, target = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, low.StatusCode);
        Assert.Equal("目标等级须高于当前等级（当前为二级）", (await low.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("target")[0].GetString());
        var title = new string('方', 101);
        var longTitle = await bearer.PostAsJsonAsync(url, new { assessmentId = a.Id, target = 3, title });
        Assert.Equal(HttpStatusCode.BadRequest, longTitle.StatusCode);
        Assert.Equal("方案名称不超过100字，现为101字", (await longTitle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await bearer.PostAsJsonAsync(url, new { assessmentId = a.Id, target = 3, title = new string('方', 100) })).StatusCode);

        // The city reads the plan but does not save it; the serving provider cannot reach the enterprise's self-test at all.
        var city = await app.As(c.Parties.Users["city"]);
        var byCity = await city.PostAsJsonAsync(url, new { assessmentId = a.Id, target = 3 });
        Assert.Equal(HttpStatusCode.Forbidden, byCity.StatusCode);
        Assert.Equal("只有企业本身或为其服务的服务商可以保存采购方案", await TitleOf(byCity));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(c.Parties.Users["provider"])).PostAsJsonAsync(url, new { assessmentId = a.Id, target = 3 })).StatusCode);
        var other = await ChangchunDiagnosis.CreateAsync(app);
        Assert.Equal(HttpStatusCode.NotFound,
            (await bearer.PostAsJsonAsync($"/api/enterprises/{other.Enterprise.Id}/plans", new { assessmentId = a.Id, target = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bearer.PostAsJsonAsync(url, new { target = 3 })).StatusCode);
    }

    [Fact]
    public async Task A_plan_is_shared_with_a_provider_of_its_products_and_the_serving_provider_who_read_it_only_while_shared()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        await c.WithoutOtherProvidersAsync(app);
        // The products are another provider's (admitted now): 质量分析软件 20 (软件) + 设备监测云 25 (云服务) = 45, all eligible;
        // subsidy 50 % × 45 = 22.50; own share 22.50. The enterprise's serving provider sells nothing in the plan.
        var (otherId, otherName) = await OtherProviderAsync(c);
        var otherActor = new Actor($"p-{otherId:N}"[..20], otherName, Role.ServiceProvider, ChangchunDiagnosis.Programme, OrganisationId: otherId);
        await ChangchunCatalogue.AdmitAsync(app, otherActor, otherId, otherName);
        await c.ProductAsync(app, "质量分析软件", ["2.3.2"], 20m, provider: otherActor);
        await c.ProductAsync(app, "设备监测云", ["2.4.1"], 25m, spendCategory: "cloud", provider: otherActor);
        var a = await PlanAssessments.SelfTestAsync(app, c.Parties.EnterpriseActor, c.Parties.Enterprise.Id);
        var bearer = await app.As(c.Parties.Users["enterprise"]);
        var created = await bearer.PostAsJsonAsync($"/api/enterprises/{c.Parties.Enterprise.Id}/plans", new { assessmentId = a.Id, target = 3, title = "质量和设备提升方案" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var plan = await bearer.GetFromJsonAsync<JsonElement>($"/api/plans/{id}");
        Assert.Equal((45m, 22.5m, 22.5m), (plan.GetProperty("atHighPrice").GetProperty("totalWan").GetDecimal(),
            plan.GetProperty("atHighPrice").GetProperty("subsidyWan").GetDecimal(), plan.GetProperty("atHighPrice").GetProperty("ownShareWan").GetDecimal()));

        // Nobody but the enterprise, the bureaus in scope and the think tank reads it before it is shared: not even the serving provider.
        var otherProvider = await c.Parties.BrowserAsync(app, "other-provider");
        var serving = await c.Parties.BrowserAsync(app, "provider");
        foreach (var who in new[] { otherProvider, serving })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync($"/plans/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync($"/api/plans/{id}")).StatusCode);
        }
        foreach (var who in new[] { "city", "chaoyang", "thinktank" })
            Assert.Equal(HttpStatusCode.OK, (await (await c.Parties.BrowserAsync(app, who)).GetAsync($"/plans/{id}")).StatusCode);
        foreach (var who in new[] { "nanguan", "expert" })
            Assert.Equal(HttpStatusCode.NotFound, (await (await c.Parties.BrowserAsync(app, who)).GetAsync($"/plans/{id}")).StatusCode);
        var elsewhere = await ChangchunDiagnosis.CreateAsync(app);
        var otherEnterprise = await app.As(elsewhere.Users["enterprise"]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEnterprise.GetAsync($"/api/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEnterprise.GetAsync($"/api/enterprises/{c.Parties.Enterprise.Id}/plans")).StatusCode);

        // Only to a provider of the plan's products or one serving the enterprise; only by the enterprise; once at a time.
        var unrelated = await UnrelatedProviderAsync();
        var refused = await bearer.PostAsJsonAsync($"/api/plans/{id}/shares", new { providerId = unrelated });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("只能分享给方案中产品的服务商，或为本企业服务的服务商",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("providerId")[0].GetString());
        var byCity = await (await app.As(c.Parties.Users["city"])).PostAsJsonAsync($"/api/plans/{id}/shares", new { providerId = otherId });
        Assert.Equal(HttpStatusCode.Forbidden, byCity.StatusCode);
        Assert.Equal("只有企业本身可以分享方案、撤回分享或修改方案名称", await TitleOf(byCity));
        Assert.Equal(HttpStatusCode.OK, (await bearer.PostAsJsonAsync($"/api/plans/{id}/shares", new { providerId = otherId })).StatusCode);
        var twice = await bearer.PostAsJsonAsync($"/api/plans/{id}/shares", new { providerId = otherId });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal($"方案已分享给{otherName}", await TitleOf(twice));
        // The serving provider through the page's form.
        var enterprise = await c.Parties.BrowserAsync(app, "enterprise");
        var form = await enterprise.GetDocument($"/plans/{id}");
        Assert.Equal([$"{c.Parties.Provider.Name}（为本企业服务）"], form.QuerySelectorAll("#share-provider option").Select(o => o.TextContent));
        var shared = await PostAsync(enterprise, $"/plans/{id}", "plan-share", new() { ["ShareProvider"] = c.Parties.Provider.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);

        // Each provider has it on its to-do until it opens the plan; its list shows it, searched by the enterprise's name.
        Assert.Equal(1, SharedTodo(await TodosAsync(otherActor))!.Count);
        Assert.Equal(1, SharedTodo(await TodosAsync(c.Parties.ProviderActor))!.Count);
        var mine = await (await app.As(c.Parties.Users["other-provider"])).GetFromJsonAsync<JsonElement>(
            $"/api/plans?shared=mine&search={Uri.EscapeDataString(c.Parties.Enterprise.Name)}");
        Assert.Equal(id, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, (await (await app.As(c.Parties.Users["other-provider"])).GetFromJsonAsync<JsonElement>("/api/plans?shared=mine&search=不存在的企业"))
            .GetProperty("total").GetInt32());
        Assert.Equal($"/plans/{id}", Assert.Single((await otherProvider.GetDocument("/plans?shared=mine")).QuerySelectorAll("#plans tbody tr a")).GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await otherProvider.GetAsync($"/plans/{id}")).StatusCode);
        Assert.Null(SharedTodo(await TodosAsync(otherActor)));
        Assert.Equal(1, SharedTodo(await TodosAsync(c.Parties.ProviderActor))!.Count);
        var shares = (await bearer.GetFromJsonAsync<JsonElement>($"/api/plans/{id}")).GetProperty("shares").EnumerateArray()
            .ToDictionary(s => s.GetProperty("providerId").GetGuid());
        Assert.NotEqual(JsonValueKind.Null, shares[otherId].GetProperty("openedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, shares[c.Parties.Provider.Id].GetProperty("openedAt").ValueKind);
        Assert.Equal([otherName, c.Parties.Provider.Name],
            (await bearer.GetFromJsonAsync<JsonElement>($"/api/enterprises/{c.Parties.Enterprise.Id}/plans")).GetProperty("items")[0].GetProperty("sharedWith")
            .EnumerateArray().Select(s => s.GetString()));

        // Withdrawn: the serving provider reads it no more and its to-do ends; the share stays on record.
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.DeleteAsync($"/api/plans/{id}/shares/{c.Parties.Provider.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await serving.GetAsync($"/plans/{id}")).StatusCode);
        Assert.Null(SharedTodo(await TodosAsync(c.Parties.ProviderActor)));
        Assert.Equal(HttpStatusCode.Conflict, (await bearer.DeleteAsync($"/api/plans/{id}/shares/{c.Parties.Provider.Id}")).StatusCode);
        var record = await enterprise.GetDocument($"/plans/{id}");
        Assert.Contains("撤回", Text(record, $"#shares tr[data-provider='{c.Parties.Provider.Id}']"));
    }

    [Fact]
    public async Task The_catalogue_page_leads_each_role_to_the_plans_it_reads()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var expected = new Dictionary<string, string>
        {
            ["enterprise"] = $"/enterprises/{c.Parties.Enterprise.Id}/plans", ["provider"] = "/plans?shared=mine",
            ["city"] = "/plans", ["chaoyang"] = "/plans", ["thinktank"] = "/plans",
        };
        foreach (var (who, href) in expected)
        {
            var page = await (await c.Parties.BrowserAsync(app, who)).GetDocument("/catalogue");
            Assert.Equal([href], page.QuerySelectorAll("#catalogue-links a").Select(a => a.GetAttribute("href")!).Where(h => h.Contains("/plans")));
        }
    }

    [Fact]
    public async Task A_saved_plan_fills_a_filing_draft_and_a_second_filing_is_refused()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        await c.WithoutOtherProvidersAsync(app);
        await c.ProductAsync(app, "质量追溯系统", ["2.3.1"], 30m);
        await c.ProductAsync(app, "设备点检运维服务", ["2.4.2"], 8m, spendCategory: "maintenance");
        var monitor = await c.ProductAsync(app, "设备监测平台", ["2.4.1"], 20m, 25m, spendCategory: "cloud");
        var a = await PlanAssessments.SelfTestAsync(app, c.Parties.EnterpriseActor, c.Parties.Enterprise.Id);
        var bearer = await app.As(c.Parties.Users["enterprise"]);
        var created = await bearer.PostAsJsonAsync($"/api/enterprises/{c.Parties.Enterprise.Id}/plans", new { assessmentId = a.Id, target = 3, pins = new[] { monitor.Id } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // 质量追溯系统 30 + 设备监测平台 20–25 = 50–55: the draft budgets the upper end, 55.00, and names the lower; all prices 含税.
        var city = await app.As(c.Parties.Users["city"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync($"/api/plans/{id}/filing", null)).StatusCode);
        var started = await bearer.PostAsync($"/api/plans/{id}/filing", null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var filingId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
        {
            var filing = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Filings.SingleAsync(f => f.Id == filingId);
            Assert.Equal((c.Parties.Enterprise.Id, Domain.Filings.FilingStatus.Draft), (filing.EnterpriseId, filing.Status));
            Assert.Equal(("数字化改造提升至三级项目", "55.00", "3", "2"),
                (filing.Values["projectName"], filing.Values["investment"], filing.Values["targetLevel"], filing.Values["selfTest"]));
            var content = filing.Values["plan"];
            Assert.Contains("依据2025年7月16日的数字化水平评测（二级），目标提升至三级。需提升的应用场景：质量管理、设备管理。", content);
            Assert.Contains($"设备监测平台，{c.Membership.OrganisationName}（统一社会信用代码{c.Membership.Uscc}），20.00–25.00万元（含税），用于设备管理", content);
            Assert.Contains("改造总花费按报价上限计55.00万元（报价下限合计50.00万元），报价均含税。", content);
        }
        var again = await bearer.PostAsync($"/api/plans/{id}/filing", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("本企业已有在办或已备案的项目，不能据此方案另行发起备案；请在已有的备案中修改", await TitleOf(again));
    }

    private static string Text(AngleSharp.Html.Dom.IHtmlDocument page, string selector) => page.QuerySelector(selector)!.TextContent.Trim();

    private static async Task<string?> TitleOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();

    private static TodoItem? SharedTodo(IReadOnlyList<TodoItem> items) => items.SingleOrDefault(t => t.Href == "/plans?shared=mine");

    private async Task<IReadOnlyList<TodoItem>> TodosAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return await scope.ServiceProvider.GetRequiredService<TodoList>().ForAsync(actor);
    }

    private async Task TakeDownAsync(Guid productId)
    {
        await using var scope = app.ScopeAs(ChangchunDiagnosis.City);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var product = await db.CatalogueProducts.SingleAsync(p => p.Id == productId);
        var taken = product.Apply(ProductTrigger.TakeDown, ChangchunDiagnosis.City, "产品介绍与实际不符", new ProductCase(product, true, []), DateTime.UtcNow);
        Assert.True(taken.Taken, taken.Refusal?.Message);
        db.StateTransitions.Add(taken.Record!);
        await db.SaveChangesAsync();
    }

    /// <summary>The other provider of <see cref="ChangchunDiagnosis"/> (an account "other-provider"; it serves nobody).</summary>
    private async Task<(Guid Id, string Name)> OtherProviderAsync(ChangchunCatalogue c)
    {
        var suffix = c.Parties.Provider.Name["长春数智转型服务".Length..^"有限公司".Length];
        await using var scope = app.DataScope(ChangchunDiagnosis.Programme);
        var other = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Organisations.SingleAsync(o => o.Name == $"吉林另一服务商{suffix}有限公司");
        return (other.Id, other.Name);
    }

    /// <summary>A provider neither in the plan nor serving the enterprise.</summary>
    private async Task<Guid> UnrelatedProviderAsync()
    {
        await using var scope = app.DataScope(ChangchunDiagnosis.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var org = new Organisation { ProgrammeId = ChangchunDiagnosis.Programme, Name = $"无关服务商{Guid.NewGuid():N}"[..20], Kind = OrganisationKind.ServiceProvider };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var pairs = new List<KeyValuePair<string, string>> { new("_handler", handler), new("__RequestVerificationToken", await PageClient.Token(client, path)) };
        pairs.AddRange(fields);
        return await client.PostAsync(path, new FormUrlEncodedContent(pairs));
    }
}

public sealed class SavedPlanTestsOnSqlite(SqliteApp app) : SavedPlanTests<SqliteApp>(app);

public sealed class SavedPlanTestsOnPostgres(PostgresApp app) : SavedPlanTests<PostgresApp>(app);
