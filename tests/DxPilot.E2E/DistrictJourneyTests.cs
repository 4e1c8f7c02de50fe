using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>A district bureau, in real Chromium: signs in, finds an enterprise, edits it, sees the audit entry.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DistrictJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task District_bureau_finds_edits_and_sees_the_audit_entry()
    {
        var page = await app.SignedInAs("hz-binjiang");

        await page.GotoAsync(app.BaseUrl + "/enterprises");
        await page.FillAsync("input[name=search]", "热威");
        await page.ClickAsync("button:has-text('查询')");
        await page.ClickAsync("#enterprise-list a:has-text('杭州热威汽车零部件有限公司')");
        await page.ClickAsync("a:has-text('修改档案')");

        await page.FillAsync("#f-Employees", "260");
        await page.FillAsync("#f-RevenueWan", "8800");
        await page.FillAsync("#f-ContactName", "赵六");
        await page.ClickAsync("button:has-text('保存')");

        await page.WaitForSelectorAsync(".alert.ok");
        var history = page.Locator("#history");
        await Assertions.Expect(history).ToContainTextAsync("滨江区经信局（演示）");
        await Assertions.Expect(history).ToContainTextAsync("从业人员（人）");
        await Assertions.Expect(history).ToContainTextAsync("260");
        await Assertions.Expect(history).ToContainTextAsync("赵六");
        // 260 people and 8800万元 is 小型 by 工信部联企业〔2011〕300号 (中型 needs ≥ 300 people).
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("小型");
        await BrowserApp.Screenshot(page, "district");
    }
}
