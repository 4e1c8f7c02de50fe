using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 附件5 杭州市中小企业数字化改造试点项目备案汇总表 (seed 003): the seed's title, grouping and 28 headers, one row per provider
/// with the filing's columns merged over them, text that never becomes a formula, and the list's scope.
/// </summary>
public static class Annex5Sheets
{
    /// <summary>Seed 003 附件5's header row, typed from the seed (its half-width brackets as it writes them).</summary>
    public static readonly string[] SeedHeaders =
    [
        "序号", "细分行业类别", "企业所属区、县(市)", "企业名称", "统一社会信用代码", "联系人", "联系方式", "主营产品", "2023年主营业务收入(万元)",
        "企业类别", "规上/规下", "已获得中央财政中小企业发展专项资金支持的专精特新“小巨人”企业",
        "已纳入《工业和信息化部办公厅 财政部办公厅关于开展财政支持中小企业数字化转型试点工作的通知》(工信厅联企业〔2022〕22号)中改造试点的中小企业",
        "制造业中小企业数字化水平自测", "企业改造后目标数字化水平", "数字化转型项目投资额(万元)", "项目名称", "实施期限", "应用场景", "上云用云计划",
        "项目预投入(万元/不含税)", "单位名称", "统一社会信用代码", "联系人", "联系电话", "合同名称", "合同签订日期", "主要承担工作",
    ];

