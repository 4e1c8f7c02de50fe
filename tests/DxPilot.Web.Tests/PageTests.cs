using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>The browser's pages: sign-in and lockout, output encoding, and the stale-form refusal.</summary>
public sealed class PageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly HtmlParser Html = new();

    [Fact]
    public async Task Pages_require_sign_in_and_the_sign_in_form_works()
    {
        var client = app.Anonymous();
        var home = await client.GetAsync("/enterprises");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/account/login", home.Headers.Location!.ToString());

        var ok = await PageClient.SignIn(client, "hz-binjiang", DxPilotApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var list = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/enterprises?search=" + Uri.EscapeDataString("热威")));
        Assert.Contains("杭州热威汽车零部件有限公司", list);
    }

    /// <summary>The menu offers a role only the lists that can hold something for it; opened by its address, such a list says
    /// it is not there.</summary>
    [Theory]
    [InlineData("hz-expert", false, false)]
    [InlineData("hz-audit", true, false)]
    [InlineData("hz-agency", true, true)]
    [InlineData("hz-city", true, true)]
    public async Task The_menu_offers_the_registry_and_the_assessments_only_to_roles_that_read_them(string user, bool registry, bool assessments)
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.SignIn(client, user, DxPilotApp.Password)).StatusCode);
        var home = await client.GetDocument("/");
        Assert.Equal(registry, home.QuerySelector("header nav a[href='/enterprises']") is not null);
        Assert.Equal(assessments, home.QuerySelector("header nav a[href='/assessments']") is not null);
        foreach (var (path, open) in new[] { ("/enterprises", registry), ("/assessments", assessments) })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(open ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(open, !PageClient.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent.Contains("找不到该页面"));
        }
    }

    /// <summary>An enterprise's 企业档案 is its own file, not a search over a list of one; a district's list offers no other district
    /// (each would answer an empty list), the city's offers them all; the header names the district before the role.</summary>
    [Fact]
    public async Task The_enterprise_opens_its_own_file_and_a_district_is_offered_no_other_district()
    {
        var enterprise = await app.SignedIn("hz-enterprise", DxPilotApp.Password);
        var own = (await app.ActorAsync("hz-enterprise")).EnterpriseId;
        var home = await enterprise.GetDocument("/");
        Assert.Equal($"/enterprises/{own}", home.QuerySelectorAll("header nav a").Single(a => a.TextContent == "企业档案").GetAttribute("href"));

        var district = await (await app.SignedIn("hz-binjiang", DxPilotApp.Password)).GetDocument("/enterprises");
        Assert.Null(district.QuerySelector("select[name=district]"));
        Assert.StartsWith("滨江区经信局（演示） · 滨江区 · ", district.QuerySelector(".who span")!.TextContent);
        var city = await (await app.SignedIn("hz-city", DxPilotApp.Password)).GetDocument("/enterprises");
        Assert.Contains(city.QuerySelectorAll("select[name=district] option"), o => o.TextContent == "西湖区");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = app.Anonymous();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "hz-city", ["Input.Password"] = DxPilotApp.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "lock-" + Guid.NewGuid().ToString("N")[..8];
        var created = await users.CreateAsync(new AppUser { UserName = name, DisplayName = "锁定测试", Role = Role.CityBureau, ProgrammeId = "hangzhou-2024" }, DxPilotApp.Password);
        Assert.True(created.Succeeded);

        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var page = await (await PageClient.SignIn(client, name, "Wrong#Password1")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Set-Cookie: dxpilot=", page);
        }
        var locked = await PageClient.SignIn(client, name, DxPilotApp.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());

        // The API says no more than for a wrong password: a distinct "locked" answer would tell that the account exists.
        var api = await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = name, password = DxPilotApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task The_password_policy_refuses_weak_passwords_in_chinese()
    {
        var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "weak-" + Guid.NewGuid().ToString("N")[..6], Role = Role.Expert, ProgrammeId = "hangzhou-2024" }, "abc");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description.Contains("密码至少10位"));
    }

    [Fact]
    public async Task Names_with_markup_are_shown_as_text()
    {
        var api = await app.As("hz-city");
        var created = await api.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("<script>alert('x')</script>脚本测试公司"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var client = await app.SignedIn("hz-city", DxPilotApp.Password);
        var page = await client.GetStringAsync($"/enterprises/{id}");
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("&lt;script&gt;alert", page);
    }

    [Fact]
    public async Task Saving_a_stale_form_is_refused_with_a_message_and_keeps_what_was_typed()
    {
        var api = await app.As("hz-city");
        var created = await (await api.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("网页并发测试有限公司"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();

        var alice = await app.SignedIn("hz-city", DxPilotApp.Password);
        var bob = await app.SignedIn("hz-binjiang", DxPilotApp.Password);

        async Task<Dictionary<string, string>> OpenForm(HttpClient c)
        {
            var doc = Html.ParseDocument(await c.GetStringAsync($"/enterprises/{id}/edit"));
            var form = doc.QuerySelector("form.form-grid")!;
            var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]")
                .GroupBy(e => e.GetAttribute("name")!)
                .ToDictionary(g => g.Key, g => g.First() switch
                {
                    AngleSharp.Html.Dom.IHtmlSelectElement s => s.Value ?? "",
                    AngleSharp.Html.Dom.IHtmlTextAreaElement t => t.Value ?? "",
                    var e => e.GetAttribute("value") ?? "",
                });
            fields["_handler"] = "enterprise";
            return fields;
        }

        var aliceForm = await OpenForm(alice);
        var bobForm = await OpenForm(bob);
        aliceForm["Form.MainProducts"] = "甲修改的产品";
        var first = await alice.PostAsync($"/enterprises/{id}/edit", new FormUrlEncodedContent(aliceForm));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        bobForm["Form.MainProducts"] = "乙修改的产品";
        var second = await bob.PostAsync($"/enterprises/{id}/edit", new FormUrlEncodedContent(bobForm));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("杭州市经信局（演示）", html);
        Assert.Contains("乙修改的产品", html);

        var now = await api.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        Assert.Equal("甲修改的产品", now.GetProperty("mainProducts").GetString());
    }
}
