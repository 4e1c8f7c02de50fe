using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 采购方案与费用 (issue 13 item 5): an enterprise's gap to 三级 (<see cref="PlanAssessments"/>: 质量管理 and 设备管理 to raise) priced
/// with the catalogue's approved products, the cheapest cover, the enterprise's own choices, Changchun's subsidy (50 % of the
/// eligible spend, at most 50万元; the whole of it withheld from an excluded enterprise, centralShare 1) and its own share.
/// The catalogue's products are the programme's, shared by the tests of a class: only <see cref="A_gap_is_priced_with_the_cheapest_products_the_subsidy_and_the_own_share"/> adds any.
/// </summary>
public abstract class PricedPlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task A_gap_is_priced_with_the_cheapest_products_the_subsidy_and_the_own_share()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        await c.WithoutOtherProvidersAsync(app);   // the demo catalogue would undercut the figures worked below
        var trace = await c.ProductAsync(app, "质量追溯系统", ["2.3.1"], 30m);                                   // 质量管理
        var analysis = await c.ProductAsync(app, "质量分析SaaS", ["2.3.2"], 35m, 40m, "cloud");                 // 质量管理
        var monitor = await c.ProductAsync(app, "设备监测平台", ["2.4.1"], 25m, spendCategory: "cloud");        // 设备管理
        var upkeep = await c.ProductAsync(app, "设备点检运维服务", ["2.4.2"], 8m, spendCategory: "maintenance"); // 设备管理, 运维服务: not eligible
        var suite = await c.ProductAsync(app, "质量设备一体化平台", ["2.3.3", "2.4.3"], 120m);                   // both
        var a = await PlanAssessments.SelfTestAsync(app, c.Parties.EnterpriseActor, c.Parties.Enterprise.Id);
        var enterprise = await c.Parties.BrowserAsync(app, "enterprise");
        var url = $"/api/assessments/{a.Id}/priced-plan?target=3";

        // Cheapest cover of {质量管理, 设备管理}: 质量追溯系统 30 + 设备点检运维服务 8 = 38 (质量分析SaaS + 运维 43–48, + 设备监测平台 55,
        // 一体化 120). Eligible 30 (运维服务 is not a subsidised category); subsidy min(50 % × 30, 50) = 15.00; own share 38 − 15 = 23.00.
        var plan = await enterprise.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(2, plan.GetProperty("currentLevel").GetInt32());
        Assert.True(plan.GetProperty("complete").GetBoolean());
        Assert.Equal(["质量管理", "设备管理"], plan.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("scenario").GetString()));
        Assert.Equal(new[] { trace.Id, upkeep.Id }.Order(), Chosen(plan).Order());
        Money(plan, 38m, 38m, 30m, 15m, 23m);
        Assert.Equal([analysis.Id, suite.Id], Alternatives(plan, 0));
        Assert.Equal([monitor.Id, suite.Id], Alternatives(plan, 1));
        Assert.Equal(["2.3.1 产品质量追溯", "2.3.2 质量数据分析", "2.3.3 质量形态检测", "2.3.4 质量控制协同", "2.3.5 质量性能检测"],
            plan.GetProperty("scenarios")[0].GetProperty("catalogueScenarios").EnumerateArray().Select(x => $"{x.GetProperty("code").GetString()} {x.GetProperty("name").GetString()}"));
        var provider = Assert.Single(plan.GetProperty("providers").EnumerateArray());
        Assert.Equal(c.Membership.Uscc, provider.GetProperty("uscc").GetString());

        // 改用 设备监测平台 for 设备管理: 30 + 25 = 55, all eligible; subsidy 27.50, own 27.50.
        plan = await enterprise.GetFromJsonAsync<JsonElement>($"{url}&pin={monitor.Id}");
        Assert.Equal(new[] { trace.Id, monitor.Id }.Order(), Chosen(plan).Order());
        Money(plan, 55m, 55m, 55m, 27.5m, 27.5m);
        // Then 质量分析SaaS for 质量管理 as well: 35–40 + 25 = 60–65; subsidy 30.00–32.50; own 30.00–32.50.
        plan = await enterprise.GetFromJsonAsync<JsonElement>($"{url}&pin={monitor.Id}&pin={analysis.Id}");
        Assert.Equal(new[] { analysis.Id, monitor.Id }.Order(), Chosen(plan).Order());
        Money(plan, 60m, 65m, 60m, 30m, 30m, highEligible: 65m, highSubsidy: 32.5m, highOwn: 32.5m);
        // The suite alone covers both at 120: 50 % is 60, capped at 50; own 70.
        plan = await enterprise.GetFromJsonAsync<JsonElement>($"{url}&pin={suite.Id}");
        Assert.Equal([suite.Id], Chosen(plan));
        Money(plan, 120m, 120m, 120m, 50m, 70m);
        Assert.True(plan.GetProperty("atHighPrice").GetProperty("capped").GetBoolean());

        // The page shows the same plan, with the choice links; the assessment's gap plan links to it.
        var page = await enterprise.GetDocument($"/assessments/{a.Id}/plan?target=3");
        Assert.Equal("38.00", page.QuerySelector("#total")!.TextContent.Trim());
        Assert.Equal("15.00", page.QuerySelector("#subsidy")!.TextContent.Trim());
        Assert.Equal("23.00", page.QuerySelector("#own-share")!.TextContent.Trim());
        Assert.Equal(new[] { "质量追溯系统", "设备点检运维服务" }.Order(StringComparer.Ordinal),
            page.QuerySelectorAll("#products tbody tr td:first-child").Select(td => td.TextContent).Order(StringComparer.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".plan-alternatives a.button"), l => l.GetAttribute("href") == $"/assessments/{a.Id}/plan?target=3&pin={monitor.Id}");
        Assert.Contains("30.00万元（含税）", page.QuerySelector("#products")!.TextContent);
        var result = await enterprise.GetDocument($"/assessments/{a.Id}?target=3");
        Assert.Equal($"/assessments/{a.Id}/plan?target=3", result.QuerySelector("#priced-plan")!.GetAttribute("href"));

        // An enterprise excluded from central funds (小巨人 with central funds): Changchun's centralShare is 1, the whole 15.00 is withheld.
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Enterprises.Where(e => e.Id == c.Parties.Enterprise.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LittleGiantCentralFunded, true));
        plan = await enterprise.GetFromJsonAsync<JsonElement>(url);
        Money(plan, 38m, 38m, 30m, 0m, 38m);
        Assert.Equal(15m, plan.GetProperty("atHighPrice").GetProperty("withheldWan").GetDecimal());

        // 据此发起备案 with 设备监测平台 chosen: a draft with the project, 55.00万元 (fixed prices, all 含税), 三级, the self-test's 二级 and
        // the products with their provider (name and USCC from the pool). Only the enterprise starts a filing; a second one is refused.
        var city = await app.As(c.Parties.Users["city"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync($"{url}&pin={monitor.Id}".Replace("priced-plan?", "priced-plan/filing?"), null)).StatusCode);
        var bearer = await app.As(c.Parties.Users["enterprise"]);
        var filingUrl = $"/api/assessments/{a.Id}/priced-plan/filing?target=3&pin={monitor.Id}";
        var started = await bearer.PostAsync(filingUrl, null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var filingId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
        {
            var filing = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Filings.SingleAsync(f => f.Id == filingId);
            Assert.Equal((c.Parties.Enterprise.Id, Domain.Filings.FilingStatus.Draft), (filing.EnterpriseId, filing.Status));
            Assert.Equal("数字化改造提升至三级项目", filing.Values["projectName"]);
            Assert.Equal(("55.00", "3", "2"), (filing.Values["investment"], filing.Values["targetLevel"], filing.Values["selfTest"]));
            Assert.Equal(3, filing.TargetLevel);
            var content = filing.Values["plan"];
            Assert.Contains("需提升的应用场景：质量管理、设备管理", content);
            Assert.Contains($"质量追溯系统，{c.Membership.OrganisationName}（统一社会信用代码{c.Membership.Uscc}），30.00万元（含税），用于质量管理", content);
            Assert.Contains($"设备监测平台，{c.Membership.OrganisationName}（统一社会信用代码{c.Membership.Uscc}），25.00万元（含税），用于设备管理", content);
            Assert.Contains("改造总花费按报价计55.00万元，报价均含税", content);
        }
        var again = await bearer.PostAsync(filingUrl, null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("本企业已有在办或已备案的项目，不能据此方案另行发起备案；请在已有的备案中修改",
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_target_at_or_below_the_level_or_above_four_is_refused_and_the_plan_is_read_in_scope_only()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var a = await PlanAssessments.SelfTestAsync(app, c.Parties.EnterpriseActor, c.Parties.Enterprise.Id);
        var enterprise = await c.Parties.BrowserAsync(app, "enterprise");

        foreach (var (target, message) in new[] { ("2", "目标等级须高于当前等级（当前为二级）"), ("1", "目标等级须高于当前等级（当前为二级）"), ("5", "目标等级最高为四级") })
        {
            var response = await enterprise.GetAsync($"/api/assessments/{a.Id}/priced-plan?target={target}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("target")[0].GetString());
            var page = await enterprise.GetAsync($"/assessments/{a.Id}/plan?target={target}");
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Equal(message, PageClient.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("#refusal")!.TextContent.Trim());
        }
        Assert.Equal(HttpStatusCode.OK, (await enterprise.GetAsync($"/api/assessments/{a.Id}/priced-plan?target=4")).StatusCode);

        foreach (var who in new[] { "city", "chaoyang", "thinktank" })
            Assert.Equal(HttpStatusCode.OK, (await (await c.Parties.BrowserAsync(app, who)).GetAsync($"/api/assessments/{a.Id}/priced-plan")).StatusCode);
        // The serving provider reads the assessments it made, not the enterprise's self-test: nor the plan drawn from it.
        foreach (var who in new[] { "nanguan", "other-provider", "expert", "provider" })
        {
            var outsider = await c.Parties.BrowserAsync(app, who);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/assessments/{a.Id}/priced-plan?target=3")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/assessments/{a.Id}/plan?target=3")).StatusCode);
        }
    }

    private static List<Guid> Chosen(JsonElement plan) =>
        plan.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("product").GetProperty("productId").GetGuid()).ToList();

    private static List<Guid> Alternatives(JsonElement plan, int scenario) =>
        plan.GetProperty("scenarios")[scenario].GetProperty("alternatives").EnumerateArray().Select(p => p.GetProperty("productId").GetGuid()).ToList();

    private static void Money(JsonElement plan, decimal lowTotal, decimal highTotal, decimal eligible, decimal subsidy, decimal own,
        decimal? highEligible = null, decimal? highSubsidy = null, decimal? highOwn = null)
    {
        var (low, high) = (plan.GetProperty("atLowPrice"), plan.GetProperty("atHighPrice"));
        Assert.Equal((lowTotal, eligible, subsidy, own), (low.GetProperty("totalWan").GetDecimal(), low.GetProperty("eligibleWan").GetDecimal(),
            low.GetProperty("subsidyWan").GetDecimal(), low.GetProperty("ownShareWan").GetDecimal()));
        Assert.Equal((highTotal, highEligible ?? eligible, highSubsidy ?? subsidy, highOwn ?? own), (high.GetProperty("totalWan").GetDecimal(),
            high.GetProperty("eligibleWan").GetDecimal(), high.GetProperty("subsidyWan").GetDecimal(), high.GetProperty("ownShareWan").GetDecimal()));
    }
}

public sealed class PricedPlanTestsOnSqlite(SqliteApp app) : PricedPlanTests<SqliteApp>(app);

public sealed class PricedPlanTestsOnPostgres(PostgresApp app) : PricedPlanTests<PostgresApp>(app);
