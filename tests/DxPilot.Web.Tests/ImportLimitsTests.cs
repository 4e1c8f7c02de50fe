using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Bench.Imports;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// Hostile sheets (small files that expand hugely, millions of rows, thousands of columns, a giant shared-strings table) are
/// refused with the limit they broke, as a 422 in Chinese, before any row is imported. How much memory and time the server
/// spends on them is measured by `bench import-bombs`, not here.
/// </summary>
public abstract class ImportLimitsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    public static TheoryData<string> Hostile => ["expanded", "rows", "columns", "shared-strings", "long-cell"];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_sheet_is_refused_naming_the_limit_it_breaks(string kind)
    {
        var limits = SheetLimits.Default;
        var (file, expected) = kind switch
        {
            "expanded" => (HostileSheets.ExpandedSheet(256), $"文件展开后超过 {limits.MaxExpandedBytes / 1024 / 1024} MB"),
            "rows" => (HostileSheets.ManyRows(limits.MaxRows + 1), $"表格超过 {limits.MaxRows} 行"),
            "columns" => (HostileSheets.ManyColumns(20_000), $"表格超过 {limits.MaxColumns} 列"),
            "shared-strings" => (HostileSheets.HugeSharedStrings(24), $"文件中的文字或格式信息展开后超过 {limits.MaxPartBytes / 1024 / 1024} MB"),
            _ => (HostileSheets.LongCell(1024), SheetLimits.TokenTooLong),
        };
        Assert.True(file.Length < SheetReader.MaxBytes, $"{kind}: {file.Length} bytes");
        var city = await app.As("hz-city");
        var before = (await city.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=1")).GetProperty("total").GetInt32();

        var title = await ImportExportTests<TApp>.Refusal(await Upload(city, file));
        Assert.StartsWith(expected, title);
        Assert.Equal(before, (await city.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_sheet_of_exactly_the_row_limit_is_read()
    {
        // Rows with only a name are each refused (no district), but the file itself is within the limit.
        var city = await app.As("hz-city");
        var response = await Upload(city, HostileSheets.ManyRows(SheetLimits.Default.MaxRows));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SheetLimits.Default.MaxRows, report.GetProperty("totalRows").GetInt32());
        Assert.Equal(SheetLimits.Default.MaxRows, report.GetProperty("refused").GetInt32());
    }

    [Fact]
    public void A_zip_entry_that_expands_past_what_its_header_declares_is_cut_there_and_refused_as_damaged()
    {
        var lying = HostileSheets.LyingAboutSizes(HostileSheets.ExpandedSheet(4));
        var ex = Assert.Throws<UnreadableSheetException>(() => SheetReader.Open(lying, "名单.xlsx", EnterpriseSheetColumns.IsHeaderRow));
        Assert.Equal("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或加密", ex.Message);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "名单.xlsx");
        return await client.PostAsync("/api/enterprises/import", form);
    }
}

public sealed class ImportLimitsTestsOnSqlite(SqliteApp app) : ImportLimitsTests<SqliteApp>(app);

public sealed class ImportLimitsTestsOnPostgres(PostgresApp app) : ImportLimitsTests<PostgresApp>(app);
