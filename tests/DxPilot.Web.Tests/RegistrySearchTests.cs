using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The registry's search box: a fragment of a name, USCC, contact or phone finds exactly the files containing it (the
/// PostgreSQL gram index must neither drop nor add any), and phones a viewer sees masked cannot be searched.
/// </summary>
public abstract class RegistrySearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    // Two rare characters (鼋 U+9F0B … 鼯 U+9F2F) no demo or fixture name uses, different on every run.
    private static readonly string A = ((char)Random.Shared.Next(0x9F0B, 0x9F1D)).ToString();
    private static readonly string B = ((char)Random.Shared.Next(0x9F1D, 0x9F2F)).ToString();
    // The other tests' names: kept apart from A and B, which the first test counts.
    private static readonly string C = ((char)Random.Shared.Next(0x9F30, 0x9F40)).ToString();

    private async Task<string> Create(HttpClient city, string name, string phone, string? uscc = null)
    {
        var response = await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise(name, uscc, phone: phone));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()!;
    }

    private static async Task<List<string>> Search(HttpClient client, string fragment)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises?pageSize=100&search={Uri.EscapeDataString(fragment)}");
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order()];
    }

    [Fact]
    public async Task One_to_four_character_fragments_find_exactly_the_names_containing_them()
    {
        var city = await app.As("hz-city");
        var ab = await Create(city, $"{A}{B}汽车零部件有限公司", "13600000001");
        var ba = await Create(city, $"杭州{B}{A}科技有限公司", "13600000002");
        var apart = await Create(city, $"{A}甲{B}电子有限公司", "13600000003");
        // Every bigram of "AB汽" (AB, B汽) is here, but not the fragment itself: the index may offer it, the match must refuse it.
        var trap = await Create(city, $"{A}{B}科技{B}汽配有限公司", "13600000004");

        Assert.Equal(new[] { ab, ba, apart, trap }.Order(), await Search(city, A));
        Assert.Equal(new[] { ab, trap }.Order(), await Search(city, A + B));
        Assert.Equal([ba], await Search(city, B + A));
        Assert.Equal([ab], await Search(city, A + B + "汽"));
        Assert.Equal([ab], await Search(city, A + B + "汽车"));
        Assert.Equal([trap], await Search(city, B + "汽配"));
        Assert.Empty(await Search(city, A + "汽"));
        // Wildcards are literal characters, not patterns.
        Assert.Empty(await Search(city, A + "%"));
        Assert.Empty(await Search(city, A + "_"));
    }

    [Fact]
    public async Task A_search_counts_no_further_than_the_limit_and_says_so_while_filters_count_exactly()
    {
        var city = await app.As("hz-city");
        var d = ((char)Random.Shared.Next(0x9F40, 0x9F50)).ToString();
        for (var i = 1; i <= 5; i++) await Create(city, $"{d}限额{i}号有限公司", $"1370000000{i}");
        var bureau = new Actor("t-city", "杭州市经信局（测试）", Role.CityBureau, "hangzhou-2024");
        await using var scope = app.ScopeAs(bureau);
        var registry = ActivatorUtilities.CreateInstance<EnterpriseService>(scope.ServiceProvider, new RegistrySettings(SearchCountLimit: 3), new RegistryListCache());

        // Five match: the count stops after three and says there are more.
        var broad = await registry.ListAsync(bureau, new EnterpriseQuery { Search = d }, TestContext.Current.CancellationToken);
        Assert.Equal((3, true), (broad.Total, broad.TotalCapped));
        // One matches: an exact count.
        var narrow = await registry.ListAsync(bureau, new EnterpriseQuery { Search = d + "限额2" }, TestContext.Current.CancellationToken);
        Assert.Equal((1, false), (narrow.Total, narrow.TotalCapped));
        // Without a search the count is exact, however many there are.
        var all = await registry.ListAsync(bureau, new EnterpriseQuery { District = "滨江区" }, TestContext.Current.CancellationToken);
        Assert.False(all.TotalCapped);
        Assert.True(all.Total > 3);
    }

    [Fact]
    public async Task Uscc_and_phone_fragments_are_found_whatever_their_width_and_case()
    {
        var city = await app.As("hz-city");
        var uscc = TestData.NewUscc();
        var phone = "1" + Random.Shared.NextInt64(3_000_000_000, 9_999_999_999);
        var name = await Create(city, $"{C}信用代码检索有限公司", phone, uscc);

        Assert.Equal([name], await Search(city, uscc[8..16].ToLowerInvariant()));
        Assert.Equal([name], await Search(city, uscc[9..]));
        Assert.Equal([name], await Search(city, phone[2..9]));
        // Full-width digits as typed with a Chinese input method.
        Assert.Equal([name], await Search(city, string.Concat(phone[3..10].Select(c => (char)(c + 0xFEE0)))));
        Assert.Empty(await Search(city, phone[2..9] + "0" + C));
    }

    [Fact]
    public async Task A_role_that_sees_phones_masked_cannot_find_a_file_by_its_hidden_digits()
    {
        var city = await app.As("hz-city");
        // The file's own code must not hold the searched digits, or it would be found by its code, rightly. The phone is drawn
        // again, not the code: every code of the region holds 133 (91330108…), so redrawing the code could loop for ever.
        var uscc = TestData.NewUscc();
        string phone;
        do phone = "1" + Random.Shared.NextInt64(3_000_000_000, 9_999_999_999);
        while (uscc.Contains(phone[..3]) || uscc.Contains(phone[3..7]));
        var name = await Create(city, $"{C}电话检索有限公司", phone, uscc);
        var thinkTank = await app.As("hz-thinktank");

        // The think tank reads every file but sees 1xx****xxxx: no digit of the phone, hidden or shown, may find this file.
        // (Only this file is asserted: four random digits may well occur in another file's code or phone.)
        Assert.DoesNotContain(name, await Search(thinkTank, phone[3..7]));
        Assert.DoesNotContain(name, await Search(thinkTank, phone));
        Assert.DoesNotContain(name, await Search(thinkTank, phone[..3]));
        Assert.Equal([name], await Search(thinkTank, $"{C}电话"));
        // The city bureau sees the number, so it may search by it.
        Assert.Contains(name, await Search(city, phone[3..7]));
        Assert.Equal([name], await Search(city, phone));
    }
}

public sealed class RegistrySearchTestsOnSqlite(SqliteApp app) : RegistrySearchTests<SqliteApp>(app);

public sealed class RegistrySearchTestsOnPostgres(PostgresApp app) : RegistrySearchTests<PostgresApp>(app);
