using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 企业信息变更: the enterprise proposes new values for what a bureau vouches for; only a bureau in scope's confirmation changes
/// the file. Every test ends with its proposal decided, so the next finds none pending.
/// </summary>
public abstract class BureauFieldChangeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static async Task<(string Id, JsonElement File)> Mine(HttpClient me)
    {
        var id = (await me.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("items")[0].GetProperty("id").GetString()!;
        return (id, await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}"));
    }

    private static async Task<JsonElement> Propose(HttpClient me, string id, JsonElement file, string name, string tier = "LittleGiant")
    {
        var response = await me.PostAsJsonAsync($"/api/enterprises/{id}/bureau-field-changes", new
        {
            name, uscc = file.GetProperty("uscc").GetString(), qualityTier = tier, aboveScale = "是",
            industry = file.GetProperty("industryKey").GetString(), reason = "已办理工商变更登记",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> Decide(HttpClient bureau, JsonElement change, string trigger, string? reason) =>
        bureau.PostAsJsonAsync($"/api/enterprises/bureau-field-changes/{change.GetProperty("id").GetString()}/transitions",
            new { trigger, reason, version = change.GetProperty("version").GetInt32() });

    [Fact]
    public async Task A_confirmed_proposal_changes_the_file_and_both_steps_are_recorded()
    {
        var me = await app.As("hz-enterprise");
        var (id, file) = await Mine(me);
        var newName = file.GetProperty("name").GetString() + "（更名）";
        var change = await Propose(me, id, file, newName);
        Assert.Equal("待主管部门确认", change.GetProperty("statusLabel").GetString());
        // Proposed only: the file is as it was.
        Assert.Equal(file.GetProperty("name").GetString(), (await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}")).GetProperty("name").GetString());

        var binjiang = await app.As("hz-binjiang");
        var pending = await binjiang.GetFromJsonAsync<JsonElement>("/api/enterprises/bureau-field-changes");
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == change.GetProperty("id").GetString());

        var confirmed = await Decide(binjiang, change, "confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var after = await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        Assert.Equal(newName, after.GetProperty("name").GetString());
        Assert.Equal("LittleGiant", after.GetProperty("qualityTier").GetString());
        Assert.True(after.GetProperty("aboveScale").GetBoolean());

        var history = (await binjiang.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}/history")).EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("actorName").GetString() == "滨江区经信局（演示）"
            && h.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("after").GetString() == newName));
        Assert.Equal(0, (await binjiang.GetFromJsonAsync<JsonElement>("/api/enterprises/bureau-field-changes")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_returned_proposal_changes_nothing_and_needs_a_reason()
    {
        var me = await app.As("hz-enterprise");
        var (id, file) = await Mine(me);
        var change = await Propose(me, id, file, "退回测试名称有限公司", tier: "Innovative");
        var city = await app.As("hz-city");

        var noReason = await Decide(city, change, "reject", " ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("退回申请须填写理由", await noReason.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await Decide(city, change, "reject", "名称与营业执照不一致")).StatusCode);
        var after = await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}");
        Assert.Equal(file.GetProperty("name").GetString(), after.GetProperty("name").GetString());
        Assert.Equal(file.GetProperty("qualityTier").GetString(), after.GetProperty("qualityTier").GetString());
        // Decided once: a second decision finds it no longer pending.
        Assert.Equal(HttpStatusCode.Conflict, (await Decide(city, change, "confirm", null)).StatusCode);
    }

    [Fact]
    public async Task Only_a_bureau_in_scope_decides_and_only_the_enterprise_proposes()
    {
        var me = await app.As("hz-enterprise");
        var (id, file) = await Mine(me);
        var change = await Propose(me, id, file, "越权测试名称有限公司");

        // 西湖区 does not reach a 滨江区 file: not found, nothing changed. The enterprise cannot confirm its own proposal.
        Assert.Equal(HttpStatusCode.NotFound, (await Decide(await app.As("hz-xihu"), change, "confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Decide(me, change, "confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Decide(await app.As("hz-provider"), change, "confirm", null)).StatusCode);
        Assert.Equal(file.GetProperty("name").GetString(), (await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}")).GetProperty("name").GetString());
        Assert.Equal(0, (await (await app.As("hz-xihu")).GetFromJsonAsync<JsonElement>("/api/enterprises/bureau-field-changes")).GetProperty("total").GetInt32());

        // A second proposal waits for the first; a provider serving the file cannot propose.
        var second = await me.PostAsJsonAsync($"/api/enterprises/{id}/bureau-field-changes", new { name = "又一个名称", industry = file.GetProperty("industryKey").GetString(), reason = "再次申请" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var provider = await (await app.As("hz-provider")).PostAsJsonAsync($"/api/enterprises/{id}/bureau-field-changes", new { name = "服务商代改", industry = file.GetProperty("industryKey").GetString(), reason = "代为申请" });
        Assert.Equal(HttpStatusCode.Forbidden, provider.StatusCode);

        // The home page's query: one waiting for 滨江区 (and the city), none for 西湖区.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var changes = scope.ServiceProvider.GetRequiredService<BureauFieldChangeService>();
            var binjiang = new Actor("t", "滨江区", Role.DistrictBureau, "hangzhou-2024", District: "滨江区");
            var (count, oldest) = await changes.PendingSummaryAsync(binjiang, TestContext.Current.CancellationToken);
            Assert.Equal(1, count);
            Assert.NotNull(oldest);
            Assert.Equal(0, (await changes.PendingSummaryAsync(binjiang with { District = "西湖区" }, TestContext.Current.CancellationToken)).Count);

            // … and the 工作台 lists it for 滨江区 as one to-do since the oldest proposal, for nobody outside its scope.
            var todos = scope.ServiceProvider.GetRequiredService<TodoList>();
            var waiting = Assert.Single(await todos.ForAsync(binjiang, TestContext.Current.CancellationToken), t => t.Kind == BureauFieldChangeTodo.Kind);
            Assert.Equal(("/enterprises/changes", 1, oldest!.Value), (waiting.Href, waiting.Count, waiting.Since.UtcDateTime));
            Assert.DoesNotContain(await todos.ForAsync(binjiang with { District = "西湖区" }, TestContext.Current.CancellationToken), t => t.Kind == BureauFieldChangeTodo.Kind);
            // While its proposal waits, the enterprise is not asked to propose its USCC again.
            var enterprise = new Actor("t-e", "企业", Role.Enterprise, "hangzhou-2024", EnterpriseId: Guid.Parse(id));
            Assert.DoesNotContain(await todos.ForAsync(enterprise, TestContext.Current.CancellationToken), t => t.Href.EndsWith("#bureau-field-change"));
        }
        Assert.Equal(HttpStatusCode.OK, (await Decide(await app.As("hz-binjiang"), change, "reject", "测试结束")).StatusCode);
    }

    [Fact]
    public async Task The_enterprise_proposes_and_the_district_confirms_on_the_file_page()
    {
        var me = await app.As("hz-enterprise");
        var (id, file) = await Mine(me);
        var newName = file.GetProperty("name").GetString() + "（网页更名）";

        var enterprise = await app.SignedIn("hz-enterprise");
        var page = await enterprise.GetDocument($"/enterprises/{id}");
        var proposal = Fields(page.QuerySelector("form[name=bureau-field-change]") ?? page.QuerySelectorAll("form").First(f => f.InnerHtml.Contains("提交申请")));
        proposal["Form.Name"] = newName;
        proposal["Form.Reason"] = "已办理工商变更登记";
        var proposed = await enterprise.PostAsync($"/enterprises/{id}", new FormUrlEncodedContent(proposal));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Equal("变更申请已提交，主管部门确认后档案才会变更。",
            (await enterprise.GetDocument(proposed.Headers.Location!.OriginalString)).QuerySelector("#proposed")!.TextContent);

        var bureau = await app.SignedIn("hz-binjiang");
        // The list says what the bureau is asked to confirm: the fields that change, from → to.
        var row = (await bureau.GetDocument("/enterprises/changes")).QuerySelectorAll("#pending-changes tbody tr")
            .Single(r => r.QuerySelector("a")?.GetAttribute("href") == $"/enterprises/{id}#bureau-field-change");
        Assert.Equal([$"企业名称：{file.GetProperty("name").GetString()} → {newName}"],
            row.QuerySelectorAll("td[data-label='申请变更内容'] div").Select(d => d.TextContent));
        var decisionPage = await bureau.GetDocument($"/enterprises/{id}");
        var decision = Fields(decisionPage.QuerySelectorAll("form").First(f => f.InnerHtml.Contains("确认变更")));
        decision["Decision.Trigger"] = "confirm";
        Assert.Equal(HttpStatusCode.Redirect, (await bureau.PostAsync($"/enterprises/{id}", new FormUrlEncodedContent(decision))).StatusCode);
        Assert.Equal(newName, (await me.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}")).GetProperty("name").GetString());

        // Decided, the form is back; the browser's copy of it (form-copy.js) typed before the proposal was posted with it.
        var again = (await enterprise.GetDocument($"/enterprises/{id}")).QuerySelectorAll("form").First(f => f.InnerHtml.Contains("提交申请"));
        Assert.StartsWith($"dxpilot-bureau-field-change:{id}:", again.GetAttribute("data-form-copy"));
        Assert.True(long.Parse(again.GetAttribute("data-saved-at")!) > long.Parse(page.QuerySelectorAll("form").First(f => f.InnerHtml.Contains("提交申请")).GetAttribute("data-saved-at") ?? "0"));
    }

    /// <summary>A form's fields as a browser would post them (the handler named by the form).</summary>
    private static Dictionary<string, string> Fields(AngleSharp.Dom.IElement form)
    {
        var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]").Where(e => e.GetAttribute("type") != "submit")
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.Last() switch
            {
                AngleSharp.Html.Dom.IHtmlSelectElement s => s.Value ?? "",
                AngleSharp.Html.Dom.IHtmlTextAreaElement t => t.Value ?? "",
                var e => e.GetAttribute("value") ?? "",
            });
        return fields;
    }

    [Fact]
    public async Task A_proposal_without_a_reason_or_changing_nothing_is_refused_with_a_message()
    {
        var me = await app.As("hz-enterprise");
        var (id, file) = await Mine(me);
        var noReason = await me.PostAsJsonAsync($"/api/enterprises/{id}/bureau-field-changes", new { name = "无理由名称", industry = file.GetProperty("industryKey").GetString() });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写变更理由", await noReason.Content.ReadAsStringAsync());

        var same = await me.PostAsJsonAsync($"/api/enterprises/{id}/bureau-field-changes", new
        {
            name = file.GetProperty("name").GetString(), uscc = file.GetProperty("uscc").GetString(), qualityTier = file.GetProperty("qualityTier").GetString(),
            aboveScale = file.GetProperty("aboveScale").ValueKind == JsonValueKind.True ? "是" : file.GetProperty("aboveScale").ValueKind == JsonValueKind.False ? "否" : null,
            industry = file.GetProperty("industryKey").GetString(), reason = "没有变化",
        });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("与现有档案相同", await same.Content.ReadAsStringAsync());
    }
}

public sealed class BureauFieldChangeTestsOnSqlite(SqliteApp app) : BureauFieldChangeTests<SqliteApp>(app);

public sealed class BureauFieldChangeTestsOnPostgres(PostgresApp app) : BureauFieldChangeTests<PostgresApp>(app);
