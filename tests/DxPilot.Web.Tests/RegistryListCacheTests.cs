using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// The enterprise list keeps its pages per registry generation (RegistryListCache): a list read just before a change must show
/// the change just after it, whatever wrote it. (Assignments moving a provider's list: <see cref="AssignmentTests{TApp}"/>; an
/// edit through another copy of the platform: <see cref="TwoCopiesTests"/>.)
/// </summary>
public abstract class RegistryListCacheTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static readonly string C = ((char)Random.Shared.Next(0x9E00, 0x9E40)).ToString();

    private static async Task<JsonElement> List(HttpClient client, string search) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/enterprises?search={Uri.EscapeDataString(search)}", TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_edit_shows_on_the_lists_read_just_before_it()
    {
        var city = await app.As("hz-city");
        var district = await app.As("hz-binjiang");
        var name = $"{C}缓存修改{Random.Shared.Next(100_000, 999_999)}有限公司";
        var created = await (await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise(name, employees: 120), TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        // Read twice each, so that the second read is the kept page.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(120, (await List(city, name)).GetProperty("items")[0].GetProperty("employees").GetInt32());
            Assert.Equal(120, (await List(district, name)).GetProperty("items")[0].GetProperty("employees").GetInt32());
        }

        var body = JsonSerializer.SerializeToNode(TestData.Enterprise(name, created.GetProperty("uscc").GetString(), employees: 350))!.AsObject();
        body["version"] = created.GetProperty("version").GetInt32();
        (await city.PutAsJsonAsync($"/api/enterprises/{created.GetProperty("id").GetString()}", body, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        Assert.Equal(350, (await List(city, name)).GetProperty("items")[0].GetProperty("employees").GetInt32());
        Assert.Equal(350, (await List(district, name)).GetProperty("items")[0].GetProperty("employees").GetInt32());
    }

    [Fact]
    public async Task A_new_file_is_listed_and_counted_at_once()
    {
        var city = await app.As("hz-city");
        var prefix = $"{C}缓存新建{Random.Shared.Next(1000, 9999)}";
        await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise(prefix + "甲有限公司"), TestContext.Current.CancellationToken);
        Assert.Equal(1, (await List(city, prefix)).GetProperty("total").GetInt32());
        Assert.Equal(1, (await List(city, prefix)).GetProperty("total").GetInt32());

        await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise(prefix + "乙有限公司"), TestContext.Current.CancellationToken);
        var after = await List(city, prefix);
        Assert.Equal(2, after.GetProperty("total").GetInt32());
        Assert.Equal([prefix + "乙有限公司", prefix + "甲有限公司"],
            after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray());
    }
}

public sealed class RegistryListCacheTestsOnSqlite(SqliteApp app) : RegistryListCacheTests<SqliteApp>(app);

public sealed class RegistryListCacheTestsOnPostgres(PostgresApp app) : RegistryListCacheTests<PostgresApp>(app);

/// <summary>The kept pages themselves: one per generation, scope and query, never shared across scopes.</summary>
public sealed class RegistryListCacheScopeTests
{
    private static readonly Actor City = new("u1", "市局", Role.CityBureau, "hangzhou-2024");
    private static readonly Actor Binjiang = new("u2", "滨江区", Role.DistrictBureau, "hangzhou-2024", "滨江区");
    private static readonly Actor Xihu = new("u3", "西湖区", Role.DistrictBureau, "hangzhou-2024", "西湖区");
    private static readonly Actor ProviderA = new("u4", "服务商甲", Role.ServiceProvider, "hangzhou-2024", OrganisationId: Guid.NewGuid());
    private static readonly Actor ProviderB = new("u5", "服务商乙", Role.ServiceProvider, "hangzhou-2024", OrganisationId: Guid.NewGuid());

    [Fact]
    public async Task A_page_is_computed_once_per_generation_scope_and_query_and_never_served_to_another_scope()
    {
        var cache = new RegistryListCache();
        var computed = 0;
        Task<Page<EnterpriseRow>> Compute() => Task.FromResult(new Page<EnterpriseRow>([], ++computed, 1, 20));
        var query = new EnterpriseQuery { Search = "科技" };
        async Task<int> Get(long generation, Actor actor, EnterpriseQuery q) => (await cache.GetOrComputeAsync(generation, actor, q, Compute, TestContext.Current.CancellationToken)).Total;

        var first = await Get(7, City, query);
        Assert.Equal(first, await Get(7, City, query));
        // Another person of the same scope reads the same page.
        Assert.Equal(first, await Get(7, City with { UserId = "u9", Name = "市局另一人" }, query));
        Assert.Equal(1, computed);

        // A new generation, another query, another district, another organisation, another role: each computed afresh.
        Assert.NotEqual(first, await Get(8, City, query));
        Assert.NotEqual(first, await Get(8, City, query with { PageNumber = 2 }));
        var binjiang = await Get(8, Binjiang, query);
        Assert.NotEqual(binjiang, await Get(8, Xihu, query));
        var provider = await Get(8, ProviderA, query);
        Assert.NotEqual(provider, await Get(8, ProviderB, query));
        Assert.NotEqual(provider, await Get(8, ProviderA with { Role = Role.EvaluationAgency }, query));
        Assert.Equal(8, computed);
    }
}

public sealed class RegistryListCacheConcurrencyTests
{
    private static readonly Actor City = new("u1", "市局", Role.CityBureau, "hangzhou-2024");

    [Fact]
    public async Task Requests_arriving_while_a_page_is_computed_wait_for_that_one_computation()
    {
        var cache = new RegistryListCache();
        var gate = new TaskCompletionSource();
        var computed = 0;
        async Task<Page<EnterpriseRow>> Compute()
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            return new Page<EnterpriseRow>([], 42, 1, 20);
        }
        var waiting = Enumerable.Range(0, 30).Select(_ => cache.GetOrComputeAsync(1, City, new EnterpriseQuery(), Compute, TestContext.Current.CancellationToken)).ToList();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        gate.SetResult();
        Assert.All(await Task.WhenAll(waiting), p => Assert.Equal(42, p.Total));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task When_the_computing_request_gives_up_a_waiting_one_computes_its_own()
    {
        var cache = new RegistryListCache();
        var gate = new TaskCompletionSource();
        var first = cache.GetOrComputeAsync(1, City, new EnterpriseQuery(), async () =>
        {
            await gate.Task;
            throw new OperationCanceledException("客户端已断开");
        }, TestContext.Current.CancellationToken);
        var second = cache.GetOrComputeAsync(1, City, new EnterpriseQuery(), () => Task.FromResult(new Page<EnterpriseRow>([], 7, 1, 20)), TestContext.Current.CancellationToken);
        gate.SetResult();
        await Assert.ThrowsAsync<OperationCanceledException>(() => first);
        Assert.Equal(7, (await second).Total);
    }
}

/// <summary>The generation moves only in the save steps: no source file writes enterprise files or assignments around the change
/// tracker, or a list kept at the old generation would outlive the change.</summary>
public sealed class RegistryGenerationBypassTests
{
    [Fact]
    public void No_code_writes_enterprises_or_assignments_around_the_change_tracker()
    {
        var bulk = TrackerBypass.Bulk("Enterprises", "Assignments");
        var raw = TrackerBypass.Raw("Enterprises", "Assignments");
        Assert.Empty(TrackerBypass.Offenders(bulk, raw));
        Assert.Matches(bulk, "await db.Assignments.Where(a => a.Id == id)\n    .ExecuteDeleteAsync(ct);");
        Assert.Matches(raw, "DELETE FROM \"Assignments\" WHERE \"Id\" = @id");
    }
}
