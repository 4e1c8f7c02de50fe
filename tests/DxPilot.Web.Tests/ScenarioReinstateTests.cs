using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>恢复使用 through /api/catalogue/tree/{code}/reinstate and the tree page: the city alone puts a retired scenario back in use,
/// with a reason the tree's history shows; under a retired parent it is refused until the parent is back; a reinstated scenario is
/// offered for needs again.</summary>
public abstract class ScenarioReinstateTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private async Task<string> AddAsync(HttpClient city, string parent, string name)
    {
        var added = await city.PostAsJsonAsync("/api/catalogue/tree", new { parentCode = parent, name });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (await Json(added)).GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task The_city_reinstates_a_retired_scenario_with_a_reason_shown_in_its_history_and_needs_may_name_it_again()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var city = await app.As(c.Parties.Users["city"]);
        var code = await AddAsync(city, "4.1", "恢复测试甲");
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/catalogue/tree/{code}/retire", new { version = 0 })).StatusCode);
        var enterprise = await app.As(c.Parties.Users["enterprise"]);
        Assert.Contains("不存在或已停用", await (await enterprise.PostAsJsonAsync($"/api/enterprises/{c.Parties.Enterprise.Id}/needs",
            new { scenario = code, problem = "经营数据分散", priority = "high" })).Content.ReadAsStringAsync());

        // Only the city: the district, the think tank and the enterprise are refused, and a reason is required.
        foreach (var who in new[] { "chaoyang", "thinktank", "enterprise" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(c.Parties.Users[who])).PostAsJsonAsync($"/api/catalogue/tree/{code}/reinstate",
                new { reason = "恢复", version = 1 })).StatusCode);
        var noReason = await city.PostAsJsonAsync($"/api/catalogue/tree/{code}/reinstate", new { reason = " ", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("请填写恢复理由", (await Json(noReason)).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await city.PostAsJsonAsync($"/api/catalogue/tree/{code}/reinstate", new { reason = "恢复", version = 0 })).StatusCode);

        // On the page, with the antiforgery token.
        var browser = await c.Parties.BrowserAsync(app, "city");
        var token = await PageClient.Token(browser, "/catalogue/tree");
        var posted = await browser.PostAsync("/catalogue/tree", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reinstate", ["__RequestVerificationToken"] = token, ["Reinstate.Code"] = code, ["Reinstate.Version"] = "1",
            ["Reinstate.Reason"] = "多家企业仍提出经营分析需求",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await browser.GetDocument("/catalogue/tree");
        var node = page.QuerySelector($"#s-{code.Replace(".", "\\.")}")!;
        Assert.DoesNotContain("已停用", node.QuerySelector("h4")!.TextContent);
        var history = node.QuerySelectorAll(".history li").Select(l => l.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("恢复使用") && h.Contains("恢复理由：多家企业仍提出经营分析需求") && h.Contains("长春市工信局（测试）"));
        Assert.Contains(history, h => h.Contains("停用；"));

        Assert.Equal(HttpStatusCode.Created, (await enterprise.PostAsJsonAsync($"/api/enterprises/{c.Parties.Enterprise.Id}/needs",
            new { scenario = code, problem = "经营数据分散", priority = "high" })).StatusCode);
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var id = (await db.CatalogueScenarios.SingleAsync(s => s.ProgrammeId == ChangchunDiagnosis.Programme && s.Code == code)).Id.ToString();
        var entry = await db.AuditEntries.Where(a => a.EntityType == nameof(CatalogueScenario) && a.EntityId == id && a.Action == AuditAction.Updated)
            .OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Contains(entry.Changes, f => f is { Field: "RetiredAt", After: null });
        Assert.Contains(entry.Changes, f => f is { Field: "ReinstatementReason", After: "多家企业仍提出经营分析需求" });
    }

    [Fact]
    public async Task A_scenario_under_a_retired_parent_is_refused_until_the_parent_is_reinstated()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var city = await app.As(c.Parties.Users["city"]);
        var two = await AddAsync(city, "4", "恢复测试二级");
        var three = await AddAsync(city, two, "恢复测试三级");
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/catalogue/tree/{three}/retire", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/catalogue/tree/{two}/retire", new { version = 0 })).StatusCode);

        var refused = await city.PostAsJsonAsync($"/api/catalogue/tree/{three}/reinstate", new { reason = "恢复三级", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal($"上级场景“{two} 恢复测试二级”已停用，请先恢复上级场景", (await Json(refused)).GetProperty("title").GetString());
        var parentBack = await city.PostAsJsonAsync($"/api/catalogue/tree/{two}/reinstate", new { reason = "恢复二级", version = 1 });
        Assert.Equal(HttpStatusCode.OK, parentBack.StatusCode);
        Assert.False((await Json(parentBack)).GetProperty("retired").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/catalogue/tree/{three}/reinstate", new { reason = "恢复三级", version = 1 })).StatusCode);
        var level1 = await city.PostAsJsonAsync("/api/catalogue/tree/4/reinstate", new { reason = "恢复", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, level1.StatusCode);
    }
}

public sealed class ScenarioReinstateTestsOnSqlite(SqliteApp app) : ScenarioReinstateTests<SqliteApp>(app);

public sealed class ScenarioReinstateTestsOnPostgres(PostgresApp app) : ScenarioReinstateTests<PostgresApp>(app);
