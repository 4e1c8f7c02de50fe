using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>An enterprise's needs (issue 13 item 3): the enterprise and the provider assigned to it write them (the provider's during
/// its open diagnosis record it), the bureaus in scope and the think tank read them, everyone else finds nothing; the refusals name
/// what to fix; a removal is kept in the audit trail; HTML is shown as text; the industry's common needs are adopted in one click;
/// and the diagnosis report's 表9 takes them grouped by level-1 scenario.</summary>
public abstract class EnterpriseNeedTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Every_role_reads_and_writes_as_its_scope_says()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var path = $"/api/enterprises/{c.Parties.Enterprise.Id}/needs";
        var reads = new Dictionary<string, HttpStatusCode>
        {
            ["enterprise"] = HttpStatusCode.OK, ["provider"] = HttpStatusCode.OK, ["city"] = HttpStatusCode.OK, ["chaoyang"] = HttpStatusCode.OK,
            ["thinktank"] = HttpStatusCode.OK, ["nanguan"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound,
            ["expert"] = HttpStatusCode.NotFound,
        };
        var writes = new Dictionary<string, HttpStatusCode>
        {
            ["enterprise"] = HttpStatusCode.Created, ["provider"] = HttpStatusCode.Created, ["city"] = HttpStatusCode.Forbidden,
            ["chaoyang"] = HttpStatusCode.Forbidden, ["thinktank"] = HttpStatusCode.Forbidden, ["nanguan"] = HttpStatusCode.NotFound,
            ["other-provider"] = HttpStatusCode.NotFound, ["expert"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, expected) in reads)
        {
            var client = await app.As(c.Parties.Users[who]);
            Assert.True(expected == (await client.GetAsync(path)).StatusCode, $"{who} reading");
            var written = await client.PostAsJsonAsync(path, new { scenario = "2.1.1", problem = $"{who}：排产靠经验", priority = "medium" });
            Assert.True(writes[who] == written.StatusCode, $"{who} writing: {written.StatusCode}");
            var browser = await c.Parties.BrowserAsync(app, who);
            var shown = (await browser.GetAsync($"/enterprises/{c.Parties.Enterprise.Id}/needs")).StatusCode;
            Assert.True(expected == shown, $"{who} page: {shown}");
        }
        var list = await Json(await (await app.As(c.Parties.Users["chaoyang"])).GetAsync(path));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.False(list.GetProperty("mayWrite").GetBoolean());
    }

    [Fact]
    public async Task A_provider_need_during_its_open_diagnosis_records_it_and_the_refusals_name_what_to_fix()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var diagnosis = await c.Parties.OpenAsync(app);
        var provider = await app.As(c.Parties.Users["provider"]);
        var path = $"/api/enterprises/{c.Parties.Enterprise.Id}/needs";
        var created = await Json(await provider.PostAsJsonAsync(path, new { scenario = "2.5.1", problem = "设备联网率低", pain = "停机原因说不清", priority = "high", budgetWan = "30" }));
        Assert.Equal(diagnosis.Id, created.GetProperty("diagnosisId").GetGuid());
        Assert.Equal("provider", created.GetProperty("source").GetString());

        async Task<string> Refused(object body) => await (await provider.PostAsJsonAsync(path, body)).Content.ReadAsStringAsync();
        Assert.Contains("问题及需求不超过1000字，现为1001字", await Refused(new { scenario = "2.5.1", problem = new string('需', 1001), priority = "high" }));
        Assert.Contains("痛点不超过1000字", await Refused(new { scenario = "2.5.1", problem = "需", pain = new string('痛', 1001), priority = "high" }));
        Assert.Contains("请选择优先级：高、中或低", await Refused(new { scenario = "2.5.1", problem = "需" }));
        Assert.Contains("拟投入预算须大于0", await Refused(new { scenario = "2.5.1", problem = "需", priority = "low", budgetWan = "0" }));
        Assert.Contains("三级场景“9.9.9”不存在或已停用", await Refused(new { scenario = "9.9.9", problem = "需", priority = "low" }));
        var atLimit = await provider.PostAsJsonAsync(path, new { scenario = "2.5.1", problem = new string('需', 1000), priority = "low" });
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);

        var id = created.GetProperty("id").GetGuid();
        var enterprise = await app.As(c.Parties.Users["enterprise"]);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.PutAsJsonAsync($"{path}/{id}", new { scenario = "2.5.1", problem = "设备联网率低，数据不全", priority = "high", version = 0 })).StatusCode);
        var stale = await provider.PutAsJsonAsync($"{path}/{id}", new { scenario = "2.5.1", problem = "旧版本上的修改", priority = "high", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(c.Parties.Enterprise.Name, (await Json(stale)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.DeleteAsync($"{path}/{id}?version=1")).StatusCode);

        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        Assert.False(await db.EnterpriseNeeds.AnyAsync(n => n.Id == id));
        var key = id.ToString();
        var removal = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(EnterpriseNeed) && a.EntityId == key && a.Action == AuditAction.Deleted);
        Assert.Equal(c.Parties.Enterprise.Name, removal.ActorName);
        Assert.Contains(removal.Changes, f => f is { Field: "Problem", Before: "设备联网率低，数据不全", After: null });
    }

    [Fact]
    public async Task The_page_shows_html_as_text_adopts_a_common_need_in_one_click_and_keeps_a_refused_need_as_typed()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var browser = await c.Parties.BrowserAsync(app, "enterprise");
        var page = $"/enterprises/{c.Parties.Enterprise.Id}/needs";
        var token = await PageClient.Token(browser, page);
        var added = await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add", ["__RequestVerificationToken"] = token, ["Add.Scenario"] = "2.1.1",
            ["Add.Problem"] = "<img src=x onerror=alert(1)>排产全靠调度员经验", ["Add.Priority"] = "high", ["Add.BudgetWan"] = "12.5",
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var doc = await browser.GetDocument(page);
        Assert.Contains(doc.QuerySelectorAll("#needs td.need-text"), td => td.TextContent == "<img src=x onerror=alert(1)>排产全靠调度员经验");
        Assert.Empty(doc.QuerySelectorAll("#needs img"));
        Assert.Contains(doc.QuerySelectorAll("#needs td.num"), td => td.TextContent == "12.50");
        // The browser keeps copies of the forms (form-copy.js): a new need's copy older than the need just added was posted with it;
        // a need's own 修改 form has its own copy.
        EnterpriseNeed need;
        await using (var scope = app.DataScope())
            need = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().EnterpriseNeeds.SingleAsync(n => n.EnterpriseId == c.Parties.Enterprise.Id);
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(need.CreatedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds().ToString(),
            doc.QuerySelector("#new-need form")!.GetAttribute("data-saved-at"));
        Assert.StartsWith($"dxpilot-need-{need.Id}:{need.Id}:", doc.QuerySelector($"#n-{need.Id} form[data-need-form=edit]")!.GetAttribute("data-form-copy"));

        // The seed's common need of 汽车零部件及配件制造 in 1.1.1, adopted: its scenario and text fill a new need's form.
        var adopt = doc.QuerySelector("a[data-adopt]")!;
        var form = await browser.GetDocument(adopt.GetAttribute("href")!);
        Assert.StartsWith("汽车零部件及配件制造行业的中小企业在产品设计环节中", form.QuerySelector("#new-need textarea[name='Add.Problem']")!.TextContent);
        Assert.Equal("1.1.1", form.QuerySelector("#new-need select[name='Add.Scenario'] option[selected]")!.GetAttribute("value"));

        var refused = await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add", ["__RequestVerificationToken"] = token, ["Add.Scenario"] = "2.1.1", ["Add.Problem"] = "预算写错了",
            ["Add.Priority"] = "low", ["Add.BudgetWan"] = "十万",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("拟投入预算应为数字（万元）", again.QuerySelector("#message")!.TextContent);
        Assert.Equal("预算写错了", again.QuerySelector("#new-need textarea[name='Add.Problem']")!.TextContent);
        Assert.Equal("true", again.QuerySelector("#new-need form")!.GetAttribute("data-refused"));
    }

    [Fact]
    public async Task The_report_takes_the_needs_into_table_9_by_level_one_scenario_in_one_click()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var diagnosis = await c.Parties.OpenAsync(app);
        var enterprise = await app.As(c.Parties.Users["enterprise"]);
        var path = $"/api/enterprises/{c.Parties.Enterprise.Id}/needs";
        foreach (var (scenario, problem, priority) in new[] { ("2.1.1", "排产靠经验", "low"), ("1.1.1", "仿真算力不足", "high"), ("3.1.1", "供应商协同靠电话", "medium"), ("4.1.1", "经营数据分散", "high"), ("2.5.1", "设备未联网", "high") })
            Assert.Equal(HttpStatusCode.Created, (await enterprise.PostAsJsonAsync(path, new { scenario, problem, priority, budgetWan = scenario == "2.5.1" ? "30" : null })).StatusCode);

        var team = await c.Parties.BrowserAsync(app, "provider");
        var report = await team.GetDocument($"/diagnoses/{diagnosis.Id}/report");
        Assert.Equal("从需求库带入（5条）", report.QuerySelector("#needs-prefill a")!.TextContent);
        // The part links stay on this page (a bare "#part-4" opened the 工作台 under the layout's base address).
        Assert.Equal($"/diagnoses/{diagnosis.Id}/report#part-4", report.QuerySelectorAll(".report-nav a")[3].GetAttribute("href"));
        Assert.Equal("", report.QuerySelector("textarea[name='needs.production']")!.TextContent.Trim());

        var taken = await team.GetDocument(report.QuerySelector("#needs-prefill a")!.GetAttribute("href")!);
        string Lines(string key) => taken.QuerySelector($"textarea[name='needs.{key}']")!.TextContent.Trim();
        var names = await ScenarioNames();
        Assert.Equal($"【2.5.1 {names["2.5.1"]}】设备未联网（优先级：高，预算30.00万元）\n【2.1.1 {names["2.1.1"]}】排产靠经验（优先级：低）", Lines("production"));
        Assert.Equal($"【1.1.1 {names["1.1.1"]}】仿真算力不足（优先级：高）", Lines("lifecycle"));
        Assert.Equal($"【3.1.1 {names["3.1.1"]}】供应商协同靠电话（优先级：中）", Lines("supplyChain"));
        Assert.Equal($"【4.1.1 {names["4.1.1"]}】经营数据分散（优先级：高）", Lines("management"));
        Assert.Equal("", Lines("other"));

        // The enterprise reads the report but does not edit it: nothing is offered.
        var own = await (await c.Parties.BrowserAsync(app, "enterprise")).GetDocument($"/diagnoses/{diagnosis.Id}/report");
        Assert.Null(own.QuerySelector("#needs-prefill"));
    }

    private async Task<Dictionary<string, string>> ScenarioNames()
    {
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return await db.CatalogueScenarios.Where(s => s.ProgrammeId == ChangchunDiagnosis.Programme).ToDictionaryAsync(s => s.Code, s => s.Name);
    }
}

public sealed class EnterpriseNeedTestsOnSqlite(SqliteApp app) : EnterpriseNeedTests<SqliteApp>(app);

public sealed class EnterpriseNeedTestsOnPostgres(PostgresApp app) : EnterpriseNeedTests<PostgresApp>(app);
