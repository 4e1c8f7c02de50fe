using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Files;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.ShijiazhuangAwards;
using static DxPilot.Web.Tests.Support.ShijiazhuangAwardFiles;

namespace DxPilot.Web.Tests;

/// <summary>
/// An award application's files (seed 004 附件4 一、二 承诺书 and 申报声明, scenario pictures; 附件2-1 链式 插图 ≤ 2, ≤ 1000×1000 px) through the
/// API and the page endpoints: checked by content and by decoding, stored, served in scope with audit, deletable while editable, and
/// the submission's checks on them; and the 链式 SME that is not registered yet, found by its account once a bureau registers it.
/// </summary>
public abstract class AwardFileTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private readonly ShijiazhuangAwardFiles awards = new(app);

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> Refused(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        // ProblemDetails may escape quotation marks and the like as \uXXXX.
        return System.Text.RegularExpressions.Regex.Unescape(body);
    }

    private async Task<(Guid Id, HttpClient Enterprise, (Guid Id, string Name, string User) Who)> ApplicationAsync(string call, object content, string[] directions)
    {
        var who = await awards.EnterpriseAsync();
        await awards.OpenBatchAsync(call);
        var enterprise = await app.As(who.User);
        var started = await Ok(await enterprise.PostAsync($"/api/awards/calls/{call}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{id}", new { directions, content, version = started.GetProperty("version").GetInt32() }));
        return (id, enterprise, who);
    }

    private static object Innovation => new
    {
        texts = new Dictionary<string, object>
        {
            ["innovation"] = new { sections = new Dictionary<string, string> { ["basics"] = "企业成立于2010年，主营化学原料药。", ["input"] = "研发投入占比提升", ["invention"] = "新增专利", ["drive"] = "新产品", ["collaboration"] = "产学研" } },
        },
        enteredBefore = new Dictionary<string, decimal> { ["innovationSpendShare"] = 3.2m },
        entered = new Dictionary<string, decimal> { ["innovationSpendShare"] = 4.5m },
        contactName = "孙经理", contactPhone = "13900002222",
    };

    private static object ChainCase => new
    {
        texts = new Dictionary<string, object>
        {
            ["chain"] = new
            {
                sections = new Dictionary<string, string>
                {
                    ["name"] = "某药业通过原料药协同平台推动配套企业数字化转型", ["summary"] = "平台赋能模式，带动配套企业上平台。",
                    ["measures"] = "一、建设协同平台。", ["results"] = "一、交付周期缩短20%。", ["problems"] = "中小企业投入能力弱。", ["brief"] = "平台赋能带动配套企业",
                },
            },
        },
        mode = "平台赋能", contactName = "孙经理", contactPhone = "13900002222", contactEmail = "sun@example.com",
    };

    private static async Task<List<string>> Problems(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("submissionProblems").EnumerateArray().Select(p => p.GetString()!).ToList();

    private static async Task<int> Version(HttpClient client, Guid id) => (await client.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("version").GetInt32();

    [Fact]
    public async Task Submission_names_the_missing_signed_scans_which_are_checked_by_content_served_in_scope_and_fixed_once_submitted()
    {
        var (id, enterprise, who) = await ApplicationAsync(Benchmark, Innovation, ["innovation"]);
        await awards.AcceptedProjectAsync(who.Id);
        var problems = await Problems(enterprise, id);
        Assert.Contains("缺少签字盖章的承诺书扫描件", problems);
        Assert.Contains("缺少签字盖章的申报声明扫描件", problems);

        // A text file named .pdf is refused by its bytes; nothing is stored.
        var fake = await enterprise.PostAsync($"/api/awards/{id}/files", Upload("pledge", [("承诺书.pdf", "这不是扫描件"u8.ToArray())]));
        Assert.Contains("“承诺书.pdf”不是PDF、JPEG或PNG文件（按文件内容判断，与扩展名无关）", await Refused(fake, HttpStatusCode.BadRequest));
        Assert.Equal(0, (await enterprise.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/files")).GetArrayLength());

        var pledge = await Ok(await enterprise.PostAsync($"/api/awards/{id}/files", Upload("pledge", [("承诺书.jpg", Pictures.Jpeg())])));
        var pledgeId = pledge.GetProperty("stored")[0].GetProperty("id").GetGuid();
        var submit = await enterprise.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version = await Version(enterprise, id) });
        var why = await Refused(submit, HttpStatusCode.BadRequest);
        Assert.Contains("缺少签字盖章的申报声明扫描件", why);
        Assert.DoesNotContain("缺少签字盖章的承诺书扫描件", why);

        await Ok(await enterprise.PostAsync($"/api/awards/{id}/files", Upload("declaration", [("申报声明.pdf", Pdf)])));
        // The same scan again is not stored twice.
        Assert.Contains("与已上传的签字盖章的申报声明扫描件相同", await Refused(await enterprise.PostAsync($"/api/awards/{id}/files", Upload("declaration", [("再传.pdf", Pdf)])), HttpStatusCode.BadRequest));

        // Served back as stored, to the applicant; nobody outside the scope learns it exists; each download is audited.
        var download = await enterprise.GetAsync($"/api/awards/{id}/files/{pledgeId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pictures.Jpeg(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        var stranger = await app.As((await awards.EnterpriseAsync()).User);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/awards/{id}/files/{pledgeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/awards/{id}/files", Upload("pledge", [("x.jpg", Pictures.Jpeg())]))).StatusCode);
        var county = await app.As(await awards.Accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/awards/{id}/files/{pledgeId}")).StatusCode);   // a draft is the enterprise's own

        Assert.Equal("submitted", (await Ok(await enterprise.PostAsJsonAsync($"/api/awards/{id}/transitions",
            new { trigger = "submit", version = await Version(enterprise, id) }))).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/awards/{id}/files/{pledgeId}")).StatusCode);
        // Submitted: the files stand as the county reads them.
        Assert.Contains("申报已提交，退回修改后才能再修改", await Refused(await enterprise.DeleteAsync($"/api/awards/{id}/files/{pledgeId}"), HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.PostAsync($"/api/awards/{id}/files", Upload("pledge", [("新.jpg", Pictures.Jpeg())]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.DeleteAsync($"/api/awards/{id}/files/{pledgeId}")).StatusCode);

        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var key = id.ToString();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(AwardApplication) && e.EntityId == key).ToListAsync();
        Assert.Equal(2, entries.Count(e => e.Action == AuditAction.FileDownloaded));   // the enterprise's and the county's
        Assert.Contains(entries, e => e.Action == AuditAction.EvidenceChanged && e.Changes.Any(c => c.Field == "签字盖章的承诺书扫描件" && c.After == "承诺书.jpg（1 KB）"));
    }

    [Fact]
    public async Task Each_submission_freezes_its_files_so_a_scan_replaced_after_a_return_stays_readable_in_the_earlier_revision()
    {
        var (id, enterprise, who) = await ApplicationAsync(Benchmark, Innovation, ["innovation"]);
        await awards.AcceptedProjectAsync(who.Id);
        var first = await Ok(await enterprise.PostAsync($"/api/awards/{id}/files", Upload("pledge", [("承诺书.jpg", Pictures.Jpeg())])));
        await Ok(await enterprise.PostAsync($"/api/awards/{id}/files", Upload("declaration", [("申报声明.pdf", Pdf)])));
        await Ok(await enterprise.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version = await Version(enterprise, id) }));
        var county = await app.As(await awards.Accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        await Ok(await county.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "return", reason = "承诺书未盖章，请重签", version = await Version(county, id) }));

        // Returned: the applicant replaces the pledge with a re-signed scan and submits again.
        await Ok(await enterprise.DeleteAsync($"/api/awards/{id}/files/{first.GetProperty("stored")[0].GetProperty("id").GetGuid()}"));
        var resigned = Pictures.Png(1);
        await Ok(await enterprise.PostAsync($"/api/awards/{id}/files", Upload("pledge", [("承诺书-重签.png", resigned)])));
        await Ok(await enterprise.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version = await Version(enterprise, id) }));

        // Revision 1 keeps the first scan (its files in slot order: 承诺书, then 申报声明), revision 2 the re-signed one.
        var old = await county.GetAsync($"/api/awards/{id}/revisions/1/files/0");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(Pictures.Jpeg(), await old.Content.ReadAsByteArrayAsync());
        Assert.Equal(Pdf, await (await county.GetAsync($"/api/awards/{id}/revisions/1/files/1")).Content.ReadAsByteArrayAsync());
        Assert.Equal(resigned, await (await county.GetAsync($"/api/awards/{id}/revisions/2/files/0")).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/awards/{id}/revisions/1/files/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/awards/{id}/revisions/3/files/0")).StatusCode);
        var stranger = await app.As((await awards.EnterpriseAsync()).User);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/awards/{id}/revisions/1/files/0")).StatusCode);

        // The revision's page lists them and its 申报书 prints its own 附件清单.
        var browser = await app.SignedIn(await awards.Accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        var page = await browser.GetDocument($"/awards/{id}/revisions/1");
        var listed = page.QuerySelectorAll("#revision-files li[data-frozen]").Select(li => li.TextContent).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains("签字盖章的承诺书扫描件：", listed[0]);
        Assert.Contains("承诺书.jpg", listed[0]);
        Assert.Equal($"/awards/{id}/revisions/1/files/0", page.QuerySelector("#revision-files li[data-frozen='0'] a")!.GetAttribute("href"));
        var printed = OfficeFiles.Text(await (await county.GetAsync($"/api/awards/{id}/revisions/1/document.docx")).Content.ReadAsByteArrayAsync());
        Assert.Contains("附件清单", printed);
        Assert.Contains("承诺书.jpg", printed);
        Assert.DoesNotContain("承诺书-重签.png", printed);
        Assert.Contains("承诺书-重签.png", OfficeFiles.Text(await (await county.GetAsync($"/api/awards/{id}/revisions/2/document.docx")).Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Chain_case_images_are_judged_by_decoding_at_most_two_of_at_most_1000_by_1000_on_upload_and_at_submission()
    {
        var (id, enterprise, _) = await ApplicationAsync(Chain, ChainCase, ["chain"]);
        async Task<string> Refuse(string name, byte[] content) =>
            await Refused(await enterprise.PostAsync($"/api/awards/{id}/files", Upload("caseImage", [(name, content)])), HttpStatusCode.BadRequest);

        Assert.Contains("“宽图.png”未上传：插图宽和高均不超过1000×1000像素（该图为1001×800像素）", await Refuse("宽图.png", PictureSizeTests.Png(1001, 800)));
        Assert.Contains("“动图.png”未上传：插图须为JPEG或PNG图片（该文件实为GIF动图）", await Refuse("动图.png", PictureSizeTests.Gif()));
        Assert.Contains("“炸弹.png”未上传：插图宽和高均不超过1000×1000像素（该图为50000×50000像素）", await Refuse("炸弹.png", PictureSizeTests.Bomb()));
        // A 链式 case has no pledge or declaration.
        Assert.Contains("本申报书没有承诺书和申报声明", await Refused(await enterprise.PostAsync($"/api/awards/{id}/files", Upload("pledge", [("承诺书.jpg", Pictures.Jpeg())])), HttpStatusCode.BadRequest));

        // Two at once, each at the limit: both kept, with their decoded size.
        var two = await Ok(await enterprise.PostAsync($"/api/awards/{id}/files",
            Upload("caseImage", [("架构图.png", PictureSizeTests.Png(1000, 1000)), ("流程图.png", PictureSizeTests.Png(800, 1000))])));
        Assert.Equal([(1000, 1000), (800, 1000)], two.GetProperty("stored").EnumerateArray().Select(f => (f.GetProperty("width").GetInt32(), f.GetProperty("height").GetInt32())));
        Assert.Contains("“第三张.png”未上传：插图不超过2个（现有3个）", await Refuse("第三张.png", PictureSizeTests.Png(10, 10)));
        Assert.DoesNotContain(await Problems(enterprise, id), p => p.StartsWith("插图"));

        // A third that got in anyway (two uploads racing) is named at submission.
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var stored = await db.Set<AwardFile>().AsNoTracking().FirstAsync(f => f.ApplicationId == id);
            db.Set<AwardFile>().Add(AwardFile.Upload(id, new AwardFileSlot(AwardFileKind.CaseImage), new FileRef(stored.File.Sha256, stored.File.Size, stored.File.ContentType, "并发.png"), (10, 10), "测试", DateTime.UtcNow));
            db.Attach(await db.AwardApplications.FirstAsync(a => a.Id == id));
            await db.SaveChangesAsync();
        }
        Assert.Contains("插图不超过2个（现有3个）", await Problems(enterprise, id));
        var submit = await enterprise.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version = await Version(enterprise, id) });
        Assert.Contains("插图不超过2个（现有3个）", await Refused(submit, HttpStatusCode.BadRequest));

        // Deleting one while it is a draft clears it.
        var files = await enterprise.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/files");
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.DeleteAsync($"/api/awards/{id}/files/{files[2].GetProperty("id").GetGuid()}")).StatusCode);
        Assert.DoesNotContain(await Problems(enterprise, id), p => p.StartsWith("插图"));
    }

    [Fact]
    public async Task Scenario_pictures_belong_to_a_direction_and_a_scenario_of_its_template_within_its_count()
    {
        var lighthouse = new
        {
            texts = new Dictionary<string, object>
            {
                ["lighthouse"] = new { scenarios = new[] { new { typicalScenario = 7, fields = new Dictionary<string, string> { ["description"] = "柔性加工单元" } } } },
            },
        };
        var (id, enterprise, _) = await ApplicationAsync(Benchmark, lighthouse, ["lighthouse"]);
        async Task<HttpResponseMessage> Post(string? direction, int? scenario, params (string, byte[])[] files) =>
            await enterprise.PostAsync($"/api/awards/{id}/files", Upload("scenarioPicture", files, direction, scenario));

        Assert.Contains("应用场景为第1至第4个", await Refused(await Post("lighthouse", 5, ("a.png", Pictures.Png())), HttpStatusCode.BadRequest));
        Assert.Contains("本次申报没有方向“bigLighthouse”", await Refused(await Post("bigLighthouse", 1, ("a.png", Pictures.Png())), HttpStatusCode.BadRequest));
        Assert.Contains("请选择要上传的文件", await Refused(await Post("lighthouse", 1), HttpStatusCode.BadRequest));

        // Five chosen at once for a block of four pictures per scenario: four kept, the fifth named.
        var five = await Ok(await Post("lighthouse", 1, [.. Enumerable.Range(1, 5).Select(i => ($"场景图{i}.png", Pictures.Png(i)))]));
        Assert.Equal(4, five.GetProperty("stored").GetArrayLength());
        Assert.Equal(["“场景图5.png”未上传：插图不超过4个（现有5个）"], five.GetProperty("refused").EnumerateArray().Select(r => r.GetString()));
        Assert.All((await enterprise.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/files")).EnumerateArray(),
            f => Assert.Equal(("scenarioPicture", "lighthouse", 1), (f.GetProperty("kind").GetString(), f.GetProperty("direction").GetString(), f.GetProperty("scenario").GetInt32())));
    }

    [Fact]
    public async Task The_page_forms_post_with_antiforgery_and_come_back_or_list_each_refused_file()
    {
        var (id, _, who) = await ApplicationAsync(Chain, ChainCase, ["chain"]);
        var browser = (await BenchmarkBrowser.SignInAsync(app, who.User)).Client;
        var token = await PageClient.Token(browser, "/account/password");
        MultipartFormDataContent Form(string name, byte[] content, bool withToken = true)
        {
            var form = Upload("caseImage", [(name, content)]);
            if (withToken) form.Add(new StringContent(token), "__RequestVerificationToken");
            return form;
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync($"/awards/{id}/files", Form("图.png", PictureSizeTests.Png(20, 20), withToken: false))).StatusCode);

        var done = await browser.PostAsync($"/awards/{id}/files", Form("图.png", PictureSizeTests.Png(20, 20)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/awards/{id}#files", done.Headers.Location!.OriginalString);

        var refused = await browser.PostAsync($"/awards/{id}/files", Form("宽图.png", PictureSizeTests.Png(1001, 800)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("“宽图.png”未上传：插图宽和高均不超过1000×1000像素（该图为1001×800像素）", page.QuerySelector("#refusal p")!.TextContent);
        Assert.Equal($"/awards/{id}#files", page.QuerySelector("a.button")!.GetAttribute("href"));

        var stored = await (await app.As(who.User)).GetFromJsonAsync<JsonElement>($"/api/awards/{id}/files");
        var fileId = Assert.Single(stored.EnumerateArray()).GetProperty("id").GetGuid();
        Assert.Equal("image/png", (await browser.GetAsync($"/awards/{id}/files/{fileId}")).Content.Headers.ContentType!.MediaType);
        var deleted = await browser.PostAsync($"/awards/{id}/files/{fileId}/delete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, (await (await app.As(who.User)).GetFromJsonAsync<JsonElement>($"/api/awards/{id}/files")).GetArrayLength());
    }

    [Fact]
    public async Task An_sme_named_before_it_is_registered_answers_with_its_code_once_a_bureau_registers_it_and_gives_it_an_account()
    {
        var (id, lead, _) = await ApplicationAsync(Chain, ChainCase, ["chain"]);
        var usccs = Enumerable.Range(0, 8).Select(_ => TestData.NewUscc("130123")).ToList();
        var named = await Ok(await lead.PutAsJsonAsync($"/api/awards/{id}/smes",
            new { smes = usccs.Select((u, i) => new { uscc = u, name = $"未注册配套企业{i + 1}号" }), version = await Version(lead, id) }));
        Assert.Equal(8, named.GetArrayLength());
        var smes = await lead.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/smes");
        Assert.All(smes.EnumerateArray(), s => Assert.Equal(("未注册（待区县登记）", false), (s.GetProperty("standing").GetString(), s.GetProperty("registered").GetBoolean())));
        var code = smes.EnumerateArray().Single(s => s.GetProperty("uscc").GetString() == usccs[0]).GetProperty("code").GetString()!;

        // The county registers the SME with that USCC through its own path; a bureau gives it an account.
        var county = await app.As(await awards.Accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        var form = Form("正定配套企业一号有限公司", usccs[0]);
        var registered = await Ok(await county.PostAsJsonAsync("/api/enterprises", new
        {
            form.Name, form.Uscc, form.District, form.Industry, form.IndustryCode, form.RegisteredAddress, form.ContactName, form.ContactPhone,
            foundedOn = "2010-03-01", employees = 260, revenueWan = 18000,
        }));
        var standing = (await lead.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/smes")).EnumerateArray().Single(s => s.GetProperty("uscc").GetString() == usccs[0]);
        Assert.Equal(("待确认", true), (standing.GetProperty("standing").GetString(), standing.GetProperty("registered").GetBoolean()));

        var sme = await app.As(await awards.Accounts.UserAsync(Role.Enterprise, enterprise: registered.GetProperty("id").GetGuid()));
        Assert.Empty((await sme.GetFromJsonAsync<JsonElement>("/api/awards/invitations?code=WRONGCOD")).EnumerateArray());
        var invitation = Assert.Single((await sme.GetFromJsonAsync<JsonElement>($"/api/awards/invitations?code={code.ToLowerInvariant()}")).EnumerateArray());
        Assert.Equal(id, invitation.GetProperty("applicationId").GetGuid());
        await Ok(await sme.PostAsJsonAsync($"/api/awards/invitations/{invitation.GetProperty("id").GetGuid()}/answer", new { confirm = true, version = invitation.GetProperty("version").GetInt32() }));

        // A second SME registered and declining reads 已拒绝; the others still wait for their county.
        var second = await Ok(await county.PostAsJsonAsync("/api/enterprises", new
        {
            name = "正定配套企业二号有限公司", uscc = usccs[1], form.District, form.Industry, form.IndustryCode, form.RegisteredAddress, form.ContactName, form.ContactPhone,
            foundedOn = "2010-03-01", employees = 80, revenueWan = 3000,
        }));
        var declining = await app.As(await awards.Accounts.UserAsync(Role.Enterprise, enterprise: second.GetProperty("id").GetGuid()));
        var asked = Assert.Single((await declining.GetFromJsonAsync<JsonElement>("/api/awards/invitations")).EnumerateArray());
        await Ok(await declining.PostAsJsonAsync($"/api/awards/invitations/{asked.GetProperty("id").GetGuid()}/answer", new { confirm = false, version = asked.GetProperty("version").GetInt32() }));

        var after = (await lead.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/smes")).EnumerateArray().ToDictionary(s => s.GetProperty("uscc").GetString()!, s => s.GetProperty("standing").GetString());
        Assert.Equal("已确认", after[usccs[0]]);
        Assert.Equal("已拒绝", after[usccs[1]]);
        Assert.All(usccs.Skip(2), u => Assert.Equal("未注册（待区县登记）", after[u]));
        // The lead's submission names who is missing.
        var submit = await lead.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version = await Version(lead, id) });
        Assert.Contains("带动的中小企业不少于8家（已确认1家）", await Refused(submit, HttpStatusCode.BadRequest));
    }
}

public sealed class AwardFileTestsOnSqlite(SqliteApp app) : AwardFileTests<SqliteApp>(app);

public sealed class AwardFileTestsOnPostgres(PostgresApp app) : AwardFileTests<PostgresApp>(app);
