using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DxPilot.Domain.Enterprises;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>Wherever an import is listed, its refused rows show: count, row numbers and reasons; and the template to fill.</summary>
public abstract class ImportHistoryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task A_file_with_five_of_six_rows_refused_shows_the_five_in_the_api_the_history_and_the_job_page()
    {
        var name = $"历史{Guid.NewGuid():N}"[..10] + "有限公司";
        // The walk-through's file: one good row, five that cannot be imported, saved by an older Excel as GB18030.
        var csv = "企业名称,所属区县,行业,统一社会信用代码,从业人员\n" +
                  $"{name},西湖区,汽车零部件,,\n" +
                  "历史乙有限公司,火星区,汽车零部件,,\n" +
                  "历史丙有限公司,西湖区,不存在的行业,,\n" +
                  "历史丁有限公司,西湖区,汽车零部件,91330100799655058C,\n" +
                  "历史戊有限公司,西湖区,汽车零部件,,很多\n" +
                  ",西湖区,汽车零部件,,\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xihu = await app.As("hz-xihu");
        var report = await Upload(xihu, Encoding.GetEncoding("GB18030").GetBytes(csv), "imp-gbk.csv");
        Assert.Equal((1, 0, 0, 5), (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("unchanged").GetInt32(), report.GetProperty("refused").GetInt32()));
        Assert.Equal([3, 4, 5, 6, 7], report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("row").GetInt32()));
        var id = report.GetProperty("id").GetGuid();

        var again = await xihu.GetFromJsonAsync<JsonElement>($"/api/enterprises/import/{id}");
        Assert.Equal(5, again.GetProperty("refused").GetInt32());
        Assert.Contains("火星区", again.GetProperty("problems")[0].GetProperty("reason").GetString());

        var browser = await app.SignedIn("hz-xihu");
        var history = await browser.GetDocument("/enterprises/import");
        var headers = history.QuerySelectorAll("table.grid thead th").Select(th => th.TextContent.Trim()).ToList();
        var row = history.QuerySelectorAll("table.grid tbody tr").Single(tr => tr.QuerySelector($"a[href='/enterprises/import/{id}']") is not null);
        Assert.Equal("5", row.QuerySelectorAll("td")[headers.IndexOf("未导入")].TextContent.Trim());

        var page = await browser.GetDocument($"/enterprises/import/{id}");
        Assert.Contains("未导入 5 行", page.QuerySelector("#import-counts")!.TextContent);
        var listed = page.QuerySelectorAll("#import-problems tbody tr").Select(tr => tr.QuerySelector("td")!.TextContent.Trim()).ToList();
        Assert.Equal(["3", "4", "5", "6", "7"], listed);
    }

    [Fact]
    public async Task Every_refused_row_of_a_long_file_is_stored_and_counted()
    {
        // 1,200 rows across three batches, every one refused (no such district): each is its own stored problem.
        var csv = new StringBuilder("企业名称,所属区县,行业\n");
        for (var i = 1; i <= 1200; i++) csv.Append($"长表{i}有限公司,火星区,汽车零部件\n");
        var report = await Upload(await app.As("hz-city"), Encoding.UTF8.GetBytes(csv.ToString()), "长表.csv");
        Assert.Equal(1200, report.GetProperty("refused").GetInt32());
        Assert.Equal(1200, report.GetProperty("processedRows").GetInt32());
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("row").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(2, 1000), problems); // the report lists the first 1,000 in row order; the count says 1,200
    }

    [Fact]
    public async Task The_template_has_exactly_the_columns_the_importer_reads_and_a_filling_guide()
    {
        var city = await app.As("hz-city");
        var response = await city.GetAsync("/api/enterprises/import/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["企业名单", "填表说明"], sheets.Select(s => s.Name!.Value));
        var list = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet;
        var headers = list.Descendants<Row>().Single().Elements<Cell>().Select(c => c.InnerText).ToList();

        // Every field of an enterprise file, once, and each header read back as that field with nothing ignored.
        Assert.Equal(EnterpriseForm.Labels.Count, headers.Count);
        var mapping = EnterpriseSheetColumns.Map(headers);
        Assert.Empty(mapping.Ignored);
        Assert.Empty(mapping.MissingRequired);
        Assert.Equal(EnterpriseForm.Labels.Keys.Order(), mapping.FieldByColumn.Values.Order());

        var guide = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.InnerText;
        Assert.Contains("滨江区", guide);       // the caller's programme's districts
        Assert.Contains("汽车零部件", guide);   // and industries
        Assert.Contains("〔清空〕", guide);
        Assert.Contains("待补充", guide);
    }

    private static async Task<JsonElement> Upload(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/api/enterprises/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class ImportHistoryTestsOnSqlite(SqliteApp app) : ImportHistoryTests<SqliteApp>(app);

public sealed class ImportHistoryTestsOnPostgres(PostgresApp app) : ImportHistoryTests<PostgresApp>(app);
