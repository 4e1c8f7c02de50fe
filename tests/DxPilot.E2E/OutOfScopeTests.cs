using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>A district clerk opens a link to another district's enterprise: the Chinese 404 page, the same as for a record
/// that does not exist, never the raw English JSON it used to be.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutOfScopeTests(BrowserApp app)
{
    [Fact]
    public async Task Another_districts_enterprise_opened_by_url_is_the_chinese_404_page()
    {
        var binjiang = await app.SignedInAs("hz-binjiang");
        await binjiang.GotoAsync(app.BaseUrl + "/enterprises");
        var link = await binjiang.Locator("#enterprise-list a[href^='/enterprises/']").First.GetAttributeAsync("href");

        var xihu = await app.SignedInAs("hz-xihu");
        var response = await xihu.GotoAsync(app.BaseUrl + link);

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(xihu.Locator("h1")).ToHaveTextAsync("找不到该页面或记录");
        await Assertions.Expect(xihu.Locator("main")).ToContainTextAsync("不在您的权限范围内");
        Assert.DoesNotContain("Not Found", await xihu.ContentAsync());
        await BrowserApp.Screenshot(xihu, "out-of-scope-404");
    }
}
