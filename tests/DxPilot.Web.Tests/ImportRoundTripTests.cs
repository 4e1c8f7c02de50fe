using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// Export, edit in Excel, import back: what is on file survives the trip. The export's 待补充 and a sheet's blank-like markers
/// keep stored values, 〔清空〕 is the one way to empty a field, and a row whose enterprise was edited in the platform after the
/// export is reported instead of overwriting that edit.
/// </summary>
public abstract class ImportRoundTripTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task An_untouched_export_imported_back_keeps_the_industry_code_entered_after_the_export()
    {
        var city = await app.As("hz-city");
        var name = Unique("往返甲");
        var created = await Create(city, TestData.Enterprise(name)); // 国民经济行业代码 left blank: the export writes 待补充
        var export = await Export(city, name);
        Assert.Equal("待补充", Cell(export, "国民经济行业代码"));

        // Someone fills it in between the export and the import (3670 is 汽车零部件 in the Hangzhou programme).
        await Edit(city, created, industryCode: "3670");

        var report = await Import(city, export);
        Assert.Equal("3670", (await Get(city, created)).GetProperty("industryCode").GetString());
        Assert.Equal(1, report.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, report.GetProperty("refused").GetInt32());
    }

    [Fact]
    public async Task A_row_changed_in_the_sheet_whose_enterprise_was_edited_after_the_export_is_reported_and_not_imported()
    {
        var city = await app.As("hz-city");
        var name = Unique("往返乙");
        var created = await Create(city, TestData.Enterprise(name));
        var export = await Export(city, name);
        await Edit(city, created, contactName: "赵六");           // in the platform, after the export
        var edited = WithCell(export, "联系人", "钱七");          // in the sheet

        var report = await Import(city, edited);
        Assert.Equal("赵六", (await Get(city, created)).GetProperty("contactName").GetString());
        Assert.Equal(1, report.GetProperty("refused").GetInt32());
        Assert.Equal(0, report.GetProperty("updated").GetInt32());
        var problem = Assert.Single(report.GetProperty("problems").EnumerateArray());
        Assert.Equal(2, problem.GetProperty("row").GetInt32());
        Assert.StartsWith("该企业在导出后已被修改（", problem.GetProperty("reason").GetString());
        Assert.Contains("本行未导入", problem.GetProperty("reason").GetString());

        // Exported again, the same edit goes through: the refusal is about the stale sheet, not the change.
        var fresh = WithCell(await Export(city, name), "联系人", "钱七");
        var second = await Import(city, fresh);
        Assert.Equal((1, 0), (second.GetProperty("updated").GetInt32(), second.GetProperty("refused").GetInt32()));
        Assert.Equal("钱七", (await Get(city, created)).GetProperty("contactName").GetString());
    }

    [Fact]
    public async Task Blank_like_markers_keep_stored_values_and_only_the_clear_marker_empties_a_field()
    {
        var city = await app.As("hz-city");
        var name = Unique("标记");
        var created = await Create(city, TestData.Enterprise(name));
        await Edit(city, created, industryCode: "3670");
        var csv = "企业名称,所属区县,行业,国民经济行业代码,联系人,联系电话,主营产品,注册地址,企业类别,从业人员\n" +
                  $"{name},滨江区,汽车零部件,待补充,暂无,-,/,〔清空〕,无,—\n";
        var report = await Import(city, Encoding.UTF8.GetBytes(csv), "标记.csv");

        var e = await Get(city, created);
        Assert.Equal("3670", e.GetProperty("industryCode").GetString());        // 待补充 keeps
        Assert.Equal("张三", e.GetProperty("contactName").GetString());         // 暂无 keeps
        Assert.Equal("13800001111", e.GetProperty("contactPhone").GetString()); // - keeps
        Assert.Equal("汽车零部件", e.GetProperty("mainProducts").GetString());   // / keeps
        Assert.Equal(120, e.GetProperty("employees").GetInt32());              // — keeps
        Assert.Equal(JsonValueKind.Null, e.GetProperty("registeredAddress").ValueKind); // 〔清空〕 empties
        Assert.Equal("None", e.GetProperty("qualityTier").GetString());        // 企业类别 “无” is an answer: none of the tiers
        Assert.Equal((1, 0), (report.GetProperty("updated").GetInt32(), report.GetProperty("refused").GetInt32()));
    }

    [Fact]
    public async Task A_code_registered_outside_the_district_is_answered_as_registered_without_naming_or_placing_the_enterprise()
    {
        var city = await app.As("hz-city");
        var uscc = TestData.NewUscc();
        var name = Unique("西湖辖区");
        await Create(city, TestData.Enterprise(name, uscc, district: "西湖区"));

        var binjiang = await app.As("hz-binjiang");
        var csv = $"企业名称,统一社会信用代码,所属区县,行业\n随便一个名字有限公司,{uscc},滨江区,汽车零部件\n";
        var report = await Import(binjiang, Encoding.UTF8.GetBytes(csv), "越区.csv");
        var reason = Assert.Single(report.GetProperty("problems").EnumerateArray()).GetProperty("reason").GetString()!;
        Assert.Equal("该统一社会信用代码已在本试点登记，未导入", reason);
        Assert.Equal(1, report.GetProperty("refused").GetInt32());
    }

    /// <summary>The form refuses a district bureau moving a file to another district; its import did the same move quietly (the file
    /// left the district's reach, and its filings and projects stayed with the old district).</summary>
    [Fact]
    public async Task A_district_sheet_naming_another_district_for_its_own_enterprise_is_refused_and_the_file_stays()
    {
        var binjiang = await app.As("hz-binjiang");
        var uscc = TestData.NewUscc();
        var name = Unique("滨江辖区");
        var id = await Create(binjiang, TestData.Enterprise(name, uscc, district: "滨江区"));

        var csv = $"企业名称,统一社会信用代码,所属区县,行业\n{name},{uscc},西湖区,汽车零部件\n";
        var report = await Import(binjiang, Encoding.UTF8.GetBytes(csv), "迁区.csv");

        var reason = Assert.Single(report.GetProperty("problems").EnumerateArray()).GetProperty("reason").GetString()!;
        Assert.Equal("您只能将企业登记在滨江区；跨区迁移请联系市工信主管部门", reason);
        Assert.Equal((0, 1), (report.GetProperty("updated").GetInt32(), report.GetProperty("refused").GetInt32()));
        Assert.Equal("滨江区", (await Get(binjiang, id)).GetProperty("district").GetString());

        var city = await app.As("hz-city");
        var moved = await Import(city, Encoding.UTF8.GetBytes(csv), "市级迁区.csv");
        Assert.Equal(1, moved.GetProperty("updated").GetInt32());
        Assert.Equal("西湖区", (await Get(city, id)).GetProperty("district").GetString());
    }

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)] + "有限公司";

    private static async Task<Guid> Create(HttpClient client, object enterprise)
    {
        var response = await client.PostAsJsonAsync("/api/enterprises", enterprise);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Get(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");

    /// <summary>Edits through the API as a person would: the file as read, one field changed, its version sent back.</summary>
    private static async Task Edit(HttpClient client, Guid id, string? industryCode = null, string? contactName = null)
    {
        var e = await Get(client, id);
        var body = new Dictionary<string, object?>
        {
            ["name"] = e.GetProperty("name").GetString(), ["uscc"] = e.GetProperty("uscc").GetString(),
            ["district"] = e.GetProperty("district").GetString(), ["industry"] = e.GetProperty("industryKey").GetString(),
            ["industryCode"] = industryCode ?? e.GetProperty("industryCode").GetString(),
            ["contactName"] = contactName ?? e.GetProperty("contactName").GetString(), ["contactPhone"] = e.GetProperty("contactPhone").GetString(),
            ["employees"] = e.GetProperty("employees").GetInt32(), ["revenueWan"] = e.GetProperty("revenueWan").GetDecimal(),
            ["registeredAddress"] = e.GetProperty("registeredAddress").GetString(), ["mainProducts"] = e.GetProperty("mainProducts").GetString(),
            ["aboveScale"] = e.GetProperty("aboveScale").GetBoolean(), ["qualityTier"] = e.GetProperty("qualityTier").GetString(),
            ["ownership"] = e.GetProperty("ownership").GetString(), ["version"] = e.GetProperty("version").GetInt32(),
        };
        var response = await client.PutAsJsonAsync($"/api/enterprises/{id}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<byte[]> Export(HttpClient client, string name)
    {
        var response = await client.GetAsync("/api/enterprises/export?search=" + Uri.EscapeDataString(name));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<JsonElement> Import(HttpClient client, byte[] content, string fileName = "往返.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/api/enterprises/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The export's one data row, the value under <paramref name="header"/>.</summary>
    private static string? Cell(byte[] xlsx, string header)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var column = ColumnName(rows[0].Elements<Cell>().ToList().FindIndex(c => c.InnerText == header));
        return rows[1].Elements<Cell>().SingleOrDefault(c => c.CellReference!.Value == column + "2")?.InnerText;
    }

    /// <summary>The export as Excel would save it after a person typed <paramref name="value"/> under <paramref name="header"/>.</summary>
    private static byte[] WithCell(byte[] xlsx, string header, string value)
    {
        var copy = new MemoryStream();
        copy.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(copy, true))
        {
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            var column = ColumnName(rows[0].Elements<Cell>().ToList().FindIndex(c => c.InnerText == header));
            var cell = rows[1].Elements<Cell>().Single(c => c.CellReference!.Value == column + "2");
            cell.DataType = CellValues.InlineString;
            cell.RemoveAllChildren();
            cell.AppendChild(new InlineString(new Text(value)));
        }
        return copy.ToArray();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}

public sealed class ImportRoundTripTestsOnSqlite(SqliteApp app) : ImportRoundTripTests<SqliteApp>(app);

public sealed class ImportRoundTripTestsOnPostgres(PostgresApp app) : ImportRoundTripTests<PostgresApp>(app);
