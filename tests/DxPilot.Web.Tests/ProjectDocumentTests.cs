using System.Net;
using System.Net.Http.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Projects.Documents;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// A project's two official documents (seed 002 三（二）5-6): the 数字化水平评测报告 and the 附件5 验收意见 as .docx, valid and opened
/// by LibreOffice, in the project's scope only and once they exist. The figures are those of the answer sheets worked by hand in
/// <see cref="AnswerDocuments"/>: 改造前 all 无 (0分, 无等级, every scenario 未达到一级), 改造后 the mid-range sheet (42.25分, 二级（规范级）,
/// 设备系统 8.5, 数据采集 3, 信息系统 5, 信息安全 2.5, 规划管理 6.375, 要素保障 4.875, 绿色低碳 3.5, 产品质量 7, 市场效益 1.5; 生产管控 三级).
/// </summary>
public abstract class ProjectDocumentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string MidRangeLevel = "二级（规范级）";

    [Fact]
    public async Task The_evaluation_report_prints_the_agencys_level_the_comparison_with_before_and_the_go_live_checks()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        var agency = await app.As(c.Users["agency"]);
        // Before the agency recorded anything there is no report: 409 with what is missing.
        var early = await agency.GetAsync($"/api/projects/{id}/evaluation-report.docx");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("评测机构尚未记录改造后评测", await early.Content.ReadAsStringAsync());

        await c.AssessmentAsync(await app.As(c.Users["provider"]), "Before", AnswerDocuments.AllNone(), "2025-01-05");
        // The enterprise's own self-test (100分, 四级) never counts as the level reached.
        await c.AssessmentAsync(await app.As(c.Users["enterprise"]), "SelfTest", AnswerDocuments.AllMaximum(), "2025-11-01");
        await CompletedAsync(c, id);
        await EvaluationAsync(c, id);

        // Recorded but not yet issued: readable as a draft to check.
        var draft = OfficeFiles.Text(await DocxAsync(c.Users["city"], $"/api/projects/{id}/evaluation-report.docx"));
        Assert.Contains("评测机构尚未出具本报告，此稿仅供核对", draft);
        Assert.True((await ChangchunProject.StepAsync(agency, id, "evaluate")).IsSuccessStatusCode);

        var response = await (await app.As(c.Users["enterprise"])).GetAsync($"/api/projects/{id}/evaluation-report.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"中小企业数字化水平评测报告（{c.Enterprise.Name}）.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.DoesNotContain("此稿仅供核对", text);
        // Cover: title, enterprise, agency, the day it was issued (today in Beijing).
        Assert.Contains("中小企业数字化水平评测报告", text);
        Assert.Contains($"评测机构（盖章）：{c.Agency.Name}", text);
        Assert.Contains($"报告日期：{ChineseText.Date(BeijingToday())}", text);
        // The level reached is the agency's 改造后 assessment, not the self-test's 四级.
        Assert.Contains($"综合得分42.25分（满分100分），等级为{MidRangeLevel}。达到备案时确定的改造后目标（二级）。", text);
        Assert.DoesNotContain("等级为四级", text);
        Assert.Contains("表6 中小企业数字化水平等级判定", text);
        Assert.Contains("≥40分（实得42.25分）", text);
        Assert.Contains("表7 数字化基础、管理和成效维度评测得分", text);
        foreach (var (name, points) in AnswerDocuments.MidRangeSubIndicators)
            Assert.Contains($"{Points(points)}/{Points(AnswerDocuments.FullSubIndicators[name])}", text);
        Assert.Contains("表8 中小企业数字化经营应用场景等级判定", text);
        Assert.Contains("图1 改造后二级指标得分雷达图", text);

        // Before → after: the level, the total and each sub-indicator and scenario, from the two sheets.
        Assert.Contains("表9 改造前后数字化水平对比", text);
        Assert.Contains($"数字化水平等级\n—\n无等级\n{MidRangeLevel}\n提升2级", text);
        Assert.Contains("综合得分\n100\n0\n42.25\n+42.25", text);
        foreach (var (name, points) in AnswerDocuments.MidRangeSubIndicators)
            Assert.Contains($"{name}\n{Points(AnswerDocuments.FullSubIndicators[name])}\n0\n{Points(points)}\n+{Points(points)}", text);
        Assert.Contains("表10 改造前后数字化经营应用场景等级对比", text);
        Assert.Contains("生产管控*\n未达到一级\n三级\n提升3级", text);
        Assert.Contains("产品设计*\n未达到一级\n二级\n提升2级", text);
        Assert.Contains("协同办公\n未达到一级\n未达到一级\n持平", text);
        Assert.Contains("图2 改造前后二级指标得分对比雷达图", text);
        Assert.Contains("改造前评测：2025年1月5日，服务商诊断", text);

        // The go-live check of each delivery, and the conclusion.
        Assert.Contains("MES制造执行系统：MES上线，覆盖冲压、焊装两个车间\nMES\n2025年10月1日\n上线运行正常\nMES已在两个车间运行", text);
        Assert.Contains("工业网关：2台网关接入38台设备\n—\n—\n不涉及系统上线", text);
        Assert.Contains("改造后数字化水平整体得分42.25分，达到二级（规范级）。", text);

        var printed = await OfficeFiles.PdfTextAsync(docx);
        Assert.Contains("三、改造前后对比", printed);
        Assert.Contains("四、系统上线运行情况核查", printed);
        Assert.Matches(@"第\s*1\s*页\s*共\s*\d+\s*页", printed);
    }

    [Fact]
    public async Task Without_a_before_assessment_the_report_says_there_is_no_comparison_and_only_the_projects_scope_reads_it()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        await CompletedAsync(c, id);
        await EvaluationAsync(c, id);
        Assert.True((await ChangchunProject.StepAsync(await app.As(c.Users["agency"]), id, "evaluate")).IsSuccessStatusCode);

        var text = OfficeFiles.Text(await DocxAsync(c.Users["chaoyang"], $"/api/projects/{id}/evaluation-report.docx"));
        Assert.Contains("该企业没有改造前评测记录，本报告不作改造前后对比。", text);
        Assert.DoesNotContain("表9 改造前后数字化水平对比", text);
        // The tables run on as printed: the go-live checks follow 表8.
        Assert.Contains("表9 系统上线运行情况核查", text);
        Assert.DoesNotContain("表11", text);
        Assert.Contains($"等级为{MidRangeLevel}", text);
        foreach (var who in new[] { "enterprise", "provider", "agency", "audit", "city", "thinktank" })
            Assert.True(HttpStatusCode.OK == (await (await app.As(c.Users[who])).GetAsync($"/api/projects/{id}/evaluation-report.docx")).StatusCode, who);
        foreach (var who in new[] { "other-agency", "other-audit", "nanguan", "other-enterprise", "expert" })
            Assert.True(HttpStatusCode.NotFound == (await (await app.As(c.Users[who])).GetAsync($"/api/projects/{id}/evaluation-report.docx")).StatusCode, who);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(c.Users["city"])).GetAsync($"/api/projects/{Guid.NewGuid()}/evaluation-report.docx")).StatusCode);

        // The page's link: the same file with the browser's cookie.
        var browser = await app.SignedIn(c.Users["chaoyang"]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/projects/{id}/evaluation-report.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await browser.GetAsync($"/projects/{id}/acceptance-opinion.docx")).StatusCode);
    }

    [Fact]
    public async Task The_acceptance_opinion_prints_the_annex5_table_with_the_groups_names_the_rectification_and_the_districts_opinion()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        await CompletedAsync(c, id);
        await EvaluationAsync(c, id);
        var agency = await app.As(c.Users["agency"]);
        Assert.True((await ChangchunProject.StepAsync(agency, id, "evaluate")).IsSuccessStatusCode);
        var early = await agency.GetAsync($"/api/projects/{id}/acceptance-opinion.docx");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("评测机构尚未记录验收情况", await early.Content.ReadAsStringAsync());

        // 整改后通过: one item due within the programme's 90 days, then the re-check, then 朝阳区 confirms. 马工 sits with his expert account.
        var expertId = (await (await app.As(c.Users["expert"])).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("userId").GetString()!;
        await SaveAcceptanceAsync(agency, id, Acceptance(expertId, done: false));
        var rectify = await ChangchunProject.StepAsync(agency, id, "rectify", "需补充设备数据采集点位。");
        Assert.True(rectify.IsSuccessStatusCode, await rectify.Content.ReadAsStringAsync());
        await SaveAcceptanceAsync(agency, id, Acceptance(expertId, done: true));
        var recheck = await ChangchunProject.StepAsync(agency, id, "recheck");
        Assert.True(recheck.IsSuccessStatusCode, await recheck.Content.ReadAsStringAsync());
        var waiting = OfficeFiles.Text(await DocxAsync(c.Users["agency"], $"/api/projects/{id}/acceptance-opinion.docx"));
        Assert.Contains("所属县（市、区）\n工信主管部门\n\n\n\n\n单位公章\n\n年    月    日", waiting);
        Assert.True((await ChangchunProject.StepAsync(await app.As(c.Users["chaoyang"]), id, "confirm", "经审核，同意通过验收。")).IsSuccessStatusCode);

        // The expert named in the group reads it; a district, agency or enterprise elsewhere does not.
        var response = await (await app.As(c.Users["expert"])).GetAsync($"/api/projects/{id}/acceptance-opinion.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"企业数字化改造项目验收意见（{c.Enterprise.Name}）.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        foreach (var who in new[] { "nanguan", "other-agency", "other-enterprise" })
            Assert.True(HttpStatusCode.NotFound == (await (await app.As(c.Users[who])).GetAsync($"/api/projects/{id}/acceptance-opinion.docx")).StatusCode, who);

        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.Contains("附件5\n第三方评测机构出具的企业数字化改造项目验收意见", text);
        Assert.Contains($"项目单位名称\n{c.Enterprise.Name}\n所属县（市、区）\n朝阳区", text);
        Assert.Contains("项目名称\n汽车零部件车间数字化改造项目", text);
        Assert.Contains("项目负责人\n赵厂长\n联系方式\n13900001111", text);
        Assert.Contains("第三方评测机构\n审核意见\n一、书面材料审核：合同、发票、系统上线报告齐全。", text);
        Assert.Contains("二、现场核查（2025年11月25日）：MES已在两个车间运行，设备联网38台。", text);
        Assert.Contains("三、审核意见：项目按方案完成，整改后同意通过验收。", text);
        Assert.Contains("四、改进建议：加强数据分析应用。", text);
        Assert.Contains("五、整改要求（整改期限：2025年12月20日）：\n1. 补充设备数据采集点位（已整改）", text);
        Assert.Contains("六、复查情况（2025年12月15日）：已补充12个数据采集点位。", text);
        Assert.Contains("验收结论：整改后通过（已复查）", text);
        Assert.Contains("负责人签字：刘教授（吉林大学，教授）", text);
        Assert.Contains("组员签字：陈高工（长春工业大学，高级工程师）、马工（吉林省信息技术研究所，工程师）", text);
        Assert.Contains($"所属县（市、区）\n工信主管部门\n经审核，同意通过验收。\n\n\n\n单位公章\n\n{ChineseText.Date(BeijingToday())}", text);
        Assert.DoesNotContain("试点企业无需填写", text);

        var printed = await OfficeFiles.PdfTextAsync(docx);
        Assert.Contains("第三方评测机构出具的企业数字化改造项目验收意见", printed);
        Assert.Contains("负责人签字：刘教授", printed);
    }

    [Fact]
    public async Task A_failed_acceptance_prints_the_verdict_with_its_reason_and_leaves_the_districts_box_to_fill()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        await CompletedAsync(c, id);
        await EvaluationAsync(c, id);
        var agency = await app.As(c.Users["agency"]);
        Assert.True((await ChangchunProject.StepAsync(agency, id, "evaluate")).IsSuccessStatusCode);
        var expertId = (await (await app.As(c.Users["expert"])).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("userId").GetString()!;
        await SaveAcceptanceAsync(agency, id, new
        {
            members = new object[]
            {
                new { name = "刘教授", unit = "吉林大学", title = "教授", leader = true, signed = true },
                new { name = "陈高工", unit = "长春工业大学", leader = false, signed = true },
                new { name = "马工", unit = "吉林省信息技术研究所", leader = false, signed = true, userId = expertId },
            },
            documentReview = "缺少焊装车间上线报告。", siteCheckOn = "2025-11-25", siteCheck = "焊装车间未部署MES。", opinion = "项目未按备案方案完成。",
        });
        var failed = await ChangchunProject.StepAsync(agency, id, "fail", "系统未覆盖焊装车间，不符合备案方案。");
        Assert.True(failed.IsSuccessStatusCode, await failed.Content.ReadAsStringAsync());

        var docx = await DocxAsync(c.Users["enterprise"], $"/api/projects/{id}/acceptance-opinion.docx");
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.StartsWith("附件5\n第三方评测机构出具的企业数字化改造项目验收意见\n", text);
        // Only what was recorded is numbered: no suggestions, no rectification.
        Assert.Contains("审核意见\n一、书面材料审核：缺少焊装车间上线报告。\n二、现场核查（2025年11月25日）：焊装车间未部署MES。\n三、审核意见：项目未按备案方案完成。\n"
                        + "验收结论：不通过验收。理由：系统未覆盖焊装车间，不符合备案方案。", text);
        Assert.DoesNotContain("四、", text);
        Assert.Contains("负责人签字：刘教授（吉林大学，教授）\n组员签字：陈高工（长春工业大学）、马工（吉林省信息技术研究所）", text);
        Assert.Contains($"单位公章\n\n{ChineseText.Date(BeijingToday())}\n所属县（市、区）\n工信主管部门\n\n\n\n\n单位公章\n\n年    月    日", text);

        // The annex label is the programme's: Hangzhou's notice (seed 003) has no 验收意见 annex, its 附件5 is the 备案汇总表.
        await using var scope = app.DataScope(ChangchunProject.Programme);
        var services = scope.ServiceProvider;
        Assert.Null(services.GetRequiredService<ProgrammeCatalog>().Get("hangzhou-2024").Project!.AcceptanceOpinionAnnex);
        var sources = (await services.GetRequiredService<ProjectDocumentService>()
            .AcceptanceOpinionAsync(new Actor("city", "长春市工信局", Role.CityBureau, ChangchunProject.Programme), id)).Value!;
        using var withoutAnnex = new MemoryStream();
        AcceptanceOpinionDocument.Write(withoutAnnex, sources with { Annex = null });
        Assert.StartsWith("第三方评测机构出具的企业数字化改造项目验收意见\n", OfficeFiles.Text(withoutAnnex.ToArray()));
    }

    private async Task<byte[]> DocxAsync(string user, string path)
    {
        var response = await (await app.As(user)).GetAsync(path);
        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The enterprise reports the MES (a system live since 2025-10-01) and the gateways, invoiced at the contract's total.</summary>
    private async Task CompletedAsync(ChangchunProject c, Guid id)
    {
        var enterprise = await app.As(c.Users["enterprise"]);
        var deliveries = new object[]
        {
            new { item = "MES制造执行系统", delivered = "MES上线，覆盖冲压、焊装两个车间", system = "MES", goLiveOn = "2025-10-01" },
            new { item = "工业网关", delivered = "2台网关接入38台设备", system = (string?)null, goLiveOn = (string?)null },
        };
        var saved = await enterprise.PutAsJsonAsync($"/api/projects/{id}/completion",
            new { deliveries, note = "按合同全部交付。", version = await ChangchunProject.VersionAsync(enterprise, id) });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.True((await ChangchunProject.InvoiceAsync(enterprise, id, "25229001", "MES制造执行系统", 440000.00m)).IsSuccessStatusCode);
        var completed = await ChangchunProject.StepAsync(enterprise, id, "complete");
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
    }

    /// <summary>The agency records its 改造后 assessment (the mid-range sheet) and its checks and conclusion.</summary>
    private async Task EvaluationAsync(ChangchunProject c, Guid id)
    {
        var agency = await app.As(c.Users["agency"]);
        var after = await c.AssessmentAsync(agency, "After", AnswerDocuments.MidRange());
        var evaluation = await agency.PutAsJsonAsync($"/api/projects/{id}/evaluation", new
        {
            afterAssessmentId = after,
            checks = new[] { new { verified = (bool?)true, note = (string?)"MES已在两个车间运行" }, new { verified = (bool?)null, note = (string?)null } },
            conclusion = "改造后数字化水平整体得分42.25分，达到二级（规范级）。", version = await ChangchunProject.VersionAsync(agency, id),
        });
        Assert.True(evaluation.IsSuccessStatusCode, await evaluation.Content.ReadAsStringAsync());
    }

    private static async Task SaveAcceptanceAsync(HttpClient agency, Guid id, object acceptance)
    {
        var saved = await agency.PutAsJsonAsync($"/api/projects/{id}/acceptance", new { acceptance, version = await ChangchunProject.VersionAsync(agency, id) });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    private static object Acceptance(string expertId, bool done) => new
    {
        members = new object[]
        {
            new { name = "刘教授", unit = "吉林大学", title = "教授", leader = true, signed = true },
            new { name = "陈高工", unit = "长春工业大学", title = "高级工程师", leader = false, signed = true },
            new { name = "马工", unit = "吉林省信息技术研究所", title = "工程师", leader = false, signed = true, userId = expertId },
        },
        documentReview = "合同、发票、系统上线报告齐全。", siteCheckOn = "2025-11-25", siteCheck = "MES已在两个车间运行，设备联网38台。",
        opinion = "项目按方案完成，整改后同意通过验收。", suggestions = "加强数据分析应用。",
        rectifications = new[] { new { item = "补充设备数据采集点位", done } }, rectifyBy = "2025-12-20",
        recheckedOn = done ? "2025-12-15" : null, recheck = done ? "已补充12个数据采集点位。" : null,
    };

    private static DateOnly BeijingToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Points(decimal p) => p.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ProjectDocumentTestsOnSqlite(SqliteApp app) : ProjectDocumentTests<SqliteApp>(app);

public sealed class ProjectDocumentTestsOnPostgres(PostgresApp app) : ProjectDocumentTests<PostgresApp>(app);
