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
        Assert.Equal("accepted", (await Listed(city, WaitingForAudit)).GetProperty("state").GetString());
        Assert.Equal("approved", (await Listed(city, HalfPaid)).GetProperty("state").GetString());

        var page = await (await app.SignedIn("hz-city")).GetDocument("/projects/payments");
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

    /// <summary>Whoever moves the project on reads what remains; the enterprise also reads whose step it is, not a task of its own.</summary>
    [Theory]
    [InlineData("hz-city", HalfPaid, "进入下一步前还需完成（1项）：")]
    [InlineData("hz-enterprise6", HalfPaid, "下一步由市工信主管部门办理，尚需完成（1项）：")]
    [InlineData("hz-audit", WaitingForAudit, "进入下一步前还需完成（4项）：")]
    [InlineData("hz-enterprise5", WaitingForAudit, "下一步由第三方审计机构办理，尚需完成（4项）：")]
    public async Task The_next_step_names_whose_it_is_to_those_who_cannot_take_it(string user, string project, string lead)
    {
        var id = (await Listed(await app.As("hz-city"), project)).GetProperty("id").GetGuid();
        var page = await (await app.SignedIn(user)).GetDocument($"/projects/{id}");
        Assert.Equal(lead, page.QuerySelector("#missing-lead")!.TextContent.Trim());
        // 尚有15.12万元未拨付; an audit report and three invoices' categories.
        Assert.Equal(project == HalfPaid ? 1 : 4, page.QuerySelectorAll("#missing li").Length);
    }

    /// <summary>The demo project's one row in the project list.</summary>
    private static async Task<JsonElement> Listed(HttpClient client, string project)
    {
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/projects?search={Uri.EscapeDataString(project)}");
        return Assert.Single(listed.GetProperty("items").EnumerateArray());
    }

}

public sealed class ProjectDemoDataTestsOnSqlite(SqliteApp app) : ProjectDemoDataTests<SqliteApp>(app);

public sealed class ProjectDemoDataTestsOnPostgres(PostgresApp app) : ProjectDemoDataTests<PostgresApp>(app);
