using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The catalogue's scope for the roles its other tests leave out (issue 13 item 7, DOMAIN §1): an evaluation agency and an audit
/// firm, both assigned to the enterprise (so the registry shows it to them), and another enterprise. Needs, matches and plans are
/// the enterprise's file's procurement (<see cref="NeedPolicy"/>: the enterprise, its provider, the bureaus in scope and the think
/// tank); an agency's work is the level, an audit firm's the project's accounts: neither reads them, not even the plan of an
/// assessment the agency made itself (404, as for anyone outside). The shown catalogue is everyone's; the pool and products under
/// review are the bureaus', the think tank's and the provider's (<see cref="ProductPolicy"/>).
/// </summary>
public abstract class CatalogueScopeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task An_agency_an_audit_firm_and_another_enterprise_read_only_the_shown_catalogue()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var e = c.Parties.Enterprise;
        var shown = await c.ProductAsync(app, "质量追溯系统", ["2.3.1"], 30m);
        var waiting = await c.UnderReviewAsync(app, "设备监测平台（待审）", ["2.4.1"], 25m);
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, e.Id, "2.3.1", NeedPriority.High, 40m, "质量问题追溯靠纸质记录");
        var selfTest = await PlanAssessments.SelfTestAsync(app, c.Parties.EnterpriseActor, e.Id);
        var saved = await (await app.As(c.Parties.Users["enterprise"])).PostAsJsonAsync($"/api/enterprises/{e.Id}/plans", new { assessmentId = selfTest.Id, target = 3 });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var plan = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var agency = await AssignedAsync(c, OrganisationKind.EvaluationAgency, Role.EvaluationAgency, "长春评测中心");
        var audit = await AssignedAsync(c, OrganisationKind.AuditFirm, Role.AuditFirm, "吉林会计师事务所");
        var elsewhere = await ChangchunDiagnosis.CreateAsync(app);
        var another = await app.As(elsewhere.Users["enterprise"]);

        // The agency's own 改造后 evaluation of the enterprise: the agency reads the assessment, not a plan to buy from it.
        var evaluated = await agency.PostAsJsonAsync($"/api/enterprises/{e.Id}/assessments", new
        {
            instrument = "miit-2024", stage = "After", assessedOn = "2025-11-20", answers = PlanAssessments.TopAnswers, scenarios = PlanAssessments.Scenarios,
        });
        Assert.Equal(HttpStatusCode.Created, evaluated.StatusCode);
        var evaluation = (await evaluated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync($"/api/assessments/{evaluation}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(c.Parties.Users["enterprise"])).GetAsync($"/api/assessments/{evaluation}/priced-plan?target=3")).StatusCode);

        foreach (var (who, client) in new[] { ("agency", agency), ("audit firm", audit), ("another enterprise", another) })
        {
            // Needs, matches, live and saved plans: nothing (404), and no writing either.
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/enterprises/{e.Id}/needs")).StatusCode, $"{who}: needs");
            var written = await client.PostAsJsonAsync($"/api/enterprises/{e.Id}/needs", new { scenario = "2.1.1", problem = "排产靠经验", priority = "medium" });
            Assert.True(HttpStatusCode.NotFound == written.StatusCode, $"{who}: writing a need ({written.StatusCode})");
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/enterprises/{e.Id}/matches")).StatusCode, $"{who}: matches");
            foreach (var assessment in new[] { selfTest.Id, evaluation })
                Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/assessments/{assessment}/priced-plan?target=3")).StatusCode, $"{who}: plan of {assessment}");
            var saving = await client.PostAsJsonAsync($"/api/enterprises/{e.Id}/plans", new { assessmentId = selfTest.Id, target = 3 });
            Assert.True(HttpStatusCode.NotFound == saving.StatusCode, $"{who}: saving a plan ({saving.StatusCode})");
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/plans/{plan}")).StatusCode, $"{who}: saved plan");
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/enterprises/{e.Id}/plans")).StatusCode, $"{who}: saved plans");
            Assert.DoesNotContain(plan, (await client.GetFromJsonAsync<JsonElement>("/api/plans")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));

            // The pool: not theirs to list, read or join.
            var listed = await client.GetAsync("/api/catalogue/pool");
            Assert.True(HttpStatusCode.Forbidden == listed.StatusCode, $"{who}: pool list");
            Assert.Contains("只有工信主管部门和第三方智库可以查看服务商资源池", await listed.Content.ReadAsStringAsync());
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/catalogue/pool/{c.Membership.Id}")).StatusCode, $"{who}: pool member");
            var applied = await client.PostAsJsonAsync("/api/catalogue/pool", new CataloguePool { Parties = c.Parties }.Application());
            Assert.True(HttpStatusCode.Forbidden == applied.StatusCode, $"{who}: applying");
            Assert.Contains("只有服务商可以申请加入资源池", await applied.Content.ReadAsStringAsync());

            // Products: the shown catalogue is everyone's; a product under review is not (its price is not public); no listing of
            // their own, no review.
            Assert.True(HttpStatusCode.OK == (await client.GetAsync($"/api/catalogue/products/{shown.Id}")).StatusCode, $"{who}: shown product");
            var names = (await client.GetFromJsonAsync<JsonElement>($"/api/catalogue/products?search={Uri.EscapeDataString(c.Parties.Provider.Name)}"))
                .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Equal(["质量追溯系统"], names);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/catalogue/products/{waiting.Id}")).StatusCode, $"{who}: product under review");
            var added = await client.PostAsJsonAsync("/api/catalogue/products", CataloguePool.Product("评测工具", "5.00"));
            Assert.True(HttpStatusCode.Forbidden == added.StatusCode, $"{who}: adding a product");
            Assert.Contains("只有服务商可以发布产品及解决方案", await added.Content.ReadAsStringAsync());
            Assert.True(HttpStatusCode.Forbidden == (await client.GetAsync("/api/catalogue/products?mine=true")).StatusCode, $"{who}: own products");
            var approved = await client.PostAsJsonAsync($"/api/catalogue/products/{waiting.Id}/transitions", new { trigger = "approve", reason = (string?)null });
            Assert.True(HttpStatusCode.NotFound == approved.StatusCode, $"{who}: approving");
        }

        // The other enterprise still reads its own.
        Assert.Equal(HttpStatusCode.OK, (await another.GetAsync($"/api/enterprises/{elsewhere.Enterprise.Id}/needs")).StatusCode);
    }

    /// <summary>An organisation of <paramref name="kind"/> assigned to the enterprise, and a client signed in as its account.</summary>
    private async Task<HttpClient> AssignedAsync(ChangchunCatalogue c, OrganisationKind kind, Role role, string name)
    {
        var client = await app.As(await c.Parties.AssignedAsync(app, kind, role, name));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/enterprises/{c.Parties.Enterprise.Id}")).StatusCode);   // in its registry scope
        return client;
    }
}

public sealed class CatalogueScopeTestsOnSqlite(SqliteApp app) : CatalogueScopeTests<SqliteApp>(app);

public sealed class CatalogueScopeTestsOnPostgres(PostgresApp app) : CatalogueScopeTests<PostgresApp>(app);
