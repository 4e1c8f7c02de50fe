using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Diagnoses;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using DxPilot.Bench.Photos;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 咨询诊断 through the service, the pages and the API: who sees a diagnosis (out of scope is 404, never data), who opens and
/// edits it, the refusals of bad input, and submission refused naming every red item of the checklist.
/// </summary>
public abstract class DiagnosisTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task Only_the_provider_assigned_to_the_enterprise_opens_its_diagnosis_and_opening_twice_finds_the_same()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var first = await c.OpenAsync(app);
        Assert.Equal(first.Id, (await c.OpenAsync(app)).Id);
        var other = await ChangchunDiagnosis.CreateAsync(app);
        // A provider not assigned to the file does not see it at all; the district sees it but may not open a diagnosis.
        Assert.Equal(OutcomeKind.NotFound, (await ChangchunDiagnosis.Act(app, other.ProviderActor, s => s.OpenAsync(other.ProviderActor, c.Enterprise.Id))).Kind);
        var refused = await ChangchunDiagnosis.Act(app, ChangchunDiagnosis.City, s => s.OpenAsync(ChangchunDiagnosis.City, c.Enterprise.Id));
        Assert.Equal((OutcomeKind.Forbidden, "只有分配给该企业的服务商可以开展咨询诊断"), (refused.Kind, refused.Message));
    }

    [Fact]
    public async Task Only_the_diagnosing_provider_edits_and_a_stale_version_is_refused_naming_who_saved()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var member = new TeamMemberInput("张伟", c.Provider.Name, "高级工程师", TitleLevel.Senior, ExpertiseField.Software, TeamRole.Leader);
        var enterprise = await ChangchunDiagnosis.Act(app, c.EnterpriseActor, s => s.AddMemberAsync(c.EnterpriseActor, d.Id, d.Version, member));
        Assert.Equal((OutcomeKind.Forbidden, "只有承担诊断的服务商可以修改"), (enterprise.Kind, enterprise.Message));
        var city = await ChangchunDiagnosis.Act(app, ChangchunDiagnosis.City, s => s.AddMemberAsync(ChangchunDiagnosis.City, d.Id, d.Version, member));
        Assert.Equal(OutcomeKind.Forbidden, city.Kind);

        Assert.True((await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.AddMemberAsync(c.ProviderActor, d.Id, d.Version, member))).IsOk);
        var stale = await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.AddMemberAsync(c.ProviderActor, d.Id, d.Version,
            member with { Name = "李娜", TitleLevel = TitleLevel.Junior, Role = TeamRole.Member }));
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.StartsWith($"保存失败：诊断记录在您打开之后已被{c.Provider.Name}（", stale.Message);

        var twice = await ChangchunDiagnosis.Act(app, c.ProviderActor, async s => await s.AddMemberAsync(c.ProviderActor, d.Id,
            await ChangchunDiagnosis.VersionAsync(app, d.Id), member with { Role = TeamRole.Member }));
        Assert.Equal("团队中已有“张伟（" + c.Provider.Name + "）”，同一成员不能重复添加", twice.Errors["Name"]);
    }

    [Fact]
    public async Task A_visit_ending_before_it_starts_or_in_the_future_is_refused_and_nothing_is_kept()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var added = await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.AddMemberAsync(c.ProviderActor, d.Id, d.Version,
            new TeamMemberInput("张伟", c.Provider.Name, "高级工程师", TitleLevel.Senior, ExpertiseField.Software, TeamRole.Leader)));
        var version = added.Value!.Version;
        var leader = (await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.GetAsync(c.ProviderActor, d.Id))).Value!.Members[0].Id;
        var backwards = await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.RecordVisitAsync(c.ProviderActor, d.Id, version,
            new VisitInput(new DateOnly(2026, 3, 10), new TimeOnly(14, 0), new TimeOnly(13, 30), VisitTopic.Survey, [leader], "赵厂长", "调研", null)));
        Assert.Equal("结束时间应晚于开始时间（开始14:00，结束13:30）", backwards.Errors["End"]);
        var future = await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.RecordVisitAsync(c.ProviderActor, d.Id, version,
            new VisitInput(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)), new TimeOnly(9, 0), new TimeOnly(12, 0), VisitTopic.Survey, [leader], "赵厂长", "调研", null)));
        Assert.Equal("现场诊断记录的时间不能晚于现在", future.Errors["Date"]);
        var view = (await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.GetAsync(c.ProviderActor, d.Id))).Value!;
        Assert.Empty(view.Visits);
        Assert.Equal(version, view.Diagnosis.Version);
    }

    [Fact]
    public async Task A_scan_that_is_not_a_pdf_or_picture_is_refused_and_a_pdf_starts_the_term()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var refused = await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.UploadAgreementAsync(c.ProviderActor, d.Id, d.Version,
            new DateOnly(2026, 3, 1), new UploadedFile("协议.pdf", html.Length, () => new MemoryStream(html))));
        Assert.Equal("“协议.pdf”不是PDF、JPEG或PNG文件（按文件内容判断，与扩展名无关）", refused.Errors["Scan"]);
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-29);
        var ok = await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.UploadAgreementAsync(c.ProviderActor, d.Id, d.Version, signedOn,
            new UploadedFile("咨询诊断服务协议（盖章）.pdf", pdf.Length, () => new MemoryStream(pdf))));
        Assert.True(ok.IsOk, ok.Message);
        var doc = await (await c.BrowserAsync(app, "city")).GetDocument($"/diagnoses/{d.Id}");
        // Signed 29 days ago: today is day 30, the term's last.
        Assert.Equal("今天届满", doc.QuerySelector("#term")!.TextContent);
        Assert.Equal("咨询诊断服务协议（盖章）.pdf", doc.QuerySelector("#agreement-scans a")!.TextContent);
        var enterprise = await c.BrowserAsync(app, "enterprise");
        var scan = await enterprise.GetAsync(doc.QuerySelector("#agreement-scans a")!.GetAttribute("href"));
        Assert.Equal("application/pdf", scan.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await scan.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await c.BrowserAsync(app, "other-provider")).GetAsync(doc.QuerySelector("#agreement-scans a")!.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task The_agreement_docx_passes_the_validator_with_the_parties_filled_in_and_the_seed_s_terms()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var response = await (await c.BrowserAsync(app, "enterprise")).GetAsync($"/diagnoses/{d.Id}/agreement.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"咨询诊断服务协议（{c.Enterprise.Name}）.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        foreach (var filled in new[] { c.Enterprise.Name, c.Enterprise.Uscc!, "长春市朝阳区前进大街1号", "赵厂长 13900001111", c.Provider.Name, c.Provider.Uscc! })
            Assert.Contains(filled, text);
        // 附件2 word for word: the term, the deliverable, filing with the city bureau, confidentiality and no charge.
        foreach (var term in new[] { "2.服务期限：30天，自协议签订之日起计算。", "3.成果交付形式：书面咨询诊断报告。", "双方应共同在市工业和信息化局对服务协议进行备案。",
                     "保密期限自保密信息披露之日起至本协议终止后五年止。", "本次咨询诊断服务不向企业收取任何费用。" })
            Assert.Contains(term, text);
    }

    [Fact]
    public async Task Submission_is_refused_naming_each_red_item_and_changes_nothing()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var provider = await app.As(c.Users["provider"]);
        var response = await provider.PostAsJsonAsync($"/api/diagnoses/{d.Id}/transitions", new { trigger = "submit" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var title = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
        Assert.StartsWith("不能提交：以下8项未满足：1.咨询诊断服务协议：尚未上传双方盖章的协议扫描件；2.诊断团队：现有0人，应不少于3人", title);
        foreach (var name in new[] { "现场诊断：尚未记录现场诊断（主题培训以外）", "主题培训：尚未记录主题培训", "现场照片数量：尚未记录现场诊断",
                     "照片时间、位置核验：尚未上传现场照片", "改造前评测：尚未关联", "诊断报告字数：现有0字" })
            Assert.Contains(name, title);
        var after = await (await app.As(c.Users["city"])).GetFromJsonAsync<JsonElement>($"/api/diagnoses/{d.Id}");
        Assert.Equal(("inProgress", 0), (after.GetProperty("state").GetString(), after.GetProperty("round").GetInt32()));
        // The city may not submit for the provider, nor accept what was never submitted.
        var city = await app.As(c.Users["city"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsJsonAsync($"/api/diagnoses/{d.Id}/transitions", new { trigger = "submit" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await city.PostAsJsonAsync($"/api/diagnoses/{d.Id}/transitions", new { trigger = "accept", reason = "同意" })).StatusCode);
    }

    [Fact]
    public async Task Only_the_enterprise_rates_and_only_after_submission()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var form = new { ratings = new[] { "veryGood", "good", "good", "veryGood", "fair" }, overall = "satisfied", adoption = "partly", comment = "很有帮助" };
        var provider = await (await app.As(c.Users["provider"])).PostAsJsonAsync($"/api/diagnoses/{d.Id}/satisfaction", form);
        Assert.Equal(HttpStatusCode.Forbidden, provider.StatusCode);
        Assert.Equal("满意度评价表只能由被诊断的企业填写", (await provider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var early = await (await app.As(c.Users["enterprise"])).PostAsJsonAsync($"/api/diagnoses/{d.Id}/satisfaction", form);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("服务商提交验收后才能填写满意度评价", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_diagnosis_meeting_every_rule_is_submitted_returned_resubmitted_rated_and_accepted_with_every_round_readable()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var p = c.ProviderActor;
        async Task<int> Version() => await ChangchunDiagnosis.VersionAsync(app, d.Id);
        async Task Ok<T>(Func<DiagnosisService, Task<Outcome<T>>> call)
        {
            var outcome = await ChangchunDiagnosis.Act(app, p, call);
            Assert.True(outcome.IsOk, outcome.Message + string.Join("；", outcome.Errors.Values));
        }

        // 组长 高级, two 初级: 3 people, 1 中级+ (seed 002 四（二）).
        foreach (var (name, level, role) in new[] { ("张伟", TitleLevel.Senior, TeamRole.Leader), ("李娜", TitleLevel.Junior, TeamRole.Member), ("王强", TitleLevel.Junior, TeamRole.Member) })
        {
            var v = await Version();
            await Ok(s => s.AddMemberAsync(p, d.Id, v, new TeamMemberInput(name, c.Provider.Name, "工程师", level, ExpertiseField.Software, role)));
        }
        var pdf = "%PDF-1.4\n%%EOF"u8.ToArray();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var signed = await Version();
        await Ok(s => s.UploadAgreementAsync(p, d.Id, signed, today.AddDays(-5), new UploadedFile("协议.pdf", pdf.Length, () => new MemoryStream(pdf))));
        var leader = (await ChangchunDiagnosis.Act(app, p, s => s.GetAsync(p, d.Id))).Value!.Members.First(m => m.Role == TeamRole.Leader).Id;

        // Yesterday in Changchun: a 3-hour visit and a 2-hour training, each with five photos taken inside it, near the works.
        var day = today.AddDays(-1);
        var seed = Random.Shared.Next(1_000, 1_000_000);
        foreach (var (topic, start, end, attendance) in new[] { (VisitTopic.Survey, 9, 12, (int?)null), (VisitTopic.Training, 14, 16, (int?)30) })
        {
            var v = await Version();
            var visit = await ChangchunDiagnosis.Act(app, p, s => s.RecordVisitAsync(p, d.Id, v, new VisitInput(day, new TimeOnly(start, 0),
                new TimeOnly(end, 0), topic, [leader], "赵厂长", "调研并培训", attendance)));
            Assert.True(visit.IsOk, visit.Message);
            var tags = new[] { PhotoTag.EntryLogo, PhotoTag.TrainingOrInterview, PhotoTag.TrainingOrInterview, PhotoTag.ProductionFloor, PhotoTag.ExitLogo };
            var uploads = tags.Select((tag, i) =>
            {
                var bytes = TestPhotos.Photo(seed++, new TestPhotos.Exif(day.ToDateTime(new TimeOnly(start, 10 + i * 5)), "+08:00", 43.8171 + i * 0.0005, 125.3235));
                return new PhotoUpload(tag, new UploadedFile($"{topic}-{i}.jpg", bytes.Length, () => new MemoryStream(bytes)));
            }).ToList();
            var v2 = await Version();
            var photos = await ChangchunDiagnosis.Act(app, p, s => s.UploadPhotosAsync(p, d.Id, v2, visit.Value!.Id, uploads));
            Assert.True(photos.IsOk && photos.Value!.Stored == 5, photos.Message + string.Join("；", photos.Value?.Refused ?? []));
        }

        // The provider's own 改造前 assessment, linked; a report of 15,000 written characters.
        var bearer = await app.As(c.Users["provider"]);
        var answers = AnswerDocuments.AllMaximum();
        answers["stage"] = "Before";
        answers["assessedOn"] = day.ToString("yyyy-MM-dd");
        var created = await bearer.PostAsJsonAsync($"/api/enterprises/{c.Enterprise.Id}/assessments", answers);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var assessment = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var linked = await Version();
        await Ok(s => s.LinkAssessmentAsync(p, d.Id, linked, assessment));
        await using (var scope = app.ScopeAs(p))
        {
            var report = await scope.ServiceProvider.GetRequiredService<Features.Diagnoses.Report.DiagnosisReportService>().SaveAsync(p, d.Id, 0,
                new Domain.Diagnoses.Report.ReportContent { Texts = { ["buildPlan"] = new string('诊', 15_000) } });
            Assert.True(report.IsOk, report.Message);
        }

        var view = (await ChangchunDiagnosis.Act(app, p, s => s.GetAsync(p, d.Id))).Value!;
        Assert.True(view.Visits.SelectMany(v => v.Photos).All(x => x.Ok), string.Join("；", view.Visits.SelectMany(v => v.Photos).SelectMany(x => x.Problems).Select(x => x.Message)));
        Assert.Null(view.Checklist.Refusal(ChecklistStage.Submission));

        async Task<(HttpStatusCode, JsonElement)> Post(HttpClient client, string path, object body)
        {
            var r = await client.PostAsJsonAsync(path, body);
            return (r.StatusCode, await r.Content.ReadFromJsonAsync<JsonElement>());
        }
        var transitions = $"/api/diagnoses/{d.Id}/transitions";
        var (submitted, first) = await Post(bearer, transitions, new { trigger = "submit" });
        Assert.Equal(HttpStatusCode.OK, submitted);
        Assert.Equal(("submitted", "已提交验收"), (first.GetProperty("state").GetString(), first.GetProperty("stateLabel").GetString()));
        var frozen = await ChangchunDiagnosis.Act(app, p, async s => await s.AddMemberAsync(p, d.Id, await Version(),
            new TeamMemberInput("赵敏", c.Provider.Name, "工程师", TitleLevel.Junior, ExpertiseField.Hardware, TeamRole.Member)));
        Assert.Equal((OutcomeKind.Conflict, "诊断已提交验收，不能再修改"), (frozen.Kind, frozen.Message));

        var city = await app.As(c.Users["city"]);
        var (returned, _) = await Post(city, transitions, new { trigger = "return", reason = "照片说明不足，请补充硬件领域成员" });
        Assert.Equal(HttpStatusCode.OK, returned);
        var page = await (await c.BrowserAsync(app, "provider")).GetDocument($"/diagnoses/{d.Id}");
        Assert.Contains("照片说明不足，请补充硬件领域成员", page.QuerySelector("#return-reason")!.TextContent);
        await Ok(async s => await s.AddMemberAsync(p, d.Id, await Version(),
            new TeamMemberInput("赵敏", c.Provider.Name, "工程师", TitleLevel.Junior, ExpertiseField.Hardware, TeamRole.Member)));
        Assert.Equal(HttpStatusCode.OK, (await Post(bearer, transitions, new { trigger = "submit" })).Item1);

        // Both rounds stay readable as they were submitted.
        var browser = await c.BrowserAsync(app, "city");
        var round1 = await browser.GetDocument($"/diagnoses/{d.Id}/versions/1");
        Assert.Equal(3, round1.QuerySelectorAll("#snapshot-team tbody tr").Length);
        Assert.Contains(new string('诊', 15_000), round1.QuerySelector("#submitted-report")!.TextContent);
        Assert.Equal(4, (await browser.GetDocument($"/diagnoses/{d.Id}/versions/2")).QuerySelectorAll("#snapshot-team tbody tr").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await (await c.BrowserAsync(app, "other-provider")).GetAsync($"/diagnoses/{d.Id}/versions/1")).StatusCode);

        // Acceptance waits for the enterprise's form; the enterprise rates once.
        var (early, refusal) = await Post(city, transitions, new { trigger = "accept", reason = "同意通过" });
        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.Contains("企业满意度评价", refusal.GetProperty("title").GetString());
        // On the page, no rating chosen posts no Form.Ratings at all: each is asked for by name, the rest kept (not 500).
        var rater = await c.BrowserAsync(app, "enterprise");
        var unrated = await rater.PostAsync($"/diagnoses/{d.Id}/satisfaction", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "satisfaction", ["__RequestVerificationToken"] = await PageClient.Token(rater, $"/diagnoses/{d.Id}/satisfaction"),
            ["Form.Overall"] = "satisfied", ["Form.Adoption"] = "partly", ["Form.Comment"] = "建议切实可行",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, unrated.StatusCode);
        var unratedPage = PageClient.Parse(await unrated.Content.ReadAsStringAsync());
        Assert.Equal(["请评价“诊断过程”", "请评价“问题分析”", "请评价“方案建议”", "请评价“业务水平”", "请评价“诊断结果”"],
            unratedPage.QuerySelectorAll("#satisfaction-form .error").Select(e => e.TextContent).ToArray());
        Assert.Equal("建议切实可行", unratedPage.QuerySelector("#f-comment")!.TextContent);
        var enterprise = await app.As(c.Users["enterprise"]);
        var form = new { ratings = new[] { "veryGood", "good", "good", "veryGood", "fair" }, overall = "satisfied", adoption = "partly", comment = "建议切实可行" };
        Assert.Equal(HttpStatusCode.OK, (await enterprise.PostAsJsonAsync($"/api/diagnoses/{d.Id}/satisfaction", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.PostAsJsonAsync($"/api/diagnoses/{d.Id}/satisfaction", form)).StatusCode);

        // The city names the expert who accepts (seed 002 三（一）7: 市工信局（或委托专家）).
        var expertId = (await c.AccountAsync(app, "expert")).UserId;
        Assert.Equal(HttpStatusCode.OK, (await Post(city, $"/api/diagnoses/{d.Id}/experts", new { accounts = new[] { expertId } })).Item1);
        var expert = await app.As(c.Users["expert"]);
        var (accepted, done) = await Post(expert, transitions, new { trigger = "accept", reason = "诊断过程规范，报告内容翔实，同意通过验收" });
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal("accepted", done.GetProperty("state").GetString());
        var final = await city.GetFromJsonAsync<JsonElement>($"/api/diagnoses/{d.Id}");
        Assert.Equal(("诊断过程规范，报告内容翔实，同意通过验收", "王专家（测试）"),
            (final.GetProperty("acceptanceOpinion").GetString(), final.GetProperty("acceptedByName").GetString()));
        var history = (await browser.GetDocument($"/diagnoses/{d.Id}")).QuerySelectorAll("#history tbody tr").Select(r => r.GetAttribute("data-trigger"));
        Assert.Equal(["submit", "return", "submit", "accept"], history);
    }

    /// <summary>The team's mobiles are personal data: the expert and the think tank read them masked (as the filing review shows
    /// phones), the bureaus and the provider in full — on the diagnosis page and on the submitted round alike.</summary>
    [Fact]
    public async Task The_teams_phones_are_masked_for_the_expert_and_the_think_tank()
    {
        var list = await (await app.As("cc-city")).GetFromJsonAsync<JsonElement>("/api/diagnoses?state=submitted");
        var id = list.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();

        foreach (var (user, full) in new[] { ("cc-city", true), ("cc-provider", true), ("cc-expert", false), ("cc-thinktank", false) })
        {
            var browser = await app.SignedIn(user);
            foreach (var path in new[] { $"/diagnoses/{id}", $"/diagnoses/{id}/versions/1" })
            {
                var text = (await browser.GetDocument(path)).Body!.TextContent;
                Assert.True(text.Contains("13804310001", StringComparison.Ordinal) == full, $"{user} {path}");
                if (!full) Assert.Contains("138****0001", text);
            }
        }
    }

    // No member ticked posts no Form.MemberIds at all; the page answered 500 instead of naming what is missing.
    [Fact]
    public async Task A_visit_saved_with_no_team_member_ticked_is_refused_by_name_with_what_was_typed_kept()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        await c.LeaderAsync(app, d.Id);
        var provider = await c.BrowserAsync(app, "provider");
        var path = $"/diagnoses/{d.Id}/visits/new";
        var form = (await provider.GetDocument(path)).QuerySelector("#visit-form")!;
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "visit", ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Form.Version"] = form.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!,
            ["Form.Date"] = "2026-03-10", ["Form.Start"] = "09:00", ["Form.End"] = "12:30", ["Form.Topic"] = "survey",
            ["Form.ContactPerson"] = "王经理", ["Form.Outcome"] = "梳理了冲压车间的排产流程。",
        };
        var refused = await provider.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = PageClient.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("请选择参加本次诊断的团队成员", page.QuerySelector("#visit-form")!.TextContent);
        Assert.Equal("梳理了冲压车间的排产流程。", page.QuerySelector("#f-outcome")!.TextContent);
    }
}

public sealed class DiagnosisTestsOnSqlite(SqliteApp app) : DiagnosisTests<SqliteApp>(app);

public sealed class DiagnosisTestsOnPostgres(PostgresApp app) : DiagnosisTests<PostgresApp>(app);
