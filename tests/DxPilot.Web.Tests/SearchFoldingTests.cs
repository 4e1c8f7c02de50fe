using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// Every list's search reads a name as the enterprise registry's does: case and full-width letters do not matter ("mes" and
/// "ｍｅｓ" find "MES"), and the 机构名录 finds a 统一社会信用代码 by any part of it. Before, only the registry did; the other
/// lists compared the typed text exactly.
/// </summary>
public abstract class SearchFoldingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private async Task<int> TotalAsync(string user, string path, string search) =>
        (await (await app.As(user)).GetFromJsonAsync<JsonElement>($"{path}{(path.Contains('?') ? '&' : '?')}search={Uri.EscapeDataString(search)}"))
            .GetProperty("total").GetInt32();

    [Theory]
    [InlineData("hz-city", "/api/filings", "MES", "mes")]
    [InlineData("hz-city", "/api/projects", "ERP", "ｅｒｐ")]
    [InlineData("cc-city", "/api/catalogue/products", "MES", "ｍｅｓ")]
    [InlineData("hz-city", "/api/accounts", "hz-city", "HZ-CITY")]
    public async Task A_search_finds_the_same_whatever_the_case_or_width(string user, string path, string typed, string folded)
    {
        var found = await TotalAsync(user, path, typed);
        Assert.True(found > 0, $"{path}: the demo data has a match for {typed}");
        Assert.Equal(found, await TotalAsync(user, path, folded));
    }

    [Fact]
    public async Task The_registry_finds_an_organisation_by_part_of_its_code()
    {
        var list = await (await app.As("cc-city")).GetFromJsonAsync<JsonElement>("/api/organisations");
        var registered = list.GetProperty("items").EnumerateArray().First(o => o.GetProperty("uscc").ValueKind == JsonValueKind.String);
        var code = registered.GetProperty("uscc").GetString()!;
        var found = await (await app.As("cc-city")).GetFromJsonAsync<JsonElement>($"/api/organisations?search={code[..12].ToLowerInvariant()}");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), o => o.GetProperty("uscc").GetString() == code);
    }
}

public sealed class SearchFoldingTestsOnSqlite(SqliteApp app) : SearchFoldingTests<SqliteApp>(app);

public sealed class SearchFoldingTestsOnPostgres(PostgresApp app) : SearchFoldingTests<PostgresApp>(app);
