using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 机构名录: a city had no way to add an organisation (only the demo data made them), so a Changchun project could never pass
/// 待审计 — there was no audit firm to give an account to. The city registers one (name, 统一社会信用代码, kind), gives it an
/// account and assigns it; bad or duplicate input is refused by field; only the city registers; every change is audited.
/// </summary>
public abstract class OrganisationRegistryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task The_city_registers_an_audit_firm_on_the_page_and_gives_it_an_account()
    {
        var name = $"长春审计测试{Guid.NewGuid():N}"[..14] + "会计师事务所";
        var uscc = TestData.NewUscc("220104");
        var browser = await app.SignedIn("cc-city");
        var registered = await browser.PostAsync("/organisations", Form(await PageClient.Token(browser, "/organisations"), "AuditFirm", name, uscc));

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var list = await browser.GetDocument(registered.Headers.Location!.OriginalString);
        Assert.Contains($"已登记“{name}”", list.QuerySelector("#registered")!.TextContent);
        var row = Assert.Single(list.QuerySelectorAll("#organisations tbody tr[data-organisation]"));
        Assert.Contains("第三方审计机构", row.TextContent);
        Assert.Contains(uscc, row.TextContent);
        var id = row.GetAttribute("data-organisation")!;

        var account = await (await app.As("cc-city")).PostAsJsonAsync("/api/accounts",
            new { role = "AuditFirm", displayName = name, userName = "sj-" + Guid.NewGuid().ToString("N")[..8], organisationId = id });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);

        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Organisation" && a.EntityId == id);
        Assert.Equal("长春市工信局（演示）", entry.ActorName);
        Assert.Contains(entry.Changes, c => c.Field == "Uscc" && c.After == uscc);
    }

    [Theory]
    [InlineData("AuditFirm", "", "91220101MA17W8K2XA", "Name", "请填写机构名称（单位全称）")]
    [InlineData("AuditFirm", "长春某审计事务所", "", "Uscc", "请填写统一社会信用代码（18位）")]
    [InlineData("AuditFirm", "长春某审计事务所", "91220101MA17W8K2X1", "Uscc", "统一社会信用代码校验位错误")]
    [InlineData("7", "长春某审计事务所", null, "Kind", "请选择机构类别")]
    [InlineData("", "长春某审计事务所", null, "Kind", "请选择机构类别")]
    public async Task A_bad_registration_is_refused_by_field_and_keeps_what_was_typed(string kind, string name, string? uscc, string field, string message)
    {
        var browser = await app.SignedIn("cc-city");
        var response = await browser.PostAsync("/organisations",
            Form(await PageClient.Token(browser, "/organisations"), kind, name, uscc ?? TestData.NewUscc("220104")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector($"#f-{field}")!.ParentElement!.TextContent);
        if (name.Length > 0) Assert.Equal(name, page.QuerySelector("#f-Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_code_or_name_registered_already_is_refused_naming_the_holder()
    {
        var city = await app.As("cc-city");
        var name = $"长春评测测试{Guid.NewGuid():N}"[..14] + "有限公司";
        var uscc = TestData.NewUscc("220104");
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/organisations", new { name, uscc, kind = "EvaluationAgency" })).StatusCode);

        var sameCode = await city.PostAsJsonAsync("/api/organisations", new { name = name + "分公司", uscc, kind = "EvaluationAgency" });
        Assert.Equal(HttpStatusCode.BadRequest, sameCode.StatusCode);
        Assert.Contains($"该统一社会信用代码已登记为“{name}”", await sameCode.Content.ReadAsStringAsync());
        var sameName = await city.PostAsJsonAsync("/api/organisations", new { name, uscc = TestData.NewUscc("220104"), kind = "AuditFirm" });
        Assert.Contains("已有同名机构", await sameName.Content.ReadAsStringAsync());
        // Full-width digits and lower case are the same code.
        var typed = await city.PostAsJsonAsync("/api/organisations", new { name = name + "二", uscc = ToFullWidth(uscc.ToLowerInvariant()), kind = "AuditFirm" });
        Assert.Contains($"该统一社会信用代码已登记为“{name}”", await typed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_the_city_registers_the_think_tank_reads_and_others_are_told_whose_list_it_is()
    {
        var body = new { name = "越权登记测试有限公司", uscc = TestData.NewUscc("220104"), kind = "AuditFirm" };
        foreach (var user in new[] { "cc-chaoyang", "cc-thinktank", "cc-provider", "cc-enterprise" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(user)).PostAsJsonAsync("/api/organisations", body)).StatusCode);

        var thinkTank = await (await app.SignedIn("cc-thinktank")).GetDocument("/organisations");
        Assert.NotNull(thinkTank.QuerySelector("#organisations"));
        Assert.Null(thinkTank.QuerySelector("#register"));
        var enterprise = await (await app.SignedIn("cc-enterprise")).GetAsync("/organisations");
        Assert.Equal(HttpStatusCode.NotFound, enterprise.StatusCode);
        var refusalText = PageClient.Parse(await enterprise.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.True(refusalText.Contains("机构名录由市级工信主管部门维护", StringComparison.Ordinal), refusalText);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("cc-chaoyang")).GetAsync("/api/organisations")).StatusCode);

        await using var scope = app.DataScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Organisations.AnyAsync(o => o.Name == body.name));
    }

    [Fact]
    public async Task The_list_searches_by_name_or_code_and_filters_by_kind()
    {
        var city = await app.As("cc-city");
        var name = $"长春检索测试{Guid.NewGuid():N}"[..14] + "事务所";
        var uscc = TestData.NewUscc("220104");
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/organisations", new { name, uscc, kind = "AuditFirm" })).StatusCode);

        async Task<int> Count(string query) => (await city.GetFromJsonAsync<JsonElement>("/api/organisations?" + query)).GetProperty("total").GetInt32();
        Assert.Equal(1, await Count("search=" + Uri.EscapeDataString(name[2..10])));
        Assert.Equal(1, await Count("search=" + uscc));
        Assert.Equal(1, await Count($"search={Uri.EscapeDataString(name)}&kind=AuditFirm"));
        Assert.Equal(0, await Count($"search={Uri.EscapeDataString(name)}&kind=ServiceProvider"));
    }

    [Fact]
    public async Task The_city_corrects_a_name_and_the_kind_stays()
    {
        var city = await app.As("cc-city");
        var created = await city.PostAsJsonAsync("/api/organisations", new { name = "长春更正测试有限公司" + Guid.NewGuid().ToString("N")[..4], uscc = TestData.NewUscc("220104"), kind = "ServiceProvider" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var uscc = TestData.NewUscc("220104");

        var corrected = await city.PutAsJsonAsync($"/api/organisations/{id}", new { name = "长春更正后名称有限公司" + id.ToString("N")[..4], uscc, kind = "AuditFirm" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var body = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(uscc, body.GetProperty("uscc").GetString());
        Assert.Equal("ServiceProvider", body.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("cc-chaoyang")).PutAsJsonAsync($"/api/organisations/{id}", new { name = "改名", uscc })).StatusCode);
        await using var scope = app.DataScope();
        var entries = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Organisation" && a.EntityId == id.ToString()).CountAsync();
        Assert.Equal(2, entries);
    }

    private static FormUrlEncodedContent Form(string token, string kind, string name, string uscc) => new(new Dictionary<string, string>
    {
        ["_handler"] = "organisation", ["__RequestVerificationToken"] = token, ["Form.Kind"] = kind, ["Form.Name"] = name, ["Form.Uscc"] = uscc,
    });

    private static string ToFullWidth(string s) => new(s.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());

    // The provider's page named as its contact whoever an enterprise typed into an unsubmitted draft contract.
    [Fact]
    public async Task A_providers_contact_comes_from_a_submitted_filings_contract_not_from_a_draft()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.StartAsync(app);
        await h.StampedContractAsync(await app.As(h.Users["enterprise"]), id);
        var city = await app.SignedIn("hz-city");
        var page = $"/organisations/{h.Provider.Id}";
        Assert.Equal("未登记（签订服务合同后由合同带出）", (await city.GetDocument(page)).QuerySelector("#org-contact")!.TextContent.Trim());

        (await h.SaveAsync(app, id, HangzhouFiling.CompleteAnswers("汽车零部件数字化车间改造项目"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "enterprise", "submit")).StatusCode);
        var contact = (await city.GetDocument(page)).QuerySelector("#org-contact")!;
        Assert.StartsWith("吴工　0571-88886666", contact.TextContent.Trim());
        Assert.Contains("取自服务合同“数字化改造服务合同”", contact.TextContent);
    }
}

public sealed class OrganisationRegistryTestsOnSqlite(SqliteApp app) : OrganisationRegistryTests<SqliteApp>(app);

public sealed class OrganisationRegistryTestsOnPostgres(PostgresApp app) : OrganisationRegistryTests<PostgresApp>(app);
