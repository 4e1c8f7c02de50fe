using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>An enterprise's half-typed assessment, in real Chromium, survives an idle sign-out and a closed browser.
/// These journeys use the 2022 questionnaire, so that their drafts stay out of the 2024 self-test journey's way.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DraftJourneyTests(BrowserApp app)
{
    private static async Task<ILocator> OpenThe2022Form(IPage page)
    {
        await page.ClickAsync("header nav a:has-text('数字化评测')");
        await page.ClickAsync("a:has-text('填写评测')");
        await page.ClickAsync("p.tabs a:has-text('2022年版')");
        await Assertions.Expect(page.Locator("p.tabs strong")).ToContainTextAsync("2022年版");
        return page.Locator(".question:not(.scenario)").First;
    }

    private static async Task SignIn(IPage page)
    {
        await BrowserApp.SignInOnThePage(page, "hz-enterprise");
    }

    [Fact]
    public async Task Answers_typed_before_an_idle_sign_out_are_there_after_signing_in_again()
    {
        var page = await app.SignedInAs("hz-enterprise");
        var first = await OpenThe2022Form(page);
        var option = first.Locator("input").Nth(1);
        var letter = await option.GetAttributeAsync("value");
        await option.CheckAsync();
        await first.Locator("summary:has-text('佐证说明')").ClickAsync();
        await first.Locator("textarea").FillAsync("生产线已接入工业网络");

        // Idle past the timeout: the session cookie is gone (the browser drops it when it expires).
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "dxpilot" });
        await page.ClickAsync("button:has-text('保存并评分')");

        await Assertions.Expect(page.Locator("#draft-status")).ToContainTextAsync("登录已超时，请重新登录；您填写的内容已保留");
        Assert.Contains("/assessments/new", page.Url);

        await page.ClickAsync("#draft-status a:has-text('重新登录')");
        await Assertions.Expect(page.Locator(".alert").First).ToContainTextAsync("已自动退出");
        await SignIn(page);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assessments/new.*miit-2022"));

        var again = page.Locator(".question:not(.scenario)").First;
        await Assertions.Expect(again.Locator($"input[value='{letter}']")).ToBeCheckedAsync();
        await Assertions.Expect(again.Locator("textarea")).ToHaveValueAsync("生产线已接入工业网络");
        await BrowserApp.Screenshot(page, "draft-restored");
    }

    [Fact]
    public async Task A_draft_saved_in_a_section_is_there_in_another_browser_with_the_time_it_was_saved()
    {
        var page = await app.SignedInAs("hz-enterprise");
        var second = (await OpenThe2022Form(page)).Page.Locator(".question:not(.scenario)").Nth(1);
        var option = second.Locator("input").Nth(2);
        var letter = await option.GetAttributeAsync("value");
        await option.CheckAsync();
        await page.Locator("fieldset#sec-1 .section-actions button:has-text('保存草稿')").ClickAsync();
        await Assertions.Expect(page.Locator("#draft-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^草稿已保存 于 \d\d:\d\d$"));
        await page.Context.CloseAsync();

        var elsewhere = await app.SignedInAs("hz-enterprise");
        var restored = (await OpenThe2022Form(elsewhere)).Page.Locator(".question:not(.scenario)").Nth(1);
        await Assertions.Expect(restored.Locator($"input[value='{letter}']")).ToBeCheckedAsync();
        await Assertions.Expect(elsewhere.Locator("#draft-status")).ToContainTextAsync("草稿已保存 于");
    }
}
