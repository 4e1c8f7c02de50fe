using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace DxPilot.Web.Tests;

/// <summary>
/// The diagnosis report (seed 002 附件3) through the app: only the diagnosing provider writes it, everyone who reads the
/// diagnosis reads it, others get 404; a stale save is refused and keeps its text; a section over its limit is refused by
/// name; the checklist reads the written length at 15,000; the .docx is valid, in the template's order, and opens.
/// </summary>
public abstract class DiagnosisReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Page(Guid id) => $"/diagnoses/{id}/report";

    /// <summary>A fresh enterprise in <paramref name="district"/>, its provider and the accounts around it, and the diagnosis opened.</summary>
    private async Task<(ChangchunDiagnosis C, Guid Id)> OpenAsync(string district = ChangchunDiagnosis.District)
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var c = await ChangchunDiagnosis.CreateAsync(app, district);
        return (c, (await c.OpenAsync(app)).Id);
    }

    /// <summary>The editor's form as a browser without script posts it: its token and version, and the given fields.</summary>
    private static async Task<HttpResponseMessage> PostPage(HttpClient client, Guid id, Dictionary<string, string> fields, string? version = null, string op = "save")
    {
        var page = await client.GetDocument(Page(id));
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = "report", ["op"] = op,
            ["__RequestVerificationToken"] = page.QuerySelector("form.report-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Version"] = version ?? page.QuerySelector("form.report-form input[name=Version]")!.GetAttribute("value")!,
        };
        return await client.PostAsync(Page(id), new FormUrlEncodedContent(body), Ct);
    }

    /// <summary>The autosave: the same fields to the API, with the page's token.</summary>
    private static async Task<HttpResponseMessage> Autosave(HttpClient client, Guid id, Dictionary<string, string> fields, string version)
    {
        var token = (await client.GetDocument(Page(id))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token, ["Version"] = version };
        return await client.PostAsync($"/api/diagnoses/{id}/report", new FormUrlEncodedContent(body), Ct);
    }

    [Fact]
    public async Task The_provider_writes_the_report_and_reads_it_back_with_its_written_count()
    {
        var (d, id) = await OpenAsync();
        var provider = await app.SignedIn(d.Users["provider"]);
        var saved = await PostPage(provider, id, new()
        {
            ["text.profile"] = "数字化 转型\r\nABC",                                 // 3 + 2 + 3 = 8
            ["table.projectList.0.0"] = "MES一期", ["table.projectList.0.1"] = "工单", ["table.projectList.0.3"] = "12.5",  // 5 + 2 + "12.50" 5
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await provider.GetDocument(Page(id));
        Assert.Equal("数字化 转型\nABC", page.QuerySelector("textarea[name='text.profile']")!.TextContent.TrimStart('\n'));
        Assert.Equal("12.50", page.QuerySelector("input[name='table.projectList.0.3']")!.GetAttribute("value"));
        Assert.Equal("20", page.QuerySelector("#report-total")!.TextContent);
        Assert.Contains("fail", page.QuerySelector("#report-total")!.ClassName);
        Assert.Contains("字符数（不计空格）", page.QuerySelector("#report-count")!.TextContent);
    }

    [Fact]
    public async Task Readers_in_scope_read_the_report_without_editing_and_everyone_else_gets_404()
    {
        var (d, id) = await OpenAsync();
        var (other, otherId) = await OpenAsync("南关区");
        var city = d.Users["city"];
        Assert.Equal(HttpStatusCode.Redirect, (await PostPage(await app.SignedIn(d.Users["provider"]), id, new() { ["text.profile"] = "企业简介正文" })).StatusCode);

        // Another provider, another district's bureau, another enterprise: nothing, not even that it exists.
        foreach (var outsider in new[] { other.Users["provider"], other.Users["nanguan"], other.Users["enterprise"] })
        {
            var client = await app.SignedIn(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Page(id), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/diagnoses/{id}/report.docx", Ct)).StatusCode);
            var token = (await client.GetDocument(Page(otherId))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var posted = await client.PostAsync($"/api/diagnoses/{id}/report",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Version"] = "1", ["text.profile"] = "改写" }), Ct);
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        // The enterprise, its district and the city read it; none of them edits.
        foreach (var reader in new[] { d.Users["enterprise"], d.Users["chaoyang"], city })
        {
            var client = await app.SignedIn(reader);
            var page = await client.GetDocument(Page(id));
            Assert.Contains("企业简介正文", page.QuerySelector("#text\\.profile")!.TextContent);
            Assert.Null(page.QuerySelector("textarea[name='text.profile']"));
            Assert.Equal("只有承担诊断的服务商可以修改", page.QuerySelector("#read-only")!.TextContent);
            var refused = await Autosave(client, id, new() { ["text.profile"] = "改写" }, "1");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var after = await (await app.SignedIn(d.Users["provider"])).GetDocument(Page(id));
        Assert.Equal("企业简介正文", after.QuerySelector("textarea[name='text.profile']")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_think_tank_reads_the_phones_in_the_report_masked_on_the_page_and_in_the_docx_and_the_city_whole()
    {
        var (d, id) = await OpenAsync();
        var provider = await d.AccountAsync(app, "provider");
        await using (var scope = app.ScopeAs(provider))
        {
            var diagnoses = scope.ServiceProvider.GetRequiredService<DiagnosisService>();
            var version = (await diagnoses.GetAsync(provider, id, Ct)).Value!.Diagnosis.Version;
            var added = await diagnoses.AddMemberAsync(provider, id, version,
                new TeamMemberInput("李敏", d.Provider.Name, "工程师", TitleLevel.Intermediate, ExpertiseField.Software, TeamRole.Member, Phone: "13800002222"), Ct);
            Assert.True(added.IsOk, added.Message);
        }
        // The enterprise file's contact (ChangchunDiagnosis) and the member's phone.
        string[] whole = ["13900001111", "13800002222"], masked = ["139****1111", "138****2222"];

        var thinkTank = await app.SignedIn(d.Users["thinktank"]);
        var city = await app.SignedIn(d.Users["city"]);
        foreach (var (text, isMasked) in new[]
                 {
                     (await thinkTank.GetStringAsync(Page(id), Ct), true), (OfficeFiles.Text(await thinkTank.GetByteArrayAsync($"/diagnoses/{id}/report.docx", Ct)), true),
                     (await city.GetStringAsync(Page(id), Ct), false), (OfficeFiles.Text(await city.GetByteArrayAsync($"/diagnoses/{id}/report.docx", Ct)), false),
                 })
        {
            foreach (var phone in isMasked ? masked : whole) Assert.Contains(phone, text);
            if (isMasked) foreach (var phone in whole) Assert.DoesNotContain(phone, text);
        }
        // The service agreement names the enterprise's contact with the phone alike.
        var agreement = OfficeFiles.Text(await thinkTank.GetByteArrayAsync($"/diagnoses/{id}/agreement.docx", Ct));
        Assert.Contains(masked[0], agreement);
        Assert.DoesNotContain(whole[0], agreement);
        Assert.Contains(whole[0], OfficeFiles.Text(await city.GetByteArrayAsync($"/diagnoses/{id}/agreement.docx", Ct)));
    }

    [Fact]
    public async Task Table_6_links_the_assessment_only_for_a_reader_who_may_open_it()
    {
        var (d, id) = await OpenAsync();
        var assessment = await ArrangeTeamVisitAndAssessmentAsync(d, id);
        // An evaluation agency assigned to the enterprise reads the diagnosis and its report, but of assessments only its own.
        var agency = await d.AssignedAsync(app, OrganisationKind.EvaluationAgency, Role.EvaluationAgency, "长春评测中心");
        foreach (var (who, opens) in new[] { (d.Users["city"], true), (d.Users["provider"], true), (agency, false) })
        {
            var client = await app.SignedIn(who);
            Assert.Equal(opens ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/assessments/{assessment}", Ct)).StatusCode);
            var section = (await client.GetDocument(Page(id))).QuerySelector("#assessment")!;
            Assert.Contains("2026年3月9日", section.TextContent);
            Assert.Contains("的改造前评测：综合得分 100 分", section.TextContent);
            Assert.Equal(opens, section.QuerySelector($"a[href='/assessments/{assessment}']") is not null);
        }
    }

    [Fact]
    public async Task Once_submitted_the_report_is_read_only_for_its_provider_too()
    {
        var (d, id) = await OpenAsync();
        var provider = await app.SignedIn(d.Users["provider"]);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPage(provider, id, new() { ["text.profile"] = "提交前的简介" })).StatusCode);
        // Arranged as after a submission (the submission's own rules are the checklist's tests).
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Diagnoses.Where(x => x.Id == id)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.Status, DiagnosisStatus.Submitted), Ct);

        var page = await provider.GetDocument(Page(id));
        Assert.Equal("诊断已提交验收，不能再修改", page.QuerySelector("#read-only")!.TextContent);
        Assert.Null(page.QuerySelector("textarea[name='text.profile']"));
        var refused = await Autosave(provider, id, new() { ["text.profile"] = "提交后的改写" }, "1");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("诊断已提交验收，不能再修改", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        Assert.Contains("提交前的简介", (await provider.GetDocument(Page(id))).QuerySelector("#text\\.profile")!.TextContent);
    }

    [Fact]
    public async Task A_save_is_one_audit_entry_naming_each_changed_part_with_its_length_not_its_text()
    {
        var (d, id) = await OpenAsync();
        var provider = await app.SignedIn(d.Users["provider"]);
        Assert.Equal(HttpStatusCode.OK, (await Autosave(provider, id, new() { ["text.profile"] = "汽车座椅 骨架", ["needs.other"] = "人才培训" }, "0")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Autosave(provider, id, new() { ["text.profile"] = "汽车座椅 骨架", ["needs.other"] = "人才培训\n数据治理" }, "1")).StatusCode);

        await using var scope = app.DataScope(ChangchunDiagnosis.Programme);
        var key = id.ToString();
        var entries = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(DiagnosisReport) && e.EntityId == key).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(d.Provider.Name, e.ActorName));
        var first = entries[0].Changes.ToDictionary(c => c.Field);
        Assert.StartsWith("6字，指纹", first["（一）企业简介"].After);                          // 汽车座椅 骨架: 6, the space not counted
        Assert.StartsWith("1条，4字，指纹", first["表9 其他需求"].After);
        var second = Assert.Single(entries[1].Changes);                                          // the unchanged 简介 is not repeated
        Assert.Equal("表9 其他需求", second.Field);
        Assert.StartsWith("2条，8字，指纹", second.After);
        Assert.DoesNotContain(entries.SelectMany(e => e.Changes), c => (c.After ?? "").Contains("汽车座椅") || (c.After ?? "").Contains("数据治理"));
    }

    // The save sent as the page is left may land after the page was drawn again, so the page's next save carries the version
    // before it: saving what is already stored overwrites no one and is no new entry in the trail.
    [Fact]
    public async Task A_save_read_on_an_older_version_that_changes_nothing_is_done_and_one_that_does_is_refused()
    {
        var (d, id) = await OpenAsync();
        var provider = await app.SignedIn(d.Users["provider"]);
        var fields = new Dictionary<string, string> { ["text.profile"] = "汽车座椅骨架", ["needs.other"] = "人才培训\n数据治理" };
        Assert.Equal(HttpStatusCode.OK, (await Autosave(provider, id, fields, "0")).StatusCode);

        var again = await Autosave(provider, id, fields, "0");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        var refused = await Autosave(provider, id, new(fields) { ["needs.other"] = "人才培训" }, "0");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        await using var scope = app.DataScope(ChangchunDiagnosis.Programme);
        var key = id.ToString();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        Assert.Equal(1, (await db.DiagnosisReports.AsNoTracking().SingleAsync(r => r.DiagnosisId == id, Ct)).Version);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(DiagnosisReport) && e.EntityId == key, Ct));
    }

    [Fact]
    public async Task A_second_tab_saving_an_old_copy_is_refused_with_the_stale_message_and_its_text_kept()
    {
        var (d, id) = await OpenAsync();
        var first = await app.SignedIn(d.Users["provider"]);
        var second = await app.SignedIn(d.Users["provider"]);
        var read = (await second.GetDocument(Page(id))).QuerySelector("form.report-form input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal("0", read);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPage(first, id, new() { ["text.topDesign"] = "第一个标签页的顶层设计" })).StatusCode);

        var refused = await PostPage(second, id, new() { ["text.topDesign"] = "第二个标签页的顶层设计" }, version: read);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = PageClient.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("保存失败：诊断报告在您打开之后已被", page.QuerySelector("#message")!.TextContent.Trim());
        Assert.Contains("您填写的内容仍在下方", page.QuerySelector("#message")!.TextContent);
        Assert.Equal("第二个标签页的顶层设计", page.QuerySelector("textarea[name='text.topDesign']")!.TextContent.Trim());
        Assert.Equal(read, page.QuerySelector("form.report-form input[name=Version]")!.GetAttribute("value"));

        var autosave = await Autosave(second, id, new() { ["text.topDesign"] = "第二个标签页的顶层设计" }, read);
        Assert.Equal(HttpStatusCode.Conflict, autosave.StatusCode);
        Assert.StartsWith("保存失败：诊断报告在您打开之后已被", (await autosave.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());

        var stored = await first.GetDocument(Page(id));
        Assert.Equal("第一个标签页的顶层设计", stored.QuerySelector("textarea[name='text.topDesign']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_section_of_200000_characters_is_refused_naming_the_section_and_its_limit()
    {
        var (d, id) = await OpenAsync();
        var provider = await app.SignedIn(d.Users["provider"]);
        var refused = await PostPage(provider, id, new() { ["text.profile"] = new string('字', 200_000), ["text.buildPlan"] = "建设方案" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = PageClient.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("（一）企业简介不能超过50,000字（现有200,000字）", page.QuerySelector("#message")!.TextContent);
        Assert.Equal(200_000, page.QuerySelector("textarea[name='text.profile']")!.TextContent.Trim().Length);
        Assert.Contains("尚未保存", (await provider.GetDocument(Page(id))).QuerySelector("h1 + p")!.TextContent);
    }

    [Fact]
    public async Task Control_characters_and_bad_amounts_are_refused_by_the_autosave_with_the_field_named()
    {
        var (d, id) = await OpenAsync();
        var provider = await app.SignedIn(d.Users["provider"]);
        var refused = await Autosave(provider, id, new() { ["text.production"] = "工艺\u0001流程", ["table.systemList.0.0"] = "ERP", ["table.systemList.0.3"] = "12.345" }, "0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("（三）生产模式及生产工艺", errors.GetProperty("text.production")[0].GetString());
        Assert.Contains("表3 数字化系统列表第1行“投入金额（万元）”", errors.GetProperty("table.systemList.0.3")[0].GetString());
    }

    // 数字化(3) 转型(2) ABC(3) ，(1) 2025(4) 年(1) ！(1) 🚗(1) = 16 per unit; spaces and line breaks do not count.
    private const string Sixteen = "数字化 转型\nABC，2025年！🚗\r\n";

    [Fact]
    public async Task The_checklist_counts_14999_written_characters_as_short_and_15000_as_enough()
    {
        var (d, id) = await OpenAsync();
        var provider = await app.SignedIn(d.Users["provider"]);
        var body = new StringBuilder().Insert(0, Sixteen, 937).ToString();              // 14,992
        var short_ = await Autosave(provider, id, new() { ["text.buildPlan"] = body, ["text.topDesign"] = "工业 互联网\t平台" }, "0");   // + 7
        Assert.Equal(HttpStatusCode.OK, short_.StatusCode);
        var saved = await short_.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(14_999, saved.GetProperty("characters").GetInt32());
        Assert.False(await ReportItemPassedAsync(d, id));

        var enough = await Autosave(provider, id, new() { ["text.buildPlan"] = body, ["text.topDesign"] = "工业 互联网\t平台X" }, "1");
        Assert.Equal(15_000, (await enough.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("characters").GetInt32());
        Assert.True(await ReportItemPassedAsync(d, id));
    }

    private async Task<bool> ReportItemPassedAsync(ChangchunDiagnosis d, Guid id)
    {
        await using var scope = app.ScopeAs(d.ProviderActor);
        var view = (await scope.ServiceProvider.GetRequiredService<DiagnosisService>().GetAsync(d.ProviderActor, id, Ct)).Value!;
        var passed = view.Checklist.Items.Single(i => i.Key == "report").Passed;
        Assert.Equal(passed, (view.Diagnosis.RedItems & DiagnosisChecklist.Bit("report")) == 0);
        return passed;
    }

    [Fact]
    public async Task The_report_docx_is_valid_in_the_template_order_with_tables_6_to_8_the_team_and_visit_photos_and_opens_in_libreoffice()
    {
        var (d, id) = await OpenAsync();
        await ArrangeTeamVisitAndAssessmentAsync(d, id);
        var provider = await app.SignedIn(d.Users["provider"]);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPage(provider, id, new()
        {
            ["text.profile"] = "企业主营汽车座椅骨架。", ["table.equipment.0.0"] = "激光焊接机", ["table.equipment.0.3"] = "4", ["table.equipment.0.4"] = "是",
            ["needs.production"] = "设备联网\n质量追溯", ["table.projectList.0.0"] = "MES一期", ["table.projectList.0.3"] = "85",
            ["basics.budget"] = "300",
        })).StatusCode);

        var city = await app.SignedIn(d.Users["city"]);
        var response = await city.GetAsync($"/diagnoses/{id}/report.docx", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"咨询诊断报告（{d.Enterprise.Name}）.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Empty(OfficeFiles.ValidationErrors(docx));

        var text = OfficeFiles.Text(docx);
        string[] order =
        [
            "长春市中小企业数字化转型城市试点咨询诊断报告", "试点企业名称（盖章）：", "诊断报告编制日期：", "一、企业基本情况", "表1 企业基本情况表",
            "（一）企业简介", "企业主营汽车座椅骨架。", "（四）数字化基础", "表2 生产设备列表", "激光焊接机", "表5“上云用云”情况列表",
            "二、企业数字化水平诊断分析", "表6 中小企业数字化水平等级判定", "表7 数字化基础、管理和成效维度评测得分", "表8 中小企业数字化经营应用场景等级判定",
            "（二）诊断结果分析", "表9 数字化改造需求表", "1. 设备联网", "三、企业数字化转型方案建议", "表10 数字化改造项目列表", "85.00",
            "四、数字化产品和服务推荐", "表11 数字化产品和服务推荐列表", "五、诊断相关附件材料", "（一）诊断人员列表", "张三",
            "（二）现场诊断记录表（按次填写）", "调研冲压车间设备联网现状", "（三）中小企业数字化水平评测表（改造前）", "100分", "（四）企业满意度评价表",
        ];
        var at = 0;
        foreach (var part in order)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"“{part}”不在“{order[Array.IndexOf(order, part) - 1 < 0 ? 0 : Array.IndexOf(order, part) - 1]}”之后");
            at = found;
        }
        Assert.Contains(d.Enterprise.Name, text);
        Assert.Contains("300.00", text);
        // Seed 002 现场诊断记录表: the visit counted 第一次, both sides' signature lines under the seed's labels.
        Assert.Contains("现场诊断记录表（第一次）", text);
        Assert.Contains("本次服务成果（第一次）", text);
        Assert.Contains("咨询诊断服务人员签字\n张三", text);
        Assert.Contains("试点企业对接人签字\n赵六", text);
        Assert.DoesNotContain("第1次", text);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var pictures = word.MainDocumentPart!.ImageParts.ToList();
            Assert.Equal(2, pictures.Count);                            // the radar and the one photo's thumbnail
            Assert.Contains(pictures, p => p.ContentType == "image/jpeg");
        }

        var pdf = await OfficeFiles.PdfTextAsync(docx);
        Assert.Contains("试点企业名称（盖章）", pdf);
        Assert.Contains("激光焊接机", pdf);
    }

    /// <summary>A leader in the team, a 3-hour visit with one photo whose thumbnail is stored, and the provider's 改造前
    /// assessment with every answer at its maximum (100 points), linked; returns the assessment's id.</summary>
    private async Task<Guid> ArrangeTeamVisitAndAssessmentAsync(ChangchunDiagnosis d, Guid id)
    {
        var bearer = await app.As(d.Users["provider"]);
        var body = AnswerDocuments.AllMaximum();
        body["stage"] = "Before";
        body["assessedOn"] = "2026-03-09";
        var created = await bearer.PostAsJsonAsync($"/api/enterprises/{d.Enterprise.Id}/assessments", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var assessmentId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        await using var scope = app.ScopeAs(d.ProviderActor);
        var service = scope.ServiceProvider.GetRequiredService<DiagnosisService>();
        var version = (await service.GetAsync(d.ProviderActor, id, Ct)).Value!.Diagnosis.Version;
        var member = await service.AddMemberAsync(d.ProviderActor, id, version,
            new TeamMemberInput("张三", "长春测试咨询有限公司", "高级工程师", TitleLevel.Senior, ExpertiseField.Industry, TeamRole.Leader, "现场诊断", "13900001111"), Ct);
        Assert.True(member.IsOk, member.Message);
        var view = (await service.GetAsync(d.ProviderActor, id, Ct)).Value!;
        var visit = await service.RecordVisitAsync(d.ProviderActor, id, view.Diagnosis.Version, new VisitInput(new DateOnly(2026, 3, 10), new TimeOnly(9, 0),
            new TimeOnly(12, 0), VisitTopic.Survey, [view.Members[0].Id], "赵六", "调研冲压车间设备联网现状。", null), Ct);
        Assert.True(visit.IsOk, visit.Message);
        var linked = await service.LinkAssessmentAsync(d.ProviderActor, id, (await service.GetAsync(d.ProviderActor, id, Ct)).Value!.Diagnosis.Version, assessmentId, Ct);
        Assert.True(linked.IsOk, linked.Message);

        // The thumbnail as the photo checks store it beside the photo (a small JPEG).
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var blob = await scope.ServiceProvider.GetRequiredService<IBlobStore>().PutAsync(new MemoryStream(Thumbnail()), Ct);
        var diagnosis = await db.Diagnoses.SingleAsync(x => x.Id == id, Ct);
        diagnosis.Touch(DateTime.UtcNow);
        db.VisitPhotos.Add(VisitPhoto.Upload(id, visit.Value!.Id, PhotoTag.ProductionFloor, blob.Named("车间.jpg"),
            new PhotoFacts(new DateTimeOffset(2026, 3, 10, 1, 30, 0, TimeSpan.Zero), 43.8, 125.3, null, blob.Sha256, blob.Size, null), "诊断员", DateTime.UtcNow));
        await db.SaveChangesAsync(Ct);
        return assessmentId;
    }

    private static byte[] Thumbnail()
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(new SKColor(30, 120, 200));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }
}

public sealed class DiagnosisReportTestsOnSqlite(SqliteApp app) : DiagnosisReportTests<SqliteApp>(app);

public sealed class DiagnosisReportTestsOnPostgres(PostgresApp app) : DiagnosisReportTests<PostgresApp>(app);
