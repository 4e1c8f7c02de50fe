using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Shijiazhuang's acceptance results (验收结果, issue 12: "Only an enterprise whose transformation was accepted may apply"): the city
/// imports the third party's results from a sheet, each bad row refused with its row number and reason, nothing recorded twice; a
/// programme that accepts on the platform (Changchun) refuses the import; a county reads its own; and the 数智 call reads a passed
/// result as the enterprise's accepted transformation (its levels and agency in the criteria).
/// </summary>
public abstract class AcceptanceResultTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Programme = ShijiazhuangAward.Programme;
    private const string Call = ShijiazhuangAward.Call;
    private const string Headers = "企业名称,统一社会信用代码,项目名称,验收日期,改造前等级,改造后等级,评测机构,验收结论,备注";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The arranged enterprise of 正定县 (and another of 新华区) with their accounts, and both files' name and USCC.</summary>
    private async Task<(ShijiazhuangAward Arranged, (string Name, string Uscc) Zhengding, (string Name, string Uscc) Xinhua)> ArrangeAsync()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var arranged = await ShijiazhuangAward.CreateAsync(app, accepted: false);
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var zhengding = await db.Enterprises.SingleAsync(e => e.Id == arranged.EnterpriseId, Ct);
        var suffix = zhengding.Name["石家庄页面测试".Length..^"有限公司".Length];
        var xinhua = await db.Enterprises.SingleAsync(e => e.Name == $"石家庄另一页面测试{suffix}有限公司", Ct);
        return (arranged, (zhengding.Name, zhengding.Uscc!), (xinhua.Name, xinhua.Uscc!));
    }

    private static MultipartFormDataContent Sheet(byte[] content, string name) => new() { { new ByteArrayContent(content), "file", name } };

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", [Headers, .. lines]));

    private static async Task<(JsonElement Report, List<(int Row, string Result, string? Reason)> Lines)> Import(HttpClient client, byte[] csv)
    {
        var response = await client.PostAsync("/api/acceptance-results/import", Sheet(csv, "验收结果.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (report, [.. report.GetProperty("lines").EnumerateArray().Select(l =>
            (l.GetProperty("row").GetInt32(), l.GetProperty("result").GetString()!, l.GetProperty("reason").GetString()))]);
    }

    private async Task<List<(string Project, int Before, int After, string Agency, bool Passed)>> RecordedAsync(Guid enterpriseId)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return (await db.AcceptanceResults.Where(r => r.EnterpriseId == enterpriseId).ToListAsync(Ct))
            .OrderBy(r => r.ProjectName, StringComparer.Ordinal).Select(r => (r.ProjectName, r.LevelBefore, r.LevelAfter, r.AgencyName, r.Passed)).ToList();
    }

    [Fact]
    public async Task A_sheet_records_its_good_rows_and_refuses_each_bad_one_with_its_row_number()
    {
        var (a, (name, uscc), (otherName, otherUscc)) = await ArrangeAsync();
        var city = await app.As(a.Users["city"]);
        var unknown = TestData.NewUscc("130123");
        var (report, lines) = await Import(city, Csv(
            $"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,三级,河北省数字化评测中心,通过,现场核查合格",
            $"{otherName},{otherUscc},装配线数字化改造,2025年5月8日,1,2级,河北省数字化评测中心,不通过,",
            $"石家庄不存在的企业有限公司,{unknown},某项目,2025-06-20,二级,三级,某机构,通过,",
            $"{name}（错名）,{uscc},某项目,2025-06-20,二级,三级,某机构,通过,",
            $"{name},{uscc},另一项目,2025-13-01,二级,三级,某机构,通过,",
            $"{name},{uscc},另一项目,2025-06-20,二级,五级,某机构,通过,",
            $"{name},{uscc},另一项目,2025-06-20,三级,三级,某机构,通过,",
            $"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,三级,河北省数字化评测中心,通过,",
            $"{name},{uscc},另一项目,2025-06-20,一级,一级,某机构,通过,",
            $"{name},{uscc},另一项目,2025-06-20,二级,三级,某机构,待定,",
            $"{name},{uscc},另一项目,2099-01-01,二级,三级,某机构,通过,",
            $"{name},{uscc},,2025-06-20,二级,三级,某机构,通过,",
            $"{name},{uscc},另一项目,2023年12月31日,二级,三级,某机构,通过,"));
        Assert.Equal(
        [
            (2, "新建", null),
            (3, "新建", null),
            (4, "拒绝", $"平台上没有统一社会信用代码为{unknown}的企业，请核对代码，或先在企业档案中登记该企业"),
            (5, "拒绝", $"企业名称与统一社会信用代码不一致：该代码在企业档案中是“{name}”，表中是“{name}（错名）”，请核对"),
            (6, "拒绝", "验收日期“2025-13-01”无法识别，请按 2025-07-16 或 2025年7月16日 的格式填写"),
            (7, "拒绝", "改造后等级“五级”无效，应为一级、二级、三级或四级"),
            (8, "拒绝", "改造后等级（三级）应高于改造前等级（三级）"),
            (9, "拒绝", "与第2行是同一企业的同一项目，请删除重复的行"),
            (10, "拒绝", "验收结论为通过的，改造后等级应达到二级及以上"),
            (11, "拒绝", "验收结论“待定”无效，应为通过或不通过"),
            (12, "拒绝", "验收日期2099年1月1日晚于今天，请核对"),
            (13, "拒绝", "未填写项目名称"),
            // The pilot runs from 2024年1月1日 (config/programmes/shijiazhuang-2025.json, period).
            (14, "拒绝", "验收日期2023年12月31日早于本试点开始（2024年1月1日），请核对"),
        ], lines);
        Assert.Equal((2, 0, 0, 11), (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("unchanged").GetInt32(), report.GetProperty("refused").GetInt32()));
        Assert.Equal([("原料药车间数字化改造", 2, 3, "河北省数字化评测中心", true)], await RecordedAsync(a.EnterpriseId));
    }

    [Fact]
    public async Task Importing_again_records_nothing_twice_and_a_changed_row_updates_the_one_on_record_with_its_history()
    {
        var (a, (name, uscc), _) = await ArrangeAsync();
        var city = await app.As(a.Users["city"]);
        var row = $"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,三级,河北省数字化评测中心,通过,";
        Assert.Equal([(2, "新建", (string?)null)], (await Import(city, Csv(row))).Lines);
        Assert.Equal([(2, "未变", (string?)null)], (await Import(city, Csv(row))).Lines);
        // The agency corrected its level: the same project, updated, still one record.
        var (report, lines) = await Import(city, Csv($"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,四级,河北省数字化评测中心,通过,复核后更正"));
        Assert.Equal([(2, "更新", (string?)null)], lines);
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        Assert.Equal([("原料药车间数字化改造", 2, 4, "河北省数字化评测中心", true)], await RecordedAsync(a.EnterpriseId));

        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var id = (await db.AcceptanceResults.SingleAsync(r => r.EnterpriseId == a.EnterpriseId, Ct)).Id.ToString();
        var history = await db.AuditEntries.Where(e => e.EntityType == "AcceptanceResult" && e.EntityId == id).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(2, history.Count);
        Assert.All(history, e => Assert.Equal("市工信主管部门（测试）", e.ActorName));
    }

    [Fact]
    public async Task A_programme_that_accepts_on_the_platform_refuses_the_import_and_only_the_city_imports()
    {
        var (a, (name, uscc), _) = await ArrangeAsync();
        var sheet = Csv($"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,三级,河北省数字化评测中心,通过,");
        var changchun = await (await app.As("cc-city")).PostAsync("/api/acceptance-results/import", Sheet(sheet, "验收结果.csv"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, changchun.StatusCode);
        Assert.Contains("长春市的改造项目在平台上由第三方评测机构验收，验收结果以平台上的项目验收为准，不能导入", await changchun.Content.ReadAsStringAsync(Ct));
        var county = await (await app.As(a.Users["zhengding"])).PostAsync("/api/acceptance-results/import", Sheet(sheet, "验收结果.csv"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
        Assert.Contains("验收结果由市级工信主管部门导入", await county.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await RecordedAsync(a.EnterpriseId));

        // An unreadable file records nothing and says why.
        var broken = await (await app.As(a.Users["city"])).PostAsync("/api/acceptance-results/import", Sheet([.. "PK\u0003\u0004"u8, .. new byte[200]], "验收结果.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("不是有效的 Excel 工作簿", await broken.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_county_reads_its_own_results_the_city_all_and_an_enterprise_its_own()
    {
        var (a, (name, uscc), (otherName, otherUscc)) = await ArrangeAsync();
        await Import(await app.As(a.Users["city"]), Csv(
            $"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,三级,河北省数字化评测中心,通过,",
            $"{otherName},{otherUscc},装配线数字化改造,2025-05-08,一级,二级,河北省数字化评测中心,不通过,"));
        var suffix = Uri.EscapeDataString(name["石家庄页面测试".Length..^"有限公司".Length]);
        async Task<List<string>> Names(string user, string filters = "")
        {
            var list = await (await app.As(a.Users[user])).GetFromJsonAsync<JsonElement>($"/api/acceptance-results?search={suffix}{filters}", Ct);
            return [.. list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("enterpriseName").GetString()!).Order(StringComparer.Ordinal)];
        }
        Assert.Equal([name], await Names("zhengding"));
        // A county's filter on another county does not widen its scope.
        Assert.Empty(await Names("zhengding", "&district=新华区"));
        Assert.Equal([otherName], await Names("xinhua"));
        Assert.Equal(new[] { name, otherName }.Order(StringComparer.Ordinal), await Names("city"));
        Assert.Equal([otherName], await Names("city", "&result=failed"));
        Assert.Equal([name], await Names("thinktank", "&result=passed"));
        Assert.Equal([name], await Names("city", $"&district={Uri.EscapeDataString("正定县")}"));
        var byCode = await (await app.As(a.Users["city"])).GetFromJsonAsync<JsonElement>($"/api/acceptance-results?search={otherUscc}", Ct);
        Assert.Equal(otherName, byCode.GetProperty("items").EnumerateArray().Single().GetProperty("enterpriseName").GetString());

        // The enterprise reads its own result, and its 工作台 shows the agency's levels; an agency or a provider reads none.
        Assert.Equal([name], await Names("enterprise"));
        Assert.Empty(await Names("enterprise", $"&district={Uri.EscapeDataString("新华区")}"));
        var home = await (await app.SignedIn(a.Users["enterprise"])).GetDocument("/");
        Assert.Equal($"验收结果：原料药车间数字化改造（河北省数字化评测中心，2025年6月20日）通过验收，改造前二级，改造后三级。 查看验收结果",
            System.Text.RegularExpressions.Regex.Replace(home.QuerySelector("#accepted-levels")!.TextContent.Trim(), @"\s+", " "));
        Assert.DoesNotContain("尚未开展数字化水平评测", home.QuerySelector("#standing")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(a.Users["provider"])).GetAsync("/api/acceptance-results", Ct)).StatusCode);

        // The county's export: its own rows only, in the import's columns, every cell text.
        var export = await (await app.As(a.Users["zhengding"])).GetByteArrayAsync($"/api/acceptance-results/export.xlsx?search={suffix}", Ct);
        var table = SheetReader.Open(export, "导出.xlsx", c => c.Contains("企业名称"));
        Assert.Equal(["企业名称", "统一社会信用代码", "项目名称", "验收日期", "改造前等级", "改造后等级", "评测机构", "评测机构统一社会信用代码", "验收结论", "备注", "县（市、区）"], table.Headers);
        Assert.Equal([name, uscc, "原料药车间数字化改造", "2025年6月20日", "二级", "三级", "河北省数字化评测中心", null, "通过", null, "正定县"], table.Rows.Single().Cells);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(export), false);
        var cells = workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();
        Assert.All(cells, c =>
        {
            Assert.Null(c.CellFormula);
            Assert.Equal(CellValues.InlineString, c.DataType?.Value);
        });
    }

    [Fact]
    public async Task The_import_page_counts_each_outcome_lists_the_refused_rows_and_the_county_reads_the_list_without_importing()
    {
        var (a, (name, uscc), (otherName, otherUscc)) = await ArrangeAsync();
        var city = await app.SignedIn(a.Users["city"]);
        var form = (await city.GetDocument("/acceptance-results/import")).QuerySelector("form[method=post][enctype]")!;
        var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]")) body.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        body.Add(new ByteArrayContent(Csv(
            $"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,三级,河北省数字化评测中心,通过,",
            $"{otherName},{otherUscc},装配线数字化改造,2025-05-08,二级,二级,河北省数字化评测中心,通过,")), "file", "页面导入.csv");
        var response = await city.PostAsync("/acceptance-results/import", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("新建 1 条，更新 0 条，未变 0 条，拒绝 1 行。 下载导入结果（.xlsx）",
            string.Join(" ", page.QuerySelector("#import-summary")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        var refused = page.QuerySelectorAll("#refused-rows tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).Single();
        Assert.Equal(["3", otherName, "装配线数字化改造", "改造后等级（二级）应高于改造前等级（二级）"], refused);

        var county = await app.SignedIn(a.Users["zhengding"]);
        var list = await county.GetDocument($"/acceptance-results?search={Uri.EscapeDataString(uscc)}");
        Assert.Null(list.QuerySelector("#import"));
        Assert.Null(list.QuerySelector("select[name=district]"));
        var cells = list.QuerySelectorAll("#acceptance-results tbody tr td").Select(c => c.GetAttribute("data-label") + "：" + c.TextContent.Trim()).ToList();
        Assert.Contains("验收日期：2025年6月20日", cells);
        Assert.Contains("改造后：三级", cells);
        Assert.Contains("验收结论：通过", cells);
        Assert.Equal("验收结果由市级工信主管部门导入。", (await county.GetDocument("/acceptance-results/import")).QuerySelector("#refusal")!.TextContent);
    }

    [Fact]
    public async Task An_enterprise_without_a_passed_result_cannot_start_a_benchmark_application_and_with_one_it_can_and_reads_the_agencys_levels()
    {
        var (a, (name, uscc), _) = await ArrangeAsync();
        var city = await app.As(a.Users["city"]);
        var enterprise = await app.SignedIn(a.Users["enterprise"]);
        const string reason = "只有已完成数字化转型项目建设并通过验收的试点企业可以申报，本企业尚无通过验收的改造项目";

        Assert.Contains(reason, (await enterprise.GetDocument("/awards")).QuerySelector($"[data-cannot-start='{Call}']")!.TextContent);
        // A result whose conclusion is 不通过 is no accepted transformation.
        await Import(city, Csv($"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,三级,河北省数字化评测中心,不通过,"));
        var refused = await enterprise.GetDocument("/awards");
        Assert.Contains(reason, refused.QuerySelector($"[data-cannot-start='{Call}']")!.TextContent);
        Assert.Null(refused.QuerySelector($"button[data-start='{Call}']"));

        await Import(city, Csv($"{name},{uscc},原料药车间数字化改造,2025-06-20,二级,三级,河北省数字化评测中心,通过,"));
        Assert.NotNull((await enterprise.GetDocument("/awards")).QuerySelector($"button[data-start='{Call}']"));
        var (id, version) = await a.StartAsync(app);
        var api = await app.As(a.Users["enterprise"]);
        (await api.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "lighthouse" }, content = new { }, version }, Ct)).EnsureSuccessStatusCode();

        var view = await api.GetFromJsonAsync<JsonElement>($"/api/awards/{id}", Ct);
        var project = view.GetProperty("project");
        Assert.Equal(("原料药车间数字化改造", 2, 3, "河北省数字化评测中心", "2025-06-20", true), (project.GetProperty("projectName").GetString(),
            project.GetProperty("levelBefore").GetInt32(), project.GetProperty("levelAfter").GetInt32(), project.GetProperty("agencyName").GetString(),
            project.GetProperty("acceptedOn").GetString(), project.GetProperty("imported").GetBoolean()));
        Assert.DoesNotContain(view.GetProperty("submissionProblems").EnumerateArray(), p => p.GetString()!.Contains("没有通过验收的改造项目"));

        // The criteria panel: the level criterion read from the imported levels, naming the agency.
        var page = await enterprise.GetDocument($"/awards/{id}");
        var level = page.QuerySelectorAll("#criteria li[data-criterion]").Single(li => li.TextContent.Contains("改造后评测"));
        Assert.Equal("met", level.GetAttribute("data-verdict"));
        Assert.Contains("评测机构（河北省数字化评测中心）改造后评测三级，改造前二级，等级有提升", level.TextContent);
        Assert.Contains("河北省数字化评测中心评定：改造前二级，改造后三级；2025年6月20日通过验收", page.QuerySelector("#project")!.TextContent);
        // The 申报书's application table ticks the level the imported acceptance reached.
        var document = await api.GetByteArrayAsync($"/api/awards/{id}/document.docx", Ct);
        Assert.Contains("根据验收评测达到的数字化水平等级：☐二级 ☑三级 ☐四级", OfficeFiles.Text(document));
    }
}

public sealed class AcceptanceResultTestsOnSqlite(SqliteApp app) : AcceptanceResultTests<SqliteApp>(app);

public sealed class AcceptanceResultTestsOnPostgres(PostgresApp app) : AcceptanceResultTests<PostgresApp>(app);
