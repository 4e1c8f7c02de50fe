using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Web.Tests.Support;
using static DxPilot.Web.Tests.Support.ShijiazhuangAwardFiles;

namespace DxPilot.Web.Tests;

/// <summary>
/// 证明材料 (seed 004 附件4 五、相关附件; issue 12 "otherwise entered with evidence", "judged by reviewers", "valid IP"): the applicant
/// uploads a scan under a chosen subject through the application's files; a file that is not a PDF, JPEG or PNG, or one without a
/// subject, is refused; nobody else uploads; the criteria panel lists it by the criterion it supports, the 申报书 .docx's 附件清单
/// names it, and the submitted revision keeps it.
/// </summary>
public abstract class AwardEvidenceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Call = ShijiazhuangAward.Call;

    private static MultipartFormDataContent Evidence(string? subject, string name, byte[] content)
    {
        var form = Upload("evidence", [(name, content)]);
        if (subject is not null) form.Add(new StringContent(subject), "subject");
        return form;
    }

    [Fact]
    public async Task An_ip_certificate_is_uploaded_listed_by_its_criterion_named_in_the_annex_list_and_frozen_with_the_submission()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var a = await ShijiazhuangAward.CreateAsync(app);
        await a.OpenBatchAsync(app);
        var (id, version) = await a.StartAsync(app);
        var enterprise = await app.As(a.Users["enterprise"]);
        var saved = await enterprise.PutAsJsonAsync($"/api/awards/{id}", new
        {
            directions = new[] { "innovation" }, content = ShijiazhuangReviews.Innovation("企业成立于2010年，主营化学原料药。"), version,
        }, Ct);
        version = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32();

        // Refused: no subject, a GIF named .pdf, a text file; others find nothing to upload to.
        var noSubject = await enterprise.PostAsync($"/api/awards/{id}/files", Evidence(null, "证书.pdf", Pdf), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noSubject.StatusCode);
        Assert.Contains("请选择证明材料的类别", await noSubject.Content.ReadAsStringAsync(Ct));
        var gif = await enterprise.PostAsync($"/api/awards/{id}/files", Evidence("ipCertificate", "证书.pdf", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"u8.ToArray()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, gif.StatusCode);
        Assert.Contains("证书.pdf", await gif.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(a.Users["other-enterprise"])).PostAsync($"/api/awards/{id}/files", Evidence("ipCertificate", "证书.pdf", Pdf), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(a.Users["zhengding"])).PostAsync($"/api/awards/{id}/files", Evidence("ipCertificate", "证书.pdf", Pdf), Ct)).StatusCode);

        // 带动中小企业的佐证材料 is a 链式 case's material, not this call's: refused, naming what this call takes.
        var chainOnly = await enterprise.PostAsync($"/api/awards/{id}/files", Evidence("drivenSmes", "带动企业盖章材料.pdf", Pdf), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, chainOnly.StatusCode);
        Assert.Contains("请选择证明材料的类别：企业法人营业执照复印件", await chainOnly.Content.ReadAsStringAsync(Ct));

        // 附件4 创新能力显著提升 三、相关附件: the checklist shows each, on file or not.
        var checklist = (await (await app.SignedIn(a.Users["enterprise"])).GetDocument($"/awards/{id}")).QuerySelectorAll("#listed-attachments li")
            .Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["企业法人营业执照复印件未上传", "经会计师事务所审计的财务报告未上传", "纳税凭证或纳税证明未上传", "数字化水平等级证书未上传", "奖励证书和荣誉证明未上传"], checklist);
        Assert.True((await enterprise.PostAsync($"/api/awards/{id}/files", Evidence("businessLicence", "营业执照.pdf", Pdf), Ct)).IsSuccessStatusCode);

        var stored = await enterprise.PostAsync($"/api/awards/{id}/files", Evidence("ipCertificate", "发明专利证书.pdf", Pdf), Ct);
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync(Ct));
        var files = await enterprise.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/files", Ct);
        var certificate = Assert.Single(files.EnumerateArray(), f => f.GetProperty("kind").GetString() == "evidence" && f.GetProperty("subject").GetString() == "ipCertificate");
        Assert.Equal(("ipCertificate", "发明专利证书.pdf"), (certificate.GetProperty("subject").GetString(), certificate.GetProperty("name").GetString()));

        await SignedScansAsync(enterprise, id);
        var submitted = await enterprise.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version }, Ct);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));

        // The county reads it by the criterion it supports (创新能力显著提升: IP and other attachments), and the checklist.
        var county = await app.SignedIn(a.Users["zhengding"]);
        var page = await county.GetDocument($"/awards/{id}");
        Assert.Equal("企业法人营业执照复印件已上传1个", page.QuerySelector("#listed-attachments li[data-subject='businessLicence']")!.TextContent.Trim());
        var listed = page.QuerySelector("[data-evidence-for='improvement']")!;
        Assert.Contains("知识产权证书：发明专利证书.pdf", listed.TextContent);
        Assert.Equal($"/awards/{id}/files/{certificate.GetProperty("id").GetGuid()}", listed.QuerySelector("a[data-file]")!.GetAttribute("href"));

        // The 附件清单 of the submitted revision names it; a file replaced later does not change that revision.
        var docx = await (await app.As(a.Users["zhengding"])).GetByteArrayAsync($"/api/awards/{id}/revisions/1/document.docx", Ct);
        var text = OfficeFiles.Text(docx);
        Assert.Contains("证明材料：知识产权证书\n发明专利证书.pdf", text);
        Assert.Contains("申报指南所列相关附件未上传：经会计师事务所审计的财务报告、纳税凭证或纳税证明、数字化水平等级证书、奖励证书和荣誉证明。", text);
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
    }
}

public sealed class AwardEvidenceTestsOnSqlite(SqliteApp app) : AwardEvidenceTests<SqliteApp>(app);

public sealed class AwardEvidenceTestsOnPostgres(PostgresApp app) : AwardEvidenceTests<PostgresApp>(app);
