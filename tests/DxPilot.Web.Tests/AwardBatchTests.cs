using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.ShijiazhuangReviews;

namespace DxPilot.Web.Tests;

/// <summary>
/// "成熟一批、发布一批" (seed 004): the city takes 纳入评审, 认定 or 不予认定 for the applications of a batch it selected, each through
/// the single action's chain, guard, stale check and history, the refused ones named with the reason; only the city may; the
/// published list of a closed batch shows its recognised applications (enterprise, county, directions, 万元) to the bureaus and to
/// every enterprise of the programme, and as .xlsx, once the batch is closed and every application in it decided; a closed batch
/// takes no first submission.
/// </summary>
public abstract class AwardBatchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private ProgrammeAccounts Accounts => new(app, Programme);

    /// <summary>The city's client and a new open batch of the 数智 call (any open one closed first).</summary>
    private async Task<(HttpClient City, string CityUser, Guid Batch)> BatchAsync()
    {
        var user = await Accounts.UserAsync(Role.CityBureau);
        var city = await app.As(user);
        var batches = await city.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{Shuzhi}/batches");
        foreach (var open in batches.EnumerateArray().Where(b => b.GetProperty("isOpen").GetBoolean()))
            await Ok(await city.PostAsync($"/api/awards/calls/{Shuzhi}/batches/{open.GetProperty("id").GetGuid()}/close", null));
        var batch = (await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/batches", new { name = (string?)null }))).GetProperty("id").GetGuid();
        return (city, user, batch);
    }

    /// <summary>An enterprise's application started in the open batch through the API and put at <paramref name="state"/> with these
    /// directions (its submission and recommendation are AwardThroughTests' subject).</summary>
    private async Task<Guid> AtAsync(Enterprise enterprise, AwardStatus state, params string[] directions)
    {
        var client = await app.As(await Accounts.UserAsync(Role.Enterprise, enterprise: enterprise.Id));
        var id = (await Ok(await client.PostAsync($"/api/awards/calls/{Shuzhi}/applications", null))).GetProperty("id").GetGuid();
        await using var scope = app.DataScope(Programme);
        await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.Where(x => x.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, state).SetProperty(x => x.Revision, 1)
                .SetProperty(x => x.Directions, "|" + string.Join("|", directions) + "|").SetProperty(x => x.SubmittedAt, DateTime.UtcNow));
        return id;
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/awards/{id}");

    private static Task<HttpResponseMessage> Batch(HttpClient client, string action, IEnumerable<(Guid Id, int Version)> items, string? reason = null) =>
        client.PostAsJsonAsync("/api/awards/batch", new
        {
            call = Shuzhi, action, ids = items.Select(i => i.Id), versions = items.ToDictionary(i => i.Id, i => i.Version), reason,
        });

    private static Dictionary<Guid, JsonElement> Items(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Bulk_start_review_takes_the_ones_it_may_and_names_the_stale_and_the_wrong_state_ones_changing_nothing_of_theirs()
    {
        var (city, _, _) = await BatchAsync();
        var s = Suffix();
        var ready = await AtAsync(await EnterpriseAsync(app, $"石家庄纳入{s}甲有限公司", "正定县"), AwardStatus.Recommended, "innovation");
        var stale = await AtAsync(await EnterpriseAsync(app, $"石家庄纳入{s}乙有限公司", "正定县"), AwardStatus.Recommended, "innovation");
        var early = await AtAsync(await EnterpriseAsync(app, $"石家庄纳入{s}丙有限公司", "新华区"), AwardStatus.Submitted, "innovation");
        var read = new Dictionary<Guid, int>();
        foreach (var id in new[] { ready, stale, early }) read[id] = (await ReadAsync(city, id)).GetProperty("version").GetInt32();

        // After the page was read, another city official returned one of them.
        var colleague = await app.As(await Accounts.UserAsync(Role.CityBureau, displayName: "市工信局王科长"));
        var returned = await Ok(await colleague.PostAsJsonAsync($"/api/awards/{stale}/transitions", new { trigger = "return", reason = "请补充研发投入明细", version = read[stale] }));

        Assert.Equal(read[stale] + 1, returned.GetProperty("version").GetInt32());
        var result = await Ok(await Batch(city, "startReview", read.Select(r => (r.Key, r.Value))));
        Assert.Equal((1, 2), (result.GetProperty("done").GetInt32(), result.GetProperty("refused").GetInt32()));
        var items = Items(result);
        Assert.Equal((true, $"石家庄纳入{s}甲有限公司", "已纳入评审批次"),
            (items[ready].GetProperty("done").GetBoolean(), items[ready].GetProperty("name").GetString(), items[ready].GetProperty("message").GetString()));
        Assert.False(items[stale].GetProperty("done").GetBoolean());
        Assert.Equal($"石家庄纳入{s}乙有限公司", items[stale].GetProperty("name").GetString());
        Assert.StartsWith("保存失败：申报书在您打开之后已被市工信局王科长", items[stale].GetProperty("message").GetString());
        Assert.False(items[early].GetProperty("done").GetBoolean());
        Assert.Equal("当前状态为“待县区审核”，不能纳入评审批次", items[early].GetProperty("message").GetString());

        // The one taken went through the chain with its history; the two refused are as they were.
        var taken = await ReadAsync(city, ready);
        Assert.Equal("underReview", taken.GetProperty("state").GetString());
        Assert.Equal(["纳入评审批次"], taken.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var staleNow = await ReadAsync(city, stale);
        Assert.Equal(("returned", returned.GetProperty("version").GetInt32()), (staleNow.GetProperty("state").GetString(), staleNow.GetProperty("version").GetInt32()));
        Assert.Equal(["退回修改"], staleNow.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var earlyNow = await ReadAsync(city, early);
        Assert.Equal(("submitted", read[early]), (earlyNow.GetProperty("state").GetString(), earlyNow.GetProperty("version").GetInt32()));
        Assert.Empty(earlyNow.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Bulk_recognition_recognises_every_direction_applied_for_where_all_experts_recommend_and_bulk_rejection_needs_one_reason()
    {
        var (city, _, _) = await BatchAsync();
        var s = Suffix();
        var both = await AtAsync(await EnterpriseAsync(app, $"石家庄认定{s}甲有限公司", "正定县"), AwardStatus.UnderReview, "lighthouse", "innovation");
        var doubted = await AtAsync(await EnterpriseAsync(app, $"石家庄认定{s}乙有限公司", "正定县"), AwardStatus.UnderReview, "innovation");
        var unreviewed = await AtAsync(await EnterpriseAsync(app, $"石家庄认定{s}丙有限公司", "新华区"), AwardStatus.UnderReview, "innovation");
        await ReviewedAsync(app, city, both);
        // One expert of three does not recommend: the city decides that one on its own page.
        var experts = await ExpertsAsync(app, 3);
        var ids = new List<string>();
        foreach (var e in experts) ids.Add(await UserIdAsync(app, e));
        await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { industry = Biomedicine, experts = ids, applications = new[] { doubted } }));
        for (var i = 0; i < 3; i++) await ScoreAsync(await app.As(experts[i]), doubted, recommendation: i == 0 ? "notRecognise" : "recognise");

        var read = new List<(Guid, int)>();
        foreach (var id in new[] { both, doubted, unreviewed }) read.Add((id, (await ReadAsync(city, id)).GetProperty("version").GetInt32()));
        var result = await Ok(await Batch(city, "recognise", read));
        Assert.Equal((1, 2), (result.GetProperty("done").GetInt32(), result.GetProperty("refused").GetInt32()));
        var items = Items(result);
        Assert.Equal("已认定", items[both].GetProperty("message").GetString());
        Assert.Equal("有1名专家不推荐认定，请在申报页逐项决定认定的方向", items[doubted].GetProperty("message").GetString());
        Assert.Equal("不能认定：须先指派至少3名专家评审（已指派0名）", items[unreviewed].GetProperty("message").GetString());
        // 小灯塔 30 + 创新 10: both directions applied for.
        var recognised = await ReadAsync(city, both);
        Assert.Equal(("recognised", 40m), (recognised.GetProperty("state").GetString(), recognised.GetProperty("recognisedAmountWan").GetDecimal()));
        Assert.Equal(["lighthouse", "innovation"], recognised.GetProperty("recognisedDirections").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("underReview", (await ReadAsync(city, doubted)).GetProperty("state").GetString());

        // 不予认定 without a reason is refused as a whole, nothing done.
        var rest = new List<(Guid, int)>();
        foreach (var id in new[] { doubted, unreviewed }) rest.Add((id, (await ReadAsync(city, id)).GetProperty("version").GetInt32()));
        var noReason = await Batch(city, "notRecognise", rest);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("不予认定须填写理由", await noReason.Content.ReadAsStringAsync());
        Assert.Equal("underReview", (await ReadAsync(city, doubted)).GetProperty("state").GetString());

        var rejected = await Ok(await Batch(city, "notRecognise", rest, "场景成效数据不足"));
        Assert.Equal((1, 1), (rejected.GetProperty("done").GetInt32(), rejected.GetProperty("refused").GetInt32()));
        Assert.Equal("不能不予认定：须先指派至少3名专家评审（已指派0名）", Items(rejected)[unreviewed].GetProperty("message").GetString());
        var notRecognised = await ReadAsync(city, doubted);
        Assert.Equal("notRecognised", notRecognised.GetProperty("state").GetString());
        var last = notRecognised.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("不予认定", "场景成效数据不足"), (last.GetProperty("action").GetString(), last.GetProperty("reason").GetString()));
        Assert.Equal("underReview", (await ReadAsync(city, unreviewed)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Only_the_city_takes_batch_actions_and_an_application_out_of_its_scope_is_refused_unnamed()
    {
        var (city, _, batch) = await BatchAsync();
        var s = Suffix();
        var enterprise = await EnterpriseAsync(app, $"石家庄权限{s}有限公司", "正定县");
        var id = await AtAsync(enterprise, AwardStatus.Recommended, "innovation");
        var version = (await ReadAsync(city, id)).GetProperty("version").GetInt32();
        var county = await app.As(await Accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        var expert = await app.As((await ExpertsAsync(app, 1)).Single());
        var thinkTank = await app.As(await Accounts.UserAsync(Role.ThinkTank));
        var owner = await app.As(await Accounts.UserAsync(Role.Enterprise, enterprise: enterprise.Id));
        foreach (var (client, status) in new[] { (county, HttpStatusCode.Forbidden), (thinkTank, HttpStatusCode.Forbidden), (owner, HttpStatusCode.Forbidden) })
            Assert.Equal(status, (await Batch(client, "startReview", [(id, version)])).StatusCode);
        // An expert takes no part in the call's chain at this step: refused too, and finds no page.
        Assert.True((await Batch(expert, "startReview", [(id, version)])).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        var countyUser = await Accounts.UserAsync(Role.DistrictBureau, district: "正定县");
        var browser = await app.SignedIn(countyUser);
        var refusedPage = await browser.GetAsync($"/awards/calls/{Shuzhi}/batches/{batch}/actions");
        Assert.Equal(HttpStatusCode.Forbidden, refusedPage.StatusCode);
        var refusedDoc = PageClient.Parse(await refusedPage.Content.ReadAsStringAsync());
        Assert.Contains("县（市、区）工信主管部门无权批量纳入评审批次", refusedDoc.QuerySelector("#refusal")!.TextContent);
        Assert.Null(refusedDoc.QuerySelector("#queue"));
        Assert.Equal("recommended", (await ReadAsync(city, id)).GetProperty("state").GetString());

        // A draft is the enterprise's own and an id of nothing: both refused as out of scope, with no name given.
        var draftOwner = await EnterpriseAsync(app, $"石家庄草稿{s}有限公司", "正定县");
        var draft = (await Ok(await (await app.As(await Accounts.UserAsync(Role.Enterprise, enterprise: draftOwner.Id)))
            .PostAsync($"/api/awards/calls/{Shuzhi}/applications", null))).GetProperty("id").GetGuid();
        var result = Items(await Ok(await Batch(city, "startReview", [(draft, 1), (Guid.NewGuid(), 1)])));
        Assert.All(result.Values, r => Assert.Equal(("", false, "不在您的权限范围内"), (r.GetProperty("name").GetString(), r.GetProperty("done").GetBoolean(), r.GetProperty("message").GetString())));
        // The request itself wrong: nothing chosen, an action a batch does not take.
        Assert.Equal(HttpStatusCode.BadRequest, (await Batch(city, "startReview", [])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Batch(city, "submit", [(id, version)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.PostAsJsonAsync("/api/awards/batch", new { call = "no-such-call", action = "startReview", ids = new[] { id } })).StatusCode);
    }

    [Fact]
    public async Task The_city_ticks_applications_on_the_batch_page_and_reads_what_was_done_and_what_was_not()
    {
        var (_, cityUser, batch) = await BatchAsync();
        var s = Suffix();
        var first = await AtAsync(await EnterpriseAsync(app, $"石家庄页面{s}甲有限公司", "正定县"), AwardStatus.Recommended, "innovation");
        var second = await AtAsync(await EnterpriseAsync(app, $"石家庄页面{s}乙有限公司", "新华区"), AwardStatus.Recommended, "lighthouse");
        var client = await app.SignedIn(cityUser);
        var path = $"/awards/calls/{Shuzhi}/batches/{batch}/actions";
        var page = await client.GetDocument(path);
        Assert.NotNull(page.QuerySelector("#select-all[data-select-all='Form.Items']"));
        Assert.Contains("批量认定认定每项申报所申报的全部方向", page.QuerySelector("#batch-rule")!.TextContent);
        var boxes = page.QuerySelectorAll("#queue input[name='Form.Items']").Select(b => b.GetAttribute("value")!).ToList();
        Assert.Equal(2, boxes.Count);
        Assert.All(boxes, b => Assert.Matches(@"^[0-9a-f-]{36}:\d+$", b));
        var form = page.QuerySelector("#batch-form")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("_handler", form.QuerySelector("input[name=_handler]")!.GetAttribute("value")!),
            new("Form.Action", "startReview"),
        };
        fields.AddRange(boxes.Select(b => new KeyValuePair<string, string>("Form.Items", b)));
        // Without the antiforgery token the post is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(path, new FormUrlEncodedContent(fields.Skip(1)))).StatusCode);

        // The second was taken by another hand since: the page's version no longer holds.
        var colleague = await app.As(await Accounts.UserAsync(Role.CityBureau));
        await Ok(await colleague.PostAsJsonAsync($"/api/awards/{second}/transitions", new { trigger = "startReview", version = (await ReadAsync(colleague, second)).GetProperty("version").GetInt32() }));
        var posted = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var result = PageClient.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Equal("办理结果：已办1项，未办1项", result.QuerySelector("#results h2")!.TextContent);
        Assert.Contains("已纳入评审批次", result.QuerySelector($"#results tr[data-id='{first}']")!.TextContent);
        var refused = result.QuerySelector($"#results tr[data-id='{second}']")!.TextContent;
        Assert.Contains($"石家庄页面{s}乙有限公司", refused);
        Assert.Contains("保存失败：申报书在您打开之后已被", refused);
    }

    [Fact]
    public async Task A_closed_batch_publishes_its_recognised_applications_to_the_bureaus_and_the_programmes_enterprises_and_as_xlsx()
    {
        var (city, _, batch) = await BatchAsync();
        var s = Suffix();
        var lighthouse = await EnterpriseAsync(app, $"石家庄名单{s}甲有限公司", "正定县");
        var twoWays = await EnterpriseAsync(app, $"石家庄名单{s}乙有限公司", "新华区");
        var rejected = await EnterpriseAsync(app, $"石家庄名单{s}丙有限公司", "正定县");
        var pending = await EnterpriseAsync(app, $"石家庄名单{s}丁有限公司", "正定县");
        var a = await AtAsync(lighthouse, AwardStatus.UnderReview, "lighthouse");
        var b = await AtAsync(twoWays, AwardStatus.UnderReview, "smartFactory", "innovation");
        var c = await AtAsync(rejected, AwardStatus.UnderReview, "innovation");
        var d = await AtAsync(pending, AwardStatus.UnderReview, "innovation");
        foreach (var id in new[] { a, b, c, d }) await ReviewedAsync(app, city, id);
        async Task<(Guid, int)> Read(Guid id) => (id, (await ReadAsync(city, id)).GetProperty("version").GetInt32());
        await Ok(await Batch(city, "recognise", [await Read(a), await Read(b)]));
        await Ok(await Batch(city, "notRecognise", [await Read(c)], "成效数据不足"));
        // An application recognised in an earlier batch is not this batch's.
        var earlier = await ShijiazhuangAwards.ApplicationAsync(app, await EnterpriseAsync(app, $"石家庄名单{s}戊有限公司", "正定县"), Shuzhi, AwardStatus.Recognised, "lighthouse");

        var path = $"/api/awards/calls/{Shuzhi}/batches/{batch}/published";
        // Open: nothing is published yet.
        Assert.Equal(HttpStatusCode.Conflict, (await city.GetAsync(path)).StatusCode);
        var name = (await Ok(await city.PostAsync($"/api/awards/calls/{Shuzhi}/batches/{batch}/close", null))).GetProperty("name").GetString();
        // Seed 004 三（三）"成熟一批、发布一批": closed, the batch is published only once mature — one application still awaits the
        // city's decision, so nothing is published yet, to any reader, and the batches page offers no list.
        var early = await city.GetAsync(path);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains($"{name}尚有1项申报未作出认定结论，认定名单在本批申报全部作出结论后发布", await early.Content.ReadAsStringAsync());
        var cityPages = await app.SignedIn(await Accounts.UserAsync(Role.CityBureau));
        Assert.Null((await cityPages.GetDocument($"/awards/calls/{Shuzhi}/batches")).QuerySelector($"[data-published='{batch}']"));
        await Ok(await Batch(city, "notRecognise", [await Read(d)], "成效数据不足"));
        Assert.NotNull((await cityPages.GetDocument($"/awards/calls/{Shuzhi}/batches")).QuerySelector($"[data-published='{batch}']"));

        var outsider = await app.As(await Accounts.UserAsync(Role.Enterprise, enterprise: (await EnterpriseAsync(app, $"石家庄旁观{s}有限公司", "新华区")).Id));
        var readers = new[]
        {
            city, await app.As(await Accounts.UserAsync(Role.DistrictBureau, district: "正定县")), await app.As(await Accounts.UserAsync(Role.ThinkTank)), outsider,
        };
        foreach (var reader in readers)
        {
            var list = await Ok(await reader.GetAsync(path));
            var rows = list.GetProperty("items").EnumerateArray().ToList();
            // Only the two recognised in this batch, by county then name: 新华区 车间 20 + 创新 10 = 30; 正定县 小灯塔 30.
            Assert.Equal([(twoWays.Name, "新华区", "数字化车间及智能工厂、创新能力显著提升企业", 30m), (lighthouse.Name, "正定县", "“小灯塔”标杆企业", 30m)],
                rows.Select(r => (r.GetProperty("enterpriseName").GetString(), r.GetProperty("district").GetString(),
                    string.Join("、", r.GetProperty("directions").EnumerateArray().Select(d => d.GetString())), r.GetProperty("amountWan").GetDecimal())));
            Assert.Equal(60m, list.GetProperty("totalWan").GetDecimal());
            Assert.DoesNotContain(rows, r => r.GetProperty("id").GetGuid() == earlier);
        }
        // Neither a service provider (not a participant of the call) nor an expert reads it; another call's batch is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(await Accounts.UserAsync(Role.ServiceProvider))).GetAsync(path)).StatusCode);
        Assert.True((await (await app.As((await ExpertsAsync(app, 1)).Single())).GetAsync(path)).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/awards/calls/sjz-chain-2025/batches/{batch}/published")).StatusCode);

        // The workbook: title, the page's headers, the rows and the total; names as text and amounts as numbers, no formula.
        var cells = Annex5Sheets.Cells(await outsider.GetByteArrayAsync(path + ".xlsx"));
        Assert.DoesNotContain(cells.Values, v => v.Formula);
        Assert.Equal(["序号", "企业名称", "县（市、区）", "认定方向", "奖补金额（万元）"], new[] { "A2", "B2", "C2", "D2", "E2" }.Select(r => cells[r].Text));
        Assert.Equal((twoWays.Name, "30", true), (cells["B3"].Text, cells["E3"].Text, cells["E3"].Number));
        Assert.Equal((lighthouse.Name, "正定县"), (cells["B4"].Text, cells["C4"].Text));
        Assert.Equal(("合计", "60"), (cells["A5"].Text, cells["E5"].Text));
        Assert.False(cells.ContainsKey("B6"));

        // The page: the enterprise reads the same list, the latest closed batch by default.
        var browser = await app.SignedIn(await Accounts.UserAsync(Role.Enterprise, enterprise: lighthouse.Id));
        var page = await browser.GetDocument($"/awards/calls/{Shuzhi}/published?batch={batch}");
        Assert.Equal([twoWays.Name, lighthouse.Name], page.QuerySelectorAll("#published tbody tr").Select(r => r.Children[1].TextContent));
        Assert.Equal("60.00", page.QuerySelector("#total")!.TextContent);
    }

    [Fact]
    public async Task A_closed_batch_takes_no_first_submission_but_a_returned_application_is_resubmitted_into_it()
    {
        // The batches page (AwardBatchesPage): "同一时间只有一批开放，企业在开放的批次中申报；截止后该批进入审核和评审" — seed 004 三（三）
        // "动态申报、成熟一批、发布一批，逐批认定": a batch closed (截止) for review takes no new application.
        var late = await ShijiazhuangAward.CreateAsync(app);
        var batch = await late.OpenBatchAsync(app);
        var returned = await ShijiazhuangAward.CreateAsync(app);
        var (draft, version) = await late.DraftedAsync(app);
        var (submitted, _) = await returned.SubmittedAsync(app);
        var city = await app.As(late.Users["city"]);
        var name = (await Ok(await city.PostAsync($"/api/awards/calls/{Shuzhi}/batches/{batch}/close", null))).GetProperty("name").GetString();

        var owner = await app.As(late.Users["enterprise"]);
        var view = await owner.GetFromJsonAsync<JsonElement>($"/api/awards/{draft}");
        Assert.Equal($"{name}已截止，不能再提交新的申报；请在下一批开放后申报", view.GetProperty("submissionProblems").EnumerateArray().First().GetString());
        var refused = await owner.PostAsJsonAsync($"/api/awards/{draft}/transitions", new { trigger = "submit", version });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"以下1项不符合要求，不能提交：{name}已截止，不能再提交新的申报；请在下一批开放后申报", await refused.Content.ReadAsStringAsync());
        Assert.Equal("draft", (await ReadAsync(owner, draft)).GetProperty("state").GetString());

        // Returned by its county after the batch closed, the application is revised and goes back into its batch.
        var county = await app.As(returned.Users["zhengding"]);
        await Ok(await county.PostAsJsonAsync($"/api/awards/{submitted}/transitions",
            new { trigger = "return", reason = "请补充研发投入明细", version = (await ReadAsync(county, submitted)).GetProperty("version").GetInt32() }));
        var applicant = await app.As(returned.Users["enterprise"]);
        var again = await Ok(await applicant.PostAsJsonAsync($"/api/awards/{submitted}/transitions",
            new { trigger = "submit", version = (await ReadAsync(applicant, submitted)).GetProperty("version").GetInt32() }));
        Assert.Equal(("submitted", 2), (again.GetProperty("state").GetString(), again.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task A_returned_application_left_unrevised_is_ended_for_its_batch_once_closed_and_the_batchs_list_is_published()
    {
        // Seed 004 三（三）"成熟一批、发布一批": the list waits for every decision, and a returned application waits for its
        // applicant. Left unrevised it would hold its batch's 认定名单 forever; once the batch has closed the city ends it for
        // this batch (本批不予认定), and the enterprise may apply again in a later one.
        var arranged = await ShijiazhuangAward.CreateAsync(app);
        var batch = await arranged.OpenBatchAsync(app);
        var (id, _) = await arranged.SubmittedAsync(app);
        var county = await app.As(arranged.Users["zhengding"]);
        await Ok(await county.PostAsJsonAsync($"/api/awards/{id}/transitions",
            new { trigger = "return", reason = "请补充研发投入明细", version = (await ReadAsync(county, id)).GetProperty("version").GetInt32() }));
        // While it is returned the enterprise adds its licence (one of 附件4 三、相关附件), then leaves it.
        var licence = ShijiazhuangAwardFiles.Upload("evidence", [("营业执照.pdf", ShijiazhuangAwardFiles.Pdf)]);
        licence.Add(new StringContent("businessLicence"), "subject");
        Assert.True((await (await app.As(arranged.Users["enterprise"])).PostAsync($"/api/awards/{id}/files", licence)).IsSuccessStatusCode);
        var city = await app.As(arranged.Users["city"]);
        async Task<HttpResponseMessage> Lapse(HttpClient who, string? reason) => await who.PostAsJsonAsync($"/api/awards/{id}/transitions",
            new { trigger = "lapse", reason, version = (await ReadAsync(city, id)).GetProperty("version").GetInt32() });

        // While the batch is open the enterprise still has time to revise; a county may not end an application.
        var early = await Lapse(city, "逾期未重新提交");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("本批次尚未截止，企业仍可修改后重新提交；批次截止后方可本批不予认定", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Lapse(county, "逾期未重新提交")).StatusCode);

        var name = (await Ok(await city.PostAsync($"/api/awards/calls/{Shuzhi}/batches/{batch}/close", null))).GetProperty("name").GetString();
        var path = $"/api/awards/calls/{Shuzhi}/batches/{batch}/published";
        var waiting = await city.GetAsync(path);
        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        Assert.Contains($"{name}尚有1项申报未作出认定结论，认定名单在本批申报全部作出结论后发布（其中1项已退回修改、企业尚未重新提交",
            await waiting.Content.ReadAsStringAsync());
        // The batches page says what the list waits for and links the returned applications.
        var cityPages = await app.SignedIn(arranged.Users["city"]);
        var row = (await cityPages.GetDocument($"/awards/calls/{Shuzhi}/batches")).QuerySelector($"[data-waiting-returned='{batch}']");
        Assert.Equal("名单待1项退回修改的申报重新提交或本批不予认定", row!.TextContent);
        Assert.Equal($"/awards?call={Shuzhi}&batch={batch}&state=returned", row.QuerySelector("a")!.GetAttribute("href"));
        // The application's page offers the city the action, with its reason.
        var detail = await cityPages.GetDocument($"/awards/{id}");
        Assert.Contains("本批不予认定", detail.QuerySelector("button[data-trigger='lapse']")!.TextContent);

        Assert.Equal(HttpStatusCode.BadRequest, (await Lapse(city, " ")).StatusCode);
        var ended = await Ok(await Lapse(city, "批次截止后未按意见修改重新提交"));
        Assert.Equal("notRecognised", ended.GetProperty("state").GetString());
        var list = await Ok(await city.GetAsync(path));
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Null((await cityPages.GetDocument($"/awards/calls/{Shuzhi}/batches")).QuerySelector($"[data-waiting-returned='{batch}']"));

        // The enterprise reads the end and its reason, and applies again in the next batch.
        var owner = await app.As(arranged.Users["enterprise"]);
        Assert.Equal("本批未通过认定", (await ReadAsync(owner, id)).GetProperty("stateLabel").GetString());
        var ownerPage = await (await app.SignedIn(arranged.Users["enterprise"])).GetDocument($"/awards/{id}");
        Assert.Equal("不予认定理由：批次截止后未按意见修改重新提交", ownerPage.QuerySelector("#last-reason")!.TextContent.Trim());
        await arranged.OpenBatchAsync(app);
        var (again, _) = await arranged.StartAsync(app);
        Assert.NotEqual(id, again);
        var carried = await ReadAsync(owner, again);
        Assert.Equal("企业成立于2010年，主营化学原料药。", carried.GetProperty("content").GetProperty("texts").GetProperty("innovation").GetProperty("sections").GetProperty("basics").GetString());
        Assert.Equal(id, carried.GetProperty("carriedFrom").GetProperty("id").GetGuid());
        // Its files come over but the signed 承诺书 and 申报声明, which each submission brings signed anew.
        var files = await owner.GetFromJsonAsync<JsonElement>($"/api/awards/{again}/files");
        Assert.Equal([("evidence", "营业执照.pdf")], files.EnumerateArray().Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("name").GetString())));
        var earlierFiles = await owner.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/files");
        Assert.Equal(3, earlierFiles.GetArrayLength());
    }
}

public sealed class AwardBatchTestsOnSqlite(SqliteApp app) : AwardBatchTests<SqliteApp>(app);

public sealed class AwardBatchTestsOnPostgres(PostgresApp app) : AwardBatchTests<PostgresApp>(app);