    /// <summary>The sheet's cells by reference (A1 …), each with its text and whether it is a number or a formula.</summary>
    public static Dictionary<string, (string Text, bool Number, bool Formula)> Cells(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!,
            c => (c.CellValue?.Text ?? c.InlineString?.InnerText ?? "", c.DataType?.Value == CellValues.Number, c.CellFormula is not null));
    }

    public static IReadOnlyList<string> Merges(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
    }

    public static IReadOnlyList<string> ValidationErrors(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static string Column(int oneBased) => oneBased <= 26 ? ((char)('A' + oneBased - 1)).ToString() : "A" + (char)('A' + oneBased - 27);

    /// <summary>A number cell's value (the sheet writes 万元 with their two decimals: 120.50).</summary>
    public static decimal Number((string Text, bool Number, bool Formula) cell)
    {
        Assert.True(cell.Number && !cell.Formula, $"“{cell.Text}”应为数字");
        return decimal.Parse(cell.Text, System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The layout, written directly from entries (a filing with two contracted providers before contracts exist in the app).</summary>
public sealed class Annex5LayoutTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly FilingProvider First = new("杭州数智改造服务有限公司", "91330108MA2H0B1X3K", "王总", "张工", "13800001111",
        "MES系统实施服务合同", "HZ-2025-001", new DateOnly(2025, 3, 2), 800_000m, "MES系统实施与设备联网", true);
    private static readonly FilingProvider Second = new("浙江云上科技有限公司", "91330106MA27XK5P2L", "赵总", "刘工", "13800002222",
        "业务系统上云服务合同", "HZ-2025-002", new DateOnly(2025, 3, 9), 405_000m, "ERP上云", true);

    private async Task<byte[]> SheetAsync(params Annex5Sheet.Entry[] entries)
    {
        var form = app.Services.GetRequiredService<ProgrammeCatalog>().Get(HangzhouFiling.Programme).Filing!.Form;
        using var output = new MemoryStream();
        await Annex5Sheet.WriteAsync(output, form, "滨江区经济和信息化局", new DateOnly(2025, 7, 16), entries.ToAsyncEnumerable(), CancellationToken.None);
        return output.ToArray();
    }

    private static Annex5Sheet.Entry Entry(string projectName, params FilingProvider[] providers)
    {
        var values = HangzhouFiling.CompleteAnswers(projectName).ToDictionary(kv => kv.Key, kv => kv.Value!);
        var basics = new Dictionary<string, string>
        {
            ["name"] = "杭州测试汽车部件有限公司", ["uscc"] = "91330108MA2H0C2Y4M", ["industry"] = "汽车零部件", ["contactName"] = "孙经理",
            ["contactPhone"] = "13900002222", ["mainProducts"] = "汽车座椅骨架", ["revenueWan"] = "5,600.00", ["qualityTier"] = "专精特新中小企业",
            ["aboveScale"] = "规上企业", ["littleGiantCentralFunded"] = "不是", ["pilot2022"] = "是",
        };
        return new Annex5Sheet.Entry("滨江区", basics, values, providers);
    }

    [Fact]
    public async Task The_title_unit_date_groups_and_the_seeds_28_headers_head_the_sheet()
    {
        var xlsx = await SheetAsync(Entry("汽车零部件数字化车间改造项目", First));
        var cells = Annex5Sheets.Cells(xlsx);
        Assert.Equal("杭州市中小企业数字化改造试点项目备案汇总表", cells["A1"].Text);
        Assert.Equal("填报单位: 滨江区经济和信息化局", cells["A2"].Text);
        Assert.Equal("填报时间: 2025年7月16日", cells["K2"].Text);
        Assert.Equal("申报单位基本信息", cells["A3"].Text);
        Assert.Equal("项目基本信息", cells["P3"].Text);
        Assert.Equal("合同服务商信息", cells["V3"].Text);
        Assert.Equal(28, Annex5Sheets.SeedHeaders.Length);
        for (var c = 1; c <= 28; c++)
            Assert.Equal(Annex5Sheets.SeedHeaders[c - 1], cells[$"{Annex5Sheets.Column(c)}4"].Text);
        Assert.False(cells.ContainsKey("AC4"));
        var merges = Annex5Sheets.Merges(xlsx);
        Assert.Contains("A1:AB1", merges);
        Assert.Contains("A3:O3", merges);
        Assert.Contains("P3:U3", merges);
        Assert.Contains("V3:AB3", merges);
        Assert.Empty(Annex5Sheets.ValidationErrors(xlsx));
    }

    [Fact]
    public async Task A_filing_with_two_providers_takes_two_rows_with_its_columns_merged_over_them()
    {
        var xlsx = await SheetAsync(Entry("汽车零部件数字化车间改造项目", First, Second), Entry("第二个项目", First));
        var cells = Annex5Sheets.Cells(xlsx);
        Assert.Equal(1m, Annex5Sheets.Number(cells["A5"]));
        Assert.Equal("杭州数智改造服务有限公司", cells["V5"].Text);
        Assert.Equal("浙江云上科技有限公司", cells["V6"].Text);
        Assert.Equal("2025年3月9日", cells["AA6"].Text);
        Assert.Equal("ERP上云", cells["AB6"].Text);
        // 数字化转型项目投资额 = the contracts' total: 800,000 + 405,000 元 = 120.50 万元; 项目预投入 from the form.
        Assert.Equal(120.5m, Annex5Sheets.Number(cells["P5"]));
        Assert.Equal(120.5m, Annex5Sheets.Number(cells["U5"]));
        Assert.Equal(5600m, Annex5Sheets.Number(cells["I5"]));
        Assert.Equal("否", cells["L5"].Text);
        Assert.Equal("是", cells["M5"].Text);
        Assert.Equal("1级（20分~40分）", cells["N5"].Text);
        Assert.Equal("二级", cells["O5"].Text);
        Assert.Equal("2025年1月至2025年12月", cells["R5"].Text);
        Assert.Equal("生产制造、供应链", cells["S5"].Text);
        var merges = Annex5Sheets.Merges(xlsx);
        for (var c = 1; c <= 21; c++) Assert.Contains($"{Annex5Sheets.Column(c)}5:{Annex5Sheets.Column(c)}6", merges);
        Assert.DoesNotContain(merges, m => m.StartsWith("V5", StringComparison.Ordinal));
        // The second filing: one provider, one row, 序号 2, no merge.
        Assert.Equal("2", cells["A7"].Text);
        Assert.Equal("第二个项目", cells["Q7"].Text);
        Assert.DoesNotContain(merges, m => m.StartsWith("A7", StringComparison.Ordinal));
        Assert.Empty(Annex5Sheets.ValidationErrors(xlsx));
    }

    [Fact]
    public async Task A_value_that_looks_like_a_formula_stays_text()
    {
        var cells = Annex5Sheets.Cells(await SheetAsync(Entry("=1+1"), Entry("@SUM(A1)"), Entry("-2+3"), Entry("+cmd")));
        Assert.Equal(("=1+1", false, false), cells["Q5"]);
        Assert.Equal(("@SUM(A1)", false, false), cells["Q6"]);
        Assert.Equal(("-2+3", false, false), cells["Q7"]);
        Assert.Equal(("+cmd", false, false), cells["Q8"]);
        Assert.DoesNotContain(cells.Values, c => c.Formula);
    }

    [Fact]
    public async Task LibreOffice_opens_the_sheet_and_reads_its_cells()
    {
        var soffice = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "soffice")).FirstOrDefault(File.Exists);
        if (soffice is null) Requirements.Unmet("未安装 LibreOffice（soffice），无法检查表格的打开效果 / LibreOffice is not installed");
        // Writer alone (libreoffice-writer-nogui) cannot open a sheet: Calc is its own component.
        if (!File.Exists(Path.Combine(Path.GetDirectoryName(new FileInfo(soffice!).ResolveLinkTarget(true)?.FullName ?? soffice!)!, "libsclo.so")))
            Requirements.Unmet("未安装 LibreOffice Calc，无法检查表格的打开效果 / apt-get install libreoffice-calc-nogui");
        var dir = Directory.CreateTempSubdirectory("dxpilot-xlsx-");
        try
        {
            var input = Path.Combine(dir.FullName, "annex5.xlsx");
            await File.WriteAllBytesAsync(input, await SheetAsync(Entry("=1+1", First, Second)));
            using var process = Process.Start(new ProcessStartInfo(soffice!,
                $"-env:UserInstallation=file://{dir.FullName}/profile --headless --convert-to csv:\"Text - txt - csv (StarCalc)\":44,34,76 --outdir {dir.FullName} {input}")
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
            var csv = await File.ReadAllTextAsync(Path.Combine(dir.FullName, "annex5.csv"));
            Assert.Contains("杭州市中小企业数字化改造试点项目备案汇总表", csv);
            Assert.Contains("(工信厅联企业〔2022〕22号)中改造试点的中小企业", csv);
            Assert.Contains("浙江云上科技有限公司", csv);
            // A formula would have been computed to 2 by Calc.
            Assert.Contains("=1+1", csv);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>The export through the app: the list's scope and filters, submitted filings only, refusals.</summary>
public abstract class Annex5ExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private async Task<HttpResponseMessage> ExportAsync(string user, string query = "") =>
        await (await app.As(user)).GetAsync($"/api/filings/annex5.xlsx{query}");

    private static async Task<Dictionary<string, (string Text, bool Number, bool Formula)>> CellsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Annex5Export.ContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Annex5Sheets.ValidationErrors(bytes));
        return Annex5Sheets.Cells(bytes);
    }

    private static IEnumerable<string> ProjectNames(Dictionary<string, (string Text, bool Number, bool Formula)> cells) =>
        cells.Where(c => c.Key.StartsWith('Q') && int.Parse(c.Key[1..]) > Annex5Sheet.HeaderRow).Select(c => c.Value.Text);

    [Fact]
    public async Task A_district_exports_its_district_the_city_the_whole_city_and_drafts_are_not_exported()
    {
        var binjiang = await HangzhouFiling.CreateAsync(app);
        var xihu = await HangzhouFiling.CreateAsync(app, district: "西湖区");
        var mark = Guid.NewGuid().ToString("N")[..8];
        await binjiang.SubmittedAsync(app, $"滨江项目{mark}");
        await xihu.SubmittedAsync(app, $"西湖项目{mark}");
        var drafting = await HangzhouFiling.CreateAsync(app);
        var draft = await drafting.StartAsync(app);
        (await drafting.SaveAsync(app, draft, new Dictionary<string, string?> { ["projectName"] = $"草稿项目{mark}" })).EnsureSuccessStatusCode();

        var district = ProjectNames(await CellsAsync(await ExportAsync(binjiang.Users["binjiang"], $"?search={mark}"))).ToList();
        Assert.Equal([$"滨江项目{mark}"], district);
        var city = ProjectNames(await CellsAsync(await ExportAsync(binjiang.Users["city"], $"?search={mark}"))).Order().ToList();
        Assert.Equal([$"滨江项目{mark}", $"西湖项目{mark}"], city);
        var filtered = ProjectNames(await CellsAsync(await ExportAsync(binjiang.Users["city"], $"?search={mark}&district=西湖区"))).ToList();
        Assert.Equal([$"西湖项目{mark}"], filtered);
        // Another district's bureau asking for 滨江区 gets its own scope: nothing of 滨江区.
        Assert.Empty(ProjectNames(await CellsAsync(await ExportAsync(binjiang.Users["xihu"], $"?search={mark}&district=滨江区"))));
    }

    [Fact]
    public async Task The_exported_row_is_the_filing_as_submitted_and_a_formula_like_name_stays_text()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app, "=1+1");
        var cells = await CellsAsync(await ExportAsync(h.Users["binjiang"], $"?search={Uri.EscapeDataString(h.Enterprise.Name)}"));
        Assert.Equal(("=1+1", false, false), cells["Q5"]);
        Assert.Equal(h.Enterprise.Name, cells["D5"].Text);
        Assert.Equal(h.Enterprise.Uscc, cells["E5"].Text);
        Assert.Equal("滨江区", cells["C5"].Text);
        // 细分行业类别: the pilot industry's name in the programme (hangzhou-2024.json), the file's 汽车零部件.
        Assert.Equal("汽车零部件及配件制造", cells["B5"].Text);
        Assert.Equal(5600m, Annex5Sheets.Number(cells["I5"]));
        Assert.Equal(120.5m, Annex5Sheets.Number(cells["U5"]));
        Assert.StartsWith("填报单位: 滨江区经信局（测试）", cells["A2"].Text);
        Assert.False(cells.ContainsKey("A6"));
        Assert.DoesNotContain(cells.Values, c => c.Formula);
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task Accounts_outside_the_bureaus_and_programmes_without_annex5_get_a_reason()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        foreach (var who in new[] { "enterprise", "provider", "expert" })
        {
            var refused = await ExportAsync(h.Users[who]);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("备案汇总表由市、区县工信主管部门和第三方智库导出", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await ExportAsync(h.Users["thinktank"])).StatusCode);
        var changchun = await new ProgrammeAccounts(app, "changchun-2025").UserAsync(Role.CityBureau);
        var none = await ExportAsync(changchun);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("本试点没有备案汇总表（附件5）", await none.Content.ReadAsStringAsync());
        // The page download answers the signed-in bureau the same sheet.
        var browser = await app.SignedIn(h.Users["city"]);
        var page = await browser.GetAsync("/filings/annex5.xlsx");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("xlsx", page.Content.Headers.ContentDisposition?.FileNameStar ?? "");
    }
}

