using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 专家试点符合性审核 (seed 003 二 3) through the API: the city assigns experts in its review, each scores once on Hangzhou's review
/// form (six items, 100 points), the city confirms once the reviews are in; an expert whose employer serves the enterprise is refused
/// at assignment and at every read and hand-in; batch actions report every filing; each role's 待办.
/// </summary>
public abstract class FilingExpertTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static Dictionary<string, string?> FullMarks() => new()
    {
        ["scope"] = "20", ["basis"] = "15", ["plan"] = "25", ["target"] = "20", ["investment"] = "10", ["effects"] = "10",
    };

    [Fact]
    public async Task The_city_assigns_one_expert_who_scores_once_and_the_city_confirms_after()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await InCityReviewAsync(h);
        var city = await app.As(h.Users["city"]);
        var expertId = await UserIdAsync(h.Users["expert"]);

        var assigned = await city.PostAsJsonAsync($"/api/filings/{id}/reviews", new { experts = new[] { expertId } });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        // Assigning twice finds the same review.
        var again = await (await city.PostAsJsonAsync($"/api/filings/{id}/reviews", new { experts = new[] { expertId } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(again.EnumerateArray());
        var early = await h.TransitionAsync(app, id, "city", "confirm", "同意备案。");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("还有1名专家未提交评审意见", await early.Content.ReadAsStringAsync());

        var expert = await app.As(h.Users["expert"]);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/filings/{id}")).StatusCode);
        var mine = (await expert.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/reviews"))[0];
        var version = mine.GetProperty("version").GetInt32();

        var outOfRange = FullMarks();
        outOfRange["plan"] = "26";
        outOfRange["basis"] = "-1";
        outOfRange["target"] = "7.5";
        outOfRange.Remove("effects");
        var bad = await expert.PutAsJsonAsync($"/api/filings/{id}/reviews/mine", new { scores = outOfRange, recommendation = "fail", version });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("应为0到25之间的整数", body);
        Assert.Contains("应为0到15之间的整数", body);
        Assert.Contains("应为0到20之间的整数", body);
        Assert.Contains("请为“预期成效的可衡量性”打分", body);
        Assert.Contains("评审建议为“不通过”时须填写评审意见", body);

        var marks = FullMarks();
        marks["plan"] = "0";
        var handed = await expert.PutAsJsonAsync($"/api/filings/{id}/reviews/mine",
            new { scores = marks, recommendation = "passAfterRevision", opinion = "实施方案须补充设备联网清单。", version });
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        var review = await handed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(75, review.GetProperty("total").GetInt32());
        Assert.Equal("修改后通过", review.GetProperty("recommendationLabel").GetString());
        var second = await expert.PutAsJsonAsync($"/api/filings/{id}/reviews/mine", new { scores = FullMarks(), recommendation = "pass", version = version + 1 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        // Handed in, it is out of the withdrawable; the city reads it side by side.
        Assert.Equal(HttpStatusCode.Conflict, (await city.DeleteAsync($"/api/filings/{id}/reviews/{expertId}")).StatusCode);
        var side = await city.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/reviews");
        Assert.Equal(75, side[0].GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "city", "confirm", "同意备案。")).StatusCode);
        // After the decision the expert still reads its own review.
        Assert.Equal(75, (await expert.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/reviews"))[0].GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_expert_employed_by_the_enterprises_provider_is_refused_at_assignment_and_at_read_and_score()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await InCityReviewAsync(h);
        var conflicted = await new ProgrammeAccounts(app, HangzhouFiling.Programme).UserAsync(Role.Expert, organisation: h.Provider.Id, displayName: "王专家（测试）");
        var conflictedId = await UserIdAsync(conflicted);
        var city = await app.As(h.Users["city"]);

        var candidates = await city.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/experts");
        var listed = candidates.EnumerateArray().Single(c => c.GetProperty("userId").GetString() == conflictedId);
        Assert.Equal("利益冲突：该专家所在单位是该企业的服务商，不能评审其备案", listed.GetProperty("conflict").GetString());
        var refused = await city.PostAsJsonAsync($"/api/filings/{id}/reviews", new { experts = new[] { conflictedId } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("王专家（测试）：利益冲突", await refused.Content.ReadAsStringAsync());

        // An assignment that got in anyway (made before the employer took the client on) opens nothing.
        await using (var scope = app.DataScope(HangzhouFiling.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var filing = await db.Filings.FindAsync(id);
            db.FilingExpertReviews.Add(FilingExpertReview.Assign(filing!, conflictedId, "王专家（测试）", "测试数据", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        var expert = await app.As(conflicted);
        var read = await expert.GetAsync($"/api/filings/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Contains("利益冲突", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/filings/{id}/reviews")).StatusCode);
        var scored = await expert.PutAsJsonAsync($"/api/filings/{id}/reviews/mine", new { scores = FullMarks(), recommendation = "pass", version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, scored.StatusCode);
        // Nor what belongs to the filing: its submitted round, its contracts, their .docx and stamped scans, the .docx of the filing.
        var contract = (await city.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts"))[0].GetProperty("id").GetGuid();
        var scan = (await city.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts/{contract}")).GetProperty("scans")[0].GetProperty("url").GetString()!;
        string[] belongings = [$"/api/filings/{id}/versions/1", $"/api/filings/{id}/contracts", $"/api/filings/{id}/contracts/{contract}",
            $"/api/filings/{id}/contracts/{contract}.docx", scan, $"/api/filings/{id}.docx", $"/api/filings/{id}/versions/1.docx"];
        foreach (var path in belongings)
            Assert.True((await expert.GetAsync(path)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, path);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(conflicted)).GetAsync($"/filings/{id}/versions/1")).StatusCode);
        // The expert assigned without a conflict reads every one of them.
        var assigned = await city.PostAsJsonAsync($"/api/filings/{id}/reviews", new { experts = new[] { await UserIdAsync(h.Users["expert"]) } });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var free = await app.As(h.Users["expert"]);
        foreach (var path in belongings) Assert.Equal(HttpStatusCode.OK, (await free.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn(h.Users["expert"])).GetAsync($"/filings/{id}/versions/1")).StatusCode);

        // An expert not assigned finds nothing; a district may not assign.
        var other = await app.As(await new ProgrammeAccounts(app, HangzhouFiling.Programme).UserAsync(Role.Expert));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/filings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/filings/{id}/reviews/mine", new { scores = FullMarks(), recommendation = "pass", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(h.Users["binjiang"])).PostAsJsonAsync($"/api/filings/{id}/reviews",
            new { experts = new[] { await UserIdAsync(h.Users["expert"]) } })).StatusCode);
    }

    [Fact]
    public async Task A_batch_with_filings_in_mixed_states_does_the_eligible_ones_and_reports_each_other_with_its_reason()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var a = await h.SubmittedAsync(app, "批量测试甲项目");
        var b = await (await HangzhouFiling.CreateAsync(app)).SubmittedAsync(app, "批量测试乙项目");
        var c = await (await HangzhouFiling.CreateAsync(app)).SubmittedAsync(app, "批量测试丙项目");
        var draft = await (await HangzhouFiling.CreateAsync(app)).StartAsync(app);
        var elsewhere = await (await HangzhouFiling.CreateAsync(app, district: "西湖区")).SubmittedAsync(app);
        var district = await app.As(h.Users["binjiang"]);
        var staleRead = await HangzhouFiling.VersionAsync(district, c);
        // Someone else returns c after the bureau read it.
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, c, "binjiang", "return", "请补充。")).StatusCode);

        var empty = await district.PostAsJsonAsync("/api/filings/batch", new { action = "pass", ids = new[] { a }, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var batch = await district.PostAsJsonAsync("/api/filings/batch", new
        {
            action = "pass", ids = new[] { a, b, c, draft, elsewhere, Guid.NewGuid() }, versions = new Dictionary<Guid, int> { [c] = staleRead },
            reason = "经初审，符合试点要求，同意报送。",
        });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var result = await batch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("done").GetInt32());
        Assert.Equal(4, result.GetProperty("refused").GetInt32());
        var items = result.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
        Assert.True(items[a].GetProperty("done").GetBoolean());
        Assert.True(items[b].GetProperty("done").GetBoolean());
        Assert.Contains("保存失败", items[c].GetProperty("message").GetString());
        // The draft is the district's to read but not in its review: refused for its state, not for scope.
        Assert.False(items[draft].GetProperty("done").GetBoolean());
        Assert.NotEqual("不在您的权限范围内", items[draft].GetProperty("message").GetString());
        Assert.Equal("不在您的权限范围内", items[elsewhere].GetProperty("message").GetString());
        Assert.Equal("cityReview", (await district.GetFromJsonAsync<JsonElement>($"/api/filings/{a}")).GetProperty("state").GetString());
        Assert.Equal("returned", (await district.GetFromJsonAsync<JsonElement>($"/api/filings/{c}")).GetProperty("state").GetString());

        // Passing again: each is now in the wrong state, reported, nothing done.
        var twice = await (await district.PostAsJsonAsync("/api/filings/batch", new { action = "pass", ids = new[] { a }, reason = "同意。" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, twice.GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task Each_role_sees_what_waits_for_it_with_counts_oldest_first()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.StartAsync(app);
        var enterprise = await ActorAsync(h.Users["enterprise"]);
        Assert.Equal(["改造项目备案尚未提交：填写完整后提交备案"], Titles(await TodosAsync(enterprise)));
        var provider = await ActorAsync(h.Users["provider"]);
        Assert.Contains(await TodosAsync(provider), t => t.Title.StartsWith("服务企业的改造项目备案尚未提交") && t.Count == 1);

        // The shared platform's demo data may already hold 滨江区 filings in review: the district's count moves by this one.
        var district = await ActorAsync(h.Users["binjiang"]);
        var waiting = (await TodosAsync(district)).Sum(t => t.Count);
        (await h.SaveAsync(app, id, HangzhouFiling.CompleteAnswers())).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "enterprise", "submit")).StatusCode);
        Assert.Equal(waiting + 1, Assert.Single(await TodosAsync(district)).Count);
        Assert.Empty(await TodosAsync(enterprise));

        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "binjiang", "return", "请补充设备清单。")).StatusCode);
        Assert.Equal(["改造项目备案被退回，请按意见修改后重新提交：请补充设备清单。"], Titles(await TodosAsync(enterprise)));
        Assert.Equal(waiting, (await TodosAsync(district)).Sum(t => t.Count));

        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "enterprise", "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "binjiang", "pass", "同意报送。")).StatusCode);
        var city = await ActorAsync(h.Users["city"]);
        Assert.Contains(await TodosAsync(city), t => t.Title.StartsWith("改造项目备案待指派评审专家"));
        var expertId = await UserIdAsync(h.Users["expert"]);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(h.Users["city"])).PostAsJsonAsync($"/api/filings/{id}/reviews", new { experts = new[] { expertId } })).StatusCode);
        var expert = await ActorAsync(h.Users["expert"]);
        var due = Assert.Single(await TodosAsync(expert));
        Assert.Equal($"/filings/{id}/review", due.Href);
    }

    [Fact]
    public async Task Changchun_declares_no_expert_review_and_a_batch_reports_an_unknown_filing_as_out_of_scope()
    {
        // Changchun's chain declares expertsRequired 0: its city decides alone.
        var cc = await app.As("cc-city");
        var form = await cc.GetFromJsonAsync<JsonElement>("/api/filings/form");
        Assert.Equal(0, form.GetProperty("expertsRequired").GetInt32());
        var batch = await cc.PostAsJsonAsync("/api/filings/batch", new { action = "assignExperts", ids = new[] { Guid.NewGuid() }, experts = new[] { "x" } });
        var items = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.Equal("不在您的权限范围内", items[0].GetProperty("message").GetString());
    }

    private async Task<List<TodoItem>> TodosAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return (await scope.ServiceProvider.GetServices<ITodoSource>().OfType<FilingTodo>().Single().ForAsync(actor, CancellationToken.None)).ToList();
    }

    private static List<string> Titles(IEnumerable<TodoItem> items) => items.Select(i => i.Title).ToList();

    private async Task<string> UserIdAsync(string userName) => (await ActorAsync(userName)).UserId;

    private Task<Actor> ActorAsync(string userName) => app.ActorAsync(userName);

    private async Task<Guid> InCityReviewAsync(HangzhouFiling h)
    {
        var id = await h.SubmittedAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "binjiang", "pass", "同意报送。")).StatusCode);
        return id;
    }
}

public sealed class FilingExpertTestsOnSqlite(SqliteApp app) : FilingExpertTests<SqliteApp>(app);

public sealed class FilingExpertTestsOnPostgres(PostgresApp app) : FilingExpertTests<PostgresApp>(app);
