using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.ShijiazhuangAwards;

namespace DxPilot.Web.Tests;

/// <summary>
/// 申报书 as .docx (seed 004 附件4; the 链式 guide's 附件1): the cover, the 承诺书 and 申报声明 word for word with their signature lines,
/// the application table from the enterprise's file with its boxes, the story by the template's sections, four scenarios at their
/// limits in CJK and emoji, the criteria annex; a submitted revision prints as frozen; validated, opened by LibreOffice; out of
/// scope 404; each download audited as an export.
/// </summary>
public sealed class AwardDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>A text of exactly <paramref name="n"/> characters as a person counts them: the prefix, then CJK with a family emoji
    /// (one character) in every six.</summary>
    private static string Full(string prefix, int n)
    {
        var rest = n - ChineseText.CountCharacters(prefix);
        return prefix + string.Concat(Enumerable.Repeat("数字化车间👨‍👩‍👧", rest / 6)) + new string('产', rest % 6);
    }

    private static object Content(string basics) => new
    {
        texts = new Dictionary<string, object>
        {
            ["lighthouse"] = new
            {
                sections = new Dictionary<string, string>
                {
                    ["basics"] = basics, ["foundation"] = "关键设备数字化率72%，联网率65%。", ["leadership"] = "成立数字化转型领导小组，总经理任组长。",
                    ["plan"] = "未来三年投入1200万元推进全厂数字化。",
                },
                scenarios = new[] { 1, 2, 7, 8 }.Select((typical, i) => new
                {
                    typicalScenario = typical,
                    fields = new Dictionary<string, string>
                    {
                        ["description"] = Full($"场景{i + 1}描述：", 500), ["painPoints"] = Full($"场景{i + 1}痛点：", 500),
                        ["results"] = Full($"场景{i + 1}成效：", 300), ["economics"] = Full($"场景{i + 1}推广：", 300),
                    },
                }).ToArray(),
            },
            ["innovation"] = new
            {
                sections = new Dictionary<string, string>
                {
                    ["basics"] = basics, ["input"] = "研发投入占比由3.2%提升至4.5%。", ["invention"] = "新增发明专利3项。", ["drive"] = "新产品收入占比35%。",
                    ["collaboration"] = "与河北科技大学共建实验室。",
                },
            },
        },
        enteredBefore = new Dictionary<string, decimal> { ["innovationSpendShare"] = 3.2m },
        entered = new Dictionary<string, decimal> { ["innovationSpendShare"] = 4.5m },
        contactName = "孙经理", contactPhone = "13900002222",
    };

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private sealed record Arranged(Guid Id, string Name, Dictionary<string, string> Users);

    /// <summary>An accepted enterprise of 正定县 applies for 小灯塔 and 创新 with four scenarios at their limits and submits (revision 1).</summary>
    private async Task<Arranged> SubmittedAsync()
    {
        var enterprise = await EnterpriseAsync(app, "正定县");
        var other = await EnterpriseAsync(app, "新华区");
        await AcceptedProjectAsync(app, enterprise);
        var accounts = new ProgrammeAccounts(app, Programme);
        var users = new Dictionary<string, string>
        {
            ["enterprise"] = await accounts.UserAsync(Role.Enterprise, enterprise: enterprise.Id),
            ["other-enterprise"] = await accounts.UserAsync(Role.Enterprise, enterprise: other.Id),
            ["zhengding"] = await accounts.UserAsync(Role.DistrictBureau, district: "正定县"),
            ["xinhua"] = await accounts.UserAsync(Role.DistrictBureau, district: "新华区"),
            ["city"] = await accounts.UserAsync(Role.CityBureau),
            ["provider"] = await accounts.UserAsync(Role.ServiceProvider),
        };
        var city = await app.As(users["city"]);
        var batches = await city.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{Benchmark}/batches");
        if (!batches.EnumerateArray().Any(b => b.GetProperty("isOpen").GetBoolean()))
            await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Benchmark}/batches", new { name = (string?)null }));
        var client = await app.As(users["enterprise"]);
        var started = await Ok(await client.PostAsync($"/api/awards/calls/{Benchmark}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var draft = await Ok(await client.PutAsJsonAsync($"/api/awards/{id}",
            new { directions = new[] { "lighthouse", "innovation" }, content = Content("第一版：企业成立于2010年，主营化学原料药。"), version = started.GetProperty("version").GetInt32() }));
        await ShijiazhuangAwardFiles.SignedScansAsync(client, id);
        await Ok(await client.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version = draft.GetProperty("version").GetInt32() }));
        return new Arranged(id, enterprise.Name, users);
    }

    [Fact]
    public async Task The_application_prints_in_the_layout_of_annex_4_with_its_scenarios_at_their_limits_and_the_criteria_annex()
    {
        var a = await SubmittedAsync();
        var response = await (await app.As(a.Users["zhengding"])).GetAsync($"/api/awards/{a.Id}/document.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var fileName = $"{a.Name}-“小灯塔”标杆企业、创新能力显著提升企业申报书.docx";
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);

        // The cover.
        Assert.Contains("石家庄市中小企业数字化转型试点城市“数智”标杆中小企业申报书", text);
        Assert.Contains($"申报单位（盖章）：{a.Name}", text);
        Assert.Contains("申报方向：“小灯塔”标杆企业、创新能力显著提升企业", text);
        Assert.Contains("推荐单位：正定县工业和信息化主管部门", text);
        Assert.Contains($"申报日期：{ChineseText.Date(LocalTime.Today(DateTimeOffset.UtcNow, LocalTime.Beijing))}", text);
        // 承诺书 and 申报声明 as the seed prints them, with their signature and stamp lines.
        Assert.Contains("一、承诺书", text);
        Assert.Contains("3. 本申请报告中所涉本单位的知识产权、商业秘密明晰完整，归属本单位或技术来源正当合法，未剽窃他人成果，未侵犯他人的知识产权或商业秘密。", text);
        Assert.Contains("若发生与上述承诺相违背的事实，由本单位承担法律责任。", text);
        Assert.Contains("法定代表人（签字）：", text);
        Assert.Contains("二、企业申报声明", text);
        Assert.Contains("3. 自觉接受财政、工信、审计等部门的监督检查，如违背相关承诺，愿意承担相关责任并按要求退还奖补资金。", text);
        Assert.Contains("申报单位（盖章）：\n法定代表人（签字或盖章）：\n日期：        年    月    日", text);
        // 三、企业申请表 from the file: 320 people and 18,000万 is 中型 (工业: 300人 and 2,000万 or more); 规上, 民营; the agency's 三级.
        Assert.Contains("三、企业申请表", text);
        Assert.Contains("☑中型 ☐小型 ☐微型\n☑规上 ☐规下", text);
        Assert.Contains("☐国有 ☑民营 ☐合资 ☐外资", text);
        Assert.Contains("☑生物医药制造业\n☐新一代电子信息和装备产业\n☐现代食品制造业\n☐先进专用设备制造业\n行业代码：2710", text);
        Assert.Contains("化学药品原料药制造", text);
        Assert.Contains("申报方向（限选2项）：☑“小灯塔”标杆企业 ☐数字化车间及智能工厂 ☑创新能力显著提升企业", text);
        Assert.Contains("根据验收评测达到的数字化水平等级：☐二级 ☑三级 ☐四级", text);
        // The story in 附件4's order: 一、企业基本情况, 二、企业数字化基础, 三、数字化应用系统建设 (the four scenarios, each text whole,
        // CJK and emoji at the limit), then 四、工作计划 with its （一） and （二）.
        Assert.Contains("四、企业数字化转型实施情况", text);
        var story = text.IndexOf("“小灯塔”标杆企业\n一、企业基本情况", text.IndexOf("四、企业数字化转型实施情况", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(story > 0, "the 小灯塔 story is missing");
        var order = new[]
        {
            "一、企业基本情况\n第一版：企业成立于2010年，主营化学原料药。", "二、企业数字化基础\n关键设备数字化率72%，联网率65%。", "三、数字化应用系统建设\n场景1",
            Full("场景4推广：", 300), "四、工作计划\n（一）企业数字化转型领导机构、专职数字化转型团队，以及相关数字化管理制度规范等情况\n成立数字化转型领导小组，总经理任组长。",
            "（二）企业在未来投入计划、推广路径、三年内规划等方面的考虑\n未来三年投入1200万元推进全厂数字化。", "创新能力显著提升企业\n一、企业基本情况",
        }.Select(part => text.IndexOf(part, story, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("五、应用场景", text);
        Assert.Contains("典型场景\n1. 工厂数字化设计与交付（工厂建设）", text);
        Assert.Contains("典型场景\n8. 智能排产调度（计划调度）", text);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains(Full($"场景{i}描述：", 500), text);
            Assert.Contains(Full($"场景{i}推广：", 300), text);
        }
        Assert.Contains("二、创新能力显著提升企业数字化转型情况\n（一）创新投入能力\n研发投入占比由3.2%提升至4.5%。", text);
        Assert.Contains("（四）创新协同能力\n与河北科技大学共建实验室。", text);
        // The criteria annex: verdict and evidence per criterion.
        Assert.Contains("附件 申报条件核对表", text);
        Assert.Contains("应用场景不少于4个（对应典型场景）\n符合", text);
        Assert.Contains("数字化水平达到三级及以上且等级有明显提升\n符合", text);
        Assert.Contains("转型保障能力：领导机构、专职团队、管理制度、规划方案\n待评审判断", text);
        Assert.Contains("创新投入、发明、驱动或协同能力明显提升\n符合", text);

        var printed = await OfficeFiles.PdfTextAsync(docx);
        foreach (var shown in new[] { "承诺书", "企业申报声明", "企业申请表", "申报条件核对表", "待评审判断", "“数智”标杆中小企业申报书" })
            Assert.Contains(shown, printed);
        // pdftotext spaces the digits out of CJK text.
        Assert.Matches(@"场景\s*4\s*描述：数字化车间", printed);
        Assert.Matches(@"第\s*1\s*页\s*共\s*\d+\s*页", printed);

        await using var scope = app.DataScope(Programme);
        var export = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence).FirstAsync(e => e.EntityId == a.Id.ToString() && e.Action == AuditAction.Exported, TestContext.Current.CancellationToken);
        Assert.Equal(fileName, export.Source);
    }

    [Fact]
    public async Task A_submitted_revision_prints_as_frozen_and_a_later_draft_does_not_change_it()
    {
        var a = await SubmittedAsync();
        var county = await app.As(a.Users["zhengding"]);
        var view = await county.GetFromJsonAsync<JsonElement>($"/api/awards/{a.Id}");
        await Ok(await county.PostAsJsonAsync($"/api/awards/{a.Id}/transitions", new { trigger = "return", reason = "请补充场景图片", version = view.GetProperty("version").GetInt32() }));
        var enterprise = await app.As(a.Users["enterprise"]);
        var returned = await enterprise.GetFromJsonAsync<JsonElement>($"/api/awards/{a.Id}");
        await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{a.Id}",
            new { directions = new[] { "innovation" }, content = Content("第二版：企业成立于2010年。"), version = returned.GetProperty("version").GetInt32() }));

        var first = await county.GetAsync($"/api/awards/{a.Id}/revisions/1/document.docx");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal($"{a.Name}-“小灯塔”标杆企业、创新能力显著提升企业申报书（第1次提交）.docx", first.Content.Headers.ContentDisposition?.FileNameStar);
        var frozen = OfficeFiles.Text(await first.Content.ReadAsByteArrayAsync());
        Assert.Contains("第一版：企业成立于2010年", frozen);
        Assert.DoesNotContain("第二版", frozen);
        Assert.Contains("场景1描述：", frozen);

        // The draft as it stands: one direction now, its new text, no 申报日期 until it is submitted again... the first one stays.
        var current = await enterprise.GetAsync($"/api/awards/{a.Id}/document.docx");
        Assert.Equal($"{a.Name}-创新能力显著提升企业申报书.docx", current.Content.Headers.ContentDisposition?.FileNameStar);
        var now = OfficeFiles.Text(await current.Content.ReadAsByteArrayAsync());
        Assert.Contains("第二版：企业成立于2010年。", now);
        Assert.Contains("申报方向（限选2项）：☐“小灯塔”标杆企业 ☐数字化车间及智能工厂 ☑创新能力显著提升企业", now);
        Assert.DoesNotContain("场景1描述：", now);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/awards/{a.Id}/revisions/2/document.docx")).StatusCode);
    }

    [Fact]
    public async Task Out_of_scope_the_document_is_not_found_and_a_draft_is_the_enterprises_own()
    {
        var a = await SubmittedAsync();
        foreach (var who in new[] { "xinhua", "other-enterprise", "provider" })
        {
            var client = await app.As(a.Users[who]);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/awards/{a.Id}/document.docx")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/awards/{a.Id}/revisions/1/document.docx")).StatusCode);
        }
        Assert.Empty(OfficeFiles.ValidationErrors(await (await app.As(a.Users["city"])).GetByteArrayAsync($"/api/awards/{a.Id}/document.docx")));
        var browser = await app.SignedIn(a.Users["zhengding"]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/awards/{a.Id}/document.docx")).StatusCode);
    }

    [Fact]
    public async Task A_chain_case_prints_its_sections_mode_and_the_smes_it_named_with_their_answers()
    {
        var lead = await EnterpriseAsync(app, "正定县");
        var city = await app.As(await new ProgrammeAccounts(app, Programme).UserAsync(Role.CityBureau));
        var batches = await city.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{Chain}/batches");
        if (!batches.EnumerateArray().Any(b => b.GetProperty("isOpen").GetBoolean()))
            await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{Chain}/batches", new { name = (string?)null }));
        var client = await app.As(await new ProgrammeAccounts(app, Programme).UserAsync(Role.Enterprise, enterprise: lead.Id));
        var started = await Ok(await client.PostAsync($"/api/awards/calls/{Chain}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var saved = await Ok(await client.PutAsJsonAsync($"/api/awards/{id}", new
        {
            directions = new[] { "chain" },
            content = new
            {
                texts = new Dictionary<string, object>
                {
                    ["chain"] = new { sections = new Dictionary<string, string> { ["name"] = Full("某药业通过协同平台推动配套企业转型", 50), ["measures"] = "一、建设原料药协同平台。" } },
                },
                mode = "平台赋能",
            },
            version = started.GetProperty("version").GetInt32(),
        }));
        await Ok(await client.PutAsJsonAsync($"/api/awards/{id}/smes", new
        {
            smes = new[] { new { uscc = TestData.NewUscc("130123"), name = "配套企业一号有限公司" } }, version = saved.GetProperty("version").GetInt32(),
        }));

        var response = await client.GetAsync($"/api/awards/{id}/document.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{lead.Name}-“链式”数字化转型案例申报书.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.Contains("石家庄市中小企业数字化转型试点城市“链式”数字化转型案例申报书", text);
        Assert.Contains("申报日期：", text);
        Assert.Contains("案例模式\n平台赋能", text);
        // Seed 004 附件2-1's headings: 案例名称 and 案例简述 are （一）（二） of 一、案例简介; the summary table's 案例简述 is not printed.
        Assert.Contains("一、案例简介（300字以内）\n（一）案例名称（50字以内）\n" + Full("某药业通过协同平台推动配套企业转型", 50), text);
        Assert.Contains("（二）案例简述（250字以内）\n（未填写）", text);
        Assert.Contains("二、具体举措（1800字以内）\n一、建设原料药协同平台。", text);
        Assert.Contains("四、面临的问题及建议（400字以内）", text);
        Assert.Contains("五、带动的中小企业", text);
        Assert.DoesNotContain("汇总表用", text);
        Assert.Contains("配套企业一号有限公司", text);
        Assert.Contains("待确认", text);
        Assert.Contains("申报单位（盖章）：", text);
        Assert.DoesNotContain("一、承诺书", text);
        Assert.Contains("案例模式与要素条件", text);
        Assert.Contains("带动的中小企业", await OfficeFiles.PdfTextAsync(docx));
    }
}
