using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>The enterprise file through the JSON API, as each role sees it.</summary>
public abstract class EnterpriseApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/enterprises", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task District_bureau_creates_reads_and_edits_an_enterprise_in_its_district()
    {
        var district = await app.As("hz-binjiang");
        var uscc = TestData.NewUscc();
        var created = await CreateAsync(district, TestData.Enterprise("杭州测试汽配有限公司", uscc.ToLowerInvariant()));
        Assert.Equal(uscc, created.GetProperty("uscc").GetString());
        // 120 people and 5600万元: ≥300 people is needed for 中型, so 小型 (工信部联企业〔2011〕300号).
        Assert.Equal("Small", created.GetProperty("size").GetString());
        var id = created.GetProperty("id").GetString();

        var read = await district.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        Assert.Equal("杭州测试汽配有限公司", read.GetProperty("name").GetString());

        var edit = TestData.Enterprise("杭州测试汽配有限公司", uscc, employees: 350) as object;
        var body = Merge(edit, new { version = read.GetProperty("version").GetInt32() });
        var put = await district.PutAsJsonAsync($"/api/enterprises/{id}", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(350, after.GetProperty("employees").GetInt32());
        Assert.Equal("Medium", after.GetProperty("size").GetString());

        var list = await district.GetFromJsonAsync<JsonElement>($"/api/enterprises?search={Uri.EscapeDataString(uscc)}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        // The file's 修改记录 reads a date and an amount as the page writes them, not as stored (2011-04-12, 7800.50).
        var dated = Merge(TestData.Enterprise("杭州测试汽配有限公司", uscc, employees: 350, revenue: 7800.5m), new { foundedOn = "2011-04-12", version = after.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, (await district.PutAsJsonAsync($"/api/enterprises/{id}", dated)).StatusCode);
        var history = (await (await app.SignedIn("hz-binjiang")).GetDocument($"/enterprises/{id}")).QuerySelector("#history")!.TextContent;
        Assert.Contains("2011年4月12日", history);
        Assert.Contains("5,600.00万元", history);
        Assert.Contains("7,800.50万元", history);
        Assert.DoesNotContain("2011-04-12", history);
    }

    [Fact]
    public async Task Bad_input_gets_a_chinese_message_per_field_and_stores_nothing()
    {
        var city = await app.As("hz-city");
        var bad = new
        {
            name = "<script>alert(1)</script>坏数据公司", uscc = "91330100799655058C", district = "不存在区", industry = "造船",
            employees = -5, revenueWan = 10m, contactPhone = "12345",
        };
        var response = await city.PostAsJsonAsync("/api/enterprises", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("校验位", errors.GetProperty("Uscc")[0].GetString());
        Assert.Contains("不是杭州市的县（市、区）", errors.GetProperty("District")[0].GetString());
        Assert.Contains("不是本试点的细分行业", errors.GetProperty("Industry")[0].GetString());
        Assert.Contains("不能为负数", errors.GetProperty("Employees")[0].GetString());
        Assert.Contains("联系电话格式不正确", errors.GetProperty("ContactPhone")[0].GetString());

        var list = await city.GetFromJsonAsync<JsonElement>("/api/enterprises?search=" + Uri.EscapeDataString("坏数据公司"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Duplicate_uscc_within_the_programme_is_refused()
    {
        var city = await app.As("hz-city");
        var uscc = TestData.NewUscc();
        await CreateAsync(city, TestData.Enterprise("重复代码甲公司", uscc));
        var second = await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("重复代码乙公司", "  " + uscc.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("该统一社会信用代码已在本试点登记", problem.GetProperty("errors").GetProperty("Uscc")[0].GetString());
    }

    [Fact]
    public async Task A_duplicate_uscc_does_not_reveal_an_enterprise_outside_the_callers_scope()
    {
        var binjiang = await app.As("hz-binjiang");
        var uscc = TestData.NewUscc();
        await CreateAsync(binjiang, TestData.Enterprise("滨江保密代码有限公司", uscc));
        var xihu = await app.As("hz-xihu");
        var response = await xihu.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("西湖试探有限公司", uscc, district: "西湖区"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("滨江保密代码", body);
        Assert.DoesNotContain("滨江区", body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("该统一社会信用代码已在本试点登记", problem.GetProperty("errors").GetProperty("Uscc")[0].GetString());
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_never_overwrites()
    {
        var city = await app.As("hz-city");
        var created = await CreateAsync(city, TestData.Enterprise("并发修改测试有限公司"));
        var id = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetInt32();
        var uscc = created.GetProperty("uscc").GetString();

        var first = await city.PutAsJsonAsync($"/api/enterprises/{id}", Merge(TestData.Enterprise("并发修改测试有限公司", uscc, employees: 200), new { version }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await city.PutAsJsonAsync($"/api/enterprises/{id}", Merge(TestData.Enterprise("并发修改测试有限公司", uscc, employees: 999), new { version }));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已被", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var now = await city.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        Assert.Equal(200, now.GetProperty("employees").GetInt32());
    }

    [Fact]
    public async Task History_records_who_and_each_field_before_and_after()
    {
        var city = await app.As("hz-city");
        var created = await CreateAsync(city, TestData.Enterprise("审计记录测试有限公司", employees: 50));
        var id = created.GetProperty("id").GetString();
        var put = await city.PutAsJsonAsync($"/api/enterprises/{id}",
            Merge(TestData.Enterprise("审计记录测试有限公司", created.GetProperty("uscc").GetString(), employees: 60), new { version = created.GetProperty("version").GetInt32() }));
        put.EnsureSuccessStatusCode();

        var history = await city.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}/history");
        var latest = history[0];
        Assert.Equal("修改", latest.GetProperty("action").GetString());
        Assert.Equal("杭州市经信局（演示）", latest.GetProperty("actorName").GetString());
        var change = latest.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "Employees");
        Assert.Equal("50", change.GetProperty("before").GetString());
        Assert.Equal("60", change.GetProperty("after").GetString());
        Assert.Equal("新建", history[history.GetArrayLength() - 1].GetProperty("action").GetString());

        // Only bureaus read the history.
        var provider = await app.As("hz-thinktank");
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/enterprises/{id}/history")).StatusCode);
    }

    [Theory]
    [InlineData("hz-xihu")]       // another district
    [InlineData("hz-provider")]   // a provider that does not serve it
    [InlineData("hz-agency")]     // an agency not assigned to it
    [InlineData("hz-audit")]
    [InlineData("hz-expert")]
    [InlineData("hz-enterprise")] // another enterprise
    [InlineData("cc-city")]       // another programme's city
    public async Task Out_of_scope_reads_and_writes_are_refused_without_data(string user)
    {
        var city = await app.As("hz-city");
        var created = await CreateAsync(city, TestData.Enterprise("越权测试有限公司" + user));
        var id = created.GetProperty("id").GetString();
        var client = await app.As(user);

        var get = await client.GetAsync($"/api/enterprises/{id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain("越权测试", await get.Content.ReadAsStringAsync());

        var put = await client.PutAsJsonAsync($"/api/enterprises/{id}", Merge(TestData.Enterprise("被篡改公司"), new { version = 1 }));
        Assert.True(put.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{user}: {put.StatusCode}");

        var list = await client.GetFromJsonAsync<JsonElement>("/api/enterprises?search=" + Uri.EscapeDataString("越权测试"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        var after = await city.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        Assert.Equal("越权测试有限公司" + user, after.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("hz-thinktank")]
    [InlineData("hz-provider")]
    [InlineData("hz-agency")]
    [InlineData("hz-enterprise")]
    public async Task Only_bureaus_register_enterprises(string user)
    {
        var client = await app.As(user);
        var response = await client.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("无权登记公司"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_district_cannot_register_in_or_move_an_enterprise_to_another_district()
    {
        var district = await app.As("hz-binjiang");
        var response = await district.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("跨区登记公司", district: "西湖区"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("滨江区", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_role_sees_its_own_scope()
    {
        var city = await app.As("hz-city");
        var cityTotal = (await city.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("total").GetInt32();
        Assert.True(cityTotal >= 49, $"the 49 enterprises of seed 003 附件3 are on file, got {cityTotal}");

        var xihu = await city.GetFromJsonAsync<JsonElement>("/api/enterprises?district=" + Uri.EscapeDataString("西湖区"));
        var xihuAccount = await app.As("hz-xihu");
        Assert.Equal(xihu.GetProperty("total").GetInt32(), (await xihuAccount.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("total").GetInt32());

        // The demo provider serves 3 enterprises, the agency is assigned 4 (2, and the two demo projects': ProjectDemoData), the
        // enterprise sees itself.
        Assert.Equal(3, (await (await app.As("hz-provider")).GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("total").GetInt32());
        Assert.Equal(4, (await (await app.As("hz-agency")).GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await (await app.As("hz-enterprise")).GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await app.As("hz-expert")).GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("total").GetInt32());
        // Another programme's city sees its own 12 demo files (config/demo/changchun-demo-enterprises.csv) and none of Hangzhou's.
        Assert.Equal(12, (await (await app.As("cc-city")).GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_enterprise_account_edits_itself_but_not_the_bureau_fields()
    {
        var me = await app.As("hz-enterprise");
        var list = await me.GetFromJsonAsync<JsonElement>("/api/enterprises");
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();
        var mine = await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        var body = new
        {
            name = mine.GetProperty("name").GetString(), district = "西湖区", industry = mine.GetProperty("industryKey").GetString(),
            mainProducts = "光通信模块", pilot2022 = true, version = mine.GetProperty("version").GetInt32(),
        };
        var put = await me.PutAsJsonAsync($"/api/enterprises/{id}", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("光通信模块", after.GetProperty("mainProducts").GetString());
        Assert.Equal(mine.GetProperty("district").GetString(), after.GetProperty("district").GetString());
        Assert.False(after.GetProperty("pilot2022").GetBoolean());
    }

    [Fact]
    public async Task Phones_are_masked_for_roles_that_do_not_need_them()
    {
        var city = await app.As("hz-city");
        var created = await CreateAsync(city, TestData.Enterprise("电话脱敏测试有限公司", phone: "13912345678"));
        var thinkTank = await app.As("hz-thinktank");
        var seen = await thinkTank.GetFromJsonAsync<JsonElement>($"/api/enterprises/{created.GetProperty("id").GetString()}");
        Assert.Equal("139****5678", seen.GetProperty("contactPhone").GetString());
    }

    [Fact]
    public async Task Unauthenticated_api_calls_get_401_not_a_redirect()
    {
        var response = await app.Anonymous().GetAsync("/api/enterprises");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Dictionary<string, object?> Merge(object a, object b)
    {
        var d = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(a, Json), Json)!;
        foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(b, Json), Json)!) d[k] = v;
        return d;
    }
}

public sealed class EnterpriseApiTestsOnSqlite(SqliteApp app) : EnterpriseApiTests<SqliteApp>(app);

public sealed class EnterpriseApiTestsOnPostgres(PostgresApp app) : EnterpriseApiTests<PostgresApp>(app);
