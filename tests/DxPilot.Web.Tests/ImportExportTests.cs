using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>Importing bureaus' sheets and exporting the list.</summary>
public abstract class ImportExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/enterprises/import", form);
    }

    /// <summary>A file that cannot be imported at all is a 422 whose title is the Chinese reason, with the failed job's report.</summary>
    internal static async Task<string> Refusal(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Failed", problem.GetProperty("report").GetProperty("status").GetString());
        var title = problem.GetProperty("title").GetString()!;
        Assert.Equal(title, problem.GetProperty("report").GetProperty("fileError").GetString());
        return title;
    }

    [Fact]
    public async Task Good_rows_are_imported_bad_rows_reported_with_row_and_reason_and_a_second_import_changes_nothing()
    {
        var city = await app.As("hz-city");
        var u1 = TestData.NewUscc();
        var u2 = TestData.NewUscc();
        var xlsx = TestSheets.Xlsx(
            ["杭州市中小企业数字化转型城市试点企业名单"],
            ["序号", "企业名称", "统一社会信用代码", "企业所属区、县(市)", "细分行业类别", "联系人", "联系方式", "2023年主营业务收入(万元)", "从业人员"],
            ["1", "导入测试甲有限公司", u1, "滨江区", "汽车零部件", "李四", "13900001111", "2600", "320"],
            ["2", "导入测试乙有限公司", u2.ToLowerInvariant(), "西湖区", "通信设备制造", "王五", "0571-85257095", "450", "60"],
            ["3", "导入测试丙有限公司", "91330100799655058C", "滨江区", "汽车零部件", null, null, null, null],
            ["4", "导入测试丁有限公司", null, "火星区", "汽车零部件", null, null, null, null],
            ["5", "导入测试戊有限公司", null, "滨江区", "汽车零部件", null, null, "=1+1", null],
            ["6", "导入测试己有限公司", null, "滨江区", "汽车零部件", null, null, null, "#N/A"],
            ["7", "导入测试庚有限公司", null, "滨江区", "汽车零部件", null, null, "-5", "abc"],
            ["8", "导入测试甲有限公司（重复）", u1, "滨江区", "汽车零部件", null, null, null, null]);

        var first = await (await Upload(city, xlsx, "名单.xlsx")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Completed", first.GetProperty("status").GetString());
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        var problems = first.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("row").GetInt32(), p => p.GetProperty("reason").GetString()!);
        Assert.Contains("校验位", problems[5]);
        Assert.Contains("火星区", problems[6]);
        Assert.Contains("公式", problems[7]);
        Assert.Contains("错误值", problems[8]);
        Assert.Contains("不能为负数", problems[9]);
        Assert.Contains("整数", problems[9]);
        Assert.Contains("第3行重复", problems[10]);

        var second = await (await Upload(city, xlsx, "名单.xlsx")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("updated").GetInt32());
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());

        var listed = await city.GetFromJsonAsync<JsonElement>("/api/enterprises?search=" + Uri.EscapeDataString("导入测试"));
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        // 320 people and 2600万元: 中型 (≥300 and ≥2000).
        var jia = listed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("uscc").GetString() == u1);
        Assert.Equal("Medium", jia.GetProperty("size").GetString());
    }

    [Fact]
    public async Task The_binjiang_reference_list_is_demo_data_with_uscc_pending_and_reimports_by_name_without_duplicates()
    {
        var city = await app.As("hz-city");
        var pending = await city.GetFromJsonAsync<JsonElement>("/api/enterprises?missingUscc=true&district=" + Uri.EscapeDataString("滨江区") + "&pageSize=100");
        // 49 listed, less the five demo filers given invented codes so that their filings pass eligibility (docs/filing.md).
        Assert.True(pending.GetProperty("total").GetInt32() >= 44);
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "欧蒙(杭州)医学实验诊断有限公司");

        var csv = Encoding.UTF8.GetBytes("序号,企业名称,所属区县,行业\n1,杭州热威汽车零部件有限公司,滨江区,汽车零部件\n");
        var report = await (await Upload(city, csv, "附件3.csv")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(1, report.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task A_sheet_without_required_columns_is_refused_naming_them()
    {
        var city = await app.As("hz-city");
        var xlsx = TestSheets.Xlsx(["企业名称", "地区", "类别"], ["某公司", "滨江区", "汽车零部件"]);
        var error = await Refusal(await Upload(city, xlsx, "改了表头.xlsx"));
        Assert.Contains("所属区县", error);
        Assert.Contains("行业", error);
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused()
    {
        var city = await app.As("hz-city");
        Assert.Contains("不是 Excel", await Refusal(await Upload(city, Encoding.UTF8.GetBytes("%PDF-1.4 not a sheet"), "名单.xlsx")));
        Assert.Contains("不支持", await Refusal(await Upload(city, Encoding.UTF8.GetBytes("%PDF-1.4"), "名单.pdf")));
    }

    [Fact]
    public async Task A_50_MB_upload_is_refused_by_the_stated_limit()
    {
        var city = await app.As("hz-city");
        var response = await Upload(city, new byte[50 * 1024 * 1024], "大文件.xlsx");
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Only_bureaus_import()
    {
        var provider = await app.As("hz-provider");
        var csv = Encoding.UTF8.GetBytes("企业名称,所属区县,行业\n越权导入公司,滨江区,汽车零部件\n");
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(provider, csv, "a.csv")).StatusCode);
    }

    [Fact]
    public async Task Export_is_a_valid_xlsx_of_the_filtered_list_where_formula_like_names_stay_text()
    {
        var city = await app.As("hz-city");
        var created = await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("=HYPERLINK(\"http://x\",\"点我\")公司"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var response = await city.GetAsync("/api/enterprises/export?search=" + Uri.EscapeDataString("HYPERLINK"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        // Named as the other exports are: the list, its scope, and the Beijing time it was taken to the minute.
        Assert.Matches(@"^企业名单（全市）\d{4}年\d{1,2}月\d{1,2}日\d{2}时\d{2}分\.xlsx$", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(2, rows.Count); // header + the one match
        var nameCell = rows[1].Elements<Cell>().Single(c => c.CellReference == "B2");
        Assert.Equal(CellValues.InlineString, nameCell.DataType!.Value);
        Assert.Equal("=HYPERLINK(\"http://x\",\"点我\")公司", nameCell.InnerText);
    }

    // A sheet filtered to one district was named and headed （全市）, and an enterprise's own file too.
    [Fact]
    public async Task Each_export_is_named_for_the_rows_it_holds()
    {
        static string Name(HttpResponseMessage r) => r.Content.Headers.ContentDisposition!.FileNameStar!;
        var city = await app.As("hz-city");
        Assert.StartsWith("企业名单（西湖区）", Name(await city.GetAsync("/api/enterprises/export?district=" + Uri.EscapeDataString("西湖区"))));
        Assert.Contains("（西湖区）", Name(await city.GetAsync("/api/filings/annex5.xlsx?district=" + Uri.EscapeDataString("西湖区"))));
        var payments = await city.GetAsync("/api/projects/payments.xlsx?district=" + Uri.EscapeDataString("西湖区"));
        Assert.StartsWith("资金拨付明细（西湖区）", Name(payments));
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await payments.Content.ReadAsByteArrayAsync()), false))
            Assert.Contains("（西湖区）　导出日期", doc.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText);
        Assert.StartsWith("企业名单（全市）", Name(await city.GetAsync("/api/enterprises/export")));
        // A provincial programme's department exports the province's rows.
        Assert.StartsWith("企业名单（全省）", Name(await (await app.As("hlj-city")).GetAsync("/api/enterprises/export")));
        Assert.StartsWith("企业名单（滨江区）", Name(await (await app.As("hz-binjiang")).GetAsync("/api/enterprises/export")));
        var enterprise = await app.As("hz-enterprise");
        Assert.DoesNotContain("全市", Name(await enterprise.GetAsync("/api/enterprises/export")));
    }
}

public sealed class ImportExportTestsOnSqlite(SqliteApp app) : ImportExportTests<SqliteApp>(app);

public sealed class ImportExportTestsOnPostgres(PostgresApp app) : ImportExportTests<PostgresApp>(app);
