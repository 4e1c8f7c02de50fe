using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using DxPilot.Domain.Awards;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Awards;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The award pages as a browser without script uses them (seed 004): each role reads what its scope holds and the Chinese
/// not-found page outside it; the applicant's draft keeps a text over its limit with a red counter while submission names the
/// broken limit; the county cannot recommend without its site-check note and keeps what it typed; posts without the
/// antiforgery token are refused; a text with markup is shown as text; the list filters, pages and counts exactly.
/// </summary>
public abstract class AwardPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Call = ShijiazhuangAward.Call;

    private async Task<ShijiazhuangAward> CreateAsync(bool accepted = true)
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var arranged = await ShijiazhuangAward.CreateAsync(app, accepted);
        await arranged.OpenBatchAsync(app);
        return arranged;
    }

    private static string Token(IHtmlDocument page, string form) =>
        page.QuerySelector($"{form} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Posts the 申报书 form with these fields (and the version on the page unless one is given).</summary>
    private static async Task<HttpResponseMessage> PostDraft(HttpClient client, Guid id, IEnumerable<KeyValuePair<string, string>> fields, string action = "save",
        string? version = null, bool token = true)
    {
        var page = await client.GetDocument($"/awards/{id}");
        var posted = new List<KeyValuePair<string, string>>(fields)
        {
            new("_handler", "award"), new("Action", action),
            new("Version", version ?? page.QuerySelector("#award-form input[name=Version]")!.GetAttribute("value")!),
        };
        if (token) posted.Add(new("__RequestVerificationToken", Token(page, "#award-form")));
        return await client.PostAsync($"/awards/{id}", new FormUrlEncodedContent(posted), Ct);
    }

    private static async Task<HttpResponseMessage> PostMove(HttpClient client, Guid id, string trigger, string? reason = null, string? note = null, bool token = true)
    {
        var page = await client.GetDocument($"/awards/{id}");
        var posted = new List<KeyValuePair<string, string>>
        {
            new("_handler", "transition"), new("Act.Trigger", trigger), new("Act.Reason", reason ?? ""), new("Act.SiteCheckNote", note ?? ""),
            new("Act.Version", page.QuerySelector("#transitions input[name='Act.Version']")!.GetAttribute("value")!),
        };
        if (token) posted.Add(new("__RequestVerificationToken", Token(page, "#transitions")));
        return await client.PostAsync($"/awards/{id}", new FormUrlEncodedContent(posted), Ct);
    }

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private static async Task<IHtmlDocument> Parse(HttpResponseMessage response) => PageClient.Parse(await response.Content.ReadAsStringAsync(Ct));

    [Fact]
    public async Task Each_role_reads_the_pages_in_its_scope_and_the_chinese_not_found_page_answers_outside_it()
    {
        var a = await CreateAsync();
        var (id, _) = await a.SubmittedAsync(app);
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["enterprise"] = HttpStatusCode.OK, ["zhengding"] = HttpStatusCode.OK, ["city"] = HttpStatusCode.OK, ["thinktank"] = HttpStatusCode.OK,
            ["xinhua"] = HttpStatusCode.NotFound, ["other-enterprise"] = HttpStatusCode.NotFound, ["provider"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in expected)
        {
            var client = await app.SignedIn(a.Users[who]);
            foreach (var path in new[] { $"/awards/{id}", $"/awards/{id}/revisions/1" })
            {
                var response = await client.GetAsync(path, Ct);
                Assert.True(status == response.StatusCode, $"{who} {path}: {response.StatusCode}");
                if (status == HttpStatusCode.NotFound)
                {
                    var text = (await Parse(response)).Body!.TextContent;
                    Assert.Contains("找不到该页面或记录", text);
                    Assert.DoesNotContain(a.Name, text);
                }
            }
            var list = await client.GetAsync($"/awards?call={Call}", Ct);
            // The provider takes no part in the calls: the list is not there for it.
            Assert.Equal(who == "provider" ? HttpStatusCode.NotFound : HttpStatusCode.OK, list.StatusCode);
            if (list.StatusCode == HttpStatusCode.OK)
                Assert.Equal(status == HttpStatusCode.OK, (await list.Content.ReadAsStringAsync(Ct)).Contains(id.ToString()));
        }
        // A revision never submitted is not there; the batches and invitations pages answer their roles.
        var city = await app.SignedIn(a.Users["city"]);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/awards/{id}/revisions/2", Ct)).StatusCode);
        var batches = await city.GetDocument($"/awards/calls/{Call}/batches");
        Assert.NotNull(batches.QuerySelector("#close-batch"));
        Assert.Null((await (await app.SignedIn(a.Users["zhengding"])).GetDocument($"/awards/calls/{Call}/batches")).QuerySelector("#batch-form"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn(a.Users["enterprise"])).GetAsync("/awards/invitations", Ct)).StatusCode);

        // The enterprise reads its applicant labels; the county the chain's own, with the 汇总表 link for the current batch.
        var mine = await (await app.SignedIn(a.Users["enterprise"])).GetDocument($"/awards?call={Call}");
        Assert.Equal("已提交，待县区审核", mine.QuerySelector($"tr[data-award='{id}'] td[data-status]")!.TextContent.Trim());
        Assert.Null(mine.QuerySelector("#summary-sheet"));
        var county = await (await app.SignedIn(a.Users["zhengding"])).GetDocument($"/awards?call={Call}");
        Assert.Equal("待县区审核", county.QuerySelector($"tr[data-award='{id}'] td[data-status]")!.TextContent.Trim());
        Assert.Equal($"/api/awards/calls/{Call}/summary.xlsx", county.QuerySelector("#summary-sheet")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_enterprise_starts_from_the_call_card_or_reads_why_it_cannot()
    {
        var a = await CreateAsync(accepted: false);
        var enterprise = await app.SignedIn(a.Users["enterprise"]);
        var cards = await enterprise.GetDocument("/awards");
        // No accepted project: the 数智 card says so instead of offering 开始申报; the 链式 call asks no project.
        Assert.Contains("尚无通过验收的改造项目", cards.QuerySelector($"[data-cannot-start='{Call}']")!.TextContent);
        Assert.Null(cards.QuerySelector($"button[data-start='{Call}']"));
        // Nor does its 工作台 prompt it to apply, and the 链式 call (whose lead enterprises the platform cannot know) prompts no one.
        Assert.DoesNotContain(Todos(await enterprise.GetDocument("/")), t => t.Text.Contains("申报"));

        var b = await CreateAsync();
        var client = await app.SignedIn(b.Users["enterprise"]);
        // With an accepted project, its 工作台 points it at the open batch until it applies there.
        // (Each test of the class opens a batch of its own, so the batch's number depends on the order they run in.)
        var prompt = Assert.Single(Todos(await client.GetDocument("/")), t => t.Text.Contains("申报"));
        Assert.Matches("^石家庄市中小企业数字化转型试点城市“数智”标杆中小企业申报第[0-9]+批开放中：本企业已有通过验收的改造项目，可以申报$", prompt.Text);
        Assert.Equal($"/awards?call={Call}", prompt.Href);
        var page = await client.GetDocument("/awards");
        var form = page.QuerySelector($"button[data-start='{Call}']")!.Closest("form")!;
        var started = await client.PostAsync("/awards", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"start-{Call}", ["CallId"] = Call,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var path = started.Headers.Location!.AbsolutePath;
        Assert.Matches("^/awards/[0-9a-f-]{36}$", path);
        // Applied in this batch: the card links to it, and the 工作台 names the draft instead of the batch.
        Assert.Equal(path, (await client.GetDocument("/awards")).QuerySelector($"[data-call='{Call}'] a[data-existing]")!.GetAttribute("href"));
        Assert.Equal([("石家庄市中小企业数字化转型试点城市“数智”标杆中小企业申报尚未提交：填写完整后提交申报", path)],
            Todos(await client.GetDocument("/")).Where(t => t.Text.Contains("申报")));
    }

    private static IEnumerable<(string Text, string Href)> Todos(IHtmlDocument home) =>
        home.QuerySelectorAll("#todos li a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();

    [Fact]
    public async Task A_draft_over_the_limit_saves_with_a_red_counter_and_submission_lists_the_broken_limit()
    {
        var a = await CreateAsync();
        var (id, _) = await a.StartAsync(app);
        var enterprise = await app.SignedIn(a.Users["enterprise"]);

        // 500 characters is the limit itself: not over.
        var atLimit = await PostDraft(enterprise, id, [F("Directions", "innovation"), F("t.innovation.basics", new string('企', 500))]);
        Assert.True(atLimit.StatusCode == HttpStatusCode.Redirect, await atLimit.Content.ReadAsStringAsync());
        var page = await enterprise.GetDocument($"/awards/{id}");
        var counter = page.QuerySelector("[data-count-for='innovation-basics']")!;
        Assert.Equal("500/500字", counter.TextContent.Trim());
        Assert.DoesNotContain("over", counter.ClassList);

        // One more (an emoji with its skin tone counts as one): kept, counted, red.
        var over = await PostDraft(enterprise, id, [F("Directions", "innovation"), F("t.innovation.basics", new string('企', 500) + "👍🏽"), F("e.innovationSpendShare", "4.5")]);
        Assert.Equal(HttpStatusCode.Redirect, over.StatusCode);
        page = await enterprise.GetDocument($"/awards/{id}");
        counter = page.QuerySelector("[data-count-for='innovation-basics']")!;
        Assert.Equal("501/500字", counter.TextContent.Trim());
        Assert.Contains("over", counter.ClassList);
        Assert.Equal(new string('企', 500) + "👍🏽", page.QuerySelector("#innovation-basics")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#problems li"), li => li.TextContent == "企业基本情况不超过500字（现有501字，超出1字）");

        // 提交申报 saves what was typed and names every problem the guard found; nothing moves.
        var refused = await PostDraft(enterprise, id, [F("Directions", "innovation"), F("t.innovation.basics", new string('企', 500) + "👍🏽")], action: "submit");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await Parse(refused)).QuerySelector("#message")!.TextContent;
        Assert.Contains("企业基本情况不超过500字（现有501字，超出1字）", message);
        Assert.Contains("请填写创新投入能力", message);
        await using (var scope = app.DataScope(ShijiazhuangAward.Programme))
            Assert.Equal(AwardStatus.Draft, (await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.SingleAsync(x => x.Id == id, Ct)).Status);

        // A page read before the last save is refused naming who saved, and shows what it carried.
        var staleVersion = page.QuerySelector("#award-form input[name=Version]")!.GetAttribute("value")!;
        await PostDraft(enterprise, id, [F("Directions", "innovation"), F("t.innovation.basics", "较新的内容")]);
        var stale = await PostDraft(enterprise, id, [F("Directions", "innovation"), F("t.innovation.basics", "旧页面上写的内容")], version: staleVersion);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stalePage = await Parse(stale);
        Assert.Contains("未丢失", stalePage.QuerySelector("#message")!.TextContent);
        Assert.Equal("旧页面上写的内容", stalePage.QuerySelector("#innovation-basics")!.TextContent);
    }

    [Fact]
    public async Task A_rate_over_100_percent_and_a_malformed_phone_or_email_are_refused_by_name_and_kept_as_typed()
    {
        var a = await CreateAsync();
        var (id, _) = await a.StartAsync(app);
        var enterprise = await app.SignedIn(a.Users["enterprise"]);

        var refused = await PostDraft(enterprise, id,
            [F("Directions", "lighthouse"), F("e.digitalEquipment", "150"), F("ContactPhone", "abc电话"), F("ContactEmail", "not-an-email")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Parse(refused);
        var message = page.QuerySelector("#message")!.TextContent;
        Assert.Contains("生产设备数字化率不低于60%：填报的比率应在0到100%之间", message);
        Assert.Contains("联系方式格式不正确：手机号为11位，座机如“区号-号码”，多个号码用“/”分隔", message);
        Assert.Contains("邮箱格式不正确，应如 name@example.cn", message);
        Assert.Equal("150", page.QuerySelector("input[name='e.digitalEquipment']")!.GetAttribute("value"));
        Assert.Equal("abc电话", page.QuerySelector("input[name=ContactPhone]")!.GetAttribute("value"));

        // 100 % is a rate; what a Chinese input method types in full-width is read as the digits it shows.
        var saved = await PostDraft(enterprise, id,
            [F("Directions", "lighthouse"), F("e.digitalEquipment", "１００"), F("ContactPhone", "０３１１－８６６６００００"), F("ContactEmail", "li@example.cn"),
             F("Specialty", "化学药品原料药制造（手性药物）")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // 具体细分领域名称 as the enterprise wrote it goes into the 申请表 (else the name its industry code has in the programme's list).
        var docx = await (await app.As(a.Users["enterprise"])).GetByteArrayAsync($"/api/awards/{id}/document.docx", Ct);
        Assert.Contains("具体细分领域名称\n化学药品原料药制造（手性药物）", OfficeFiles.Text(docx));
        await using var scope = app.DataScope(ShijiazhuangAward.Programme);
        var stored = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.SingleAsync(x => x.Id == id, Ct);
        Assert.Equal(100m, stored.Content.Entered["digitalEquipment"]);
    }

    [Fact]
    public async Task A_share_over_100_percent_an_absurd_figure_and_a_right_expiring_before_its_grant_are_refused_by_name_beside_the_field()
    {
        var a = await CreateAsync();
        var (id, _) = await a.StartAsync(app);
        var enterprise = await app.SignedIn(a.Users["enterprise"]);

        // Seed 004 附件4 创新能力指标: a 比重 is a share of a whole; a 比值 (技术引进经费与研发经费) may pass 100.
        var refused = await PostDraft(enterprise, id,
            [F("Directions", "innovation"), F("b.newProductRevenueShare", "250"), F("e.newProductRevenueShare", "300"), F("e.techImportRatio", "150"),
             F("e.labourProductivity", "-5"), F("e.newIp", "99999999999"),
             F("ip0.kind", "发明专利"), F("ip0.number", "ZL202310000001.1"), F("ip0.granted", "2025-05-01"), F("ip0.expires", "2020-01-01")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Parse(refused);
        string Beside(string key) => page.QuerySelector($"[data-error-for='{key}']")?.TextContent ?? "";
        Assert.Equal("新产品销售收入占主营业务收入比重（改造前）：填报的比率应在0到100%之间", Beside("enteredBefore.newProductRevenueShare"));
        Assert.Equal("新产品销售收入占主营业务收入比重（改造后）：填报的比率应在0到100%之间", Beside("entered.newProductRevenueShare"));
        Assert.Equal("劳动生产率（改造后）不能为负数", Beside("entered.labourProductivity"));
        Assert.Equal("新增知识产权数量（改造后）的数值过大，请核对", Beside("entered.newIp"));
        Assert.Equal("知识产权第1项：有效期至2020年1月1日早于授权（登记）日期2025年5月1日", Beside("ip0.kind"));
        Assert.Equal("", Beside("entered.techImportRatio"));
        Assert.Contains("劳动生产率（改造后）不能为负数", page.QuerySelector("#message")!.TextContent);
        Assert.Equal("300", page.QuerySelector("input[name='e.newProductRevenueShare']")!.GetAttribute("value"));

        // The same through the API; a grant later than today is refused too.
        var api = await app.As(a.Users["enterprise"]);
        var version = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/awards/{id}", Ct)).GetProperty("version").GetInt32();
        var viaApi = await api.PutAsJsonAsync($"/api/awards/{id}", new
        {
            version, directions = new[] { "innovation" },
            content = new
            {
                entered = new Dictionary<string, decimal> { ["newProductRevenueShare"] = 120m, ["noSuchFigure"] = 1m },
                intellectualProperty = new[] { new { kind = "发明专利", number = "ZL202310000002.2", grantedOn = "2099-01-01" } },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        var body = await viaApi.Content.ReadAsStringAsync(Ct);
        Assert.Contains("新产品销售收入占主营业务收入比重（改造后）：填报的比率应在0到100%之间", body);
        Assert.Contains("本次申报没有指标“noSuchFigure”", body);
        Assert.Contains("知识产权第1项：授权（登记）日期2099年1月1日晚于今天", body);

        // In range, the figures are kept.
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraft(enterprise, id,
            [F("Directions", "innovation"), F("b.newProductRevenueShare", "25"), F("e.newProductRevenueShare", "30"), F("e.techImportRatio", "150")])).StatusCode);
    }

    [Fact]
    public async Task The_county_cannot_recommend_without_its_site_check_note_and_keeps_what_it_typed()
    {
        var a = await CreateAsync();
        var (id, _) = await a.SubmittedAsync(app);
        var county = await app.SignedIn(a.Users["zhengding"]);
        var page = await county.GetDocument($"/awards/{id}");
        Assert.Equal(["recommend", "notRecommend", "return"], page.QuerySelectorAll("#transitions button[data-trigger]").Select(b => b.GetAttribute("data-trigger")));
        Assert.Empty((await (await app.SignedIn(a.Users["enterprise"])).GetDocument($"/awards/{id}")).QuerySelectorAll("#transitions button[data-trigger]"));
        var todos = (await county.GetDocument("/")).QuerySelector("#todos")!.TextContent;
        Assert.True(todos.Contains("待县区审核"), todos);

        var refused = await PostMove(county, id, "recommend", reason: "材料基本齐全", note: "  ");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await Parse(refused);
        Assert.Contains("推荐前须填写现场核查情况", shown.QuerySelector("#message")!.TextContent);
        Assert.Equal("材料基本齐全", shown.QuerySelector("#t-reason")!.TextContent);
        // The browser's copy of the note and reason (form-copy.js) stays for the refused post, and is older than the submission
        // it was typed after only if it was typed before it.
        var submittedAt = long.Parse(page.QuerySelector("#transitions")!.GetAttribute("data-saved-at")!);
        Assert.StartsWith($"dxpilot-transition:{id}:", page.QuerySelector("#transitions")!.GetAttribute("data-form-copy"));
        Assert.Equal("true", shown.QuerySelector("#transitions")!.GetAttribute("data-refused"));
        Assert.Equal(submittedAt, long.Parse(shown.QuerySelector("#transitions")!.GetAttribute("data-saved-at")!));

        var recommended = await PostMove(county, id, "recommend", note: "2025年8月5日现场核查，设备与材料一致");
        Assert.Equal(HttpStatusCode.Redirect, recommended.StatusCode);
        var after = await county.GetDocument($"/awards/{id}");
        Assert.Equal("2025年8月5日现场核查，设备与材料一致", after.QuerySelector("#site-check p")!.TextContent);
        Assert.Empty(after.QuerySelectorAll("#transitions button[data-trigger]"));
        var city = await app.SignedIn(a.Users["city"]);
        var cityPage = await city.GetDocument($"/awards/{id}");
        Assert.Equal(["return", "startReview"], cityPage.QuerySelectorAll("#transitions button[data-trigger]").Select(b => b.GetAttribute("data-trigger")));
        // The application moved on (推荐): a reason typed before that is let go.
        Assert.True(long.Parse(cityPage.QuerySelector("#transitions")!.GetAttribute("data-saved-at")!) > submittedAt);
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused()
    {
        var a = await CreateAsync();
        var (draft, _) = await a.StartAsync(app);
        var enterprise = await app.SignedIn(a.Users["enterprise"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostDraft(enterprise, draft, [F("Directions", "innovation")], token: false)).StatusCode);
        await using (var scope = app.DataScope(ShijiazhuangAward.Programme))
            Assert.Equal("||", (await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.SingleAsync(x => x.Id == draft, Ct)).Directions);
        // The same application (one per batch), now submitted: the county's move without the token changes nothing either.
        var (id, _) = await a.SubmittedAsync(app);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostMove(await app.SignedIn(a.Users["zhengding"]), id, "recommend", note: "已核查", token: false)).StatusCode);
        await using (var scope = app.DataScope(ShijiazhuangAward.Programme))
            Assert.Equal(AwardStatus.Submitted, (await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.SingleAsync(x => x.Id == id, Ct)).Status);
    }

    [Fact]
    public async Task Markup_in_a_text_is_shown_as_text()
    {
        var a = await CreateAsync();
        const string basics = "<script>alert('x')</script><b>粗体</b>企业基本情况";
        var (id, _) = await a.SubmittedAsync(app, basics);
        foreach (var who in new[] { "zhengding", "enterprise" })
        foreach (var path in new[] { $"/awards/{id}", $"/awards/{id}/revisions/1" })
        {
            var page = await (await app.SignedIn(a.Users[who])).GetDocument(path);
            var shown = page.QuerySelector("[data-direction='innovation'] dd[data-section='basics']")!;
            Assert.Equal(basics, shown.TextContent);
            Assert.Empty(shown.Children);
        }
    }

    [Fact]
    public async Task The_list_filters_pages_and_counts_exactly()
    {
        var a = await CreateAsync();
        var batch = await a.OpenBatchAsync(app);
        var token = Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.DataScope(ShijiazhuangAward.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var call = scope.ServiceProvider.GetRequiredService<DxPilot.Infrastructure.Calls.AwardCatalog>().Find(Call)!;
            var ids = new List<Guid>();
            for (var i = 0; i < AwardService.PageSize + 1; i++)
            {
                var e = ShijiazhuangAward.Register(scope, $"石家庄列表{token}第{i}号有限公司", "正定县");
                db.Enterprises.Add(e);
                var application = AwardApplication.Start(call, batch, e.Id, "正定县", DateTime.UtcNow);
                application.Revise(call, [i == 0 ? "lighthouse" : "innovation"], new AwardContent(), DateTime.UtcNow);
                db.AwardApplications.Add(application);
                ids.Add(application.Id);
            }
            await db.SaveChangesAsync(Ct);
            await db.AwardApplications.Where(x => ids.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AwardStatus.Submitted), Ct);
        }
        var county = await app.SignedIn(a.Users["zhengding"]);
        var first = await county.GetDocument($"/awards?call={Call}&search={token}");
        Assert.Equal(AwardService.PageSize, first.QuerySelectorAll("#award-list tr[data-award]").Length);
        Assert.Equal($"共 {AwardService.PageSize + 1} 项申报（正定县）。", first.QuerySelector("#total")!.TextContent.Trim());
        Assert.Single((await county.GetDocument($"/awards?call={Call}&search={token}&page=2")).QuerySelectorAll("#award-list tr[data-award]"));
        var lighthouse = await county.GetDocument($"/awards?call={Call}&search={token}&direction=lighthouse");
        Assert.Equal("“小灯塔”标杆企业", lighthouse.QuerySelector("#award-list tr[data-award] td[data-label='申报方向']")!.TextContent.Trim());
        Assert.Equal("共 1 项申报（正定县）。", lighthouse.QuerySelector("#total")!.TextContent.Trim());
        Assert.Empty((await county.GetDocument($"/awards?call={Call}&search={token}&state=recommended")).QuerySelectorAll("tr[data-award]"));
        Assert.Equal($"/api/awards/calls/{Call}/summary.xlsx?batch={batch}",
            (await county.GetDocument($"/awards?call={Call}&batch={batch}")).QuerySelector("#summary-sheet")!.GetAttribute("href"));
        // Another county finds none of them; the city finds them by county.
        Assert.Empty((await (await app.SignedIn(a.Users["xinhua"])).GetDocument($"/awards?call={Call}&search={token}")).QuerySelectorAll("tr[data-award]"));
        var city = await app.SignedIn(a.Users["city"]);
        Assert.Equal($"共 {AwardService.PageSize + 1} 项申报。", (await city.GetDocument($"/awards?call={Call}&search={token}&district=正定县")).QuerySelector("#total")!.TextContent.Trim());
        Assert.Empty((await city.GetDocument($"/awards?call={Call}&search={token}&district=新华区")).QuerySelectorAll("tr[data-award]"));
        // The batches page counts them under 待县区审核.
        var row = (await city.GetDocument($"/awards/calls/{Call}/batches")).QuerySelector($"tr[data-batch='{batch}']")!;
        Assert.Equal((AwardService.PageSize + 1).ToString(), row.QuerySelector("td[data-state='submitted']")!.TextContent.Trim());
    }
    [Fact]
    public async Task The_lead_names_its_smes_on_the_page_and_an_sme_confirms_with_the_code_it_was_given()
    {
        var a = await CreateAsync(accepted: false);
        await a.OpenBatchAsync(app, "sjz-chain-2025");
        Guid smeId;
        string smeUscc;
        await using (var scope = app.DataScope(ShijiazhuangAward.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var driven = ShijiazhuangAward.Register(scope, $"石家庄被带动测试{Guid.NewGuid().ToString("N")[..8]}有限公司", "正定县");
            db.Enterprises.Add(driven);
            await db.SaveChangesAsync(Ct);
            (smeId, smeUscc) = (driven.Id, driven.Uscc!);
        }
        var smeUser = await new ProgrammeAccounts(app, ShijiazhuangAward.Programme).UserAsync(DxPilot.Domain.Accounts.Role.Enterprise, enterprise: smeId);
        var started = await (await app.As(a.Users["enterprise"])).PostAsync("/api/awards/calls/sjz-chain-2025/applications", null, Ct);
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetGuid();

        var lead = await app.SignedIn(a.Users["enterprise"]);
        async Task<HttpResponseMessage> Name(params (string Uscc, string Name)[] rows) => await Post(false, rows);
        async Task<HttpResponseMessage> Post(bool moreRows, params (string Uscc, string Name)[] rows)
        {
            var page = await lead.GetDocument($"/awards/{id}");
            var fields = new List<KeyValuePair<string, string>>
            {
                F("_handler", "smes"), F("__RequestVerificationToken", Token(page, "#sme-form")),
                F("Version", page.QuerySelector("#sme-form input[name=Version]")!.GetAttribute("value")!),
            };
            for (var i = 0; i < rows.Length; i++) fields.AddRange([F($"sme{i}.uscc", rows[i].Uscc), F($"sme{i}.name", rows[i].Name)]);
            if (moreRows) fields.Add(F("more", page.QuerySelector("#more-smes")!.GetAttribute("value")!));
            return await lead.PostAsync($"/awards/{id}", new FormUrlEncodedContent(fields), Ct);
        }

        // 增加5行 is a button of the form: the rows typed come back with five more empty ones, and nothing is saved.
        var emptyRows = (await lead.GetDocument($"/awards/{id}")).QuerySelectorAll("#sme-form input[name$='.uscc']").Length;
        var more = await Parse(await Post(true, ("91130123ABC", "待核对企业")));
        Assert.Equal(emptyRows + 5, more.QuerySelectorAll("#sme-form input[name$='.uscc']").Length);
        Assert.Equal("待核对企业", more.QuerySelector("input[name='sme0.name']")!.GetAttribute("value"));
        Assert.Null(more.QuerySelector("#sme-list"));

        // A malformed code is named and the rows come back as typed; nothing is saved.
        var refused = await Name(("91130123ABC", "错码企业"), (smeUscc, "被带动企业"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await Parse(refused);
        Assert.Contains("第1家", shown.QuerySelector("#message")!.TextContent);
        Assert.Equal("91130123ABC", shown.QuerySelector("input[name='sme0.uscc']")!.GetAttribute("value"));
        Assert.Null(shown.QuerySelector("#sme-list"));

        Assert.Equal(HttpStatusCode.Redirect, (await Name((smeUscc, "被带动企业"))).StatusCode);
        var row = (await lead.GetDocument($"/awards/{id}")).QuerySelector($"#sme-list tr[data-uscc='{smeUscc}']")!;
        Assert.Equal("待确认", row.QuerySelector("td[data-label='确认情况']")!.TextContent.Trim());
        var code = row.QuerySelector("td.code")!.TextContent.Trim();
        Assert.Equal(8, code.Length);

        // The SME finds the case by the code and confirms; another enterprise's code search finds nothing.
        var sme = await app.SignedIn(smeUser);
        Assert.Contains("请确认或拒绝", (await sme.GetDocument("/")).QuerySelector("#todos")!.TextContent);
        var invitations = await sme.GetDocument($"/awards/invitations?code={code}");
        var confirm = invitations.QuerySelector("button[data-confirm]")!;
        var answered = await sme.PostAsync($"/awards/invitations?code={code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "answer", ["Answer"] = confirm.GetAttribute("value")!, ["__RequestVerificationToken"] = Token(invitations, "#answers"),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Empty((await (await app.SignedIn(a.Users["other-enterprise"])).GetDocument($"/awards/invitations?code={code}")).QuerySelectorAll("tr[data-invitation]"));
        var after = (await lead.GetDocument($"/awards/{id}")).QuerySelector($"#sme-list tr[data-uscc='{smeUscc}'] td[data-label='确认情况']")!.TextContent;
        Assert.StartsWith("已确认", after.Trim());
        // The county and the city read the names and answers, never the codes (they are not in scope of a draft at all).
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(a.Users["zhengding"])).GetAsync($"/awards/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_city_opens_and_closes_batches_on_the_page_and_a_second_open_batch_is_refused_in_chinese()
    {
        var a = await CreateAsync();
        var city = await app.SignedIn(a.Users["city"]);
        async Task<HttpResponseMessage> Act(IHtmlDocument page, params KeyValuePair<string, string>[] fields) =>
            await city.PostAsync($"/awards/calls/{Call}/batches", new FormUrlEncodedContent(
                [F("_handler", "batch"), F("__RequestVerificationToken", Token(page, "#batch-form")), .. fields]), Ct);
        var page = await city.GetDocument($"/awards/calls/{Call}/batches");
        var openId = page.QuerySelector("#batch-form input[name=BatchId]")!.GetAttribute("value")!;
        // A page that still offers 开启下一批 while a batch is open is answered with the reason.
        var twice = await Act(page, F("Action", "open"), F("Name", "第九十九批"));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("尚未截止，请先截止后再开启下一批", (await Parse(twice)).QuerySelector("#message")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(page, F("Action", "close"), F("BatchId", openId))).StatusCode);
        page = await city.GetDocument($"/awards/calls/{Call}/batches");
        Assert.NotNull(page.QuerySelector("#open-batch"));
        Assert.Empty(page.QuerySelectorAll($"tr[data-batch='{openId}'] .tag"));
        Assert.Equal(HttpStatusCode.Redirect, (await Act(page, F("Action", "open"), F("Name", ""))).StatusCode);
        Assert.NotNull((await city.GetDocument($"/awards/calls/{Call}/batches")).QuerySelector("#close-batch"));
        // The county reads the batches, without the form.
        Assert.Null((await (await app.SignedIn(a.Users["zhengding"])).GetDocument($"/awards/calls/{Call}/batches")).QuerySelector("#batch-form"));
    }
}

public sealed class AwardPageTestsOnSqlite(SqliteApp app) : AwardPageTests<SqliteApp>(app);

public sealed class AwardPageTestsOnPostgres(PostgresApp app) : AwardPageTests<PostgresApp>(app);
