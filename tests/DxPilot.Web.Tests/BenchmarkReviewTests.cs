using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Text;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// Heilongjiang's review of 示范标杆 self-scores (issue 12 item 6): the province scores each of the 30 items within its points
/// (config/instruments/hlj-benchmark.json: 第1项 2分, 第7项 5分 … 100 in all), 认定 needs every item scored, recognised benchmarks are
/// published to every account of the programme; an enterprise neither reviews nor reads another's scores.
/// </summary>
public abstract class BenchmarkReviewTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    /// <summary>Each item's points, as the instrument file gives them (items 1-30).</summary>
    private static readonly decimal[] Points = [2, 3, 5, 3, 3, 4, 5, 3, 3, 3, 3, 5, 5, 3, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1];

    private static async Task<string> Body(HttpResponseMessage r) => System.Text.RegularExpressions.Regex.Unescape(await r.Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> Score(HttpClient c, Guid id, Dictionary<string, decimal?> scores, int version) =>
        c.PutAsJsonAsync($"/api/benchmark/{id}/review", new { scores, version });

    /// <summary>Full marks on every item except those left out.</summary>
    private static Dictionary<string, decimal?> FullMarks(params int[] except) =>
        Enumerable.Range(1, 30).Where(n => !except.Contains(n)).ToDictionary(n => n.ToString(), n => (decimal?)Points[n - 1]);

    private async Task<(Guid Id, string User, HttpClient City)> UnderReviewAsync(string district = "哈尔滨市")
    {
        var submitted = await HeilongjiangApplications.SubmittedAsync(app, district);
        var city = await app.As("hlj-city");
        var started = await city.PostAsJsonAsync($"/api/benchmark/{submitted.Id}/transitions", new { trigger = "startReview" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return (submitted.Id, submitted.User, city);
    }

    [Fact]
    public async Task A_score_above_the_items_points_is_refused_one_at_them_is_kept_and_nothing_is_scored_before_the_review_starts()
    {
        var submitted = await HeilongjiangApplications.SubmittedAsync(app);
        var city = await app.As("hlj-city");
        Assert.Contains("开始审核后、认定前才能评分（当前状态：待审核）", await Body(await Score(city, submitted.Id, new() { ["1"] = 2 }, 0)));
        await city.PostAsJsonAsync($"/api/benchmark/{submitted.Id}/transitions", new { trigger = "startReview" });

        var over = await Score(city, submitted.Id, new() { ["1"] = 2.5m, ["7"] = 5.1m, ["3"] = -1, ["2"] = 1.25m, ["31"] = 1 }, 0);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        var why = await Body(over);
        Assert.Contains("第1项的评分应在0至2分之间（最多一位小数），填写的是2.5", why);
        Assert.Contains("第7项的评分应在0至5分之间（最多一位小数），填写的是5.1", why);
        Assert.Contains("第3项的评分应在0至5分之间（最多一位小数），填写的是-1", why);
        Assert.Contains("第2项的评分应在0至3分之间（最多一位小数），填写的是1.25", why);
        Assert.Contains("没有第31项（共30项）", why);

        var kept = await city.PutAsJsonAsync($"/api/benchmark/{submitted.Id}/review", new { scores = new Dictionary<string, decimal?> { ["1"] = 2, ["7"] = 5, ["2"] = 0, ["3"] = 2.5m }, version = 0 });
        var saved = await kept.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(kept.IsSuccessStatusCode, saved.ToString());
        Assert.Equal(9.5m, saved.GetProperty("total").GetDecimal());
        // A page read before that save is stale.
        Assert.Equal(HttpStatusCode.Conflict, (await Score(city, submitted.Id, new() { ["1"] = 1 }, 0)).StatusCode);

        var review = await city.GetFromJsonAsync<JsonElement>($"/api/benchmark/{submitted.Id}/review");
        var first = review.GetProperty("items")[0];
        Assert.Equal((2m, 2m, 2m), (first.GetProperty("maxPoints").GetDecimal(), first.GetProperty("selfPoints").GetDecimal(), first.GetProperty("reviewerPoints").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, review.GetProperty("items")[3].GetProperty("reviewerPoints").ValueKind);
        Assert.Equal(100m, review.GetProperty("selfTotal").GetDecimal());
    }

    [Fact]
    public async Task Points_for_an_item_the_enterprise_did_not_claim_or_prove_are_refused_naming_the_item_and_a_zero_is_kept()
    {
        // Seed 000 二: "对于……1—30条选择“是”的，要逐条详细描述具体做法及提供图片证明，如没有详细描述及图片，则该项为0分。"
        // 第4项 answered 否, 第5项 not answered, 第6项 是 without a picture, 第8项 是 without a description: the enterprise's own score of each is 0,
        // and the province may not give more.
        var submitted = await HeilongjiangApplications.SubmittedAsync(app,
            answered: new Dictionary<int, DxPilot.Domain.Benchmarks.BenchmarkItemEntry?> { [4] = new(false, null), [5] = null, [8] = new(true, null) },
            withoutPicture: [6]);
        var city = await app.As("hlj-city");
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/benchmark/{submitted.Id}/transitions", new { trigger = "startReview" })).StatusCode);

        var refused = await Score(city, submitted.Id, new() { ["4"] = 3, ["5"] = 0.5m, ["6"] = 4, ["8"] = 3, ["7"] = 5 }, 0);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = await Body(refused);
        Assert.Contains("第4项：企业未选择“是”（选择“否”或未作答），审核得分只能为0分", why);
        Assert.Contains("第5项：企业未选择“是”（选择“否”或未作答），审核得分只能为0分", why);
        Assert.Contains("第6项：企业选择“是”但缺少图片证明，自评为0分，审核得分只能为0分", why);
        Assert.Contains("第8项：企业选择“是”但缺少文字描述，自评为0分，审核得分只能为0分", why);
        Assert.DoesNotContain("第7项", why);

        // Before any score is kept, the page offers each item that can only be 0 filled with 0, and leaves the others blank.
        var browser = (await BenchmarkBrowser.SignInAsync(app, "hlj-city")).Client;
        var path = $"/benchmark/{submitted.Id}/review";
        var before = await browser.GetDocument(path);
        string Offered(int no) => before.QuerySelector($"#item-{no} input")!.GetAttribute("value")!;
        Assert.Equal(["0", "0", "0", "0", ""], new[] { 4, 5, 6, 8, 7 }.Select(Offered));

        var kept = await Score(city, submitted.Id, new() { ["4"] = 0, ["5"] = 0, ["6"] = 0, ["8"] = 0, ["7"] = 5 }, 0);
        var saved = await kept.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(kept.IsSuccessStatusCode, saved.ToString());
        Assert.Equal(5m, saved.GetProperty("total").GetDecimal());

        // The review page says so beside the item, and refuses the same in Chinese.
        var page = await browser.GetDocument(path);
        Assert.Equal("企业选择“是”但缺少图片证明，自评为0分，只能为0分", page.QuerySelector("#item-6 .only-zero")!.TextContent);
        Assert.Null(page.QuerySelector("#item-7 .only-zero"));
        var token = page.QuerySelector("#review-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string> { ["_handler"] = "review", ["__RequestVerificationToken"] = token, ["Form.Version"] = "1", ["Form.Scores[4]"] = "1" };
        var shown = PageClient.Parse(await (await browser.PostAsync(path, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());
        Assert.Equal("第4项：企业未选择“是”（选择“否”或未作答），审核得分只能为0分", shown.QuerySelector("#item-4 .reason")!.TextContent);
    }

    [Fact]
    public async Task Recognising_with_an_item_unscored_is_refused_naming_it_and_the_published_list_shows_only_recognised_ones()
    {
        var (id, _, city) = await UnderReviewAsync();
        Assert.Equal(HttpStatusCode.OK, (await Score(city, id, FullMarks(7, 23), 0)).StatusCode);
        var refused = await city.PostAsJsonAsync($"/api/benchmark/{id}/transitions", new { trigger = "recognise" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("认定前须为每一项审核评分，尚未评分的2项：第7项、第23项", await Body(refused));

        var review = await city.GetFromJsonAsync<JsonElement>($"/api/benchmark/{id}/review");
        var scores = FullMarks(7, 23);
        (scores["7"], scores["23"]) = (3.5m, 0);
        Assert.Equal(HttpStatusCode.OK, (await Score(city, id, scores, review.GetProperty("version").GetInt32())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/benchmark/{id}/transitions", new { trigger = "recognise" })).StatusCode);
        var recognisedOn = ChineseText.Date(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));   // Beijing's date

        // Not listed: one still under review, one not recognised.
        var (pending, _, _) = await UnderReviewAsync();
        var (rejected, _, _) = await UnderReviewAsync("齐齐哈尔市");
        await city.PostAsJsonAsync($"/api/benchmark/{rejected}/transitions", new { trigger = "notRecognise", reason = "第3项佐证不足" });

        // Every account of the programme reads the list, an enterprise with no application too; another programme has none.
        var reader = await app.As((await HeilongjiangAccounts.EnterpriseAsync(app, "佳木斯市")).UserName);
        var listed = (await reader.GetFromJsonAsync<JsonElement>("/api/benchmarks/recognised")).EnumerateArray().ToList();
        var row = Assert.Single(listed, r => r.GetProperty("recognisedOnLabel").GetString() == recognisedOn && r.GetProperty("reviewerTotal").GetDecimal() == 95.5m);
        Assert.Equal(("哈尔滨市", "制造业"), (row.GetProperty("district").GetString(), row.GetProperty("industry").GetString()));
        var page = await (await BenchmarkBrowser.SignInAsync(app, "hlj-enterprise")).Client.GetDocument("/benchmark/recognised");
        var ids = page.QuerySelectorAll("#recognised tbody tr[data-id]").Select(tr => Guid.Parse(tr.GetAttribute("data-id")!)).ToList();
        Assert.Contains(id, ids);
        Assert.DoesNotContain(pending, ids);
        Assert.DoesNotContain(rejected, ids);
        var cells = page.QuerySelector($"#recognised tr[data-id='{id}']")!.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["哈尔滨市", "制造业", "95.5", recognisedOn], cells.Skip(2));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("cc-city")).GetAsync("/api/benchmarks/recognised")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_cannot_review_nor_read_another_enterprises_scores_and_reads_its_own_once_decided()
    {
        var (id, user, city) = await UnderReviewAsync();
        Assert.Equal(HttpStatusCode.OK, (await Score(city, id, FullMarks(), 0)).StatusCode);
        var own = await app.As(user);
        var ownScore = await Score(own, id, FullMarks(), 1);
        Assert.Equal(HttpStatusCode.Forbidden, ownScore.StatusCode);
        Assert.Contains("只有认定示范标杆的主管部门可以审核评分", await Body(ownScore));
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/api/benchmark/{id}/review")).StatusCode);   // not before the decision

        var other = await app.As((await HeilongjiangAccounts.EnterpriseAsync(app)).UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/benchmark/{id}/review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Score(other, id, FullMarks(), 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await BenchmarkBrowser.SignInAsync(app, "hlj-enterprise")).Client.GetAsync($"/benchmark/{id}/review")).StatusCode);

        // The prefecture reads the scores of its city's applications but does not score (the province recognises).
        var harbin = await app.As(await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "哈尔滨市"));
        Assert.Equal(HttpStatusCode.OK, (await harbin.GetAsync($"/api/benchmark/{id}/review")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Score(harbin, id, FullMarks(), 1)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/benchmark/{id}/transitions", new { trigger = "recognise" })).StatusCode);
        var mine = await own.GetFromJsonAsync<JsonElement>($"/api/benchmark/{id}/review");
        Assert.Equal(100m, mine.GetProperty("reviewerTotal").GetDecimal());
        // Decided: the scores no longer change.
        Assert.Equal(HttpStatusCode.Conflict, (await Score(city, id, FullMarks(1), 1)).StatusCode);
    }

    [Fact]
    public async Task The_review_page_shows_each_item_with_its_pictures_and_refuses_a_score_above_the_items_points_in_chinese()
    {
        var (id, _, _) = await UnderReviewAsync();
        var browser = (await BenchmarkBrowser.SignInAsync(app, "hlj-city")).Client;
        var path = $"/benchmark/{id}/review";
        var page = await browser.GetDocument(path);
        Assert.Equal(30, page.QuerySelectorAll("#review-form tbody tr").Length);
        Assert.NotNull(page.QuerySelector("#item-1 img[src^='/benchmark/evidence/']"));
        Assert.Equal(["recognise", "notRecognise"], page.QuerySelectorAll("#transitions button").Select(b => b.GetAttribute("data-trigger")));
        Assert.NotNull((await browser.GetDocument($"/benchmark/{id}")).QuerySelector($"#review-link[href='{path}']"));

        var token = page.QuerySelector("#review-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string> { ["_handler"] = "review", ["__RequestVerificationToken"] = token, ["Form.Version"] = "0", ["Form.Scores[1]"] = "3", ["Form.Scores[2]"] = "两分" };
        var refused = await browser.PostAsync(path, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("第2项的评分应为数字", shown.QuerySelector("#item-2 .reason")!.TextContent);
        Assert.Equal("第1项的评分应在0至2分之间（最多一位小数），填写的是3", shown.QuerySelector("#item-1 .reason")!.TextContent);
        Assert.Equal("3", shown.QuerySelector("#item-1 input")!.GetAttribute("value"));   // what was typed stays
        form["Form.Scores[2]"] = "2";
        var over = PageClient.Parse(await (await browser.PostAsync(path, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());
        Assert.Equal("第1项的评分应在0至2分之间（最多一位小数），填写的是3", over.QuerySelector("#item-1 .reason")!.TextContent);

        form["Form.Scores[1]"] = "1.5";
        var saved = await browser.PostAsync(path, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("3.5", (await browser.GetDocument(path)).QuerySelector("#reviewer-total")!.TextContent);
    }
}

public sealed class BenchmarkReviewTestsOnSqlite(SqliteApp app) : BenchmarkReviewTests<SqliteApp>(app);

public sealed class BenchmarkReviewTestsOnPostgres(PostgresApp app) : BenchmarkReviewTests<PostgresApp>(app);
