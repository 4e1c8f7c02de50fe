using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>
/// The filing form keeps what is typed: saved when the page is left, and when the network drops the copy kept in the browser is
/// put back the next time the form opens, with a note.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FilingDraftTests(BrowserApp app)
{
    [Fact]
    public async Task Leaving_the_form_saves_it_and_a_copy_typed_while_the_network_is_down_is_put_back_with_a_note()
    {
        if (app.Services is null) await app.SignedInAs("hz-binjiang");   // skips (or fails in CI) without Chromium
        var (enterpriseId, user) = await FilingJourneyTests.ArrangeAsync(app);
        var page = await app.SignedInAs(user);
        var id = await FilingJourneyTests.StartFromTheFileAsync(app, page, enterpriseId);

        // Left without pressing 保存: the answers are saved on the way out.
        await page.FillAsync("#a-projectName", "离开页面时保存的项目名称");
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}");
        for (var tries = 0; tries < 20 && await page.Locator("dd[data-key=projectName]").TextContentAsync() != "离开页面时保存的项目名称"; tries++)
            await page.ReloadAsync();
        await Assertions.Expect(page.Locator("dd[data-key=projectName]")).ToHaveTextAsync("离开页面时保存的项目名称");

        // The network drops and the tab is closed: nothing reaches the server, the copy in the browser comes back.
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}/edit");
        await page.Context.SetOfflineAsync(true);
        await page.FillAsync("#a-plan", "断网时写下的实施方案");
        var context = page.Context;
        var again = await context.NewPageAsync();
        await page.CloseAsync();
        await context.SetOfflineAsync(false);
        await again.GotoAsync($"{app.BaseUrl}/filings/{id}");
        await Assertions.Expect(again.Locator("dd[data-key=plan]")).ToHaveTextAsync("—");
        await again.GotoAsync($"{app.BaseUrl}/filings/{id}/edit");
        await Assertions.Expect(again.Locator("#a-plan")).ToHaveValueAsync("断网时写下的实施方案");
        await Assertions.Expect(again.Locator("#draft-status")).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");
        await Assertions.Expect(again.Locator("[data-count-for='a-plan']")).ToHaveTextAsync("不超过1000字，已写10字");
    }
}
