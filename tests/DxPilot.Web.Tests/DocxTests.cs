using System.Net;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Charts;
using DxPilot.Infrastructure.Documents;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DxPilot.Web.Tests;

/// <summary>
/// The Word documents: the 示范标杆 申报书 (seed 000) and the assessment result (seed 002 表6-8). Each passes the Open XML
/// schema, carries the official figures, is served only within the reader's scope, and opens in LibreOffice.
/// </summary>
public sealed class DocxTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A self-test by hz-enterprise on the 2024 instrument, dated 2025-07-16; returns its id.</summary>
    private async Task<string> AssessmentAsync(JsonObject? document = null)
    {
        var enterprise = await app.As("hz-enterprise");
        var own = (await enterprise.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("enterpriseId").GetString();
        var body = document ?? AnswerDocuments.AllMaximum();
        body["stage"] = "SelfTest";
        body["assessedOn"] = "2025-07-16";
        var created = await enterprise.PostAsJsonAsync($"/api/enterprises/{own}/assessments", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<byte[]> Docx(HttpResponseMessage response, string expectedName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WordType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expectedName, response.Content.Headers.ContentDisposition!.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task An_all_maximum_2024_result_docx_is_valid_and_shows_100_points_level_four_tables_7_and_8_and_the_radar()
    {
        var id = await AssessmentAsync();
        string name;
        var client = await app.SignedIn("hz-enterprise");
        Assert.Equal($"/assessments/{id}/result.docx", (await client.GetDocument($"/assessments/{id}")).QuerySelector("#document-download")!.GetAttribute("href"));

        using (var scope = app.Services.CreateScope())
            name = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Assessments.Where(a => a.Id == Guid.Parse(id))
                .Join(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Enterprises, a => a.EnterpriseId, e => e.Id, (_, e) => e.Name).SingleAsync();
        var docx = await Docx(await client.GetAsync($"/assessments/{id}/result.docx"), $"中小企业数字化水平评测结果（{name}，2025年7月16日）.docx");
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        // Seed 002 表6: ≥ 80 points with 10 scenarios (6 constrained) at 四级 is 四级; every option at its top is 100 points.
        Assert.Contains("综合得分\n100分（满分100分）", text);
        Assert.Contains("数字化水平等级\n四级", text);
        Assert.Contains("2025年7月16日", text);
        // Seed 002 附件3 二、 prints 表6, 表7, 表8 in that order; the instrument is named as the MIIT publishes it, no file version.
        var t6 = text.IndexOf("表6 ", StringComparison.Ordinal);
        var t7 = text.IndexOf("表7 ", StringComparison.Ordinal);
        var t8 = text.IndexOf("表8 ", StringComparison.Ordinal);
        Assert.True(t6 >= 0 && t6 < t7 && t7 < t8, $"表6 at {t6}, 表7 at {t7}, 表8 at {t8}");
        Assert.Contains("评测工具\n中小企业数字化水平评测指标（2024年版）", text);
        Assert.DoesNotContain("计算所用版本", text);
        Assert.DoesNotContain("2024.1", text);
        // 表7: the nine sub-indicators at full points (reference file: 设备系统 20, 数据采集 10, 信息系统 10, 信息安全 10, …).
        Assert.Contains("表7 数字化基础、管理和成效维度评测得分", text);
        foreach (var sub in AnswerDocuments.FullSubIndicators.Keys)
            Assert.Contains($"{sub}\n", text);
        Assert.Contains("20/20", text);
        // 表8: 16 scenarios, the 10 constrained starred.
        Assert.Contains("表8 中小企业数字化经营应用场景等级判定（*为约束性场景）", text);
        Assert.Equal(10, AnswerDocuments.Scenarios.Count(s => text.Contains($"{s}*\n")));
        Assert.Contains("工艺设计\n", text);
        Assert.DoesNotContain("未达到的等级及原因", text);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var picture = Assert.Single(doc.MainDocumentPart!.ImageParts);
        Assert.Equal("image/png", picture.ContentType);
        Assert.Contains("第 ", doc.MainDocumentPart.FooterParts.Single().Footer!.InnerText);
    }

    [Fact]
    public async Task A_mid_range_result_docx_says_why_level_three_was_missed()
    {
        var id = await AssessmentAsync(document: AnswerDocuments.MidRange());
        var docx = await (await app.SignedIn("hz-enterprise")).GetByteArrayAsync($"/assessments/{id}/result.docx");
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        // AnswerDocuments.MidRange: 42.25 points, 二级; 三级 needs 60 points and 8 scenarios (5 constrained) at 三级 or above.
        Assert.Contains("综合得分\n42.25分", text);
        Assert.Contains("数字化水平等级\n二级", text);
        Assert.Contains("未达到的等级及原因", text);
        Assert.Contains("≥60分（实得42.25分）", text);
    }

    [Fact]
    public async Task The_result_docx_is_404_outside_the_readers_scope()
    {
        var id = await AssessmentAsync();
        // hz-provider made no diagnosis of it; a bureau of another city sees nothing of Hangzhou.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("hz-provider")).GetAsync($"/assessments/{id}/result.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("cc-city")).GetAsync($"/assessments/{id}/result.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn("hz-city")).GetAsync($"/assessments/{id}/result.docx")).StatusCode);
    }

    [Fact]
    public async Task Table_rows_stay_on_one_page_headers_repeat_and_a_code_or_date_keeps_to_one_line_in_a_narrow_column()
    {
        const string uscc = "91220104MA17XKQW2L", date = "2025年12月31日";
        var longText = string.Concat(Enumerable.Repeat("企业在冲压、焊装车间部署制造执行系统，实现设备联网和生产数据实时采集。", 40));
        using var output = new MemoryStream();
        using (var doc = DocxWriter.Create(output, "表格测试"))
            doc.Table(DocxSize.XiaoWu, [2100, 1600, DocxWriter.TextWidth - 3700], cellMargin: 60)
                .Header("统一社会信用代码", "签订日期", "说明")
                .Row(uscc, date, "短")
                .Row("长", "文", longText);
        var docx = output.ToArray();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var rows = word.MainDocumentPart!.Document!.Descendants<W.TableRow>().ToList();
            Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<W.TableHeader>());
            Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<W.CantSplit>());
            Assert.NotNull(rows[1].TableRowProperties!.GetFirstChild<W.CantSplit>());
            // A row longer than a page may break: kept whole it would be cut off.
            Assert.Null(rows[2].TableRowProperties?.GetFirstChild<W.CantSplit>());
        }
        // Printed, the code and the date each stay on one line.
        var printed = await OfficeFiles.PdfTextAsync(docx);
        Assert.Contains(uscc, printed);
        Assert.Matches(@"2025 *年 *12 *月 *31 *日", printed); // pdftotext spaces the digits from the characters, on one line
    }

    [Fact]
    public void Without_a_Chinese_font_the_radar_is_still_drawn_with_numbered_axes()
    {
        var axes = AnswerDocuments.FullSubIndicators.Select(s => new RadarAxis(s.Key, s.Value)).ToList();
        var png = RadarPicture.Render(axes, axes.Select(a => a.Max / 2).ToList(), cjkLabels: false);
        Assert.False(png.NamesDrawn);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Png[..4]);
        Assert.True(png.Png.Length > 2000, "雷达图不应是空白图片");
    }

    /// <summary>Items 1 (2分) and 2 (3分) proven, item 3 (5分) 是 without a picture, item 4 否; every precondition met, the enterprise a
    /// 专精特新中小企业 with its recognition document (seed 000 三、5).</summary>
    private async Task<(Guid Id, string Name, BenchmarkBrowser Owner)> ApplicationAsync()
    {
        var (user, enterpriseId) = await HeilongjiangAccounts.EnterpriseAsync(app, "哈尔滨市");
        var owner = await BenchmarkBrowser.SignInAsync(app, user);
        var saved = await owner.FillAsync(f =>
        {
            foreach (var item in new[] { 1, 2, 3 })
            {
                f[$"Form.Items[{item}].Answer"] = "是";
                f[$"Form.Items[{item}].Description"] = $"第{item}项：已上线相关系统并在生产中使用。";
            }
            f["Form.Items[4].Answer"] = "否";
            Eligible(f);
            f["Form.Revenue[2024]"] = "1800.5";
            f["Form.Overview"] = "企业基本情况。\n" + new string('数', 2000);
            f["Form.RecognitionTitle"] = "专精特新中小企业";
            f["Form.RecognitionBatch"] = "2024年第一批";
            f["Form.RecognitionSerial"] = "37";
        }, "save", [Picture(1), Picture(2), .. Documents, new("recognition-document", "专精特新认定文件.png", Png(10))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var id = await db.BenchmarkApplications.Where(a => a.EnterpriseId == enterpriseId).Select(a => a.Id).SingleAsync();
        var name = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.Name).SingleAsync();
        return (id, name, owner);
    }

    [Fact]
    public async Task The_benchmark_application_docx_is_valid_and_follows_seed_000()
    {
        var (id, name, owner) = await ApplicationAsync();
        Assert.Contains($"/benchmark/{id}/document.docx", await owner.PageAsync());
        var docx = await Docx(await owner.Client.GetAsync($"/benchmark/{id}/document.docx"), $"黑龙江省中小企业数字化示范标杆企业申报书（{name}）.docx");
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.StartsWith("黑龙江省中小企业数字化示范标杆企业申报书\n", text);
        Assert.Contains($"企业名称\n{name}", text);
        Assert.Contains("注册成立日期\n2021年12月31日", text);
        Assert.Contains("2024年度营业收入（万元）\n1,800.50", text);
        Assert.Contains("一、企业情况概述", text);
        Assert.Contains("企业基本情况。", text);
        // Seed 000: 30 items in 数字化改造 50, 网络化协同 25, 智能化升级 25; item 3 is 5 points, 0 without its picture.
        Assert.Contains("数字化改造\n（50分）", text);
        Assert.Contains("研发设计数字化\n（10分）", text);
        Assert.Contains("采用计算机辅助设计技术，辅助开展设计工作，实现产品、工艺设计的数字化。", text);
        Assert.Contains("推广应用财务机器人、电子发票服务平台等平台化智能管理服务。", text);
        Assert.Contains("数字化改造小计\n50\n\n5", text);
        Assert.Contains("网络化协同小计\n25\n\n0", text);
        Assert.Contains("智能化升级小计\n25\n\n0", text);
        Assert.Contains("合计\n100\n\n5", text);
        Assert.Contains("第3项：已上线相关系统并在生产中使用。\n图片证明0张\n", text);
        Assert.Contains("三、其他材料（前置条件）", text);
        Assert.Contains("数字化水平二级及以上", text);
        Assert.DoesNotContain("\n不符合\n", text);
        Assert.Equal(7, text.Split("\n符合\n").Length - 1);
        // Seed 000 三、5: "标明企业认定批次及企业序号".
        Assert.Contains("创新型／专精特新认定\n专精特新中小企业\n认定批次及企业序号\n2024年第一批，序号37", text);
        Assert.Contains("专精特新中小企业（2024年第一批，序号37），已提供省工信厅认定文件复印件", text);
        // Seed 000 三 注: "企业申报材料应加目录页，对应的每一个佐证材料应在目录页中清晰可见".
        Assert.Contains("佐证材料目录", text);
        Assert.Contains("第1项图片证明\n第1项截图0.png\n1", text);
        Assert.Contains("第3项图片证明\n未上传\n0", text);
        Assert.Contains("营业执照复印件（加盖公章）\n营业执照复印件.png\n1", text);
        Assert.Contains("2022年度赋码审计报告\n2022年度审计报告.png\n1", text);
        Assert.Contains("2024年度赋码审计报告\n2024年度审计报告.png\n1", text);
        Assert.Contains("省工信厅认定文件复印件\n专精特新认定文件.png\n1", text);
        Assert.Contains("真实性承诺书扫描件\n真实性承诺书.jpg\n1", text);
        Assert.Contains("真实性承诺书", text);
        Assert.Contains("本单位（公司）自愿申报黑龙江省中小企业数字化示范标杆企业", text);
        Assert.Contains("法定代表人（签字）：", text);
        Assert.Contains("申报单位（盖章）：", text);
        Assert.DoesNotContain("hlj-benchmark", text);
    }

    [Fact]
    public async Task The_benchmark_docx_is_served_within_the_applications_scope_only()
    {
        var (id, _, _) = await ApplicationAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn("hlj-city")).GetAsync($"/benchmark/{id}/document.docx")).StatusCode);
        var harbin = await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "哈尔滨市");
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn(harbin)).GetAsync($"/benchmark/{id}/document.docx")).StatusCode);
        var qiqihar = await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "齐齐哈尔市");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(qiqihar)).GetAsync($"/benchmark/{id}/document.docx")).StatusCode);
        var other = (await HeilongjiangAccounts.EnterpriseAsync(app, "哈尔滨市")).UserName;
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(other)).GetAsync($"/benchmark/{id}/document.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("hz-city")).GetAsync($"/benchmark/{id}/document.docx")).StatusCode);
    }

    [Fact]
    public async Task LibreOffice_opens_both_documents_and_prints_their_text_and_page_numbers()
    {
        var (benchmarkId, name, owner) = await ApplicationAsync();
        var benchmark = await OfficeFiles.PdfTextAsync(await owner.Client.GetByteArrayAsync($"/benchmark/{benchmarkId}/document.docx"));
        Assert.Contains("黑龙江省中小企业数字化示范标杆企业申报书", benchmark);
        // A long name wraps in its cell, and the PDF's reading order may put the next column's text between its two lines.
        var flat = Regex.Replace(benchmark, @"\s+", "");
        var start = flat.IndexOf(name[..7], StringComparison.Ordinal);
        Assert.True(start >= 0 && IsInOrder(name, flat.Substring(start, Math.Min(120, flat.Length - start))), $"企业名称“{name}”不在文档中：{flat[..Math.Min(200, flat.Length)]}");
        Assert.Contains("真实性承诺书", benchmark);
        Assert.Matches(@"第\s*1\s*页\s*共\s*\d+\s*页", benchmark);

        var assessmentId = await AssessmentAsync();
        var result = await OfficeFiles.PdfTextAsync(await (await app.SignedIn("hz-enterprise")).GetByteArrayAsync($"/assessments/{assessmentId}/result.docx"));
        Assert.Contains("中小企业数字化水平评测结果", result);
        Assert.Contains("四级", result);
        Assert.Contains("设备系统", result);
        Assert.Matches(@"第\s*1\s*页\s*共\s*\d+\s*页", result);
    }

    /// <summary>Every character of <paramref name="text"/> appears in <paramref name="within"/>, in order.</summary>
    private static bool IsInOrder(string text, string within)
    {
        var at = 0;
        foreach (var c in text)
        {
            at = within.IndexOf(c, at);
            if (at < 0) return false;
            at++;
        }
        return true;
    }
}
