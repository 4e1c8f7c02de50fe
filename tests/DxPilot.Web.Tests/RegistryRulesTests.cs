using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>The registry's small rules: what an enterprise may not change about itself, and the warning for a 大型 enterprise.</summary>
public abstract class RegistryRulesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Large = "按从业人员和营业收入测算为大型企业";

    [Fact]
    public async Task An_enterprise_cannot_change_the_fields_a_bureau_vouches_for_through_the_api()
    {
        var me = await app.As("hz-enterprise");
        var id = (await me.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("items")[0].GetProperty("id").GetString();
        var mine = await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        var body = new
        {
            name = "自改名称有限公司", uscc = TestData.NewUscc(), district = mine.GetProperty("district").GetString(), industry = "通信设备制造",
            qualityTier = "LittleGiant", aboveScale = true, mainProducts = "自填的主要产品", version = mine.GetProperty("version").GetInt32(),
        };
        var put = await me.PutAsJsonAsync($"/api/enterprises/{id}", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("自填的主要产品", after.GetProperty("mainProducts").GetString());
        foreach (var field in new[] { "name", "uscc", "industryKey", "qualityTier", "aboveScale" })
            Assert.Equal(mine.GetProperty(field).ToString(), after.GetProperty(field).ToString());
    }

    [Fact]
    public async Task An_enterprise_cannot_change_the_fields_a_bureau_vouches_for_through_the_page()
    {
        var me = await app.As("hz-enterprise");
        var id = (await me.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("items")[0].GetProperty("id").GetString();
        var mine = await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        var browser = await app.SignedIn("hz-enterprise");
        var doc = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/enterprises/{id}/edit"));
        var fields = doc.QuerySelector("form.form-grid")!.QuerySelectorAll("input[name], select[name], textarea[name]")
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.Last() switch
            {
                AngleSharp.Html.Dom.IHtmlSelectElement s => s.Value ?? "",
                AngleSharp.Html.Dom.IHtmlTextAreaElement t => t.Value ?? "",
                var e => e.GetAttribute("value") ?? "",
            });
        // The page offers them read-only; a hand-made post changes them anyway, and must not.
        Assert.True(doc.QuerySelector("#f-Name")?.HasAttribute("readonly"));
        fields["_handler"] = "enterprise";
        fields["Form.Name"] = "网页自改名称有限公司";
        fields["Form.QualityTier"] = "LittleGiant";
        fields["Form.Industry"] = "通信设备制造";
        fields["Form.AboveScale"] = "是";
        var post = await browser.PostAsync($"/enterprises/{id}/edit", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var after = await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        foreach (var field in new[] { "name", "industryKey", "qualityTier", "aboveScale" })
            Assert.Equal(mine.GetProperty(field).ToString(), after.GetProperty(field).ToString());
    }

    [Fact]
    public async Task A_bureau_still_edits_those_fields_directly()
    {
        var city = await app.As("hz-city");
        var created = await (await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("主管部门直改有限公司"))).Content.ReadFromJsonAsync<JsonElement>();
        var body = new Dictionary<string, object?>
        {
            ["name"] = "主管部门直改后有限公司", ["uscc"] = created.GetProperty("uscc").GetString(), ["district"] = "滨江区",
            ["industry"] = "汽车零部件", ["qualityTier"] = "LittleGiant", ["aboveScale"] = false, ["version"] = created.GetProperty("version").GetInt32(),
        };
        var after = await (await city.PutAsJsonAsync($"/api/enterprises/{created.GetProperty("id").GetString()}", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("主管部门直改后有限公司", after.GetProperty("name").GetString());
        Assert.Equal("LittleGiant", after.GetProperty("qualityTier").GetString());
        Assert.False(after.GetProperty("aboveScale").GetBoolean());
    }

    [Fact]
    public async Task A_large_enterprise_is_saved_with_a_warning_that_it_is_not_an_sme()
    {
        var city = await app.As("hz-city");
        // 1,200 people and 15亿元 (150,000万元): ≥ 1000 people and ≥ 40000万元 is 大型 (工信部联企业〔2011〕300号).
        var response = await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("大型规模测试有限公司", employees: 1200, revenue: 150000m));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Large", created.GetProperty("size").GetString());
        Assert.Contains(Large, created.GetProperty("sizeWarning").GetString());

        var browser = await app.SignedIn("hz-city");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/enterprises/{created.GetProperty("id").GetString()}"));
        Assert.Contains(Large, page);
        Assert.Contains("不属于中小企业", page);
    }

    [Fact]
    public async Task An_sme_gets_no_size_warning()
    {
        var city = await app.As("hz-city");
        // 999 people and 15亿元: fewer than 1000 people, so 中型, an SME.
        var created = await (await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("中型规模测试有限公司", employees: 999, revenue: 150000m)))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Medium", created.GetProperty("size").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("sizeWarning").ValueKind);
    }
}

public sealed class RegistryRulesTestsOnSqlite(SqliteApp app) : RegistryRulesTests<SqliteApp>(app);

public sealed class RegistryRulesTestsOnPostgres(PostgresApp app) : RegistryRulesTests<PostgresApp>(app);
