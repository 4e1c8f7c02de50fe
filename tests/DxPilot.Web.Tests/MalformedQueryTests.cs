using System.Net;
using System.Net.Http.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// No query string makes a 500: every page (found by its @page routes) with every query parameter it reads (found by
/// [SupplyParameterFromQuery], plus the ones lists read themselves) and the API's, each given each malformed value, by every
/// kind of visitor. A malformed value counts as absent; paging is clamped.
/// </summary>
public abstract class MalformedQueryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static readonly string[] MalformedValues = ["abc", "2147483647", "-2147483648", "99999999999", "1.5", "%00", "true%00", "%E4%B8"];

    /// <summary>Query parameters lists and endpoints read from the query collection themselves.</summary>
    private static readonly string[] ListParameters = ["page", "pageSize", "level", "stage", "size", "tier", "state", "target"];

    private static readonly string[] ApiPaths = ["/api/enterprises", "/api/enterprises/export", "/enterprises/export", "/api/assessments", "/api/assessments/{assessment}"];

    [Fact]
    public async Task No_page_or_api_answers_a_malformed_query_value_with_a_server_error()
    {
        var ids = await Ids();
        var visitors = new List<HttpClient> { app.Anonymous() };
        foreach (var user in new[] { "hz-city", "hlj-city", "hlj-enterprise" })
        {
            var client = await app.SignedIn(user);
            visitors.Add(client);
        }

        var failures = new List<string>();
        var requests = 0;
        foreach (var (path, parameters) in PlatformPages.All().Concat(ApiPaths.Select(p => (p, ListParameters.AsEnumerable()))))
        foreach (var parameter in parameters.Concat(ListParameters).Distinct())
        foreach (var value in MalformedValues)
        {
            var url = $"{Fill(path, ids)}?{parameter}={value}";
            foreach (var client in visitors)
            {
                requests++;
                try
                {
                    var response = await client.GetAsync(url);
                    if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {url}");
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                {
                    failures.Add($"{ex.GetType().Name} {url}");
                }
            }
        }
        Assert.True(requests > 1000, $"only {requests} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Paging_past_the_end_shows_the_last_page_and_below_one_the_first()
    {
        var client = await app.SignedIn("hz-city");
        // The 49 enterprises of the 滨江 reference list, 20 a page: 3 pages.
        foreach (var page in new[] { "99", "2147483647" })
        {
            var text = (await client.GetDocument($"/enterprises?page={page}")).QuerySelector("nav.pager")!.TextContent;
            Assert.Contains("第 3 / 3 页", text);
            Assert.Contains("上一页", text);
            Assert.DoesNotContain("下一页", text);
        }
        foreach (var page in new[] { "0", "-5", "abc" })
            Assert.Contains("第 1 / 3 页", (await client.GetDocument($"/enterprises?page={page}")).QuerySelector("nav.pager")!.TextContent);

        var api = await app.As("hz-city");
        var json = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/enterprises?page=2147483647&pageSize=100000")).RootElement;
        Assert.Equal(3, json.GetProperty("pageNumber").GetInt32());
        Assert.Equal(20, json.GetProperty("pageSize").GetInt32());
        Assert.Equal(9, json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Searches_holding_control_characters_on_the_catalogue_organisation_and_award_lists_are_answered()
    {
        // PostgreSQL refuses a NUL in text: each list must drop control characters from its search and filters itself.
        var award = await ShijiazhuangAward.CreateAsync(app);
        var sjz = await app.SignedIn(award.Users["city"]);
        var sjzApi = await app.As(award.Users["city"]);
        var cc = await app.SignedIn("cc-city");
        var ccApi = await app.As("cc-city");
        var organisation = (await ccApi.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/assignments/organisations"))[0].GetProperty("id").GetString();
        var checks = new (HttpClient Client, string Path)[]
        {
            (cc, $"/organisations/{organisation}?search={{0}}"), (ccApi, $"/api/organisations/{organisation}?search={{0}}"),
            (cc, "/catalogue/demand/enterprises?scenario=2.1.1&search={0}"), (cc, "/catalogue/pool?search={0}"), (cc, "/catalogue?search={0}"),
            (sjz, $"/awards?call={ShijiazhuangAward.Call}&search={{0}}&district={{0}}"),
            (sjzApi, $"/api/awards?call={ShijiazhuangAward.Call}&search={{0}}&district={{0}}&direction={{0}}"),
        };
        var failures = new List<string>();
        foreach (var (client, path) in checks)
        foreach (var value in new[] { "%00", "%20%00%20", "%E5%8D%8E%00", "%01%1F" })
        {
            var url = string.Format(path, value);
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{(int)response.StatusCode} {url}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Fill(string template, IReadOnlyDictionary<string, Guid> ids) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)(:\w+)?\}", m => m.Groups[1].Value switch
        {
            "Status" => "404",
            var name => ids.GetValueOrDefault(Kind(template, name)).ToString(),
        });

    private static string Kind(string template, string name) =>
        name is "EnterpriseId" || template.StartsWith("/enterprises/{", StringComparison.Ordinal) ? "enterprise"
        : template.StartsWith("/assessments/", StringComparison.Ordinal) || template.StartsWith("/api/assessments/", StringComparison.Ordinal) ? "assessment"
        : template.StartsWith("/benchmark/", StringComparison.Ordinal) ? "benchmark"
        : template.StartsWith("/enterprises/import/", StringComparison.Ordinal) ? "import"
        : name;

    private async Task<IReadOnlyDictionary<string, Guid>> Ids()
    {
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return new Dictionary<string, Guid>
        {
            ["enterprise"] = await db.Enterprises.Where(e => e.ProgrammeId == "hangzhou-2024").Select(e => e.Id).FirstAsync(),
            ["assessment"] = await db.Assessments.Select(a => a.Id).FirstOrDefaultAsync(),
            ["benchmark"] = await db.BenchmarkApplications.Select(a => a.Id).FirstOrDefaultAsync(),
            ["import"] = await db.ImportJobs.Select(j => j.Id).FirstOrDefaultAsync(),
        };
    }
}

public sealed class MalformedQueryTestsOnSqlite(SqliteApp app) : MalformedQueryTests<SqliteApp>(app);

public sealed class MalformedQueryTestsOnPostgres(PostgresApp app) : MalformedQueryTests<PostgresApp>(app);
