using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Awards;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.ShijiazhuangReviews;

namespace DxPilot.Web.Tests;

/// <summary>
/// The city's third-party review of award applications (seed 004 三（三）: 分四个试点行业开展评审) through the API: one panel per pilot
/// industry of a batch assigned in one action with a conflicted expert refused, experts reading and scoring only their own,
/// recognition guarded by the call's 3 reviews and given per direction, and a resubmitted application reviewed afresh.
/// </summary>
public abstract class AwardReviewTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static Task<HttpResponseMessage> Step(HttpClient client, Guid id, string trigger, int version, string? reason = null,
        string[]? directions = null) =>
        client.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger, reason, version, directions });

    /// <summary>Every text of a refusal (its title and each field's message), decoded.</summary>
    private static async Task<string> Why(HttpResponseMessage response)
    {
        static IEnumerable<string> Texts(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => [e.GetString()!],
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Texts(p.Value)),
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Texts),
            _ => [],
        };
        return string.Join("\n", Texts(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    private async Task<List<TodoItem>> TodosAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return (await scope.ServiceProvider.GetServices<ITodoSource>().OfType<AwardReviewTodo>().Single().ForAsync(actor, CancellationToken.None)).ToList();
    }

    private static async Task<int> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("version").GetInt32();

    /// <summary>A new batch of the 数智 call (any open one closed first), as the city.</summary>
    private static async Task<Guid> OpenBatchAsync(HttpClient city)
    {
        var batches = await city.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{Shuzhi}/batches");
        foreach (var open in batches.EnumerateArray().Where(b => b.GetProperty("isOpen").GetBoolean()))
            await Ok(await city.PostAsync($"/api/awards/calls/{Shuzhi}/batches/{open.GetProperty("id").GetGuid()}/close", null));
        return (await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/batches", new { name = (string?)null }))).GetProperty("id").GetGuid();
    }

    /// <summary>An application of the enterprise in the open batch, arranged 评审中 with these directions (its submission and the
    /// county's recommendation are AwardTests' subject).</summary>
    private async Task<Guid> UnderReviewAsync(Guid enterpriseId, params string[] directions)
    {
        var client = await app.As(await new ProgrammeAccounts(app, Programme).UserAsync(Role.Enterprise, enterprise: enterpriseId));
        var id = (await Ok(await client.PostAsync($"/api/awards/calls/{Shuzhi}/applications", null))).GetProperty("id").GetGuid();
        var column = "|" + string.Join("|", directions) + "|";
        await using var scope = app.DataScope(Programme);
        await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.Where(x => x.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AwardStatus.UnderReview).SetProperty(x => x.Revision, 1)
                .SetProperty(x => x.Directions, column).SetProperty(x => x.SubmittedAt, DateTime.UtcNow));
        return id;
    }

    [Fact]
    public async Task The_city_assigns_one_panel_per_industry_in_one_action_the_conflicted_expert_is_refused_and_each_expert_sees_only_its_own()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var served = await EnterpriseAsync(app, $"石家庄药业{suffix}有限公司", "正定县");
        var plain = await EnterpriseAsync(app, $"石家庄制药{suffix}有限公司", "新华区");
        var food = await EnterpriseAsync(app, $"石家庄食品{suffix}有限公司", "正定县", "现代食品制造业", "1411");
        var provider = new Organisation { ProgrammeId = Programme, Name = $"石家庄数智服务{suffix}有限公司", Kind = OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc("130123") };
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            db.Organisations.Add(provider);
            db.Assignments.Add(AssignmentPolicy.Assign(Actor.System(Programme, "测试数据"), served, provider, [], null, DateTime.UtcNow).Assignment!);
            await db.SaveChangesAsync();
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        var city = await app.As(await accounts.UserAsync(Role.CityBureau));
        var batch = await OpenBatchAsync(city);
        var servedApp = await UnderReviewAsync(served.Id, "lighthouse", "innovation");
        var plainApp = await UnderReviewAsync(plain.Id, "innovation");
        var foodApp = await UnderReviewAsync(food.Id, "innovation");

        var conflicted = (await ExpertsAsync(app, 1, provider.Id)).Single();
        var others = await ExpertsAsync(app, 2);
        var panel = new List<string> { await UserIdAsync(app, conflicted) };
        foreach (var o in others) panel.Add(await UserIdAsync(app, o));

        // Only the city assigns; a county is refused.
        var county = await app.As(await accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await county.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { batch, industry = Biomedicine, experts = panel })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { batch, industry = "纺织业", experts = panel })).StatusCode);

        var result = await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { batch, industry = Biomedicine, experts = panel }));
        Assert.Equal((5, 1), (result.GetProperty("assigned").GetInt32(), result.GetProperty("refused").GetInt32()));
        var items = result.GetProperty("items").EnumerateArray().ToList();
        // The food enterprise is another industry's panel.
        Assert.DoesNotContain(items, i => i.GetProperty("applicationId").GetGuid() == foodApp);
        var refused = items.Single(i => !i.GetProperty("assigned").GetBoolean());
        Assert.Equal((servedApp, panel[0]), (refused.GetProperty("applicationId").GetGuid(), refused.GetProperty("expertUserId").GetString()));
        Assert.Equal("利益冲突：该专家所在单位是该企业的服务商，不能评审其申报", refused.GetProperty("reason").GetString());
        Assert.All(items.Where(i => i.GetProperty("assigned").GetBoolean()), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("reason").ValueKind));

        // Assigning the same panel again keeps one review per expert per round.
        await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { batch, industry = Biomedicine, experts = panel }));
        Assert.Equal(2, (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{servedApp}/reviews")).GetArrayLength());
        Assert.Equal(3, (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{plainApp}/reviews")).GetArrayLength());

        // The conflicted expert sees only the application it was assigned; the other is not found for it.
        var conflictedClient = await app.As(conflicted);
        var mine = await conflictedClient.GetFromJsonAsync<JsonElement>("/api/awards/review");
        Assert.Equal([plainApp], mine.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await conflictedClient.GetAsync($"/api/awards/{servedApp}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await conflictedClient.GetAsync($"/api/awards/{servedApp}/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await conflictedClient.GetAsync($"/api/awards/{plainApp}")).StatusCode);

        // An expert scores its own review: out of range refused per item; another's review is not found.
        var expert = await app.As(others[0]);
        var assigned = await AssignedAsync(expert, servedApp);
        Assert.Equal(["lighthouse.digitalEquipment", "lighthouse.networked", "lighthouse.scenarios", "lighthouse.level", "lighthouse.leadership",
            "lighthouse.innovation", "innovation.improvement"], assigned.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        var reviewId = assigned.GetProperty("review").GetProperty("id").GetGuid();
        var tooHigh = await expert.PostAsJsonAsync($"/api/awards/reviews/{reviewId}", new
        {
            scores = new Dictionary<string, string> { ["lighthouse.digitalEquipment"] = "16" }, recommendation = "recognise", opinion = "好", version = 1,
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        var why = await Why(tooHigh);
        Assert.Contains("应为0到15之间的整数", why);
        Assert.Contains("请为“应用场景不少于4个（对应典型场景）（“小灯塔”标杆企业）”打分", why);
        Assert.Equal(HttpStatusCode.NotFound, (await conflictedClient.PostAsJsonAsync($"/api/awards/reviews/{reviewId}", new
        {
            scores = new Dictionary<string, string>(), recommendation = "recognise", opinion = "好", version = 1,
        })).StatusCode);
        var handedIn = await ScoreAsync(expert, servedApp, 1m, "notRecognise");
        Assert.Equal(100 + 100, handedIn.GetProperty("total").GetInt32());
        Assert.Equal(100, handedIn.GetProperty("totals").GetProperty("lighthouse").GetInt32());
        var twice = await expert.PostAsJsonAsync($"/api/awards/reviews/{reviewId}", new
        {
            scores = new Dictionary<string, string>(), recommendation = "recognise", opinion = "再交一次", version = handedIn.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("您已提交本轮评审意见，不能再次提交", await Why(twice));

        // The city sees it beside the application: scores, totals and the recommendation.
        var reviews = await city.GetFromJsonAsync<JsonElement>($"/api/awards/{servedApp}/reviews");
        var done = reviews.EnumerateArray().Single(r => r.GetProperty("submittedAt").ValueKind != JsonValueKind.Null);
        Assert.Equal(("不推荐", 100, 100), (done.GetProperty("recommendationLabel").GetString(), done.GetProperty("totals").GetProperty("lighthouse").GetInt32(),
            done.GetProperty("totals").GetProperty("innovation").GetInt32()));
    }

    [Fact]
    public async Task The_city_recognises_only_after_the_reviews_and_only_the_lighthouse_direction_for_30_wan()
    {
        var enterprise = await EnterpriseAsync(app, $"石家庄灯塔{Guid.NewGuid():N}"[..14] + "有限公司", "正定县");
        var city = await app.As(await new ProgrammeAccounts(app, Programme).UserAsync(Role.CityBureau));
        var batch = await OpenBatchAsync(city);
        var id = await UnderReviewAsync(enterprise.Id, "lighthouse", "innovation");
        var batchName = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("batch").GetProperty("name").GetString();

        var none = await Step(city, id, "recognise", await VersionAsync(city, id));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("不能认定：须先指派至少3名专家评审（已指派0名）", await Why(none));
        var notRecognise = await Step(city, id, "notRecognise", await VersionAsync(city, id), reason: "材料不全");
        Assert.Contains("不能不予认定：须先指派至少3名专家评审（已指派0名）", await Why(notRecognise));

        var cityActor = new Actor("city", "市工信局", Role.CityBureau, Programme);
        Assert.Contains(await TodosAsync(cityActor), t => t.Title == $"石家庄市中小企业数字化转型试点城市“数智”标杆中小企业申报{batchName}：评审中的申报待按行业指派评审专家（每项至少3名）"
                                                          && t.Href == $"/awards/calls/{Shuzhi}/review?batch={batch}");
        var experts = await ExpertsAsync(app, 3);
        var ids = new List<string>();
        foreach (var e in experts) ids.Add(await UserIdAsync(app, e));
        await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { industry = Biomedicine, experts = ids, applications = new[] { id } }));
        await ScoreAsync(await app.As(experts[0]), id);
        await ScoreAsync(await app.As(experts[1]), id);
        var pending = await Step(city, id, "recognise", await VersionAsync(city, id));
        Assert.Contains("不能认定：还有1名专家未提交评审意见", await Why(pending));
        // The expert still to hand in has it on its to-do list; one that handed in has nothing left.
        var due = Assert.Single(await TodosAsync(new Actor(ids[2], "专家", Role.Expert, Programme)));
        Assert.Equal(($"奖补申报专家评审：{enterprise.Name}", true), (due.Title, due.Href.StartsWith("/awards/review/")));
        Assert.Empty(await TodosAsync(new Actor(ids[0], "专家", Role.Expert, Programme)));
        Assert.Contains(await TodosAsync(cityActor), t => t.Title.EndsWith($"{batchName}：专家评审未完成，等待专家提交评审意见"));
        await ScoreAsync(await app.As(experts[2]), id, 0.6m, "notRecognise");
        Assert.Contains(await TodosAsync(cityActor), t => t.Title.EndsWith($"{batchName}：专家评审已完成，请认定或不予认定"));

        var reviews = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/reviews")).EnumerateArray().ToList();
        Assert.Equal(2, reviews.Count(r => r.GetProperty("recommendationLabel").GetString() == "推荐认定"));
        Assert.Equal(1, reviews.Count(r => r.GetProperty("recommendationLabel").GetString() == "不推荐"));
        // 0.8 of 15, 15, 20, 20, 15, 15 and of 100: 12 + 12 + 16 + 16 + 12 + 12 = 80 and 80.
        Assert.Equal(2, reviews.Count(r => r.GetProperty("totals").GetProperty("lighthouse").GetInt32() == 80 && r.GetProperty("total").GetInt32() == 160));

        var withoutReason = await Step(city, id, "recognise", await VersionAsync(city, id), directions: ["lighthouse"]);
        Assert.Contains("未认定“创新能力显著提升企业”，须填写理由", await Why(withoutReason));
        var recognised = await Ok(await Step(city, id, "recognise", await VersionAsync(city, id), "创新投入提升幅度不足", ["lighthouse"]));
        Assert.Equal("recognised", recognised.GetProperty("state").GetString());
        var view = await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}");
        Assert.Equal(30m, view.GetProperty("recognisedAmountWan").GetDecimal());
        Assert.Equal(["lighthouse"], view.GetProperty("recognisedDirections").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["innovation"], view.GetProperty("notRecognisedDirections").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("创新投入提升幅度不足", view.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());

        // The domain's amount from the stored row.
        await using var scope = app.DataScope(Programme);
        var stored = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.AsNoTracking().SingleAsync(x => x.Id == id);
        var call = scope.ServiceProvider.GetRequiredService<Infrastructure.Calls.AwardCatalog>().Find(Shuzhi)!;
        Assert.Equal(("|lighthouse|", 30m), (stored.RecognisedDirections, stored.RecognisedAmountWan(call)));
    }

    [Fact]
    public async Task A_returned_and_resubmitted_application_is_reviewed_afresh_in_round_2()
    {
        var enterprise = await EnterpriseAsync(app, $"石家庄创新{Guid.NewGuid():N}"[..14] + "有限公司", "正定县");
        await AcceptedProjectAsync(app, enterprise.Id);
        var accounts = new ProgrammeAccounts(app, Programme);
        var city = await app.As(await accounts.UserAsync(Role.CityBureau));
        var county = await app.As(await accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        var applicant = await app.As(await accounts.UserAsync(Role.Enterprise, enterprise: enterprise.Id));
        await OpenBatchAsync(city);
        var started = await Ok(await applicant.PostAsync($"/api/awards/calls/{Shuzhi}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        await ShijiazhuangAwardFiles.SignedScansAsync(applicant, id);

        async Task SubmittedAndInReviewAsync(string basics)
        {
            var draft = await Ok(await applicant.PutAsJsonAsync($"/api/awards/{id}",
                new { directions = new[] { "innovation" }, content = Innovation(basics), version = await VersionAsync(applicant, id) }));
            var submitted = await Ok(await Step(applicant, id, "submit", draft.GetProperty("version").GetInt32()));
            var recommended = await Ok(await county.PostAsJsonAsync($"/api/awards/{id}/transitions",
                new { trigger = "recommend", siteCheckNote = "已现场核查", version = submitted.GetProperty("version").GetInt32() }));
            await Ok(await Step(city, id, "startReview", recommended.GetProperty("version").GetInt32()));
        }

        await SubmittedAndInReviewAsync("企业成立于2010年，主营化学原料药。");
        var experts = await ExpertsAsync(app, 3);
        var ids = new List<string>();
        foreach (var e in experts) ids.Add(await UserIdAsync(app, e));
        await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { industry = Biomedicine, experts = ids, applications = new[] { id } }));
        var first = await app.As(experts[0]);
        await ScoreAsync(first, id);
        var second = await app.As(experts[1]);
        var stale = (await AssignedAsync(second, id)).GetProperty("review");

        await Ok(await Step(city, id, "return", await VersionAsync(city, id), "请补充研发人员占比"));
        await SubmittedAndInReviewAsync("企业成立于2010年，研发人员占比已补充。");

        // Round 1's open review can no longer be handed in; round 2 has no reviews yet, so the city cannot decide.
        var late = await second.PostAsJsonAsync($"/api/awards/reviews/{stale.GetProperty("id").GetGuid()}", new
        {
            scores = new Dictionary<string, string> { ["innovation.improvement"] = "80" }, recommendation = "recognise", opinion = "提升明显",
            version = stale.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("该申报已重新提交，本轮未指派您评审", await Why(late));
        Assert.Contains("不能认定：须先指派至少3名专家评审（已指派0名）",
            await Why(await Step(city, id, "recognise", await VersionAsync(city, id))));

        await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { industry = Biomedicine, experts = ids, applications = new[] { id } }));
        var rounds = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/reviews")).EnumerateArray().Select(r => r.GetProperty("round").GetInt32()).ToList();
        Assert.Equal([2, 2, 2, 1, 1, 1], rounds);
        foreach (var e in experts) await ScoreAsync(await app.As(e), id);
        await Ok(await Step(city, id, "recognise", await VersionAsync(city, id)));
        var view = await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}");
        Assert.Equal((2, 10m), (view.GetProperty("revision").GetInt32(), view.GetProperty("recognisedAmountWan").GetDecimal()));
    }

    [Fact]
    public async Task An_earlier_batchs_applications_under_review_stay_on_the_review_page_after_the_next_batch_opens()
    {
        // Seed 004 三（三）: "采取“动态申报、成熟一批、发布一批”的方式，逐批认定" — a batch closed for review is still reviewed and decided
        // batch by batch after the next one opens.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var accounts = new ProgrammeAccounts(app, Programme);
        var cityUser = await accounts.UserAsync(Role.CityBureau);
        var city = await app.As(cityUser);
        var earlier = await OpenBatchAsync(city);
        var early = await EnterpriseAsync(app, $"石家庄前批{suffix}有限公司", "正定县");
        var earlyApp = await UnderReviewAsync(early.Id, "innovation");
        var later = await OpenBatchAsync(city);
        var late = await EnterpriseAsync(app, $"石家庄后批{suffix}有限公司", "正定县");
        await UnderReviewAsync(late.Id, "innovation");
        var earlierName = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{earlyApp}")).GetProperty("batch").GetProperty("name").GetString();

        // The page opens on the latest batch and lists both batches with applications under review.
        var browser = await app.SignedIn(cityUser);
        var board = await browser.GetDocument($"/awards/calls/{Shuzhi}/review");
        Assert.Contains(late.Name, board.Body!.TextContent);
        Assert.DoesNotContain(early.Name, board.Body!.TextContent);
        var link = board.QuerySelector($"#batches a[data-batch='{earlier}']")!;
        Assert.Equal($"{earlierName}（评审中1项）", link.TextContent);
        Assert.Equal("page", board.QuerySelector($"#batches a[data-batch='{later}']")!.GetAttribute("aria-current"));

        // The earlier batch's page: its application, and its panel assigns there.
        var path = link.GetAttribute("href")!;
        Assert.Equal($"/awards/calls/{Shuzhi}/review?batch={earlier}", path);
        var page = await browser.GetDocument(path);
        Assert.Contains($"（{earlierName}）", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(early.Name, page.Body!.TextContent);
        Assert.DoesNotContain(late.Name, page.Body!.TextContent);
        var form = page.QuerySelectorAll("form.panel-form").Single(f => f.QuerySelector("input[name='Form.Industry']")!.GetAttribute("value") == Biomedicine);
        var expert = (await ExpertsAsync(app, 1)).Single();
        var posted = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["_handler"] = form.QuerySelector("input[name=_handler]")!.GetAttribute("value")!,
            ["Form.Industry"] = Biomedicine,
            ["Form.Experts"] = await UserIdAsync(app, expert),
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("指派结果：已指派1项，未指派0项", PageClient.Parse(await posted.Content.ReadAsStringAsync()).QuerySelector("#panel-results h2")!.TextContent);
        var reviews = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{earlyApp}/reviews")).EnumerateArray().ToList();
        Assert.Equal(await UserIdAsync(app, expert), Assert.Single(reviews).GetProperty("expertUserId").GetString());

        // The city's to-do names the earlier batch and opens its page.
        var todo = (await TodosAsync(new Actor("city", "市工信局", Role.CityBureau, Programme)))
            .Single(t => t.Href == $"/awards/calls/{Shuzhi}/review?batch={earlier}");
        Assert.Equal($"石家庄市中小企业数字化转型试点城市“数智”标杆中小企业申报{earlierName}：评审中的申报待按行业指派评审专家（每项至少3名）", todo.Title);
    }

    [Fact]
    public async Task The_city_withdraws_an_expert_who_has_not_handed_in_and_assigns_another_so_the_application_can_be_decided()
    {
        // Seed 004 三（三） has the city organise the third party's review ("分四个试点行业开展评审") and recognise batch by batch
        // ("逐批认定"); an assigned expert who never answers must not hold the decision forever: the city withdraws that assignment
        // (as it may for a filing's experts) and assigns another. A review handed in stays.
        var enterprise = await EnterpriseAsync(app, $"石家庄撤回{Guid.NewGuid():N}"[..14] + "有限公司", "正定县");
        var accounts = new ProgrammeAccounts(app, Programme);
        var cityUser = await accounts.UserAsync(Role.CityBureau, displayName: "市工信局撤回测试");
        var city = await app.As(cityUser);
        var batch = await OpenBatchAsync(city);
        var id = await UnderReviewAsync(enterprise.Id, "innovation");
        var experts = await ExpertsAsync(app, 3);
        var ids = new List<string>();
        foreach (var e in experts) ids.Add(await UserIdAsync(app, e));
        await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments", new { batch, industry = Biomedicine, experts = ids, applications = new[] { id } }));
        await ScoreAsync(await app.As(experts[0]), id);
        await ScoreAsync(await app.As(experts[1]), id);
        Assert.Contains("不能认定：还有1名专家未提交评审意见", await Why(await Step(city, id, "recognise", await VersionAsync(city, id))));

        // Only the city withdraws; a review handed in is not withdrawn.
        var county = await app.As(await accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        var refused = await county.DeleteAsync($"/api/awards/{id}/reviews/{ids[2]}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有市级主管部门可以指派评审专家", await Why(refused));
        Assert.True((await (await app.As(experts[2])).DeleteAsync($"/api/awards/{id}/reviews/{ids[2]}")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        var handedIn = await city.DeleteAsync($"/api/awards/{id}/reviews/{ids[0]}");
        Assert.Equal(HttpStatusCode.Conflict, handedIn.StatusCode);
        Assert.Contains($"{(await AssignedNameAsync(city, id, ids[0]))}已提交评审意见，不能撤回指派", await Why(handedIn));

        // The board offers 撤回指派 for the silent expert only; the form needs its antiforgery token.
        var browser = await app.SignedIn(cityUser);
        var board = await browser.GetDocument($"/awards/calls/{Shuzhi}/review?batch={batch}");
        Assert.Equal([ids[2]], board.QuerySelectorAll("form[data-withdraw]").Select(f => f.GetAttribute("data-withdraw")));
        var form = board.QuerySelector("form[data-withdraw]")!;
        Assert.Equal($"/awards/{id}/reviews/withdraw", form.GetAttribute("action"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync(form.GetAttribute("action"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["expert"] = ids[2] }))).StatusCode);
        var withdrawn = await browser.PostAsync(form.GetAttribute("action"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["expert"] = ids[2] }));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal($"/awards/calls/{Shuzhi}/review?batch={batch}", withdrawn.Headers.Location!.OriginalString);
        Assert.Equal(ids.Take(2).Order(), (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/reviews")).EnumerateArray()
            .Select(r => r.GetProperty("expertUserId").GetString()!).Order());
        // Withdrawn again: nothing left to withdraw.
        Assert.Equal(HttpStatusCode.NotFound, (await city.DeleteAsync($"/api/awards/{id}/reviews/{ids[2]}")).StatusCode);
        await using (var scope = app.DataScope(Programme))
        {
            var entries = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(AwardExpertReview) && e.Action == AuditAction.Deleted).ToListAsync();
            Assert.Contains(entries, e => e.ActorName == "市工信局撤回测试");
        }

        // Still two of three: a new expert takes the place, hands in, and the city decides.
        Assert.Contains("须先指派至少3名专家评审（已指派2名）", await Why(await Step(city, id, "recognise", await VersionAsync(city, id))));
        var replacement = (await ExpertsAsync(app, 1)).Single();
        await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/review-assignments",
            new { batch, industry = Biomedicine, experts = new[] { await UserIdAsync(app, replacement) }, applications = new[] { id } }));
        await ScoreAsync(await app.As(replacement), id);
        Assert.Equal("recognised", (await Ok(await Step(city, id, "recognise", await VersionAsync(city, id)))).GetProperty("state").GetString());
    }

    private static async Task<string> AssignedNameAsync(HttpClient city, Guid id, string expert) =>
        (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/reviews")).EnumerateArray()
        .Single(r => r.GetProperty("expertUserId").GetString() == expert).GetProperty("expertName").GetString()!;
}

public sealed class AwardReviewTestsOnSqlite(SqliteApp app) : AwardReviewTests<SqliteApp>(app);

public sealed class AwardReviewTestsOnPostgres(PostgresApp app) : AwardReviewTests<PostgresApp>(app);
