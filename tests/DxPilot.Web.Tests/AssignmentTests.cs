using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 服务商分配 on the Changchun demo (config/demo/changchun-demo-enterprises.csv): the city and 朝阳区 assign and withdraw, every
/// change is kept, the provider reaches exactly the files assigned to it. Each test works on files of its own, so the order in
/// which they run does not matter.
/// </summary>
public abstract class AssignmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Provider = "长春智造数字化服务有限公司（演示）";
    private const string Agency = "吉林省数字化水平评测中心（演示）";
    private const string ThinkTank = "长春产业数字化研究院（演示）";

    // Searched without the full-width （演示）: the registry's search does not find full-width brackets (see the report).
    private static async Task<string> FileId(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/assignments?search={Uri.EscapeDataString(name.Replace("（演示）", ""))}"))
        .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("enterpriseName").GetString() == name).GetProperty("enterpriseId").GetString()!;

    private static async Task<string> OrganisationId(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/assignments/organisations")).EnumerateArray()
        .Single(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> Assign(HttpClient client, string enterpriseId, string organisationId) =>
        client.PostAsJsonAsync("/api/assignments", new { enterpriseId, organisationId });

    private static Task<HttpResponseMessage> Withdraw(HttpClient client, string enterpriseId, string organisationId, string? reason) =>
        client.PostAsJsonAsync("/api/assignments/withdraw", new { enterpriseId, organisationId, reason });

    private static async Task<List<string?>> Served(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=100")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString())];

    [Fact]
    public async Task A_district_assigns_and_withdraws_and_the_history_keeps_who_when_and_why()
    {
        const string file = "长春宏远电子元件有限公司（演示）";
        var chaoyang = await app.As("cc-chaoyang");
        var provider = await app.As("cc-provider");
        var (id, org) = (await FileId(chaoyang, file), await OrganisationId(chaoyang, Provider));
        Assert.DoesNotContain(file, await Served(provider));

        var assigned = await Assign(chaoyang, id, org);
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        Assert.Contains(file, await Served(provider));
        var own = await provider.GetFromJsonAsync<JsonElement>("/api/assignments?search=91220104MAQW6Q605M");
        Assert.Equal(Provider, own.GetProperty("items")[0].GetProperty("organisations").EnumerateArray().Single().GetProperty("name").GetString());

        var noReason = await Withdraw(chaoyang, id, org, "  ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("撤销分配须填写理由", await noReason.Content.ReadAsStringAsync());
        Assert.Contains(file, await Served(provider));

        Assert.Equal(HttpStatusCode.OK, (await Withdraw(chaoyang, id, org, "企业另选服务商")).StatusCode);
        Assert.DoesNotContain(file, await Served(provider));
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/enterprises/{id}")).StatusCode);

        var history = (await chaoyang.GetFromJsonAsync<JsonElement>($"/api/assignments/history?enterprise={id}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [("Withdrawn", "企业另选服务商", "朝阳区工信局（演示）", Provider), ("Assigned", null, "朝阳区工信局（演示）", Provider)],
            history.Select(h => (h.GetProperty("change").GetString(), h.GetProperty("reason").GetString(), h.GetProperty("actorName").GetString(),
                h.GetProperty("organisationName").GetString())).ToList());
        // The organisation's history has them too, and the audit trail holds both changes under the signed-in bureau.
        var byOrganisation = await chaoyang.GetFromJsonAsync<JsonElement>($"/api/assignments/history?organisation={org}");
        Assert.Equal(2, byOrganisation.GetProperty("items").EnumerateArray().Count(h => h.GetProperty("enterpriseId").GetString() == id));
        var searched = (await chaoyang.GetFromJsonAsync<JsonElement>("/api/assignments/history?search=" + Uri.EscapeDataString("宏远"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, searched.Count);
        Assert.All(searched, h => Assert.Equal(id, h.GetProperty("enterpriseId").GetString()));
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var ids = history.Select(h => h.GetProperty("id").GetString()).ToList();
        var audited = await db.AuditEntries.Where(a => a.EntityType == "AssignmentChange" && ids.Contains(a.EntityId)).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal("朝阳区工信局（演示）", a.ActorName));

        // Assigned again after the withdrawal: a new link and a third record.
        Assert.Equal(HttpStatusCode.Created, (await Assign(chaoyang, id, org)).StatusCode);
        Assert.Equal(3, (await chaoyang.GetFromJsonAsync<JsonElement>($"/api/assignments/history?enterprise={id}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Out_of_scope_is_not_found_a_non_bureau_is_forbidden_and_a_second_of_a_kind_is_refused()
    {
        var city = await app.As("cc-city");
        var chaoyang = await app.As("cc-chaoyang");
        var provider = await app.As("cc-provider");
        var inChaoyang = await FileId(chaoyang, "长春朝阳百川制药有限公司（演示）");
        var inLvyuan = await FileId(city, "长春绿园昌达汽车饰件有限公司（演示）");
        var servedByProvider = await FileId(provider, "长春恒驰汽车零部件有限公司（演示）");
        var (org, agency, thinkTank) = (await OrganisationId(city, Provider), await OrganisationId(city, Agency), await OrganisationId(city, ThinkTank));
        var hangzhouProvider = await OrganisationId(await app.As("hz-city"), "杭州数智转型服务有限公司（演示）");

        // 朝阳区 does not reach a 绿园区 file; another programme's organisation does not exist here.
        Assert.Equal(HttpStatusCode.NotFound, (await Assign(chaoyang, inLvyuan, org)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assign(city, inChaoyang, hangzhouProvider)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chaoyang.GetAsync($"/api/assignments/history?enterprise={inLvyuan}")).StatusCode);
        // The provider reaches its own file but may not assign; a file it does not serve is not found.
        var forbidden = await Assign(provider, servedByProvider, agency);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("只有工信主管部门", await forbidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Assign(provider, inChaoyang, org)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Withdraw(provider, servedByProvider, org, "不想服务了")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("/api/assignments/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("cc-enterprise")).GetAsync("/api/assignments")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await Assign(chaoyang, inChaoyang, org)).StatusCode);
        var twice = await Assign(city, inChaoyang, org);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("无需重复分配", await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Assign(city, inChaoyang, thinkTank)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Withdraw(city, inLvyuan, org, "未分配过")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await city.PostAsJsonAsync("/api/assignments", new { enterpriseId = inChaoyang })).StatusCode);

        // Nothing of the refusals reached the database: one link, one record.
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, await db.Assignments.CountAsync(a => a.EnterpriseId == Guid.Parse(inChaoyang), ct));
        Assert.Equal(1, await db.AssignmentChanges.CountAsync(c => c.EnterpriseId == Guid.Parse(inChaoyang), ct));
        Assert.Equal(0, await db.AssignmentChanges.CountAsync(c => c.EnterpriseId == Guid.Parse(inLvyuan), ct));
    }

    [Fact]
    public async Task The_database_keeps_one_provider_per_enterprise_when_two_bureaus_race()
    {
        // Two bureaus read the file before either saved, so both pass the policy; the unique index on the enterprise and the
        // organisation's kind lets only the first provider in.
        await using var scope = app.DataScope(DemoData.Changchun);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var file = await db.Enterprises.SingleAsync(e => e.Name == "长春新区泰和生物制药有限公司（演示）", ct);
        Assert.True(await db.Assignments.AnyAsync(a => a.EnterpriseId == file.Id && a.Kind == OrganisationKind.ServiceProvider, ct));
        var rival = new Organisation { ProgrammeId = DemoData.Changchun, Name = "并发测试服务商", Kind = OrganisationKind.ServiceProvider };
        db.Organisations.Add(rival);
        await db.SaveChangesAsync(ct);
        var city = new Actor("race", "长春市工信局", Role.CityBureau, DemoData.Changchun);
        var (link, change, refusal) = AssignmentPolicy.Assign(city, file, rival, [], null, DateTime.UtcNow);
        Assert.Null(refusal);
        db.Assignments.Add(link!);
        db.AssignmentChanges.Add(change!);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
    }

    [Fact]
    public async Task The_list_filters_searches_and_shows_an_organisation_only_itself()
    {
        var chaoyang = await app.As("cc-chaoyang");
        var all = await chaoyang.GetFromJsonAsync<JsonElement>("/api/assignments");
        // The demo has five 朝阳区 files (config/demo); the district sees those and no other.
        Assert.Equal(5, all.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal("朝阳区", i.GetProperty("district").GetString()));

        var unserved = (await chaoyang.GetFromJsonAsync<JsonElement>("/api/assignments?unserved=true")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(unserved, i => Assert.DoesNotContain(i.GetProperty("organisations").EnumerateArray(), o => o.GetProperty("kind").GetString() == "ServiceProvider"));
        Assert.DoesNotContain(unserved, i => i.GetProperty("enterpriseName").GetString() == "长春恒驰汽车零部件有限公司（演示）");

        var agency = await OrganisationId(chaoyang, Agency);
        var byAgency = (await chaoyang.GetFromJsonAsync<JsonElement>($"/api/assignments?organisation={agency}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("enterpriseName").GetString()).ToList();
        Assert.Equal(["长春北辰精密电子有限公司（演示）", "长春恒驰汽车零部件有限公司（演示）"], byAgency.Order(StringComparer.Ordinal));
        Assert.Equal(byAgency.Count, (await chaoyang.GetFromJsonAsync<JsonElement>("/api/assignments?kind=EvaluationAgency")).GetProperty("total").GetInt32());

        var byCode = await chaoyang.GetFromJsonAsync<JsonElement>("/api/assignments?search=91220104MAH2LTFY0L");
        Assert.Equal("长春恒驰汽车零部件有限公司（演示）", byCode.GetProperty("items").EnumerateArray().Single().GetProperty("enterpriseName").GetString());
        // A page past the end shows the last one.
        Assert.Equal(1, (await chaoyang.GetFromJsonAsync<JsonElement>("/api/assignments?page=99")).GetProperty("pageNumber").GetInt32());

        // The agency serves 恒驰 beside the provider, but sees only itself there.
        var own = await (await app.As("cc-agency")).GetFromJsonAsync<JsonElement>("/api/assignments");
        Assert.All(own.GetProperty("items").EnumerateArray(), i =>
            Assert.Equal(Agency, i.GetProperty("organisations").EnumerateArray().Single().GetProperty("name").GetString()));
        Assert.Equal([Agency], (await (await app.As("cc-agency")).GetFromJsonAsync<JsonElement>("/api/assignments/organisations")).EnumerateArray()
            .Select(o => o.GetProperty("name").GetString()));
    }

    private static MultipartFormDataContent Sheet(byte[] content, string name) => new() { { new ByteArrayContent(content), "file", name } };

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    private static async Task<List<(int Row, string? Result, string? Reason)>> Lines(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. report.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("row").GetInt32(), l.GetProperty("result").GetString(), l.GetProperty("reason").GetString()))];
    }

    [Fact]
    public async Task A_sheet_assigns_its_good_rows_reports_each_bad_one_and_assigns_nothing_twice()
    {
        var city = await app.As("cc-city");
        var sheet = Csv(
            "企业名称,统一社会信用代码,服务商,评测机构",
            $"长春宽城本草中药有限公司（演示）,,{Provider},",
            $",91220103MAQ8ETYJ1E,,{Agency}",
            $"长春绿园轨道交通设备有限公司（演示）,91220103MA0K3H6681,{Provider},",
            $"长春不存在的企业（演示）,,{Provider},",
            "长春绿园轨道交通设备有限公司（演示）,,长春不存在服务有限公司,",
            $"三维通信股份有限公司,,{Provider},",
            $",,{Provider},",
            "长春绿园轨道交通设备有限公司（演示）,,,",
            $",91220103MAQ8ETYJ1X,{Provider},");
        var first = await Lines(await city.PostAsync("/api/assignments/import", Sheet(sheet, "分配名单.csv"), TestContext.Current.CancellationToken));
        Assert.Equal(
        [
            (2, "Assigned", null),
            (3, "Assigned", null),
            (4, "Refused", "企业名称与统一社会信用代码不一致：该代码在档案中是“长春宽城本草中药有限公司（演示）”，请核对"),
            (5, "Refused", "未找到该企业，或不在您的权限范围内"),
            (6, "Refused", "本试点没有名为“长春不存在服务有限公司”的服务商，请填写其在平台登记的全称"),
            // A Hangzhou file: not in Changchun's scope.
            (7, "Refused", "未找到该企业，或不在您的权限范围内"),
            (8, "Refused", "未填写企业名称或统一社会信用代码"),
            (9, "Refused", "未填写服务商、评测机构或审计机构"),
            (10, "Refused", "统一社会信用代码校验位错误：第18位应为“E”，填写的是“X”，请核对"),
        ], first);
        Assert.Contains("长春宽城本草中药有限公司（演示）", await Served(await app.As("cc-provider")));

        // The same sheet again: what was assigned is reported as such, nothing is assigned twice.
        var again = await Lines(await city.PostAsync("/api/assignments/import", Sheet(sheet, "分配名单.csv"), TestContext.Current.CancellationToken));
        Assert.Equal([(2, "AlreadyAssigned", null), (3, "AlreadyAssigned", null)], again.Take(2));
        Assert.Equal(first.Skip(2), again.Skip(2));
        var history = await city.GetFromJsonAsync<JsonElement>($"/api/assignments/history?enterprise={await FileId(city, "长春宽城本草中药有限公司（演示）")}");
        var only = history.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("按名单导入（分配名单.csv）", only.GetProperty("reason").GetString());

        // 朝阳区 reaches no 宽城区 file through a sheet either; a provider may not import.
        var chaoyang = await Lines(await (await app.As("cc-chaoyang")).PostAsync("/api/assignments/import",
            Sheet(Csv("企业名称,服务商", $"长春宽城铁创机电配件有限公司（演示）,{Provider}"), "朝阳.csv"), TestContext.Current.CancellationToken));
        Assert.Equal([(2, "Refused", "未找到该企业，或不在您的权限范围内")], chaoyang);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("cc-provider")).PostAsync("/api/assignments/import",
            Sheet(sheet, "分配名单.csv"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_unreadable_sheet_assigns_nothing_and_says_why()
    {
        var city = await app.As("cc-city");
        var ct = TestContext.Current.CancellationToken;
        int Count() { using var scope = app.DataScope(); return scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AssignmentChanges.Count(); }
        var before = Count();

        var broken = await city.PostAsync("/api/assignments/import", Sheet([.. "PK\u0003\u0004"u8, .. new byte[200]], "分配名单.xlsx"), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("不是有效的 Excel 工作簿", await broken.Content.ReadAsStringAsync(ct));

        // The enterprise list's header is not an assignment sheet: no organisation column.
        var noHeader = await city.PostAsync("/api/assignments/import", Sheet(Csv("企业名称,所属区县", "长春新区光子器件有限公司（演示）,长春新区"), "名单.csv"), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noHeader.StatusCode);
        Assert.Contains("“服务商”“评测机构”“审计机构”中至少一列", await noHeader.Content.ReadAsStringAsync(ct));
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task The_template_has_the_importers_columns_and_a_filled_template_imports()
    {
        var city = await app.As("cc-city");
        var template = await city.GetByteArrayAsync("/api/assignments/import/template", TestContext.Current.CancellationToken);
        var table = Infrastructure.Spreadsheets.SheetReader.Open(template, "模板.xlsx", Features.Assignments.Import.AssignmentSheetColumns.IsHeader);
        Assert.Equal(["企业名称", "统一社会信用代码", "服务商", "评测机构", "审计机构"], table.Headers);

        var filled = TestSheets.Xlsx(["企业名称", "统一社会信用代码", "服务商", "评测机构", "审计机构"],
            ["长春新区光子器件有限公司（演示）", "91220100MA37K13R97", Provider, null, null]);
        Assert.Equal([(2, "Assigned", null)], await Lines(await city.PostAsync("/api/assignments/import", Sheet(filled, "模板.xlsx"), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_import_page_shows_each_row_and_offers_the_result_as_a_sheet()
    {
        var city = await app.SignedIn("cc-city");
        var form = (await city.GetDocument("/assignments/import")).QuerySelectorAll("form[method=post]").Single(f => f.QuerySelector("input[type=file]") is not null);
        var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]")) body.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        body.Add(new ByteArrayContent(Csv("统一社会信用代码,服务商", $"91220100MA72CC312X,{Provider}", "91220106MAN7RYRL62,长春不存在服务有限公司")), "file", "页面导入.csv");
        var response = await city.PostAsync("/assignments/import", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // 瑞丰 is the demo provider's already; 昌达's provider does not exist.
        Assert.Equal("已分配 0 项，此前已分配 1 项，未分配 1 项。 下载导入结果（.xlsx）", string.Join(" ", page.QuerySelector("#import-summary")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        var rows = page.QuerySelectorAll("#import-result tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["3", "长春绿园昌达汽车饰件有限公司（演示）", "长春不存在服务有限公司", "未分配", "本试点没有名为“长春不存在服务有限公司”的服务商，请填写其在平台登记的全称"], rows[1]);
        var link = page.QuerySelector("#import-summary a[download]")!.GetAttribute("href")!;
        var sheet = Infrastructure.Spreadsheets.SheetReader.Open(Convert.FromBase64String(link[(link.IndexOf("base64,") + 7)..]), "结果.xlsx", c => c.Contains("结果"));
        Assert.Equal(["行号", "企业", "服务机构", "结果", "原因"], sheet.Headers);
        Assert.Equal(2, sheet.RowCount);
    }

    [Fact]
    public async Task A_cookie_without_the_antiforgery_header_cannot_write_through_the_api()
    {
        var city = await app.SignedIn("cc-city");
        var list = await city.GetFromJsonAsync<JsonElement>("/api/assignments");
        Assert.True(list.GetProperty("total").GetInt32() > 0);
        var refused = await city.PostAsJsonAsync("/api/assignments", new { enterpriseId = Guid.NewGuid(), organisationId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("cc-chaoyang", "/assignments")]
    [InlineData("cc-chaoyang", "/assignments/history")]
    [InlineData("sjz-city", "/acceptance-results")]
    public async Task A_search_longer_than_any_name_is_cut_to_100_characters_as_on_every_other_list(string user, string path)
    {
        var client = await app.SignedIn(user);
        var typed = "  91220104MA1K0HG24N" + new string('甲', 300);
        var page = await client.GetDocument($"{path}?search={Uri.EscapeDataString(typed)}");
        Assert.Equal(typed.Trim()[..100], page.QuerySelector("input[name=search]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task On_the_page_a_district_assigns_and_the_provider_sees_the_file_on_its_list_and_the_enterprise_page()
    {
        const string file = "长春朝阳轨道装备配件有限公司（演示）", code = "91220104MA1K0HG24N";
        var bureau = await app.SignedIn("cc-chaoyang");
        var page = await bureau.GetDocument($"/assignments?search={code}");
        var form = page.QuerySelectorAll("form[method=post]").Single(f => f.QuerySelector("#assignment-list") is not null);
        var select = form.QuerySelector("select[name^=organisation-]")!;
        var enterpriseId = select.GetAttribute("name")!["organisation-".Length..];
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var providerId = select.QuerySelectorAll("option").Single(o => o.TextContent.Contains(Provider)).GetAttribute("value")!;

        // Without its antiforgery token the post is refused.
        var forged = await bureau.PostAsync($"/assignments?search={code}", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["_handler"] = "assignments", ["action"] = $"assign:{enterpriseId}", [$"organisation-{enterpriseId}"] = providerId }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // The button without an organisation chosen: a message, not an error page.
        var nothing = await bureau.PostAsync("/assignments", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["action"] = $"assign:{enterpriseId}" }));
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("请先在该企业一行中选择要分配的服务机构", PageClient.Parse(await nothing.Content.ReadAsStringAsync()).QuerySelector(".alert.error")!.TextContent);

        var posted = await bureau.PostAsync($"/assignments?search={code}", new FormUrlEncodedContent(
            new Dictionary<string, string>(fields) { ["action"] = $"assign:{enterpriseId}", [$"organisation-{enterpriseId}"] = providerId }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("done=assigned", posted.Headers.Location!.ToString());

        var provider = await app.SignedIn("cc-provider");
        var list = await provider.GetDocument("/assignments");
        Assert.Contains(list.QuerySelectorAll("#assignment-list a"), a => a.TextContent == file);
        Assert.Null(list.QuerySelector("#assignment-list select"));
        var detail = await provider.GetDocument($"/enterprises/{enterpriseId}");
        Assert.Contains(Provider, detail.QuerySelector("#assignments")!.TextContent);

        // The bureau's file page lists the change with who made it.
        var history = (await bureau.GetDocument($"/enterprises/{enterpriseId}")).QuerySelector("#assignments .assignment-history")!.TextContent;
        Assert.Contains("朝阳区工信局（演示）", history);
        Assert.Contains("分配", history);
    }
}

public sealed class AssignmentTestsOnSqlite(SqliteApp app) : AssignmentTests<SqliteApp>(app);

public sealed class AssignmentTestsOnPostgres(PostgresApp app) : AssignmentTests<PostgresApp>(app);
