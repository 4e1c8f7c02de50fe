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

/// <summary>The city edits its scenario tree through /api/catalogue/tree and /catalogue/tree (issue 13 item 1): a new scenario takes
/// its parent's code and the next number, a rename is kept in the audit trail with before and after and shown on the page, a stale
/// edit names who changed it, level 1 is fixed, a scenario still referred to is not retired (the refusal counts what refers to it),
/// and only the city edits while everyone signed in reads.</summary>
public abstract class CatalogueTreeEditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> Node(HttpClient client, string code)
    {
        var tree = await Json(await client.GetAsync("/api/catalogue/tree"));
        JsonElement? Find(JsonElement nodes)
        {
            foreach (var n in nodes.EnumerateArray())
            {
                if (n.GetProperty("code").GetString() == code) return n;
                if (Find(n.GetProperty("children")) is { } found) return found;
            }
            return null;
        }
        return Find(tree.GetProperty("tree")) ?? throw new Xunit.Sdk.XunitException($"no node {code}");
    }

    [Fact]
    public async Task The_city_adds_under_level_two_with_the_next_number_renames_with_history_and_a_stale_edit_names_who_changed_it()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var city = await app.As(c.Parties.Users["city"]);
        var planning = await Node(city, "2.1");
        var next = planning.GetProperty("children").EnumerateArray().Select(n => int.Parse(n.GetProperty("code").GetString()!.Split('.')[2])).Max() + 1;

        var added = await city.PostAsJsonAsync("/api/catalogue/tree", new { parentCode = "2.1", name = "订单驱动智能排产", description = "按订单交期自动排产", miitScenarios = new[] { "计划排程" }, mappingReason = "排产即计划排程" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var code = (await Json(added)).GetProperty("code").GetString()!;
        Assert.Equal($"2.1.{next}", code);

        var renamed = await city.PutAsJsonAsync($"/api/catalogue/tree/{code}", new { name = "订单驱动排产", version = 0 });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var stale = await city.PutAsJsonAsync($"/api/catalogue/tree/{code}", new { name = "又一个名字", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被长春市工信局（测试）", (await Json(stale)).GetProperty("title").GetString());

        await using (var scope = app.DataScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var node = await db.CatalogueScenarios.SingleAsync(s => s.ProgrammeId == ChangchunDiagnosis.Programme && s.Code == code);
            var id = node.Id.ToString();
            var change = await db.AuditEntries.Where(a => a.EntityType == nameof(CatalogueScenario) && a.EntityId == id && a.Action == AuditAction.Updated).SingleAsync();
            Assert.Contains(change.Changes, f => f is { Field: "Name", Before: "订单驱动智能排产", After: "订单驱动排产" });
        }
        var browser = await c.Parties.BrowserAsync(app, "city");
        var page = await browser.GetDocument("/catalogue/tree");
        var history = page.QuerySelector($"#s-{code.Replace(".", "\\.")} details.history")!.TextContent;
        Assert.Contains("名称由“订单驱动智能排产”改为“订单驱动排产”", history);
    }

    [Fact]
    public async Task Level_one_is_fixed_and_only_the_city_edits()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var city = await app.As(c.Parties.Users["city"]);
        var renameOne = await city.PutAsJsonAsync("/api/catalogue/tree/2", new { name = "生产数字化", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, renameOne.StatusCode);
        Assert.Contains("一级场景固定为附件1的四类", await renameOne.Content.ReadAsStringAsync());
        var retireOne = await city.PostAsJsonAsync("/api/catalogue/tree/2/retire", new { version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, retireOne.StatusCode);
        var addOne = await city.PostAsJsonAsync("/api/catalogue/tree", new { name = "绿色低碳" });
        Assert.Equal(HttpStatusCode.BadRequest, addOne.StatusCode);
        var unknown = await city.PostAsJsonAsync("/api/catalogue/tree", new { parentCode = "2.1.1", name = "四级" });
        Assert.Contains("三级场景下不能再增加场景", await unknown.Content.ReadAsStringAsync());
        var badMapping = await city.PutAsJsonAsync("/api/catalogue/tree/2.1.1", new { miitScenarios = new[] { "数字孪生" }, version = 0 });
        Assert.Contains("“数字孪生”不是2024版评测的业务场景", await badMapping.Content.ReadAsStringAsync());

        foreach (var who in new[] { "provider", "enterprise", "chaoyang", "thinktank" })
        {
            var client = await app.As(c.Parties.Users[who]);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalogue/tree")).StatusCode);
            var refused = await client.PutAsJsonAsync("/api/catalogue/tree/2.1.1", new { name = "改名", version = 0 });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("由市工信主管部门维护", await refused.Content.ReadAsStringAsync());
        }
        var reader = await c.Parties.BrowserAsync(app, "enterprise");
        var page = await reader.GetDocument("/catalogue/tree");
        Assert.NotNull(page.QuerySelector("#s-2\\.1\\.1"));
        Assert.Empty(page.QuerySelectorAll("form.node-form"));
    }

    [Fact]
    public async Task A_scenario_still_referred_to_is_not_retired_and_the_refusal_counts_what_refers_to_it()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var city = await app.As(c.Parties.Users["city"]);
        var added = await Json(await city.PostAsJsonAsync("/api/catalogue/tree", new { parentCode = "4.1", name = "碳排放核算" }));
        var code = added.GetProperty("code").GetString()!;
        await c.ProductAsync(app, "碳管理云", [code], 6m);
        var enterprise = await app.As(c.Parties.Users["enterprise"]);
        var need = await enterprise.PostAsJsonAsync($"/api/enterprises/{c.Parties.Enterprise.Id}/needs",
            new { scenario = code, problem = "出口客户要求提供产品碳足迹", priority = "high" });
        Assert.Equal(HttpStatusCode.Created, need.StatusCode);

        var refused = await city.PostAsJsonAsync($"/api/catalogue/tree/{code}/retire", new { version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"“{code} 碳排放核算”仍被1个产品及解决方案、1条企业需求引用", (await Json(refused)).GetProperty("title").GetString());
        var parent = await city.PostAsJsonAsync("/api/catalogue/tree/4.1/retire", new { version = 0 });
        Assert.Contains("在用的三级场景", (await Json(parent)).GetProperty("title").GetString());

        var needId = (await Json(need)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.DeleteAsync($"/api/enterprises/{c.Parties.Enterprise.Id}/needs/{needId}?version=0")).StatusCode);
        // A product its provider withdrew keeps its scenarios as history and no longer holds the scenario in use.
        await using (var scope = app.ScopeAs(c.Parties.ProviderActor))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var product = await db.CatalogueProducts.SingleAsync(p => p.ProviderId == c.Parties.Provider.Id && p.Name == "碳管理云");
            Assert.True(product.Apply(ProductTrigger.Withdraw, c.Parties.ProviderActor, null, new ProductCase(product, true, []), DateTime.UtcNow).Taken);
            await db.SaveChangesAsync();
        }
        var retired = await city.PostAsJsonAsync($"/api/catalogue/tree/{code}/retire", new { version = 0 });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.True((await Node(city, code)).GetProperty("retired").GetBoolean());
        var late = await enterprise.PostAsJsonAsync($"/api/enterprises/{c.Parties.Enterprise.Id}/needs", new { scenario = code, problem = "碳足迹", priority = "low" });
        Assert.Contains("不存在或已停用", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_city_writes_common_needs_on_the_page_and_html_in_them_is_shown_as_text()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var browser = await c.Parties.BrowserAsync(app, "city");
        var token = await PageClient.Token(browser, "/catalogue/tree");
        var posted = await browser.PostAsync("/catalogue/tree", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "common", ["__RequestVerificationToken"] = token, ["Common.Code"] = "2.5.1", ["Common.Industry"] = "汽车零部件配件制造",
            ["Common.Text"] = "<script>alert('x')</script>设备联网率低，停机原因靠人工记录",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await (await c.Parties.BrowserAsync(app, "enterprise")).GetDocument("/catalogue/tree");
        Assert.Contains(page.QuerySelectorAll("#s-2\\.5\\.1 .common-needs .text"), t => t.TextContent == "<script>alert('x')</script>设备联网率低，停机原因靠人工记录");
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert"));

        var empty = await browser.PostAsync("/catalogue/tree", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "common", ["__RequestVerificationToken"] = token, ["Common.Code"] = "2.5.1", ["Common.Industry"] = "汽车零部件配件制造", ["Common.Text"] = " ",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var refusedPage = PageClient.Parse(await empty.Content.ReadAsStringAsync());
        Assert.Equal("未保存：请填写行业共性需求", refusedPage.QuerySelector("#message")?.TextContent);
        var noToken = await browser.PostAsync("/catalogue/tree", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["_handler"] = "common", ["Common.Code"] = "2.5.1", ["Common.Industry"] = "汽车零部件配件制造", ["Common.Text"] = "无令牌" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }
}

public sealed class CatalogueTreeEditTestsOnSqlite(SqliteApp app) : CatalogueTreeEditTests<SqliteApp>(app);

public sealed class CatalogueTreeEditTestsOnPostgres(PostgresApp app) : CatalogueTreeEditTests<PostgresApp>(app);
