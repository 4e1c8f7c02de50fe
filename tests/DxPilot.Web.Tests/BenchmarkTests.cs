using System.Net;
using AngleSharp.Html.Parser;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Pictures;

namespace DxPilot.Web.Tests;

/// <summary>
/// The Heilongjiang demonstration-benchmark self-score (seed 000) through its pages: item points and sub-totals from the
/// seed's table, the evidence rule, the preconditions as hard stops on submission, upload refusals, and who sees what.
/// </summary>
public abstract class BenchmarkTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static readonly HtmlParser Html = new();

    private async Task<(BenchmarkBrowser Browser, Guid EnterpriseId)> ApplicantAsync(string district = "哈尔滨市", string foundedOn = "2015-03-01")
    {
        var (user, id) = await HeilongjiangAccounts.EnterpriseAsync(app, district, foundedOn);
        return (await BenchmarkBrowser.SignInAsync(app, user), id);
    }

    private static void Prove(Dictionary<string, string> f, int item, string description = "已上线相关系统并在生产中使用。")
    {
        f[$"Form.Items[{item}].Answer"] = "是";
        f[$"Form.Items[{item}].Description"] = description;
    }

    /// <summary>Text of the element marked with the data attribute, e.g. the sub-indicator cell "10 / 10".</summary>
    private static string Cell(string page, string attribute, string name) =>
        Html.ParseDocument(page).QuerySelector($"[{attribute}=\"{name}\"]")!.TextContent.Trim();

    private static string Score(string page) => Html.ParseDocument(page).QuerySelector("#self-score")!.TextContent.Trim();

    [Fact]
    public async Task An_item_scores_its_seed_points_only_with_a_description_and_a_picture()
    {
        var (browser, _) = await ApplicantAsync();
        var saved = await browser.FillAsync(f =>
        {
            Prove(f, 1);
            Prove(f, 2);
            Prove(f, 3, "PLM、PDM已上线，设计与工艺协同。");
            f["Form.Items[4].Answer"] = "否";
        }, "save", Picture(1), Picture(2));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/benchmark/self-score?saved=true", saved.Headers.Location!.ToString());

        // Seed 000: items 1-3 are 2, 3 and 5 points; item 3 answered 是 without a picture earns 0, with the reason.
        var page = await browser.PageAsync();
        Assert.Equal("5", Score(page));
        Assert.Equal("5 / 10", Cell(page, "data-subindicator", "研发设计数字化"));
        Assert.Equal("5 / 50", Cell(page, "data-dimension", "数字化改造"));
        Assert.Contains("第3项选择“是”但缺少图片证明（至少1张；相关功能系统软件截图，相关模块软件合同，研发周期成效说明。），计0分", page);
        // The reason links to the item on this page (a bare "#item-3" opened the 工作台 under the layout's base address).
        Assert.Contains("<a href=\"/benchmark/self-score#item-3\">第3项", page);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.FillAsync(_ => { }, "save", Picture(3))).StatusCode);
        page = await browser.PageAsync();
        Assert.Equal("10", Score(page));
        Assert.Equal("10 / 10", Cell(page, "data-subindicator", "研发设计数字化"));
        Assert.DoesNotContain("第3项选择“是”但缺少", page);
    }

    [Fact]
    public async Task Every_item_proven_scores_100_with_the_seed_subtotals()
    {
        var (browser, _) = await ApplicantAsync();
        var saved = await browser.FillAsync(f => { for (var i = 1; i <= 30; i++) Prove(f, i); },
            "save", Enumerable.Range(1, 30).Select(i => Picture(i)).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await browser.PageAsync();
        Assert.Equal("100", Score(page));
        Assert.Equal("50 / 50", Cell(page, "data-dimension", "数字化改造"));
        Assert.Equal("25 / 25", Cell(page, "data-dimension", "网络化协同"));
        Assert.Equal("25 / 25", Cell(page, "data-dimension", "智能化升级"));
        foreach (var (name, points) in new[] { ("研发设计数字化", 10), ("关键工序装备数字化", 15), ("生产管理数字化", 25), ("企业内部联网上云", 10),
                     ("产业链和产业集群协同创新", 15), ("产品和服务智能化", 15), ("企业管理智能化", 10) })
            Assert.Equal($"{points} / {points}", Cell(page, "data-subindicator", name));
    }



    [Theory]
    [InlineData("Form.RegisteredOn", "2022-01-01", null, "registration", "注册成立于2022年1月1日，应在2022年1月1日前成立，不得申报")]
    [InlineData("Form.Revenue[2023]", "0", null, "registration", "2023年度营业收入为0，不得申报")]
    [InlineData("Form.MiitLevel", "1", null, "miitLevel", "工信部平台数字化水平为一级，需要二级及以上，不得申报")]
    [InlineData("Form.MiitLevel", "2", "miit-level", "miitLevel", "缺少工信部平台数字化水平测试截图")]
    [InlineData("Form.CreditClean", "", null, "credit", "缺少信用无异常截图或信用存在异常，不得申报")]
    [InlineData("Form.CreditClean", "true", "credit-gsxt", "credit", "缺少信用无异常截图或信用存在异常，不得申报")]
    [InlineData("Form.Audited[2022]", "", null, "auditedReports", "缺少2022年度赋码审计报告（须上传该年度报告扫描件；后一年度报告含该年度指标的也可）")]
    // Seed 000 三、4 "经会计师事务所审计的2022—2024年度财务审计报告……均应为赋码审计报告": a ticked year counts only with its report on file.
    [InlineData("Form.Audited[2023]", "true", "audit-report-2023", "auditedReports", "缺少2023年度赋码审计报告（须上传该年度报告扫描件；后一年度报告含该年度指标的也可）")]
    // Seed 000 三、2 "企业营业执照复印件（加盖公章，此为前置条件……）".
    [InlineData("Form.RegisteredOn", "2021-12-31", "business-licence", "registration", "缺少营业执照复印件（加盖公章）扫描件，不得申报")]
    // Seed 000 三、5 "申报企业如是创新型中小企业、专精特新中小企业请提供省工信厅认定文件复印件，标明企业认定批次及企业序号".
    [InlineData("Form.RecognitionTitle", "专精特新中小企业", null, "recognition", "申报为专精特新中小企业的，须提供省工信厅认定文件复印件并标明认定批次及企业序号，缺少认定批次、企业序号、省工信厅认定文件复印件（公示文件及网络截图为无效佐证）")]
    [InlineData("Form.PledgeSigned", "true", "pledge", "pledge", "真实性承诺书须由法定代表人手写签字并加盖公章")]
    [InlineData("Form.Overview", "1999", null, "overview", "情况概述只有1999字，需要不少于2000字")]
    public async Task Submission_is_refused_while_a_precondition_fails_naming_it_and_the_draft_is_kept(
        string field, string value, string? missingDocument, string precondition, string reason)
    {
        var (browser, _) = await ApplicantAsync();
        var response = await browser.FillAsync(f =>
        {
            Eligible(f);
            if (value == "") f.Remove(field);
            else f[field] = field == "Form.Overview" ? new string('数', int.Parse(value)) : value;
        }, "submit", Documents.Where(d => d.Field != missingDocument).ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("草稿已保存，但未能提交。以下1项前置条件未满足，不能提交：", html);
        Assert.Contains(reason, Html.ParseDocument(html).QuerySelector("#message")!.TextContent);
        var failing = Html.ParseDocument(html).QuerySelectorAll("#preconditions-checklist li.fail").Select(li => li.GetAttribute("data-precondition"));
        Assert.Equal([precondition], failing);

        // The draft holds what was typed, refused value included.
        var stored = BenchmarkBrowser.Fields(await browser.PageAsync());
        Assert.Equal("1200", stored["Form.Revenue[2022]"]);
        if (value != "" && field != "Form.Overview") Assert.Equal(value, stored[field]);
    }

    [Fact]
    public async Task An_overview_of_2000_characters_passes_where_1999_fails_and_the_submitted_application_no_longer_changes()
    {
        var (browser, _) = await ApplicantAsync();
        // 1999 汉字 and a line break: 2000 characters as a person counts them, not the 6000-odd UTF-8 bytes.
        var refused = await browser.FillAsync(f => { Eligible(f); f["Form.Overview"] = new string('数', 1999); }, "submit", Documents);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("已保存 <strong id=\"overview-count\">1999</strong> 字", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // Seed 000 三、4: a 2023 report carrying the 2022 figures stands in for the 2022 report.
        var submitted = await browser.FillAsync(f =>
        {
            f["Form.Overview"] = new string('数', 1000) + "\n" + new string('数', 999);
            f.Remove("Form.Audited[2022]");
            f["Form.CarriesPrior[2023]"] = "true";
        }, "submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var detail = submitted.Headers.Location!.PathAndQuery;
        Assert.Matches("^/benchmark/[0-9a-f-]{36}\\?submitted=true$", detail);
        var page = await browser.PageAsync(detail);
        Assert.Contains("申报已提交。", page);
        Assert.Empty(Html.ParseDocument(page).QuerySelectorAll("#preconditions-checklist li.fail"));

        var again = await browser.Client.GetAsync(BenchmarkBrowser.FormPath);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var stale = await browser.PostAsync(BenchmarkBrowser.Fields(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("提交，不能再修改", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_declared_recognition_needs_its_batch_serial_and_document_and_one_not_declared_is_not_asked_for()
    {
        // Seed 000 三、5: "申报企业如是创新型中小企业、专精特新中小企业请提供省工信厅认定文件复印件，标明企业认定批次及企业序号;
        // 公示文件及网络截图为无效佐证。" Asked only of those that are; a declared status must be proven whole.
        var (browser, _) = await ApplicantAsync();
        var typo = await browser.FillAsync(f => { Eligible(f); f["Form.RecognitionTitle"] = "小巨人企业"; f["Form.RecognitionSerial"] = "12"; }, "save", Documents);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        var form = Html.ParseDocument(WebUtility.HtmlDecode(await typo.Content.ReadAsStringAsync()));
        Assert.Equal("认定称号应为“创新型中小企业”或“专精特新中小企业”", form.QuerySelector("#recognition .error")!.TextContent);
        var orphan = await browser.FillAsync(f => { Eligible(f); f["Form.RecognitionBatch"] = "2024年第一批"; }, "save", Documents);
        Assert.Contains("填写了认定批次但未选择认定称号；不是创新型或专精特新中小企业的，请清空认定批次",
            Html.ParseDocument(WebUtility.HtmlDecode(await orphan.Content.ReadAsStringAsync())).QuerySelector("#recognition .error")!.TextContent);

        // None declared: the check passes and says what would be asked.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.FillAsync(Eligible, "save", Documents)).StatusCode);
        var none = Html.ParseDocument(await browser.PageAsync()).QuerySelector("#preconditions-checklist li[data-precondition=recognition]")!;
        Assert.Equal("pass", none.ClassName);
        Assert.Contains("未申报创新型中小企业或专精特新中小企业称号（如是，须提供省工信厅认定文件复印件）", none.TextContent);

        // Declared with batch and serial but the document not yet on file: refused; with it: submitted.
        var refused = await browser.FillAsync(f => { f["Form.RecognitionTitle"] = "创新型中小企业"; f["Form.RecognitionBatch"] = "2023年第二批"; f["Form.RecognitionSerial"] = "0158"; }, "submit");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("申报为创新型中小企业的，须提供省工信厅认定文件复印件并标明认定批次及企业序号，缺少省工信厅认定文件复印件（公示文件及网络截图为无效佐证）",
            Html.ParseDocument(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync())).QuerySelector("#message")!.TextContent);
        var submitted = await browser.FillAsync(_ => { }, "submit", new BenchmarkBrowser.Upload("recognition-document", "创新型中小企业认定文件.png", Png(10)));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var detail = Html.ParseDocument(await browser.PageAsync(submitted.Headers.Location!.PathAndQuery));
        Assert.StartsWith("创新型中小企业（认定批次：2023年第二批，企业序号：0158）", detail.QuerySelector("#recognition")!.TextContent.Trim());
        Assert.NotNull(detail.QuerySelector("#recognition img[alt='创新型中小企业认定文件.png']"));
    }

    [Fact]
    public async Task Files_that_are_not_pictures_too_large_too_many_or_repeated_are_refused_by_name_and_the_rest_is_kept()
    {
        var (browser, _) = await ApplicantAsync();
        var fake = new BenchmarkBrowser.Upload("picture-5", "联网设备清单.png", "设备名称,IP地址\n数控车床,10.0.0.8"u8.ToArray());
        var huge = new BenchmarkBrowser.Upload("picture-5", "网络拓扑图.png", [.. Png(), .. new byte[5 * 1024 * 1024]]);
        var response = await browser.FillAsync(f => Prove(f, 5, "主要数字化装备联网率72%。"), "save", fake, huge, Picture(5));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("草稿已保存，但有2个文件未上传", html);
        Assert.Contains("第5项图片证明“联网设备清单.png”不是JPEG或PNG图片（按文件内容判断，与扩展名无关），未上传", html);
        Assert.Contains("第5项图片证明“网络拓扑图.png”超过5MB，未上传；请压缩后重新上传", html);
        // Item 5 is 3 points (seed 000) and now has its description and one picture.
        Assert.Equal("3", Score(html));
        Assert.Equal("主要数字化装备联网率72%。", BenchmarkBrowser.Fields(html)["Form.Items[5].Description"]);

        // The same picture again, then ten new ones: nine fill the item up to ten, the tenth is one too many.
        var more = new[] { Picture(5) }.Concat(Enumerable.Range(1, 10).Select(v => Picture(5, v))).ToArray();
        html = WebUtility.HtmlDecode(await (await browser.FillAsync(_ => { }, "save", more)).Content.ReadAsStringAsync());
        Assert.Contains("第5项图片证明最多10张，“第5项截图10.png”未上传", html);
        Assert.Contains("第5项图片证明“第5项截图0.png”与已上传的图片相同，未重复上传", html);
        Assert.Equal(10, Html.ParseDocument(html).QuerySelectorAll("#item-5 .thumbs li").Length);

        // Ticking pictures for removal and saving takes them off; with none left the item earns 0 again.
        var removed = await browser.FillAsync(f =>
        {
            foreach (var box in Html.ParseDocument(html).QuerySelectorAll("#item-5 input[name^='Form.Remove[']")) f[box.GetAttribute("name")!] = "true";
        });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var page = await browser.PageAsync();
        Assert.Equal("0", Score(page));
        Assert.Contains("第5项选择“是”但缺少图片证明", page);
    }

    [Fact]
    public async Task A_documents_scan_may_be_a_PDF_up_to_20_MB_but_an_items_picture_may_not()
    {
        // Seed 000 三、4: each year's 赋码审计报告 is a many-page document, scanned as one PDF; an item's 图片证明 stays a picture.
        var (browser, _) = await ApplicantAsync();
        byte[] report = [.. "%PDF-1.4\n"u8, .. new byte[6 * 1024 * 1024]];
        var response = await browser.FillAsync(f => Prove(f, 5, "主要数字化装备联网率72%。"), "save",
            new BenchmarkBrowser.Upload("audit-report-2023", "2023年度审计报告.pdf", report, "application/pdf"),
            new BenchmarkBrowser.Upload("picture-5", "联网设备清单.pdf", report[..4096], "application/pdf"),
            new BenchmarkBrowser.Upload("business-licence", "营业执照复印件.pdf", [.. "%PDF-1.7\n"u8, .. new byte[20 * 1024 * 1024]], "application/pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("草稿已保存，但有2个文件未上传", html);
        Assert.Contains("第5项图片证明“联网设备清单.pdf”不是JPEG或PNG图片（按文件内容判断，与扩展名无关），未上传", html);
        Assert.Contains("营业执照复印件（加盖公章）“营业执照复印件.pdf”超过20MB，未上传；请压缩后重新上传", html);

        // Over a picture's 5 MB and within a document's 20 MB, the report is on file: a tile by its name that opens it.
        var tile = Html.ParseDocument(html).QuerySelector("#slot-audit-report-2023 .thumbs a.doc-thumb")!;
        Assert.Equal("PDF", tile.TextContent);
        Assert.Contains("2023年度审计报告.pdf", tile.ParentElement!.TextContent);
        var served = await browser.Client.GetAsync(tile.GetAttribute("href"));
        Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(report, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf,image/jpeg,image/png", Html.ParseDocument(html).QuerySelector("input[name='audit-report-2023']")!.GetAttribute("accept"));
        Assert.Equal("image/jpeg,image/png", Html.ParseDocument(html).QuerySelector("input[name='picture-5']")!.GetAttribute("accept"));
    }

    [Fact]
    public async Task A_picture_is_served_only_to_those_who_may_read_its_application()
    {
        var (owner, enterpriseId) = await ApplicantAsync("哈尔滨市");
        await owner.FillAsync(f => Prove(f, 1), "save", new BenchmarkBrowser.Upload("picture-1", "设计软件截图.png", Png()));
        var src = Html.ParseDocument(await owner.Client.GetStringAsync(BenchmarkBrowser.FormPath)).QuerySelector("#item-1 .thumbs img")!.GetAttribute("src")!;

        var mine = await owner.Client.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("image/png", mine.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", mine.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", mine.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("设计软件截图.png", mine.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(Png(), await mine.Content.ReadAsByteArrayAsync());

        async Task<HttpStatusCode> As(string user) => (await (await BenchmarkBrowser.SignInAsync(app, user)).Client.GetAsync(src)).StatusCode;
        Assert.Equal(HttpStatusCode.OK, await As("hlj-city"));
        Assert.Equal(HttpStatusCode.OK, await As(await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "哈尔滨市")));
        Assert.Equal(HttpStatusCode.NotFound, await As(await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "齐齐哈尔市")));
        Assert.Equal(HttpStatusCode.NotFound, await As((await HeilongjiangAccounts.EnterpriseAsync(app, "哈尔滨市")).UserName));
        Assert.Equal(HttpStatusCode.NotFound, await As(await HeilongjiangAccounts.UserAsync(app, Role.ServiceProvider)));
        Assert.Equal(HttpStatusCode.NotFound, await As("hz-city"));
        var anonymous = await app.Anonymous().GetAsync(src);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());

        // Each picture served is in the application's trail: the owner and the two bureaus that read it, not those refused.
        var applicationId = (await Scoped(db => db.BenchmarkApplications.SingleAsync(a => a.EnterpriseId == enterpriseId))).Id.ToString();
        var downloads = await Scoped(db => db.AuditEntries.Where(e => e.EntityId == applicationId && e.Action == AuditAction.FileDownloaded).ToListAsync());
        Assert.Equal(3, downloads.Count);
        Assert.All(downloads, d => Assert.Equal("设计软件截图.png", d.Source));
    }

    [Fact]
    public async Task Bureaus_read_the_applications_of_their_scope_and_everyone_else_finds_nothing()
    {
        var (owner, enterpriseId) = await ApplicantAsync("哈尔滨市");
        await owner.FillAsync(f => Prove(f, 2), "save", Picture(2));
        var id = await Scoped(db => db.BenchmarkApplications.Where(a => a.EnterpriseId == enterpriseId).Select(a => a.Id).SingleAsync());
        var name = await Scoped(db => db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.Name).SingleAsync());

        var city = await BenchmarkBrowser.SignInAsync(app, "hlj-city");
        Assert.Contains(name, await city.PageAsync("/benchmark"));
        Assert.Contains("3 / 3", await city.PageAsync($"/benchmark/{id}"));
        var harbin = await BenchmarkBrowser.SignInAsync(app, await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "哈尔滨市"));
        Assert.Contains(name, await harbin.PageAsync("/benchmark"));
        // A bureau reads; the form is the enterprise's.
        Assert.EndsWith("/benchmark", (await harbin.Client.GetAsync(BenchmarkBrowser.FormPath)).Headers.Location!.ToString());

        var qiqihar = await BenchmarkBrowser.SignInAsync(app, await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "齐齐哈尔市"));
        Assert.DoesNotContain(name, await qiqihar.PageAsync("/benchmark"));
        Assert.Equal(HttpStatusCode.NotFound, (await qiqihar.Client.GetAsync($"/benchmark/{id}")).StatusCode);

        var other = await BenchmarkBrowser.SignInAsync(app, (await HeilongjiangAccounts.EnterpriseAsync(app, "哈尔滨市")).UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/benchmark/{id}")).StatusCode);
        Assert.Contains("尚未保存", await other.PageAsync());

        foreach (var user in new[] { await HeilongjiangAccounts.UserAsync(app, Role.ServiceProvider), await HeilongjiangAccounts.UserAsync(app, Role.ThinkTank), "hz-city", "hz-enterprise" })
        {
            var stranger = (await BenchmarkBrowser.SignInAsync(app, user)).Client;
            foreach (var path in new[] { "/benchmark", BenchmarkBrowser.FormPath, $"/benchmark/{id}" })
                Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Only_the_enterprise_itself_may_change_or_submit_its_application()
    {
        var (_, enterpriseId) = await ApplicantAsync();
        var draft = new BenchmarkDraft(new BenchmarkAnswers(), new BenchmarkFacts(), "概述");
        const string hlj = HeilongjiangAccounts.Programme;
        var refusals = new (Actor Actor, OutcomeKind Expected)[]
        {
            (new Actor("u1", "省厅", Role.CityBureau, hlj), OutcomeKind.Forbidden),
            (new Actor("u2", "哈尔滨市局", Role.DistrictBureau, hlj, District: "哈尔滨市"), OutcomeKind.Forbidden),
            (new Actor("u3", "服务商", Role.ServiceProvider, hlj, OrganisationId: Guid.NewGuid()), OutcomeKind.NotFound),
            (new Actor("u4", "专家", Role.Expert, hlj), OutcomeKind.NotFound),
            // An enterprise account of another programme pointing at this enterprise does not reach it.
            (new Actor("u5", "杭州企业", Role.Enterprise, "hangzhou-2024", EnterpriseId: enterpriseId), OutcomeKind.NotFound),
        };
        foreach (var (actor, expected) in refusals)
        {
            var saved = await Scoped(async (_, service) => await service.SaveAsync(actor, 0, draft, [], []));
            Assert.Equal(expected, saved.Kind);
            var submitted = await Scoped(async (_, service) => await service.SubmitAsync(actor, 0));
            Assert.Equal(expected, submitted.Kind);
        }
        Assert.False(await Scoped(db => db.BenchmarkApplications.AnyAsync(a => a.EnterpriseId == enterpriseId)));
    }

    [Fact]
    public async Task Answers_uploads_and_submission_are_recorded_in_the_audit_trail()
    {
        var (browser, enterpriseId) = await ApplicantAsync();
        await browser.FillAsync(f => { Eligible(f); Prove(f, 1, "CAD全面应用。"); }, "save", [.. Documents, new BenchmarkBrowser.Upload("picture-1", "CAD截图.png", Png())]);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.FillAsync(f => f["Form.Items[1].Description"] = "CAD与CAPP全面应用。", "submit")).StatusCode);

        var id = (await Scoped(db => db.BenchmarkApplications.SingleAsync(a => a.EnterpriseId == enterpriseId))).Id.ToString();
        var entries = await Scoped(db => db.AuditEntries.Where(a => a.EntityType == "BenchmarkApplication" && a.EntityId == id).ToListAsync());
        var created = entries.Single(e => e.Action == AuditAction.Created);
        Assert.Contains(new FieldChange("第1项", null, "是"), created.Changes);
        Assert.Contains(new FieldChange("2024年度营业收入（万元）", null, "1800.50"), created.Changes);
        Assert.Contains(new FieldChange("工信部平台数字化水平", null, "二级"), created.Changes);
        var files = entries.Single(e => e.Action == AuditAction.EvidenceChanged);
        Assert.Contains(new FieldChange("第1项图片证明", null, "CAD截图.png（1 KB）"), files.Changes);
        Assert.Contains(new FieldChange("真实性承诺书扫描件", null, "真实性承诺书.jpg（1 KB）"), files.Changes);
        var edited = entries.Single(e => e.Action == AuditAction.Updated);
        Assert.Equal([new FieldChange("第1项文字描述", "CAD全面应用。", "CAD与CAPP全面应用。")], edited.Changes);
        var submitted = entries.Single(e => e.Action == AuditAction.StateChanged);
        Assert.Contains(submitted.Changes, c => c is { Field: "Status", Before: "Draft", After: "Submitted" });
        Assert.All(entries, e => Assert.Equal("heilongjiang-2025", e.ProgrammeId));
        Assert.All(entries, e => Assert.StartsWith("黑龙江测试制造", e.ActorName));
    }

    [Fact]
    public async Task Unreadable_input_is_refused_per_field_and_nothing_typed_is_lost()
    {
        var (browser, enterpriseId) = await ApplicantAsync();
        var response = await browser.FillAsync(f =>
        {
            Prove(f, 7, "设备台账、点检、保养全部线上管理。");
            f["Form.Revenue[2022]"] = "一千二百万";
            f["Form.RegisteredOn"] = "2021-13-45";
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("2022年度营业收入应为不小于0的数字（万元），如 1234.56", html);
        Assert.Contains("注册成立日期的格式应为 2015-06-30", html);
        var typed = BenchmarkBrowser.Fields(html);
        Assert.Equal("设备台账、点检、保养全部线上管理。", typed["Form.Items[7].Description"]);
        Assert.Equal("一千二百万", typed["Form.Revenue[2022]"]);
        // The browser keeps a copy of the form per enterprise and user; the page showing the refused post back says so.
        var form = Html.ParseDocument(html).QuerySelector("form.bench-form")!;
        Assert.StartsWith($"dxpilot-benchmark:{enterpriseId}:", form.GetAttribute("data-form-copy"));
        Assert.Equal("true", form.GetAttribute("data-refused"));
        Assert.False(await Scoped(db => db.BenchmarkApplications.AnyAsync(a => a.EnterpriseId == enterpriseId)));
    }

    [Fact]
    public async Task A_form_saved_from_a_stale_window_is_refused_and_keeps_what_was_typed()
    {
        var (browser, _) = await ApplicantAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.FillAsync(f => Prove(f, 8, "排产系统上线。"))).StatusCode);
        var first = await browser.OpenFormAsync();
        var second = await browser.OpenFormAsync();
        Prove(first, 9, "甲窗口：MES车间监控。");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(first)).StatusCode);
        Prove(second, 9, "乙窗口：MES产线监控。");
        var stale = await browser.PostAsync(second);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("申报内容在您打开之后已被", html);
        Assert.Equal("乙窗口：MES产线监控。", BenchmarkBrowser.Fields(html)["Form.Items[9].Description"]);
        Assert.Equal("甲窗口：MES车间监控。", (await browser.OpenFormAsync())["Form.Items[9].Description"]);
    }

    [Fact]
    public async Task The_demo_applicant_of_Harbin_finds_its_form_through_the_navigation()
    {
        var browser = await BenchmarkBrowser.SignInAsync(app, "hlj-enterprise");
        var home = Html.ParseDocument(await browser.Client.GetStringAsync("/"));
        Assert.NotNull(home.QuerySelector("header nav a[href='/benchmark']"));
        Assert.EndsWith(BenchmarkBrowser.FormPath, (await browser.Client.GetAsync("/benchmark")).Headers.Location!.ToString());
        var page = await browser.PageAsync();
        Assert.Contains("哈尔滨北疆阀门制造有限公司（演示） · 哈尔滨市", page);
        // The founding date on the enterprise file starts the registration precondition.
        Assert.Equal("2012-05-18", (await browser.OpenFormAsync())["Form.RegisteredOn"]);
        // …and its check reads the same date: what it still lacks are the revenues, not "缺少注册成立日期" beside a filled-in field.
        var registration = Html.ParseDocument(page).QuerySelector("li[data-precondition=registration]")!.TextContent;
        Assert.Contains("缺少2022、2023、2024年度营业收入", registration);
        Assert.DoesNotContain("缺少注册成立日期", registration);
        Assert.Equal(30, Html.ParseDocument(page).QuerySelectorAll("section.bench-item").Length);
        // The live character counter (and every other script) is a static file of our own (CSP script-src 'self'), never inline.
        var scripts = Html.ParseDocument(page).QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(scripts, s => s.EndsWith("benchmark-count.js"));
        foreach (var script in scripts)
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(script.StartsWith('/') ? script : "/" + script)).StatusCode);
        Assert.Empty(Html.ParseDocument(page).QuerySelectorAll("script:not([src])"));
    }

    private async Task<T> Scoped<T>(Func<DxPilotDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }

    private async Task<T> Scoped<T>(Func<DxPilotDbContext, BenchmarkService, Task<T>> use)
    {
        using var scope = app.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>(), scope.ServiceProvider.GetRequiredService<BenchmarkService>());
    }
}

public sealed class BenchmarkTestsOnSqlite(SqliteApp app) : BenchmarkTests<SqliteApp>(app);

public sealed class BenchmarkTestsOnPostgres(PostgresApp app) : BenchmarkTests<PostgresApp>(app);
