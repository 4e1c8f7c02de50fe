using System.Net;
using DxPilot.Domain.Filings;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 备案申请表 as .docx in the official layout (Hangzhou 附件1, Changchun 附件4): the form's sections and texts, options as ☑/☐,
/// the providers' and effects tables, the declaration with its signature lines, the district's opinion where the form has the
/// box; a submitted round prints as it was; out of scope is 404.
/// </summary>
public sealed class FilingDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<byte[]> DocxAsync(string user, string path)
    {
        var response = await (await app.As(user)).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task A_draft_prints_the_hangzhou_form_with_its_boxes_and_the_declarations_signature_lines()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.StartAsync(app);
        var answers = HangzhouFiling.CompleteAnswers();
        answers["scenarios"] = "生产制造\n其他";
        answers["scenarios.other"] = "能源管理";
        (await h.SaveAsync(app, id, answers)).EnsureSuccessStatusCode();

        var response = await (await app.As(h.Users["enterprise"])).GetAsync($"/api/filings/{id}.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"《杭州市中小企业数字化转型城市试点改造项目备案申请表》{h.Enterprise.Name}.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.Contains("杭州市中小企业数字化转型城市试点改造项目备案申请表", text);
        foreach (var section in new[] { "申报单位基本信息", "项目基本信息", "合同服务商信息", "项目实施方案及内容", "申报资料真实性声明" })
            Assert.Contains(section, text);
        Assert.Contains(h.Enterprise.Name, text);
        Assert.Contains("☐ 1级以下（20分以下）  ☑ 1级（20分~40分）  ☐ 2级（40分~60分）", text);
        Assert.Contains("☐ 研发设计  ☑ 生产制造  ☐ 供应链", text);
        Assert.Contains("☑ 其他：能源管理", text);
        Assert.Contains("☐ 其他：______", text);
        Assert.Contains("2025年1月至2025年12月", text);
        Assert.Contains("120.50", text);
        Assert.Contains("单位名称", text);
        Assert.Contains("主要承担的工作", text);
        Assert.Contains("（尚无服务合同）", text);
        Assert.Contains("建设MES系统并实现关键设备联网", text);
        Assert.Contains("本公司声明，本公司所提交的所有申报资料是真实、完整、有效的", text);
        Assert.Contains("☑ 已阅读并确认上述声明", text);
        Assert.Contains("法定代表人（签字）：", text);
        Assert.Contains("单位（盖章）：", text);
        Assert.Contains("年    月    日", text);
        // Hangzhou's 附件1 has no district box.
        Assert.DoesNotContain("工信主管部门意见", text);

        var printed = await OfficeFiles.PdfTextAsync(docx);
        Assert.Contains("项目基本信息", printed);
        Assert.Matches(@"第\s*1\s*页\s*共\s*\d+\s*页", printed);
    }

    [Fact]
    public async Task A_submitted_round_prints_as_it_was_and_a_later_revision_does_not_change_it()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app, "第一轮项目名称");
        (await h.TransitionAsync(app, id, "binjiang", "return", "请补充实施方案。")).EnsureSuccessStatusCode();
        (await h.SaveAsync(app, id, new Dictionary<string, string?> { ["projectName"] = "第二轮项目名称" })).EnsureSuccessStatusCode();

        var first = await app.As(h.Users["binjiang"]);
        var round1 = await first.GetAsync($"/api/filings/{id}/versions/1.docx");
        Assert.Equal(HttpStatusCode.OK, round1.StatusCode);
        Assert.Equal($"《杭州市中小企业数字化转型城市试点改造项目备案申请表》{h.Enterprise.Name}（第1次提交）.docx", round1.Content.Headers.ContentDisposition?.FileNameStar);
        var text1 = OfficeFiles.Text(await round1.Content.ReadAsByteArrayAsync());
        Assert.Contains("第一轮项目名称", text1);
        Assert.DoesNotContain("第二轮项目名称", text1);
        Assert.Contains("第二轮项目名称", OfficeFiles.Text(await DocxAsync(h.Users["enterprise"], $"/api/filings/{id}.docx")));
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/api/filings/{id}/versions/2.docx")).StatusCode);
    }

    [Fact]
    public async Task Out_of_scope_the_form_is_not_found()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        foreach (var who in new[] { "xihu", "other-provider", "other-enterprise", "expert" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(h.Users[who])).GetAsync($"/api/filings/{id}.docx")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(h.Users[who])).GetAsync($"/api/filings/{id}/versions/1.docx")).StatusCode);
        }
        Assert.Empty(OfficeFiles.ValidationErrors(await DocxAsync(h.Users["city"], $"/api/filings/{id}.docx")));
        var browser = await app.SignedIn(h.Users["binjiang"]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/filings/{id}.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/filings/{id}/versions/1.docx")).StatusCode);
    }

    [Fact]
    public async Task The_changchun_form_prints_its_effects_table_providers_and_the_districts_opinion()
    {
        var form = app.Services.GetRequiredService<ProgrammeCatalog>().Get("changchun-2025").Filing!.Form;
        var values = new Dictionary<string, string>
        {
            ["projectName"] = "长春汽配数字化车间", ["effects.降本.before"] = "单件成本120元", ["effects.降本.after"] = "单件成本100元",
            ["cloud"] = form.Field("cloud")!.Options[0].Value, ["declaration"] = "true",
        };
        var provider = new FilingProvider("吉林数智服务有限公司", "91220101MA0Y4X7K3Q", "周总", "吴工", "13600001111", "数字化改造服务合同",
            "CC-2025-007", new DateOnly(2025, 4, 1), 300_000m, "MES实施", true);
        using var output = new MemoryStream();
        FilingDocument.Write(output, new FilingDocument.Printed(form, new Dictionary<string, string> { ["name"] = "长春测试汽配有限公司" }, values,
            [provider], ("经初审，符合试点要求，同意报送。", new DateOnly(2025, 7, 16))));
        var docx = output.ToArray();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.Contains("长春市中小企业数字化改造项目备案入库申请表", text);
        Assert.Contains("一、基本情况（试点企业改造前填写）", text);
        Assert.Contains("长春测试汽配有限公司", text);
        Assert.Contains("改造阶段\n改造前\n改造后", text);
        Assert.Contains("降本方面成效\n单件成本120元\n单件成本100元", text);
        Assert.Contains("安全方面成效", text);
        Assert.Contains($"☑ {form.Field("cloud")!.Options[0].Label}", text);
        // Seed 002 附件4's own table (it used to print seed 003's, without 是否签合同 and 合同金额).
        Assert.Contains("合作的服务商信息\n序号\n单位名称\n是否签合同\n合同金额\n联系人\n联系电话\n1\n吉林数智服务有限公司\n☑是 ☐否\n30.00万元\n吴工\n13600001111", text);
        Assert.Contains("试点企业法定代表人（签字/盖章）：", text);
        Assert.Contains("试点企业（公章）：", text);
        Assert.Contains("县（市、区）工信主管部门意见", text);
        Assert.Contains("经初审，符合试点要求，同意报送。", text);
        Assert.Contains("2025年7月16日", text);
        var printed = await OfficeFiles.PdfTextAsync(docx);
        Assert.Contains("降本方面成效", printed);
        Assert.Contains("县（市、区）工信主管部门意见", printed);
    }
}