public sealed class Annex5ExportTestsOnSqlite(SqliteApp app) : Annex5ExportTests<SqliteApp>(app);

public sealed class Annex5ExportTestsOnPostgres(PostgresApp app) : Annex5ExportTests<PostgresApp>(app);

/// <summary>A fresh start's demo data: Hangzhou filings at each step, so that the city's 附件5 is not empty.</summary>
public sealed class FilingDemoDataTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_holds_a_filing_at_each_step_and_the_citys_annex5_lists_the_submitted_ones()
    {
        var city = await app.As("hz-city");
        var states = new Dictionary<string, string>();
        foreach (var project in new[] { "数字化车间MES建设项目", "研发设计协同与PLM上云项目", "仓储物流WMS数字化改造项目", "质量追溯与设备联网改造项目", "供应链协同与ERP升级项目",
            "设备联网与生产执行系统建设项目" })
        {
            var listed = await city.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/filings?search={Uri.EscapeDataString(project)}");
            states[project] = Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("state").GetString()!;
        }
        Assert.Equal(["draft", "districtReview", "returned", "cityReview", "filed", "filed"], states.Values);

        var response = await city.GetAsync("/api/filings/annex5.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cells = Annex5Sheets.Cells(await response.Content.ReadAsByteArrayAsync());
        var projects = cells.Where(c => c.Key.StartsWith('Q') && int.Parse(c.Key[1..]) > Annex5Sheet.HeaderRow).Select(c => c.Value.Text).ToList();
        Assert.Equal(5, projects.Count);
        Assert.DoesNotContain("数字化车间MES建设项目", projects);
        // Each filed its contract with the demo provider before submitting: 合同服务商信息 is filled on every row.
        var providers = cells.Where(c => c.Key.StartsWith('V') && int.Parse(c.Key[1..]) > Annex5Sheet.HeaderRow).Select(c => c.Value.Text).ToList();
        Assert.Equal(Enumerable.Repeat("杭州数智转型服务有限公司（演示）", 5), providers);
        // The returned one was sent back by 滨江区 with its reason, as the district's record says.
        var returned = await city.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/filings?search={Uri.EscapeDataString("仓储物流WMS数字化改造项目")}");
        var id = returned.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal("请在项目实施方案中补充分阶段目标和验收指标后重新提交。",
            (await city.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/filings/{id}")).GetProperty("lastOpinion").GetString());
    }

    /// <summary>Phones are shown only to the roles that need them (DOMAIN §8): the expert reviewing the demo filing in 市级审核 reads
    /// its contract's provider with the phone masked (138****5678's rule: the first three and last four kept when four stay
    /// hidden), the city reads it whole. The review page once wrote its own copy of the table, unmasked.</summary>
    [Fact]
    public async Task The_expert_reads_the_providers_phone_masked_and_the_city_reads_it_whole()
    {
        const string phone = "0571-88880000";   // the demo contract's 乙方联系电话 (FilingDemoData)
        var listed = await (await app.As("hz-city")).GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/filings?search={Uri.EscapeDataString("质量追溯与设备联网改造项目")}");
        var id = listed.GetProperty("items")[0].GetProperty("id").GetGuid();

        var review = await (await app.SignedIn("hz-expert")).GetDocument($"/filings/{id}/review");
        var providers = review.QuerySelector("#providers")!.TextContent;
        Assert.Contains("杭州数智转型服务有限公司（演示）", providers);
        Assert.Contains("057******0000", providers);
        Assert.DoesNotContain(phone, review.Body!.TextContent);

        var filing = await (await app.SignedIn("hz-city")).GetDocument($"/filings/{id}");
        Assert.Contains(phone, filing.QuerySelector("#providers")!.TextContent);
    }
}
