using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>服务机构分配 in real Chromium: 朝阳区 assigns one of its files to the provider, and the provider finds it on its list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssignmentJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_district_assigns_a_file_and_the_provider_sees_it()
    {
        const string file = "长春朝阳百川制药有限公司（演示）";
        var bureau = await app.SignedInAs("cc-chaoyang");
        await bureau.GotoAsync(app.BaseUrl + "/assignments");
        await bureau.FillAsync("input[name=search]", "百川");
        await bureau.ClickAsync("button:has-text('查询')");
        var row = bureau.Locator("#assignment-list tbody tr", new() { HasText = file });
        await Assertions.Expect(row).ToContainTextAsync("未分配");
        await row.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "服务商：长春智造数字化服务有限公司（演示）" });
        await row.Locator("button:has-text('分配')").ClickAsync();
        await Assertions.Expect(bureau.Locator(".alert.ok")).ToContainTextAsync("已分配");
        await Assertions.Expect(bureau.Locator("#assignment-list tbody tr", new() { HasText = file })).ToContainTextAsync("长春智造数字化服务有限公司（演示）");

        var provider = await app.SignedInAs("cc-provider");
        await provider.GotoAsync(app.BaseUrl + "/assignments");
        await Assertions.Expect(provider.Locator("h1")).ToHaveTextAsync("分配给本机构的企业");
        await provider.ClickAsync($"#assignment-list a:has-text('{file}')");
        await Assertions.Expect(provider.Locator("#assignments")).ToContainTextAsync("长春智造数字化服务有限公司（演示）");
        await BrowserApp.Screenshot(provider, "assignment");
    }
}
