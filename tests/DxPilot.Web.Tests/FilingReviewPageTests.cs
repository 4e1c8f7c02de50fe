using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The experts' pages as a browser without script uses them: the expert's review page (/filings/{id}/review) with its scores kept
/// on a mistake and read-only once handed in, and the city's assignment form posts of FilingExpertPanel.
/// </summary>
public abstract class FilingReviewPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task An_assigned_expert_scores_on_the_page_keeps_its_values_on_a_mistake_and_then_reads_its_review()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await InCityReviewAsync(h);
        var city = await app.As(h.Users["city"]);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/filings/{id}/reviews", new { experts = new[] { await UserIdAsync(h.Users["expert"]) } })).StatusCode);

        var expert = await app.SignedIn(h.Users["expert"]);
        var page = await expert.GetDocument($"/filings/{id}/review");
        Assert.Contains("汽车零部件数字化车间改造项目", page.Body!.TextContent);
        Assert.Contains(h.Enterprise.Name, page.Body.TextContent);
        // Experts do not see personal data: the enterprise's contact phone is masked, as on the filing's own page.
        Assert.DoesNotContain("13900002222", page.Body.TextContent);
        Assert.Contains("139****2222", page.Body.TextContent);
        var form = page.QuerySelector("#review-form")!;
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "review",
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Form.Version"] = form.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!,
            ["Form.Scores[scope]"] = "20", ["Form.Scores[basis]"] = "15", ["Form.Scores[plan]"] = "26", ["Form.Scores[target]"] = "20",
            ["Form.Scores[investment]"] = "10", ["Form.Scores[effects]"] = "10", ["Form.Recommendation"] = "passAfterRevision",
        };

        var bad = await expert.PostAsync($"/filings/{id}/review", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var again = PageClient.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("应为0到25之间的整数", again.Body!.TextContent);
        Assert.Contains("评审建议为“修改后通过”时须填写评审意见", again.Body.TextContent);
        Assert.Equal("15", again.QuerySelector("#s-basis")!.GetAttribute("value"));
        Assert.Equal("26", again.QuerySelector("#s-plan")!.GetAttribute("value"));
        Assert.NotNull(again.QuerySelector("input[name='Form.Recommendation'][value=passAfterRevision][checked]"));

        fields["Form.Scores[plan]"] = "0";
        fields["Form.Opinion"] = "实施方案须补充设备联网清单。";
        var good = await expert.PostAsync($"/filings/{id}/review", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var done = await expert.GetDocument($"/filings/{id}/review");
        Assert.Null(done.QuerySelector("#review-form"));
        Assert.Equal("75", done.QuerySelector("#total")!.TextContent);
        Assert.Equal("修改后通过", done.QuerySelector("#recommendation")!.TextContent);
        Assert.Contains("实施方案须补充设备联网清单。", done.QuerySelector("#opinion")!.TextContent);
    }

    [Fact]
    public async Task A_filing_returned_by_the_district_during_the_expert_review_leaves_the_experts_todo_and_its_page_says_so_without_the_form()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await InCityReviewAsync(h);
        var city = await app.As(h.Users["city"]);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/filings/{id}/reviews", new { experts = new[] { await UserIdAsync(h.Users["expert"]) } })).StatusCode);
        var actor = await app.ActorAsync(h.Users["expert"]);
        Assert.Contains(await ExpertTodosAsync(actor), t => t.Href == $"/filings/{id}/review");

        // The chain lets the district return a filing in 市级审核 (hangzhou-2024.json, return from cityReview).
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "binjiang", "return", "请补充设备清单。")).StatusCode);
        Assert.DoesNotContain(await ExpertTodosAsync(actor), t => t.Href == $"/filings/{id}/review");
        await using (var scope = app.ScopeAs(actor))
            Assert.False(await scope.ServiceProvider.GetRequiredService<FilingService>().Waiting(actor).AnyAsync(f => f.Id == id));

        var page = await (await app.SignedIn(h.Users["expert"])).GetDocument($"/filings/{id}/review");
        Assert.Equal("该备案已不在市级审核阶段，不能再提交评审意见", page.QuerySelector("#closed")!.TextContent);
        Assert.Null(page.QuerySelector("#review-form"));
    }

    private async Task<List<TodoItem>> ExpertTodosAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return (await scope.ServiceProvider.GetServices<ITodoSource>().OfType<FilingTodo>().Single().ForAsync(actor, CancellationToken.None)).ToList();
    }

    [Fact]
    public async Task An_expert_not_assigned_finds_no_review_page_and_a_conflicted_one_is_told_why()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await InCityReviewAsync(h);
        var other = await app.SignedIn(h.Users["expert"]);
        var missing = await other.GetAsync($"/filings/{id}/review");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // The shared Chinese 404 page, the same as for a filing that does not exist.
        Assert.Contains("找不到该页面或记录", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));

        var conflicted = await new ProgrammeAccounts(app, HangzhouFiling.Programme).UserAsync(Role.Expert, organisation: h.Provider.Id, displayName: "王专家（测试）");
        await using (var scope = app.DataScope(HangzhouFiling.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.DxPilotDbContext>();
            var filing = await db.Filings.FindAsync(id);
            db.FilingExpertReviews.Add(Domain.Filings.FilingExpertReview.Assign(filing!, await UserIdAsync(conflicted), "王专家（测试）", "测试数据", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        var refused = await (await app.SignedIn(conflicted)).GetAsync($"/filings/{id}/review");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("利益冲突", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_city_assigns_and_withdraws_through_the_panel_forms_and_a_conflicted_expert_is_refused_with_the_reason()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await InCityReviewAsync(h);
        var city = await app.SignedIn(h.Users["city"]);
        var token = await PageClient.Token(city, "/");
        var expertId = await UserIdAsync(h.Users["expert"]);

        var assigned = await city.PostAsync($"/filings/{id}/experts", Form(token, ("experts", expertId)));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal($"/filings/{id}#experts", assigned.Headers.Location!.OriginalString);
        var api = await app.As(h.Users["city"]);
        Assert.Single((await api.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/reviews")).EnumerateArray());

        var withdrawn = await city.PostAsync($"/filings/{id}/experts/withdraw", Form(token, ("expert", expertId)));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/reviews")).EnumerateArray());

        var conflicted = await UserIdAsync(await new ProgrammeAccounts(app, HangzhouFiling.Programme)
            .UserAsync(Role.Expert, organisation: h.Provider.Id, displayName: "王专家（测试）"));
        var refused = await city.PostAsync($"/filings/{id}/experts", Form(token, ("experts", conflicted)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("王专家（测试）：利益冲突：该专家所在单位是该企业的服务商，不能评审其备案", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // Without the antiforgery token the post is refused before anything is done.
        var forged = await city.PostAsync($"/filings/{id}/experts", new FormUrlEncodedContent(new Dictionary<string, string> { ["experts"] = expertId }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/reviews")).EnumerateArray());
    }

    [Fact]
    public async Task A_district_batch_of_two_with_one_in_a_wrong_state_shows_one_done_and_one_refused_with_its_reason()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var waiting = await h.SubmittedAsync(app, "批量页面甲项目");
        var other = await HangzhouFiling.CreateAsync(app);
        var returned = await other.SubmittedAsync(app, "批量页面乙项目");
        Assert.Equal(HttpStatusCode.OK, (await other.TransitionAsync(app, returned, "binjiang", "return", "请补充。")).StatusCode);

        var district = await app.SignedIn(h.Users["binjiang"]);
        var page = await district.GetDocument("/filings/batch");
        Assert.Contains("每项备案单独办理", page.QuerySelector("#batch-rule")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#queue input[value='{waiting}']"));
        Assert.Null(page.QuerySelector($"#queue input[value='{returned}']"));
        var token = page.QuerySelector("#batch-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Both ticked, as a page read before the second was returned would send them.
        var posted = await district.PostAsync("/filings/batch", Form(token, ("_handler", "batch"), ("Form.Ids", waiting.ToString()), ("Form.Ids", returned.ToString()),
            ("Form.Action", "pass"), ("Form.Reason", "经初审，符合试点要求，同意报送。")));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var result = PageClient.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Contains("已办1项，未办1项", result.QuerySelector("#results h2")!.TextContent);
        Assert.Equal("已办", result.QuerySelector($"#results tr[data-id='{waiting}'] td:nth-child(2)")!.TextContent);
        var refused = result.QuerySelector($"#results tr[data-id='{returned}']")!;
        Assert.Equal("未办", refused.QuerySelector("td:nth-child(2)")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(refused.QuerySelector("td:nth-child(3)")!.TextContent));
        Assert.Equal("cityReview", (await (await app.As(h.Users["binjiang"])).GetFromJsonAsync<JsonElement>($"/api/filings/{waiting}")).GetProperty("state").GetString());

        // No opinion: the whole batch is refused before anything is done, the error next to the field.
        var empty = await district.PostAsync("/filings/batch", Form(token, ("_handler", "batch"), ("Form.Ids", returned.ToString()), ("Form.Action", "return")));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyPage = PageClient.Parse(await empty.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("退回修改须填写退回理由", emptyPage);

        // Nothing ticked: no box is posted at all, and the page says what is missing with the typed reason kept.
        var none = await district.PostAsync("/filings/batch", Form(token, ("_handler", "batch"), ("Form.Action", "return"), ("Form.Reason", "请补充合同扫描件。")));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var nonePage = PageClient.Parse(await none.Content.ReadAsStringAsync());
        Assert.Contains("请至少选择一项备案", nonePage.Body!.TextContent);
        Assert.Equal("请补充合同扫描件。", nonePage.QuerySelector("#f-reason")!.TextContent);
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Prepend(KeyValuePair.Create("__RequestVerificationToken", token)));

    private async Task<string> UserIdAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
    }

    private async Task<Guid> InCityReviewAsync(HangzhouFiling h)
    {
        var id = await h.SubmittedAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "binjiang", "pass", "同意报送。")).StatusCode);
        return id;
    }
}

public sealed class FilingReviewPageTestsOnSqlite(SqliteApp app) : FilingReviewPageTests<SqliteApp>(app);

public sealed class FilingReviewPageTestsOnPostgres(PostgresApp app) : FilingReviewPageTests<PostgresApp>(app);
