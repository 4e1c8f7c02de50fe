using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>
/// The filing form keeps what is typed: saved when the page is left, and when the network drops the copy kept in the browser is
/// put back the next time the form opens, with a note; a copy someone has saved over is offered, not put back unasked.
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

    // Reloading the form sends the last save as the page goes, and that save may land after the new page was drawn on the
    // version before it: the page must not then refuse its own next save as "changed by someone else".
    [Fact]
    public async Task A_save_sent_on_leaving_that_lands_after_the_reloaded_page_does_not_make_its_next_save_stale()
    {
        if (app.Services is null) await app.SignedInAs("hz-binjiang");   // skips (or fails in CI) without Chromium
        var (enterpriseId, user) = await FilingJourneyTests.ArrangeAsync(app);
        var page = await app.SignedInAs(user);
        var id = await FilingJourneyTests.StartFromTheFileAsync(app, page, enterpriseId);
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}/edit");
        await page.FillAsync("#a-projectName", "离开页面前写下的项目名称");

        // The save sent as the page goes is held back until the reloaded page has been drawn.
        var held = 0;
        await page.RouteAsync($"**/api/filings/{id}", async route =>
        {
            if (route.Request.Method == "PUT" && Interlocked.Increment(ref held) == 1) await Task.Delay(2_000);
            await route.ContinueAsync();
        });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#a-projectName")).ToHaveValueAsync("离开页面前写下的项目名称");
        await Assertions.Expect(page.Locator("#draft-status")).ToContainTextAsync("已自动保存");
        Assert.True(held >= 1, "the save sent on leaving went through the held route");

        await page.FillAsync("#a-plan", "重新打开后写的实施方案");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync($"**/filings/{id}?done=saved");
        await Assertions.Expect(page.Locator("dd[data-key=plan]")).ToHaveTextAsync("重新打开后写的实施方案");
        await Assertions.Expect(page.Locator("dd[data-key=projectName]")).ToHaveTextAsync("离开页面前写下的项目名称");
    }

    [Fact]
    public async Task A_copy_typed_on_a_version_another_tab_has_saved_over_is_offered_back_not_put_over_it()
    {
        if (app.Services is null) await app.SignedInAs("hz-binjiang");   // skips (or fails in CI) without Chromium
        var (enterpriseId, user) = await FilingJourneyTests.ArrangeAsync(app);
        var first = await app.SignedInAs(user);
        var id = await FilingJourneyTests.StartFromTheFileAsync(app, first, enterpriseId);
        var second = await first.Context.NewPageAsync();
        await first.GotoAsync($"{app.BaseUrl}/filings/{id}/edit");
        await second.GotoAsync($"{app.BaseUrl}/filings/{id}/edit");

        await first.FillAsync("#a-projectName", "第一个标签页的项目名称");
        await first.ClickAsync("#save");
        await first.WaitForURLAsync($"**/filings/{id}?done=saved");

        // The second tab types on the version the first has saved over, then reloads: its save on leaving is refused, and the
        // page shows the saved answers with the typed copy offered beside them.
        await second.FillAsync("#a-plan", "第二个标签页的实施方案");
        await second.ReloadAsync();
        await Assertions.Expect(second.Locator("#a-projectName")).ToHaveValueAsync("第一个标签页的项目名称");
        await Assertions.Expect(second.Locator("#a-plan")).ToHaveValueAsync("");
        await Assertions.Expect(second.Locator("#draft-status")).ToContainTextAsync("基于旧版本填写、未能保存的内容");
        await second.ClickAsync("#draft-status button:has-text('放回表单')");
        await Assertions.Expect(second.Locator("#a-plan")).ToHaveValueAsync("第二个标签页的实施方案");
        await Assertions.Expect(second.Locator("#draft-status")).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");
    }
}
