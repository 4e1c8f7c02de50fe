using System.Net;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Tests.Support;
using static DxPilot.Web.Tests.Support.Blobs;

namespace DxPilot.Web.Tests;

/// <summary>
/// Realistic uploads through real Kestrel (the in-memory test server enforces no body limit): photos of a few MB each in
/// one save, the page's stated per-save total refused by file name with the typed text kept, and the global 10 MB limit
/// still guarding the other endpoints.
/// </summary>
public sealed class BenchmarkUploadTests(KestrelSqliteApp app) : IClassFixture<KestrelSqliteApp>
{
    private const int FourMegabytes = 4 * 1024 * 1024;

    [Fact]
    public async Task A_save_with_three_4_MB_photos_succeeds_and_serves_them_back()
    {
        var browser = await BenchmarkBrowser.SignInAsync(app, (await HeilongjiangAccounts.EnterpriseAsync(app)).UserName);
        var photos = Enumerable.Range(1, 3).Select(i => new BenchmarkBrowser.Upload($"picture-{i}", $"车间照片{i}.png", Png(FourMegabytes, seed: 100 + i))).ToArray();
        var saved = await browser.FillAsync(f => { for (var i = 1; i <= 3; i++) f[$"Form.Items[{i}].Answer"] = "是"; }, "save", photos);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = PageClient.Parse(await browser.Client.GetStringAsync(BenchmarkBrowser.FormPath));
        for (var i = 1; i <= 3; i++)
        {
            var src = page.QuerySelector($"#item-{i} .thumbs img")!.GetAttribute("src")!;
            Assert.Equal(photos[i - 1].Content, await browser.Client.GetByteArrayAsync(src, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Pictures_beyond_the_stated_total_are_refused_by_name_and_the_typed_text_is_saved()
    {
        var browser = await BenchmarkBrowser.SignInAsync(app, (await HeilongjiangAccounts.EnterpriseAsync(app)).UserName);
        // Eleven photos of 4.8 MB (52.8 MB): ten fit in the 50 MB of one save, the eleventh does not.
        var photos = Enumerable.Range(1, 11)
            .Select(i => new BenchmarkBrowser.Upload($"picture-{i}", $"照片{i}.png", Png(4_800 * 1024, seed: 200 + i))).ToArray();
        var response = await browser.FillAsync(f =>
        {
            f["Form.Items[11].Answer"] = "是";
            f["Form.Items[11].Description"] = "设备联网率85%，数据实时上云。";
            f["Form.Overview"] = "本企业主营阀门制造。";
        }, "save", photos);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("草稿已保存，但有1个文件未上传", html);
        Assert.Contains($"第11项图片证明“照片11.png”未上传：一次保存的文件合计不能超过{EvidenceRules.MaxBytesPerSave / 1024 / 1024}MB，请保存后再上传其余文件", html);
        var stored = BenchmarkBrowser.Fields(await browser.PageAsync());
        Assert.Equal("设备联网率85%，数据实时上云。", stored["Form.Items[11].Description"]);
        Assert.Equal("本企业主营阀门制造。", stored["Form.Overview"]);
        Assert.Equal(10, PageClient.Parse(await browser.PageAsync()).QuerySelectorAll(".thumbs li").Length);
    }

    [Fact]
    public async Task Other_endpoints_keep_the_10_MB_limit()
    {
        var api = await app.As("hz-city");
        using var body = new MultipartFormDataContent { { new ByteArrayContent(new byte[11 * 1024 * 1024]), "file", "企业名单.xlsx" } };
        // Kestrel answers 413 as soon as it sees the declared length, and may close before the client has sent it all.
        try
        {
            var response = await api.PostAsync("/api/enterprises/import", body, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException) { }
    }
}
