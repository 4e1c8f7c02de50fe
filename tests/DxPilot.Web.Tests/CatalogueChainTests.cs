using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Filings;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.CataloguePool;

namespace DxPilot.Web.Tests;

/// <summary>
/// Issue 13's whole chain through the HTTP API only, as the Tests name it: a provider applies to the pool, the city admits
/// it, the provider adds a product, the city approves it, the enterprise records a need, the product is in its match list, the
/// enterprise's self-test (through the assessment API) is priced with it, the plan is saved and a filing draft is started from it.
/// </summary>
public abstract class CatalogueChainTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task From_a_providers_application_to_a_filing_draft_through_the_api()
    {
        var c = await CreateAsync(app);
        var e = c.Parties.Enterprise;
        var provider = await c.As(app, "provider");
        var city = await c.As(app, "city");
        var enterprise = await c.As(app, "enterprise");

        // 申请入池 → 准入.
        var applied = await provider.PostAsJsonAsync("/api/catalogue/pool", c.Application());
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var member = (await Json(applied)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/catalogue/pool/{member}/transitions", new { trigger = "admit", reason = (string?)null })).StatusCode);
        // The demo catalogue's providers would undercut the figures worked below.
        await ChangchunCatalogue.WithoutProvidersOtherThanAsync(app, c.Parties.Provider.Id);

        // 发布产品 → 提交审核 → 审核通过: one product for 2.3.1 产品质量追溯 (质量管理) and 2.4.1 (设备管理), 45万元 含税, software.
        var added = await provider.PostAsJsonAsync("/api/catalogue/products", Product("质量设备一体化平台", "45.00", scenarios: ["2.3.1", "2.4.1"]));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var product = (await Json(added)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/catalogue/products/{product}", added.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/catalogue/products/{product}/transitions", new { trigger = "submit", reason = (string?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/catalogue/products/{product}")).StatusCode);   // under review
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/catalogue/products/{product}/transitions", new { trigger = "approve", reason = (string?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.GetAsync($"/api/catalogue/products/{product}")).StatusCode);

        // 企业需求 → 供需适配.
        var need = await enterprise.PostAsJsonAsync($"/api/enterprises/{e.Id}/needs",
            new { scenario = "2.3.1", problem = "质量问题追溯靠纸质记录，客户投诉后查不清批次", priority = "high", budgetWan = "50" });
        Assert.Equal(HttpStatusCode.Created, need.StatusCode);
        var matches = await Json(await enterprise.GetAsync($"/api/enterprises/{e.Id}/matches"));
        Assert.Equal(1, Assert.Single(matches.GetProperty("needs").EnumerateArray()).GetProperty("products").GetInt32());
        var matched = Assert.Single(matches.GetProperty("items").EnumerateArray());
        Assert.Equal(product, matched.GetProperty("productId").GetGuid());
        Assert.Equal(["2.3.1"], matched.GetProperty("coveredScenarios").EnumerateArray().Select(x => x.GetString()));

        // 自测 (二级, gap to 三级: 质量管理 and 设备管理 — PlanAssessments) → 采购方案: the one product covers both; 45.00, all of it
        // eligible (软件), subsidy 50 % × 45 = 22.50 (under the 50万元 cap), own share 22.50.
        var selfTest = await enterprise.PostAsJsonAsync($"/api/enterprises/{e.Id}/assessments", new
        {
            instrument = "miit-2024", stage = "SelfTest", assessedOn = "2025-07-16", answers = PlanAssessments.TopAnswers, scenarios = PlanAssessments.Scenarios,
        });
        Assert.Equal(HttpStatusCode.Created, selfTest.StatusCode);
        var assessment = await Json(selfTest);
        Assert.Equal(2, assessment.GetProperty("level").GetInt32());
        var assessmentId = assessment.GetProperty("id").GetGuid();
        var plan = await Json(await enterprise.GetAsync($"/api/assessments/{assessmentId}/priced-plan?target=3"));
        Assert.True(plan.GetProperty("complete").GetBoolean());
        Assert.Equal(["质量管理", "设备管理"], plan.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("scenario").GetString()));
        var bought = Assert.Single(plan.GetProperty("products").EnumerateArray());
        Assert.Equal(product, bought.GetProperty("product").GetProperty("productId").GetGuid());
        Assert.Equal(["质量管理", "设备管理"], bought.GetProperty("serves").EnumerateArray().Select(x => x.GetString()));
        var high = plan.GetProperty("atHighPrice");
        Assert.Equal((45m, 45m, 22.5m, 22.5m), (high.GetProperty("totalWan").GetDecimal(), high.GetProperty("eligibleWan").GetDecimal(),
            high.GetProperty("subsidyWan").GetDecimal(), high.GetProperty("ownShareWan").GetDecimal()));
        Assert.Equal(c.Parties.Provider.Uscc, Assert.Single(plan.GetProperty("providers").EnumerateArray()).GetProperty("uscc").GetString());

        // 保存此方案 → 据此发起备案.
        var saved = await enterprise.PostAsJsonAsync($"/api/enterprises/{e.Id}/plans", new { assessmentId, target = 3 });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var planId = (await Json(saved)).GetProperty("id").GetGuid();
        var line = Assert.Single((await Json(await enterprise.GetAsync($"/api/plans/{planId}"))).GetProperty("products").EnumerateArray());
        Assert.Equal(product, line.GetProperty("productId").GetGuid());
        var filed = await enterprise.PostAsync($"/api/plans/{planId}/filing", null);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var filingId = (await Json(filed)).GetProperty("id").GetGuid();

        await using var scope = app.DataScope(ChangchunDiagnosis.Programme);
        var filing = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Filings.SingleAsync(f => f.Id == filingId);
        Assert.Equal((e.Id, FilingStatus.Draft), (filing.EnterpriseId, filing.Status));
        Assert.Equal(("数字化改造提升至三级项目", "45.00", "3", "2"),
            (filing.Values["projectName"], filing.Values["investment"], filing.Values["targetLevel"], filing.Values["selfTest"]));
        Assert.Contains($"质量设备一体化平台，{c.Parties.Provider.Name}（统一社会信用代码{c.Parties.Provider.Uscc}），45.00万元（含税），用于质量管理、设备管理",
            filing.Values["plan"]);
    }
}

public sealed class CatalogueChainTestsOnSqlite(SqliteApp app) : CatalogueChainTests<SqliteApp>(app);

public sealed class CatalogueChainTestsOnPostgres(PostgresApp app) : CatalogueChainTests<PostgresApp>(app);
