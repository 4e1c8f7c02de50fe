using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// The Hangzhou demo carries its two filed projects on (Features/Projects/ProjectDemoData): the first waits for hz-audit, the second
/// was audited, approved and half paid, so that the city's money pages show a payment and one still to record.
/// </summary>
public abstract class ProjectDemoDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string WaitingForAudit = "供应链协同与ERP升级项目";
    private const string HalfPaid = "设备联网与生产执行系统建设项目";

    [Fact]
    public async Task The_first_demo_project_waits_for_its_audit_and_the_second_for_the_rest_of_its_subsidy()
    {
        var city = await app.As("hz-city");
        Assert.Equal("accepted", await StateOf(city, WaitingForAudit));
        Assert.Equal("approved", await StateOf(city, HalfPaid));

        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.SignIn(browser, "hz-city")).StatusCode);
        var page = await browser.GetDocument("/projects/payments");
        var row = Assert.Single(page.QuerySelectorAll("#payment-list tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["滨江区", HalfPaid, "2026年第一批（演示）"], cells[1..4]);
        // The filing's 75.60万元 went to the MES licence, its implementation and four gateways (FilingDemoData), all counted as software
        // and data-collection equipment; the subsidy is 40 % of that spend, all of it central funds (DOMAIN.md §1, Hangzhou's money
        // block): 30.24万元, of which half was paid.
        Assert.Equal(["30.24", "30.24", "0.00", "15.12", "15.12"], cells[4..9]);
        // Paid on the day the demo was seeded.
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", cells[9]);
    }

    private static async Task<string> StateOf(HttpClient client, string project)
    {
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/projects?search={Uri.EscapeDataString(project)}");
        return Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("state").GetString()!;
    }
}

public sealed class ProjectDemoDataTestsOnSqlite(SqliteApp app) : ProjectDemoDataTests<SqliteApp>(app);

public sealed class ProjectDemoDataTestsOnPostgres(PostgresApp app) : ProjectDemoDataTests<PostgresApp>(app);
