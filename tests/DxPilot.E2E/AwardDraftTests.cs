using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>
/// The 申报书 form keeps what is typed (docs/awards.md "Pages"): idle past the session's timeout, 保存草稿 is held with
/// "登录已超时" instead of landing on the sign-in page with the text, and after signing in again the text typed is back in the
/// form, with its counter and a note.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AwardDraftTests(BrowserApp app)
{
    [Fact]
    public async Task Text_typed_before_an_idle_sign_out_is_back_after_signing_in_again()
    {
        if (app.Services is null) await app.SignedInAs("sjz-city");   // skips (or fails in CI) without Chromium
        var (user, _) = await AwardJourneyTests.ArrangeAsync(app.Services!);
        var page = await app.SignedInAs(user);
        await page.GotoAsync(app.BaseUrl + "/awards");
        await page.ClickAsync("button[data-start='sjz-shuzhi-2025']");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/awards/[0-9a-f-]{36}$"));
        var url = page.Url;

        await page.CheckAsync("input[data-direction-box='lighthouse']");
        await page.FillAsync("#lighthouse-basics", "超时前写下的企业基本情况：主营原料药。");

        // Idle past the timeout: the session cookie is gone (the browser drops it when it expires).
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "dxpilot" });
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#award-copy-status")).ToContainTextAsync("登录已超时，申报书暂未保存");
        Assert.Equal(url, page.Url);

        await page.ClickAsync("#award-copy-status a:has-text('重新登录')");
        await BrowserApp.SignInOnThePage(page, user);
        await Assertions.Expect(page).ToHaveURLAsync(url);

        await Assertions.Expect(page.Locator("input[data-direction-box='lighthouse']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#lighthouse-basics")).ToHaveValueAsync("超时前写下的企业基本情况：主营原料药。");
        await Assertions.Expect(page.Locator("[data-count-for='lighthouse-basics']")).ToHaveTextAsync("19/500字");
        await Assertions.Expect(page.Locator("#award-copy-status")).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");

        // Saved now, the copy is let go: the next visit shows the saved text and no note.
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("草稿已保存。");
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("#lighthouse-basics")).ToHaveValueAsync("超时前写下的企业基本情况：主营原料药。");
        await Assertions.Expect(page.Locator("#award-copy-status")).Not.ToContainTextAsync("已恢复");
    }
}
