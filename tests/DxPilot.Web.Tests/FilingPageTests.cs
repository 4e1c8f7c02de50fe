using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The filing pages as a browser without script uses them: the list with its filters and paging, the enterprise's panel, the
/// form generated from the programme's form data with its refusals shown per field and the typed values kept, the detail page
/// with the reviewer's return, the rounds and their differences; and each page's scope (the Chinese not-found page outside it).
/// </summary>
public abstract class FilingPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HangzhouFiling> CreateAsync()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        return await HangzhouFiling.CreateAsync(app);
    }

    private static string Edit(Guid id) => $"/filings/{id}/edit";

    /// <summary>The form's fields as the browser posts them: every enabled input with its value, ticked boxes only.</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlDocument page)
    {
        var form = page.QuerySelector("form.filing-form")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var el in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            if (el.Closest("fieldset[disabled]") is not null) continue;
            var name = el.GetAttribute("name")!;
            var type = el.GetAttribute("type");
            if (type is "checkbox" or "radio" && !el.HasAttribute("checked")) continue;
            fields.Add(new(name, el.LocalName == "textarea" ? el.TextContent : el.GetAttribute("value") ?? ""));
        }
        return fields;
    }

    /// <summary>Posts the form as it stands on the page with <paramref name="changes"/> (answer keys) over it.</summary>
    private static async Task<HttpResponseMessage> PostForm(HttpClient client, Guid id, Dictionary<string, string> changes, string? version = null,
        IHtmlDocument? page = null)
    {
        page ??= await client.GetDocument(Edit(id));
        var fields = Fields(page).Where(f => !changes.ContainsKey(f.Key.Length > 2 ? f.Key[2..] : f.Key) || !f.Key.StartsWith("a.")).ToList();
        fields.RemoveAll(f => f.Key is "_handler" or "Version");
        fields.AddRange(changes.Select(c => new KeyValuePair<string, string>("a." + c.Key, c.Value)));
        fields.Add(new("_handler", "filing"));
        fields.Add(new("Version", version ?? page.QuerySelector("form.filing-form input[name=Version]")!.GetAttribute("value")!));
        return await client.PostAsync(Edit(id), new FormUrlEncodedContent(fields), Ct);
    }

    private static string? ErrorFor(IHtmlDocument page, string key) => page.QuerySelector($"[data-error-for='{key}']")?.TextContent.Trim();

    [Fact]
    public async Task The_pages_of_a_filing_are_read_in_scope_and_the_chinese_not_found_page_answers_outside_it()
    {
        var h = await CreateAsync();
        var id = await h.SubmittedAsync(app);
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["enterprise"] = HttpStatusCode.OK, ["provider"] = HttpStatusCode.OK, ["binjiang"] = HttpStatusCode.OK, ["city"] = HttpStatusCode.OK,
            ["thinktank"] = HttpStatusCode.OK, ["xihu"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound,
            ["expert"] = HttpStatusCode.NotFound, ["other-enterprise"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in expected)
        {
            var client = await app.SignedIn(h.Users[who]);
            foreach (var path in new[] { $"/filings/{id}", Edit(id), $"/filings/{id}/versions/1", $"/filings/{id}/diff?from=1&to=0" })
            {
                var response = await client.GetAsync(path, Ct);
                Assert.True(status == response.StatusCode, $"{who} {path}: {response.StatusCode}");
                if (status == HttpStatusCode.NotFound)
                {
                    var text = PageClient.Parse(await response.Content.ReadAsStringAsync(Ct)).Body!.TextContent;
                    Assert.Contains("找不到该页面或记录", text);   // the platform's Chinese 404, the same as for a filing that does not exist
                    Assert.DoesNotContain(h.Enterprise.Name, text);
                }
            }
            var list = await client.GetAsync("/filings", Ct);
            if (list.StatusCode == HttpStatusCode.OK)
                Assert.Equal(status == HttpStatusCode.OK, (await list.Content.ReadAsStringAsync(Ct)).Contains(id.ToString()));
        }
        // A round that was never submitted is not there for anyone.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(h.Users["city"])).GetAsync($"/filings/{id}/versions/2", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_enterprise_without_a_filing_is_sent_to_the_list_of_filings_and_starts_it_there()
    {
        var h = await CreateAsync();
        var enterprise = await app.SignedIn(h.Users["enterprise"]);
        Assert.Equal("/filings", (await enterprise.GetDocument("/")).QuerySelector("#own-work a")!.GetAttribute("href"));
        var list = await enterprise.GetDocument("/filings");
        var start = list.QuerySelector("form[action='/filings/start']")!;
        Assert.Equal(h.Enterprise.Id.ToString(), start.QuerySelector("input[name=enterpriseId]")!.GetAttribute("value"));
        var started = await enterprise.PostAsync("/filings/start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["enterpriseId"] = h.Enterprise.Id.ToString(),
            ["__RequestVerificationToken"] = start.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Matches("^/filings/[0-9a-f-]{36}/edit$", started.Headers.Location!.OriginalString);
        // One filing at a time: the draft is listed, and nothing more to start; a bureau's list never offers it.
        Assert.Null((await enterprise.GetDocument("/filings")).QuerySelector("#start-filing"));
        Assert.Null((await (await app.SignedIn(h.Users["binjiang"])).GetDocument("/filings")).QuerySelector("#start-filing"));
    }

    [Fact]
    public async Task The_enterprise_starts_its_filing_from_its_file_and_the_panel_then_links_to_it_with_its_state()
    {
        var h = await CreateAsync();
        var enterprise = await app.SignedIn(h.Users["enterprise"]);
        var file = await enterprise.GetDocument($"/enterprises/{h.Enterprise.Id}");
        var start = file.QuerySelector("#filing-panel form[action='/filings/start']")!;
        var started = await enterprise.PostAsync("/filings/start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["enterpriseId"] = h.Enterprise.Id.ToString(),
            ["__RequestVerificationToken"] = start.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var edit = started.Headers.Location!.OriginalString;
        Assert.Matches("^/filings/[0-9a-f-]{36}/edit$", edit);

        var after = await enterprise.GetDocument($"/enterprises/{h.Enterprise.Id}");
        Assert.Null(after.QuerySelector("#start-filing"));   // one filing at a time: the draft is there to finish
        Assert.Equal("草稿", after.QuerySelector("#filing-panel .tag")!.TextContent.Trim());
        Assert.Equal(edit.Replace("/edit", ""), after.QuerySelector("#filing-panel a")!.GetAttribute("href"));

        // The district reads the panel but starts nothing; another enterprise cannot start one for it.
        var district = await (await app.SignedIn(h.Users["binjiang"])).GetDocument($"/enterprises/{h.Enterprise.Id}");
        Assert.NotNull(district.QuerySelector("#filing-panel a"));
        Assert.Null(district.QuerySelector("#start-filing"));
        var other = await app.SignedIn(h.Users["other-enterprise"]);
        var token = await PageClient.Token(other, "/");
        var refused = await other.PostAsync("/filings/start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["enterpriseId"] = h.Enterprise.Id.ToString(), ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_form_is_generated_from_the_programmes_form_data_with_the_enterprise_fields_read_only()
    {
        var h = await CreateAsync();
        var id = await h.StartAsync(app);
        var page = await (await app.SignedIn(h.Users["enterprise"])).GetDocument(Edit(id));
        var legends = page.QuerySelectorAll("fieldset.filing-section > legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["申报单位基本信息", "项目基本信息", "合同服务商信息", "项目实施方案及内容", "申报资料真实性声明"], legends);
        Assert.Contains("试点企业与数字化服务商共同填写", page.QuerySelector("fieldset[data-section='项目实施方案及内容']")!.TextContent);
        var name = page.QuerySelector("#a-name")!;
        Assert.Equal(h.Enterprise.Name, name.TextContent.Trim());
        Assert.Contains("来自企业档案", page.QuerySelector("fieldset[data-section='申报单位基本信息'] .from-file")!.TextContent);
        Assert.Null(page.QuerySelector("[name='a.name']"));   // never retyped
        Assert.Equal(5, page.QuerySelectorAll("input[type=radio][name='a.selfTest']").Length);
        Assert.Equal(8, page.QuerySelectorAll("input[type=checkbox][name='a.scenarios']").Length);
        Assert.NotNull(page.QuerySelector("input[type=month][name='a.period.start']"));
        Assert.NotNull(page.QuerySelector("input[name='a.scenarios.other']"));
        Assert.Contains("本公司声明", page.QuerySelector("[data-field=declaration]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#no-providers"));
        Assert.Equal("不超过1000字，已写0字", page.QuerySelector("[data-count-for='a-plan']")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("0", "项目预期投入（万元/不含税）应大于0")]
    [InlineData("-5", "项目预期投入（万元/不含税）应大于0")]
    [InlineData("12.345", "项目预期投入（万元/不含税）最多保留两位小数")]
    public async Task The_form_refuses_each_mistake_next_to_its_field_and_shows_back_everything_typed(string investment, string message)
    {
        var h = await CreateAsync();
        var id = await h.StartAsync(app);
        var enterprise = await app.SignedIn(h.Users["enterprise"]);
        // 1,001 as a person counts: 999 characters, an emoji and one more (the emoji is one, not two UTF-16 units).
        var plan = new string('改', 999) + "👍" + "造";
        var refused = await PostForm(enterprise, id, new()
        {
            ["projectName"] = "数字化车间改造", ["plan"] = plan, ["period.start"] = "2025-06", ["period.end"] = "2025-01",
            ["investment"] = investment, ["selfTest"] = "1",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = PageClient.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("备案申请表未保存", page.QuerySelector("#message")!.TextContent);
        Assert.Equal("项目实施方案及内容不超过1000字，现为1001字", ErrorFor(page, "plan"));
        Assert.Equal("项目实施期限的结束年月早于开始年月", ErrorFor(page, "period.end"));
        Assert.Equal(message, ErrorFor(page, "investment"));
        Assert.Equal(plan, page.QuerySelector("textarea[name='a.plan']")!.TextContent);
        Assert.Equal("2025-06", page.QuerySelector("input[name='a.period.start']")!.GetAttribute("value"));
        Assert.Equal("2025-01", page.QuerySelector("input[name='a.period.end']")!.GetAttribute("value"));
        Assert.Equal(investment, page.QuerySelector("input[name='a.investment']")!.GetAttribute("value"));
        Assert.Equal("数字化车间改造", page.QuerySelector("input[name='a.projectName']")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='a.selfTest'][value='1']")!.HasAttribute("checked"));

        // Nothing was stored; at the limit, in order, it is.
        var stored = await enterprise.GetDocument(Edit(id));
        Assert.Equal("", stored.QuerySelector("textarea[name='a.plan']")!.TextContent);
        var saved = await PostForm(enterprise, id, new()
        {
            ["plan"] = new string('改', 999) + "👍", ["period.start"] = "2025-01", ["period.end"] = "2025-01", ["investment"] = "0.01",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/filings/{id}?done=saved", saved.Headers.Location!.OriginalString);
        var detail = await enterprise.GetDocument($"/filings/{id}");
        Assert.Equal("0.01", detail.QuerySelector("dd[data-key=investment]")!.TextContent.Trim());
        Assert.Equal("2025年1月至2025年1月", detail.QuerySelector("dd[data-key=period]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_provider_fills_the_shared_sections_only_and_a_posted_enterprise_section_is_refused_by_name()
    {
        var h = await CreateAsync();
        var id = await h.StartAsync(app);
        (await h.SaveAsync(app, id, new Dictionary<string, string?> { ["intro"] = "企业自己写的简介" })).EnsureSuccessStatusCode();
        var provider = await app.SignedIn(h.Users["provider"]);
        var page = await provider.GetDocument(Edit(id));
        Assert.True(page.QuerySelector("fieldset[data-section='申报单位基本信息']")!.HasAttribute("disabled"));
        Assert.True(page.QuerySelector("fieldset[data-section='申报资料真实性声明']")!.HasAttribute("disabled"));
        Assert.False(page.QuerySelector("fieldset[data-section='项目实施方案及内容']")!.HasAttribute("disabled"));

        var refused = await PostForm(provider, id, new() { ["intro"] = "服务商改写的简介", ["plan"] = "服务商写的方案" }, page: page);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = PageClient.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("“申报单位基本信息”由试点企业填写", ErrorFor(shown, "intro"));
        Assert.Equal("服务商写的方案", shown.QuerySelector("textarea[name='a.plan']")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(provider, id, new() { ["plan"] = "服务商写的方案" })).StatusCode);
        var detail = await provider.GetDocument($"/filings/{id}");
        Assert.Equal("企业自己写的简介", detail.QuerySelector("dd[data-key=intro]")!.TextContent.Trim());
        Assert.Equal("服务商写的方案", detail.QuerySelector("dd[data-key=plan]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_save_from_an_old_page_is_refused_with_the_stale_message_and_the_typed_text_kept()
    {
        var h = await CreateAsync();
        var id = await h.StartAsync(app);
        var first = await app.SignedIn(h.Users["enterprise"]);
        var second = await app.SignedIn(h.Users["enterprise"]);
        var old = await second.GetDocument(Edit(id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(first, id, new() { ["plan"] = "第一个标签页的方案" })).StatusCode);

        var refused = await PostForm(second, id, new() { ["plan"] = "第二个标签页的方案" }, page: old);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = PageClient.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("保存失败：备案申请在您打开之后已被", page.QuerySelector("#message")!.TextContent.Trim());
        Assert.Contains("您填写的内容仍在下方", page.QuerySelector("#message")!.TextContent);
        Assert.Equal("第二个标签页的方案", page.QuerySelector("textarea[name='a.plan']")!.TextContent);
        Assert.Equal("true", page.QuerySelector("form.filing-form")!.GetAttribute("data-refused"));
        Assert.Equal("第一个标签页的方案", (await first.GetDocument(Edit(id))).QuerySelector("textarea[name='a.plan']")!.TextContent);

        // Submitted meanwhile: the old page is told why, its text still there to copy.
        var before = await second.GetDocument(Edit(id));
        (await h.SaveAsync(app, id, HangzhouFiling.CompleteAnswers())).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "enterprise", "submit")).StatusCode);
        var late = await PostForm(second, id, new() { ["plan"] = "提交后才写完的方案" }, page: before);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var told = PageClient.Parse(await late.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("备案已提交审核，不能再修改", told.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal("提交后才写完的方案", told.QuerySelector("textarea[name='a.plan']")!.TextContent);
    }

    [Fact]
    public async Task The_district_returns_with_a_reason_the_enterprise_reads_it_and_the_next_round_shows_its_differences()
    {
        var h = await CreateAsync();
        var id = await h.SubmittedAsync(app);
        var district = await app.SignedIn(h.Users["binjiang"]);
        var detail = await district.GetDocument($"/filings/{id}");
        Assert.Equal(["pass", "return"], detail.QuerySelectorAll("#transitions button").Select(b => b.GetAttribute("data-trigger")!).ToArray());

        // The chain asks a reason: without one the page says so and returns nothing.
        var bare = await Act(district, id, detail, "return", "");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("须填写", PageClient.Parse(await bare.Content.ReadAsStringAsync(Ct)).QuerySelector("#message")!.TextContent);
        var returned = await Act(district, id, await district.GetDocument($"/filings/{id}"), "return", "项目投入与合同金额不一致，请核对。");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var enterprise = await app.SignedIn(h.Users["enterprise"]);
        var seen = await enterprise.GetDocument($"/filings/{id}");
        Assert.Equal("退回修改", seen.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal("退回理由：项目投入与合同金额不一致，请核对。", seen.QuerySelector("#last-opinion")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(enterprise, id, new() { ["investment"] = "98" })).StatusCode);
        var pending = await enterprise.GetDocument($"/filings/{id}/diff?from=1&to=0");
        Assert.Equal(["项目预期投入（万元/不含税）", "120.50", "98.00"], Cells(pending).Skip(1).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, (await Act(enterprise, id, await enterprise.GetDocument($"/filings/{id}"), "submit", null)).StatusCode);

        var again = await district.GetDocument($"/filings/{id}");
        Assert.Equal($"/filings/{id}/diff?from=1&to=2", again.QuerySelector("#versions a[data-diff='2']")!.GetAttribute("href"));
        // The reason box's copy in the browser (form-copy.js) is the district's per filing, and one typed before the filing moved
        // (returned, submitted again) is let go.
        Assert.StartsWith($"dxpilot-transition:{id}:", again.QuerySelector("#transitions")!.GetAttribute("data-form-copy"));
        Assert.True(long.Parse(again.QuerySelector("#transitions")!.GetAttribute("data-saved-at")!)
            > long.Parse(detail.QuerySelector("#transitions")!.GetAttribute("data-saved-at")!));
        var diff = await district.GetDocument($"/filings/{id}/diff?from=1&to=2");
        Assert.Equal(["项目基本信息", "项目预期投入（万元/不含税）", "120.50", "98.00"], Cells(diff).ToArray());
        var first = await district.GetDocument($"/filings/{id}/versions/1");
        Assert.Equal("120.50", first.QuerySelector("dd[data-key=investment]")!.TextContent.Trim());
        Assert.Equal(h.Enterprise.Name, first.QuerySelector("dd[data-key=name]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Changchuns_form_comes_from_its_own_data_with_the_software_needs_under_one_heading_and_the_effects_table()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var api = await app.As(c.Users["enterprise"]);
        var started = await api.PostAsJsonAsync("/api/filings", new { enterpriseId = c.Enterprise.Id }, Ct);
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var page = await (await app.SignedIn(c.Users["enterprise"])).GetDocument(Edit(id));
        Assert.Equal("长春市中小企业数字化改造项目备案入库申请表", page.QuerySelector("h1")!.TextContent.Trim());
        // Five software lists (研发设计类 … 仓储物流类) share one heading, as on the paper form.
        Assert.Equal(["软件需求（多选）"], page.QuerySelectorAll("h3.field-group").Select(h => h.TextContent.Trim()).ToArray());
        var effects = page.QuerySelector("table.effects")!;
        Assert.Equal(["创新", "市场", "提质", "降本", "增效", "绿色", "安全"], effects.QuerySelectorAll("tbody th").Select(t => t.TextContent.Trim()).ToArray());
        Assert.NotNull(effects.QuerySelector("textarea[name='a.effects.绿色.after']"));
        Assert.Equal("不超过1500字，已写0字", page.QuerySelector("[data-count-for='a-plan']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_reviewer_acting_from_an_old_page_is_told_it_changed_and_nothing_is_taken()
    {
        var h = await CreateAsync();
        var id = await h.SubmittedAsync(app);
        var first = await app.SignedIn(h.Users["binjiang"]);
        var second = await app.SignedIn(h.Users["binjiang"]);
        var old = await second.GetDocument($"/filings/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await Act(first, id, await first.GetDocument($"/filings/{id}"), "return", "请补充实施方案。")).StatusCode);

        var stale = await Act(second, id, old, "pass", "同意报送。");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = PageClient.Parse(await stale.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("保存失败：备案申请在您打开之后已被", page.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal("已退回修改", page.QuerySelector("#status")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_contact_phone_is_shown_to_the_bureaus_and_masked_for_the_think_tank_on_the_filing_and_its_rounds()
    {
        var h = await CreateAsync();
        var id = await h.SubmittedAsync(app);
        foreach (var path in new[] { $"/filings/{id}", $"/filings/{id}/versions/1" })
        {
            var district = await (await app.SignedIn(h.Users["binjiang"])).GetDocument(path);
            Assert.Equal("13900002222", district.QuerySelector("dd[data-key=contactPhone]")!.TextContent.Trim());
            var thinkTank = await (await app.SignedIn(h.Users["thinktank"])).GetDocument(path);
            Assert.Equal("139****2222", thinkTank.QuerySelector("dd[data-key=contactPhone]")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task The_filing_and_each_round_link_their_application_form_as_a_word_file_for_whoever_reads_them()
    {
        var h = await CreateAsync();
        var id = await h.SubmittedAsync(app);
        foreach (var (user, path, href) in new[]
                 {
                     ("enterprise", $"/filings/{id}", $"/filings/{id}.docx"), ("binjiang", $"/filings/{id}", $"/filings/{id}.docx"),
                     ("thinktank", $"/filings/{id}/versions/1", $"/filings/{id}/versions/1.docx"),
                 })
        {
            var client = await app.SignedIn(h.Users[user]);
            var link = (await client.GetDocument(path)).QuerySelector("a#document-download");
            Assert.True(link is not null, $"{user} {path}");
            Assert.Equal("下载备案申请表（.docx）", link.TextContent.Trim());
            Assert.Equal(href, link.GetAttribute("href"));
            var file = await client.GetAsync(href, Ct);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith(".docx", file.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Empty(OfficeFiles.ValidationErrors(await file.Content.ReadAsByteArrayAsync(Ct)));
        }
    }

    private static IEnumerable<string> Cells(IHtmlDocument page) =>
        Assert.Single(page.QuerySelectorAll("#diff tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent.Trim());

    private static async Task<HttpResponseMessage> Act(HttpClient client, Guid id, IHtmlDocument page, string trigger, string? reason)
    {
        var form = page.QuerySelector("#transitions")!;
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "transition", ["Act.Trigger"] = trigger,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Act.Version"] = form.QuerySelector("input[name='Act.Version']")!.GetAttribute("value")!,
        };
        if (reason is not null) fields["Act.Reason"] = reason;
        return await client.PostAsync($"/filings/{id}", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task The_list_filters_by_search_state_target_and_queue_and_pages_by_fifty()
    {
        var h = await CreateAsync();
        var submitted = await h.SubmittedAsync(app, $"滨江列表测试项目{Guid.NewGuid():N}"[..20]);
        var token = Guid.NewGuid().ToString("N")[..10];
        await using (var scope = app.DataScope(HangzhouFiling.Programme))
        {
            // 51 drafts of one test enterprise straight into the table (the one-at-a-time rule is the service's, not this list's).
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var form = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(HangzhouFiling.Programme).Filing!.Form;
            for (var i = 0; i < FilingService.PageSize + 1; i++)
            {
                var draft = Filing.Start(HangzhouFiling.Programme, h.Enterprise.Id, HangzhouFiling.District, Actor.System(HangzhouFiling.Programme, "测试数据"), DateTime.UtcNow);
                draft.Edit(new Dictionary<string, string?> { ["projectName"] = $"分页{token}第{i}项", ["targetLevel"] = "3" }, form, HangzhouFiling.District, DateTime.UtcNow);
                db.Filings.Add(draft);
            }
            await db.SaveChangesAsync(Ct);
        }
        var district = await app.SignedIn(h.Users["binjiang"]);
        var first = await district.GetDocument($"/filings?search={token}");
        Assert.Equal(FilingService.PageSize, first.QuerySelectorAll("#filing-list tbody tr[data-filing]").Length);
        Assert.Equal($"共 {FilingService.PageSize + 1} 项备案（滨江区）。", first.QuerySelector("#total")!.TextContent.Trim());
        var second = await district.GetDocument($"/filings?search={token}&page=2");
        Assert.Single(second.QuerySelectorAll("#filing-list tbody tr[data-filing]"));

        var mine = await district.GetDocument("/filings?queue=mine");
        Assert.Contains(mine.QuerySelectorAll("#filing-list tbody tr[data-filing]"), r => r.GetAttribute("data-filing") == submitted.ToString());
        Assert.DoesNotContain(mine.QuerySelectorAll("#filing-list tbody tr[data-filing]"), r => r.TextContent.Contains(token));
        var row = mine.QuerySelector($"tr[data-filing='{submitted}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("区县经信（会同财政）初审", row[3]);
        Assert.Equal("二级", row[4]);
        Assert.Equal("120.50", row[5]);
        Assert.Equal("1次", row[6]);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", row[7]);

        Assert.Empty((await district.GetDocument($"/filings?search={token}&state=districtReview")).QuerySelectorAll("tr[data-filing]"));
        Assert.Empty((await district.GetDocument($"/filings?search={token}&target=2")).QuerySelectorAll("tr[data-filing]"));
        Assert.Equal(FilingService.PageSize, (await district.GetDocument($"/filings?search={token}&target=3&state=draft")).QuerySelectorAll("tr[data-filing]").Length);
        Assert.Empty((await district.GetDocument($"/filings?search={token}&excluded=yes")).QuerySelectorAll("tr[data-filing]"));
        // Another district's bureau finds none of them; the 附件5 link carries the same filters for the bureaus.
        Assert.Empty((await (await app.SignedIn(h.Users["xihu"])).GetDocument($"/filings?search={token}")).QuerySelectorAll("tr[data-filing]"));
        Assert.Equal($"/filings/annex5.xlsx?search={token}&target=3", (await district.GetDocument($"/filings?search={token}&target=3")).QuerySelector("#annex5")!.GetAttribute("href"));
        Assert.Null((await (await app.SignedIn(h.Users["enterprise"])).GetDocument("/filings")).QuerySelector("#annex5"));
    }
}

public sealed class FilingPageTestsOnSqlite(SqliteApp app) : FilingPageTests<SqliteApp>(app);

public sealed class FilingPageTestsOnPostgres(PostgresApp app) : FilingPageTests<PostgresApp>(app);
