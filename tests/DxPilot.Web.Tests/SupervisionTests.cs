using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The think tank's supervision (seed 002 二（三）) through the API and pages: it comments on filings and diagnoses and rates providers
/// and enterprises on the programme's criteria; every other role is refused writing; each reads only its scope (404 outside); the
/// averages are the ones the test computes from the scores it gave; the provider's page in and out of scope.
/// </summary>
public abstract class SupervisionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static object Comment(string text, string followUp = "watch", string? rectifyBy = null) => new { text, followUp, rectifyBy };

    /// <summary>A page's text as a reader sees it (the pages write Chinese as character references).</summary>
    private async Task<string> PageAsync(string user, string path) => WebUtility.HtmlDecode(await (await app.SignedIn(user)).GetStringAsync(path));

    private async Task<HttpResponseMessage> CommentAsync(string user, string type, Guid id, object body) =>
        await (await app.As(user)).PostAsJsonAsync($"/api/supervision/{type}/{id}/comments", body);

    [Fact]
    public async Task The_think_tank_comments_on_a_filing_and_the_bureaus_and_parties_concerned_read_it()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var written = await CommentAsync(h.Users["thinktank"], "filing", id, Comment("请补充设备联网清单，便于验收核对。", "rectify", "2099-12-31"));
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);

        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["thinktank"] = HttpStatusCode.OK, ["city"] = HttpStatusCode.OK, ["binjiang"] = HttpStatusCode.OK, ["enterprise"] = HttpStatusCode.OK,
            ["provider"] = HttpStatusCode.OK, ["xihu"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound,
            ["other-enterprise"] = HttpStatusCode.NotFound, ["expert"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in expected)
            Assert.True(status == (await (await app.As(h.Users[who])).GetAsync($"/api/supervision/filing/{id}/comments")).StatusCode, who);

        var seen = await (await app.As(h.Users["enterprise"])).GetFromJsonAsync<JsonElement>($"/api/supervision/filing/{id}/comments");
        var item = Assert.Single(seen.GetProperty("items").EnumerateArray());
        Assert.Equal("请补充设备联网清单，便于验收核对。", item.GetProperty("text").GetString());
        Assert.Equal("rectify", item.GetProperty("followUp").GetString());
        Assert.Equal("2099-12-31", item.GetProperty("rectifyBy").GetString());
        Assert.Equal("杭州智库（测试）", item.GetProperty("authorName").GetString());
        Assert.False(seen.GetProperty("mayWrite").GetBoolean());

        // The filing's page shows it to its enterprise, in Beijing time, and not to another district.
        var page = await PageAsync(h.Users["enterprise"], $"/filings/{id}");
        Assert.Contains("第三方智库督导意见（1 条）", page);
        Assert.Contains("需整改", page);
        Assert.DoesNotContain("comment-form", page);
        Assert.Contains("comment-form", await PageAsync(h.Users["thinktank"], $"/filings/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(h.Users["xihu"])).GetAsync($"/supervision/filing/{id}/comments")).StatusCode);
    }

    [Fact]
    public async Task Every_role_but_the_think_tank_is_refused_writing_a_comment()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["enterprise"] = HttpStatusCode.Forbidden, ["provider"] = HttpStatusCode.Forbidden, ["city"] = HttpStatusCode.Forbidden,
            ["binjiang"] = HttpStatusCode.Forbidden, ["xihu"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound,
            ["expert"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in expected)
            Assert.True(status == (await CommentAsync(h.Users[who], "filing", id, Comment("意见"))).StatusCode, who);
        var forbidden = await CommentAsync(h.Users["city"], "filing", id, Comment("意见"));
        Assert.Contains("督导意见只能由第三方智库填写", await forbidden.Content.ReadAsStringAsync());
        // Another programme's think tank finds nothing, and nothing was stored.
        Assert.Equal(HttpStatusCode.NotFound, (await CommentAsync("cc-thinktank", "filing", id, Comment("意见"))).StatusCode);
        var list = await (await app.As(h.Users["city"])).GetFromJsonAsync<JsonElement>($"/api/supervision/filing/{id}/comments");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_bad_comment_is_refused_with_what_to_fix_and_nothing_is_stored()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var thinkTank = h.Users["thinktank"];
        async Task<string> Refused(object body)
        {
            var r = await CommentAsync(thinkTank, "filing", id, body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return await r.Content.ReadAsStringAsync();
        }
        Assert.Contains("请填写督导意见", await Refused(Comment("   ")));
        Assert.Contains("督导意见不超过2000字，现为2001字", await Refused(Comment(new string('督', 2001))));
        Assert.Contains("督导意见含有不可见的控制字符", await Refused(Comment("请补充\u0000材料")));
        Assert.Contains("需整改的意见须写明整改期限", await Refused(Comment("请整改", "rectify")));
        Assert.Contains("整改期限不能早于今天", await Refused(Comment("请整改", "rectify", "2020-01-01")));
        Assert.Contains("跟进要求应为 none（无需跟进）、watch（关注）或 rectify（需整改）", await Refused(Comment("请关注", "urgent")));
        var list = await (await app.As(thinkTank)).GetFromJsonAsync<JsonElement>($"/api/supervision/filing/{id}/comments");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        // At the limit it is kept.
        Assert.Equal(HttpStatusCode.Created, (await CommentAsync(thinkTank, "filing", id, Comment(new string('督', 2000), "none"))).StatusCode);
    }

    [Fact]
    public async Task The_page_form_keeps_what_was_typed_and_names_what_to_fix()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var browser = await app.SignedIn(h.Users["thinktank"]);
        // The browser keeps a copy of the typed comment (form-copy.js); with no comment written yet, no copy is older than one.
        Assert.False((await browser.GetDocument($"/filings/{id}")).QuerySelector("#comment-form")!.HasAttribute("data-saved-at"));
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "comment", ["__RequestVerificationToken"] = await PageClient.Token(browser, $"/filings/{id}"),
            ["Input.Text"] = "请补充三个同步的培训计划", ["Input.FollowUp"] = "Rectify",
        };
        var refused = await browser.PostAsync($"/supervision/filing/{id}/comments", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var body = WebUtility.HtmlDecode(html);
        Assert.Contains("需整改的意见须写明整改期限", body);
        Assert.Contains("请补充三个同步的培训计划</textarea>", body);
        Assert.Equal("true", PageClient.Parse(html).QuerySelector("#comment-form")!.GetAttribute("data-refused"));

        form["Input.RectifyBy"] = "2099-01-31";
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var saved = await browser.PostAsync($"/supervision/filing/{id}/comments", new FormUrlEncodedContent(form));
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"/filings/{id}?done=comment", saved.Headers.Location!.OriginalString);
        var page = await browser.GetDocument($"/filings/{id}");
        Assert.Contains("需整改（2099年1月31日前）", page.Body!.TextContent);
        // Posted: the page says when, so that the copy typed before it is let go and not offered again.
        Assert.InRange(long.Parse(page.QuerySelector("#comment-form")!.GetAttribute("data-saved-at")!), before - 1, after + 1);
    }

    [Fact]
    public async Task Only_the_author_withdraws_its_comment_and_the_text_stays_in_the_audit_trail()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var written = await CommentAsync(h.Users["thinktank"], "filing", id, Comment("合同金额与预期投入不一致，请说明。"));
        var commentId = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var otherThinkTank = await new ProgrammeAccounts(app, HangzhouFiling.Programme).UserAsync(Role.ThinkTank, displayName: "另一智库（测试）");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(otherThinkTank)).PostAsync($"/api/supervision/comments/{commentId}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(h.Users["enterprise"])).PostAsync($"/api/supervision/comments/{commentId}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(h.Users["xihu"])).PostAsync($"/api/supervision/comments/{commentId}/withdraw", null)).StatusCode);
        var author = await app.As(h.Users["thinktank"]);
        Assert.Equal(HttpStatusCode.OK, (await author.PostAsync($"/api/supervision/comments/{commentId}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await author.PostAsync($"/api/supervision/comments/{commentId}/withdraw", null)).StatusCode);
        var list = await author.GetFromJsonAsync<JsonElement>($"/api/supervision/filing/{id}/comments");
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var key = commentId.ToString();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "SupervisionComment" && a.EntityId == key).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries[0].Changes, c => c.After == "合同金额与预期投入不一致，请说明。");
        Assert.All(entries, e => Assert.Equal("杭州智库（测试）", e.ActorName));
    }

    /// <summary>The 撤回 button's post reads no form, so nothing checked its token: any page the author visited could withdraw
    /// the author's comments.</summary>
    [Fact]
    public async Task A_withdrawal_posted_without_the_pages_token_is_refused_and_the_comment_stays()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var written = await CommentAsync(h.Users["thinktank"], "filing", id, Comment("请补充合同附件。"));
        var commentId = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var browser = await app.SignedIn(h.Users["thinktank"]);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync($"/supervision/comments/{commentId}/withdraw", null)).StatusCode);

        var list = await (await app.As(h.Users["thinktank"])).GetFromJsonAsync<JsonElement>($"/api/supervision/filing/{id}/comments");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var token = await PageClient.Token(browser, $"/supervision/filing/{id}/comments");
        var withdrawn = await browser.PostAsync($"/supervision/comments/{commentId}/withdraw",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
    }

    [Fact]
    public async Task A_diagnosis_comment_is_read_by_its_district_its_provider_and_enterprise_only_and_pages_when_many()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var diagnosis = await c.OpenAsync(app);
        for (var i = 1; i <= 21; i++)
            Assert.Equal(HttpStatusCode.Created, (await CommentAsync(c.Users["thinktank"], "diagnosis", diagnosis.Id, Comment($"第{i}条：请按期上传现场照片。"))).StatusCode);

        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["city"] = HttpStatusCode.OK, ["chaoyang"] = HttpStatusCode.OK, ["provider"] = HttpStatusCode.OK, ["enterprise"] = HttpStatusCode.OK,
            ["nanguan"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound, ["expert"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in expected)
            Assert.True(status == (await (await app.As(c.Users[who])).GetAsync($"/api/supervision/diagnosis/{diagnosis.Id}/comments")).StatusCode, who);

        var provider = await app.As(c.Users["provider"]);
        var second = await provider.GetFromJsonAsync<JsonElement>($"/api/supervision/diagnosis/{diagnosis.Id}/comments?page=2");
        Assert.Equal(21, second.GetProperty("total").GetInt32());
        // Newest first: the second page of 20 holds the first one written.
        Assert.Equal("第1条：请按期上传现场照片。", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("text").GetString());
        var page = await PageAsync(c.Users["provider"], $"/diagnoses/{diagnosis.Id}");
        Assert.Contains("第三方智库督导意见（21 条）", page);
        Assert.Contains("第21条：请按期上传现场照片。", page);
        Assert.DoesNotContain("第16条：", page);
        Assert.Contains("查看全部 21 条督导意见", page);
        Assert.Contains($"href=\"/organisations/{c.Provider.Id}\"", page);
    }

    [Fact]
    public async Task Ratings_average_to_what_the_scores_give_and_feed_the_providers_table()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var second = await new ProgrammeAccounts(app, HangzhouFiling.Programme).UserAsync(Role.ThinkTank, displayName: "第二智库（测试）");
        // Hangzhou: progress 1-5★, quality 0-100, cooperation 1-5★; a star is 20 points.
        var first = await app.As(h.Users["thinktank"]);
        Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync($"/api/supervision/ratings/provider/{h.Provider.Id}",
            new { scores = new { progress = 4, quality = 75, cooperation = 3 }, remark = "进度报送偶有延迟" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(second)).PutAsJsonAsync($"/api/supervision/ratings/provider/{h.Provider.Id}",
            new { scores = new { progress = 5, quality = 90, cooperation = 4 } })).StatusCode);

        var view = await first.GetFromJsonAsync<JsonElement>($"/api/supervision/ratings/provider/{h.Provider.Id}");
        double overallFirst = (80 + 75 + 60) / 3.0, overallSecond = (100 + 90 + 80) / 3.0;
        Assert.Equal(2, view.GetProperty("count").GetInt32());
        Assert.Equal((overallFirst + overallSecond) / 2, view.GetProperty("overall").GetDouble(), 6);
        var averages = view.GetProperty("averages").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("average").GetDouble());
        Assert.Equal(4.5, averages["progress"], 6);
        Assert.Equal(82.5, averages["quality"], 6);
        Assert.Equal(3.5, averages["cooperation"], 6);

        // Rating again replaces the rater's scores (from the version it read); an old version is refused.
        var mine = view.GetProperty("ratings").EnumerateArray().Single(r => r.GetProperty("raterName").GetString() == "杭州智库（测试）");
        var version = mine.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync($"/api/supervision/ratings/provider/{h.Provider.Id}",
            new { scores = new { progress = 2, quality = 50, cooperation = 2 }, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.PutAsJsonAsync($"/api/supervision/ratings/provider/{h.Provider.Id}",
            new { scores = new { progress = 3, quality = 50, cooperation = 2 }, version })).StatusCode);
        var unversioned = await first.PutAsJsonAsync($"/api/supervision/ratings/provider/{h.Provider.Id}",
            new { scores = new { progress = 3, quality = 50, cooperation = 2 } });
        Assert.Equal(HttpStatusCode.BadRequest, unversioned.StatusCode);
        Assert.Contains("修改已有的评价时请提供读取时的版本号", await unversioned.Content.ReadAsStringAsync());
        var overallRerated = (40 + 50 + 40) / 3.0;
        var table = await (await app.As(h.Users["city"])).GetFromJsonAsync<JsonElement>("/api/supervision/provider-ratings");
        var row = table.EnumerateArray().Single(r => r.GetProperty("organisationId").GetGuid() == h.Provider.Id);
        Assert.Equal(2, row.GetProperty("ratingCount").GetInt32());
        Assert.Equal((overallRerated + overallSecond) / 2, row.GetProperty("ratingAverage").GetDouble(), 6);
        // A district's table lists the providers serving it: 滨江区 has this one, 西湖区 not.
        Assert.Contains((await (await app.As(h.Users["binjiang"])).GetFromJsonAsync<JsonElement>("/api/supervision/provider-ratings")).EnumerateArray(),
            r => r.GetProperty("organisationId").GetGuid() == h.Provider.Id);
        Assert.DoesNotContain((await (await app.As(h.Users["xihu"])).GetFromJsonAsync<JsonElement>("/api/supervision/provider-ratings")).EnumerateArray(),
            r => r.GetProperty("organisationId").GetGuid() == h.Provider.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(h.Users["provider"])).GetAsync("/api/supervision/provider-ratings")).StatusCode);

        // The earlier scores are in the rating's history.
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var key = mine.GetProperty("id").GetGuid().ToString();
        var changes = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "SupervisionRating" && a.EntityId == key).ToListAsync()).SelectMany(a => a.Changes);
        Assert.Contains(changes, ch => ch.Field == "进度按时" && ch.Before == "4星" && ch.After == "2星");
    }

    [Fact]
    public async Task Only_the_think_tank_rates_and_bad_scores_are_refused_by_criterion()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var url = $"/api/supervision/ratings/provider/{h.Provider.Id}";
        var scores = new { progress = 4, quality = 80, cooperation = 4 };
        foreach (var who in new[] { "city", "binjiang", "provider" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(h.Users[who])).PutAsJsonAsync(url, new { scores })).StatusCode);
        foreach (var who in new[] { "xihu", "enterprise", "other-provider", "expert" })
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(h.Users[who])).PutAsJsonAsync(url, new { scores })).StatusCode);
        var enterpriseUrl = $"/api/supervision/ratings/enterprise/{h.Enterprise.Id}";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(h.Users["enterprise"])).PutAsJsonAsync(enterpriseUrl,
            new { scores = new { cooperation = 5, truthfulness = 5 } })).StatusCode);

        var bad = await (await app.As(h.Users["thinktank"])).PutAsJsonAsync(url, new { scores = new { progress = 6, speed = 3 }, remark = new string('好', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("“进度按时”的评分应在1到5之间，现为6", body);
        Assert.Contains("请为“服务质量”评分（0-100分）", body);
        Assert.Contains("本试点没有“speed”这项评价指标", body);
        Assert.Contains("评价说明不超过500字，现为501字", body);
        var none = await (await app.As(h.Users["city"])).GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(0, none.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Ratings_are_read_by_the_bureaus_the_think_tank_and_the_rated_party_only()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(h.Users["thinktank"])).PutAsJsonAsync($"/api/supervision/ratings/enterprise/{h.Enterprise.Id}",
            new { scores = new { cooperation = 5, truthfulness = 4 } })).StatusCode);
        var provider = new Dictionary<string, HttpStatusCode>
        {
            ["city"] = HttpStatusCode.OK, ["thinktank"] = HttpStatusCode.OK, ["binjiang"] = HttpStatusCode.OK, ["provider"] = HttpStatusCode.OK,
            ["xihu"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound, ["enterprise"] = HttpStatusCode.NotFound, ["expert"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in provider)
            Assert.True(status == (await (await app.As(h.Users[who])).GetAsync($"/api/supervision/ratings/provider/{h.Provider.Id}")).StatusCode, who);
        var enterprise = new Dictionary<string, HttpStatusCode>
        {
            ["city"] = HttpStatusCode.OK, ["binjiang"] = HttpStatusCode.OK, ["enterprise"] = HttpStatusCode.OK,
            ["xihu"] = HttpStatusCode.NotFound, ["other-enterprise"] = HttpStatusCode.NotFound, ["provider"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in enterprise)
            Assert.True(status == (await (await app.As(h.Users[who])).GetAsync($"/api/supervision/ratings/enterprise/{h.Enterprise.Id}")).StatusCode, who);
        var own = await (await app.As(h.Users["enterprise"])).GetFromJsonAsync<JsonElement>($"/api/supervision/ratings/enterprise/{h.Enterprise.Id}");
        Assert.Equal((100 + 80) / 2.0, own.GetProperty("overall").GetDouble(), 6);
    }

    [Fact]
    public async Task The_provider_page_shows_its_work_within_the_viewers_scope_and_is_404_outside_it()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var diagnosis = await c.OpenAsync(app);
        // The enterprise's 满意度评价表, arranged directly: items 4,3,3,2,4 (mean 3.2), 满意.
        await using (var scope = app.ScopeAs(c.EnterpriseActor))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var d = await db.Diagnoses.FirstAsync(x => x.Id == diagnosis.Id);
            db.DiagnosisSatisfactions.Add(DiagnosisSatisfaction.Submit(d, [Rating.VeryGood, Rating.Good, Rating.Good, Rating.Fair, Rating.VeryGood],
                OverallSatisfaction.Satisfied, Adoption.Adopted, null, c.Enterprise.Name, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Created, (await CommentAsync(c.Users["thinktank"], "diagnosis", diagnosis.Id, Comment("团队职称结构需补充说明。"))).StatusCode);

        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["city"] = HttpStatusCode.OK, ["thinktank"] = HttpStatusCode.OK, ["chaoyang"] = HttpStatusCode.OK, ["provider"] = HttpStatusCode.OK,
            ["nanguan"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound, ["enterprise"] = HttpStatusCode.NotFound,
            ["expert"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in expected)
            Assert.True(status == (await (await app.SignedIn(c.Users[who])).GetAsync($"/organisations/{c.Provider.Id}")).StatusCode, who);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("hz-city")).GetAsync($"/api/organisations/{c.Provider.Id}")).StatusCode);

        var org = await (await app.As(c.Users["chaoyang"])).GetFromJsonAsync<JsonElement>($"/api/organisations/{c.Provider.Id}");
        Assert.Equal(c.Provider.Name, org.GetProperty("name").GetString());
        Assert.Equal(c.Provider.Uscc, org.GetProperty("uscc").GetString());
        Assert.Equal(c.Enterprise.Id, Assert.Single(org.GetProperty("served").GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(1, org.GetProperty("diagnoses").GetInt32());
        Assert.Equal(1, org.GetProperty("satisfaction").GetProperty("count").GetInt32());
        Assert.Equal([4.0, 3.0, 3.0, 2.0, 4.0], org.GetProperty("satisfaction").GetProperty("itemAverages").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal(1, org.GetProperty("commentCount").GetInt32());
        var searched = await (await app.As(c.Users["city"])).GetFromJsonAsync<JsonElement>($"/api/organisations/{c.Provider.Id}?search=没有这家企业");
        Assert.Equal(0, searched.GetProperty("served").GetProperty("total").GetInt32());

        var page = await PageAsync(c.Users["provider"], $"/organisations/{c.Provider.Id}");
        Assert.Contains("团队职称结构需补充说明。", page);
        Assert.Contains(c.Enterprise.Name, page);
        var table = await (await app.As(c.Users["city"])).GetFromJsonAsync<JsonElement>("/api/supervision/provider-ratings");
        var row = table.EnumerateArray().Single(r => r.GetProperty("organisationId").GetGuid() == c.Provider.Id);
        Assert.Equal((4 + 3 + 3 + 2 + 4) / 5.0, row.GetProperty("satisfactionAverage").GetDouble(), 6);
        Assert.Equal(1, row.GetProperty("satisfactionCount").GetInt32());
    }
}

public sealed class SupervisionTestsOnSqlite(SqliteApp app) : SupervisionTests<SqliteApp>(app);

public sealed class SupervisionTestsOnPostgres(PostgresApp app) : SupervisionTests<PostgresApp>(app);
