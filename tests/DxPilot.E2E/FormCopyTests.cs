using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>
/// Forms that save by posting their page keep what is typed in the browser (wwwroot/js/form-copy.js, Features/Platform/FormCopies):
/// the agency's evaluation on a project page survives another button on the page and an idle sign-out, and is let go once saved
/// or when the user signs out;
/// the think tank's comment, a form that makes a new record each time, survives the sign-out and is not offered again once posted;
/// a bureau's new enterprise survives a closed tab and is let go by the new file's page;
/// a new service contract survives a closed tab with the lines added by posting it, and is let go once saved.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormCopyTests(BrowserApp app)
{
    private const string Conclusion = "经现场评测，企业数字化水平达到二级（规范级）。尚未保存的结论。";

    [Fact]
    public async Task The_agencys_conclusion_survives_another_button_and_an_idle_sign_out_and_is_let_go_once_saved_or_on_signing_out()
    {
        if (app.Services is null) await app.SignedInAs(CompletedChangchunProject.City);   // skips (or fails in CI) without Chromium
        var project = await CompletedChangchunProject.ArrangeAsync(app.Services!);
        var page = await app.SignedInAs(project.AgencyUser);
        var url = $"{app.BaseUrl}/projects/{project.Id}";
        await page.GotoAsync(url);
        var conclusion = page.Locator("#evaluation-form textarea[name='conclusion']");
        var status = page.Locator("#evaluation-copy-status");
        await Assertions.Expect(status).ToBeVisibleAsync();   // hidden in the page, shown by the script that keeps the copy
        await page.CheckAsync("#evaluation-form input[name='c0.verified'][value='yes']");
        await conclusion.FillAsync(Conclusion);

        // 出具评测报告 before saving: refused (nothing is evaluated yet), and the page that says so has the typed text back.
        await page.ClickAsync("#transitions button[data-trigger=evaluate]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("待评测");
        await Assertions.Expect(conclusion).ToHaveValueAsync(Conclusion);
        await Assertions.Expect(page.Locator("#evaluation-form input[name='c0.verified'][value='yes']")).ToBeCheckedAsync();
        await Assertions.Expect(status).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");

        // Idle past the timeout: 保存评测 is held with the reason instead of landing on the sign-in page with the text.
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "dxpilot" });
        await page.ClickAsync("#save-evaluation");
        await Assertions.Expect(status).ToContainTextAsync("登录已超时，评测暂未保存");
        Assert.Equal(url, page.Url);
        await page.ClickAsync("#evaluation-copy-status a:has-text('重新登录')");
        await BrowserApp.SignInOnThePage(page, project.AgencyUser);
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await Assertions.Expect(conclusion).ToHaveValueAsync(Conclusion);
        await Assertions.Expect(status).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");

        // Saved: the copy is let go, and the next visit shows the saved text with no note.
        await page.CheckAsync($"#evaluation-form input[name='assessment'][value='{project.AfterAssessmentId}']");
        await page.ClickAsync("#save-evaluation");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("评测已保存。");
        await page.GotoAsync(url);
        await Assertions.Expect(conclusion).ToHaveValueAsync(Conclusion);
        await Assertions.Expect(status).Not.ToContainTextAsync("已恢复");
        Assert.Equal(0, await page.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('dxpilot-evaluation:')).length"));

        // 退出 lets go of the copies (a shared office computer): typed, not saved, signed out and in again, the form shows what is saved.
        await conclusion.FillAsync("退出前写下、未保存的结论。");
        await page.ClickAsync("form[action='/account/logout'] button");
        await BrowserApp.SignInOnThePage(page, project.AgencyUser);
        await Assertions.Expect(page.Locator("form[action='/account/logout']")).ToBeAttachedAsync();
        await page.GotoAsync(url);
        await Assertions.Expect(conclusion).ToHaveValueAsync(Conclusion);
        await Assertions.Expect(status).Not.ToContainTextAsync("已恢复");
    }

    [Fact]
    public async Task The_think_tanks_comment_survives_an_idle_sign_out_and_is_not_offered_again_once_posted()
    {
        var page = await app.SignedInAs("hz-thinktank");
        await page.GotoAsync(app.BaseUrl + "/filings");
        await page.ClickAsync("main table tbody tr a");
        var url = page.Url;
        var text = $"断线前写下的督导意见：合同金额与报价不一致（{Guid.NewGuid().ToString("N")[..6]}）。";
        var comment = page.Locator("#comment-text");
        var status = page.Locator("#comment-copy-status");
        await comment.FillAsync(text);

        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "dxpilot" });
        await page.ClickAsync("#comment-form button[type=submit]");
        await Assertions.Expect(status).ToContainTextAsync("登录已超时，督导意见暂未保存");
        await page.ClickAsync("#comment-copy-status a:has-text('重新登录')");
        await BrowserApp.SignInOnThePage(page, "hz-thinktank");
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await Assertions.Expect(comment).ToHaveValueAsync(text);
        await Assertions.Expect(status).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");

        // Posted: the comment is on the page and the form is empty, now and on the next visit (the copy is older than the comment).
        await page.ClickAsync("#comment-form button[type=submit]");
        await Assertions.Expect(page.Locator("#supervision")).ToContainTextAsync(text);
        await Assertions.Expect(comment).ToHaveValueAsync("");
        await page.GotoAsync(url);
        await Assertions.Expect(comment).ToHaveValueAsync("");
        await Assertions.Expect(status).Not.ToContainTextAsync("已恢复");
    }

    [Fact]
    public async Task A_new_enterprise_typed_by_a_bureau_survives_a_closed_tab_and_is_not_offered_again_once_registered()
    {
        var page = await app.SignedInAs("hz-binjiang");
        var url = app.BaseUrl + "/enterprises/new";
        await page.GotoAsync(url);
        var name = page.Locator("input[name='Form.Name']");
        var status = page.Locator("#enterprise-new-copy-status");
        var typed = $"滨江断线登记测试{Guid.NewGuid().ToString("N")[..6]}有限公司";
        await name.FillAsync(typed);
        await page.FillAsync("textarea[name='Form.Intro']", "关掉页面之前写下的企业简介。");

        // The tab closed and opened again: what was typed is back, with the note.
        await page.GotoAsync(url);
        await Assertions.Expect(name).ToHaveValueAsync(typed);
        await Assertions.Expect(page.Locator("textarea[name='Form.Intro']")).ToHaveValueAsync("关掉页面之前写下的企业简介。");
        await Assertions.Expect(status).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");

        // Registered: the new file's page lets the copy go, and the next new enterprise starts empty.
        await page.SelectOptionAsync("select[name='Form.Industry']", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("form[method=post] .actions button.primary");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(typed);
        // …and takes the flag that said so out of its address: opened again later, it lets go of nothing typed since.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/enterprises/[0-9a-f-]+\?saved=true$"));
        await page.GotoAsync(url);
        await Assertions.Expect(name).ToHaveValueAsync("");
        await Assertions.Expect(status).Not.ToContainTextAsync("已恢复");
        Assert.Equal(0, await page.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('dxpilot-enterprise-new:')).length"));
    }

    [Fact]
    public async Task A_new_contract_survives_a_closed_tab_with_its_added_lines_and_is_let_go_once_saved()
    {
        if (app.Services is null) await app.SignedInAs("hz-binjiang");   // skips (or fails in CI) without Chromium
        var (enterpriseId, user) = await FilingJourneyTests.ArrangeAsync(app);
        var page = await app.SignedInAs(user);
        var id = await FilingJourneyTests.StartFromTheFileAsync(app, page, enterpriseId);
        var url = $"{app.BaseUrl}/filings/{id}/contracts/new";
        await page.GotoAsync(url);
        var status = page.Locator("#contract-new-copy-status");
        await Assertions.Expect(status).ToBeVisibleAsync();
        await page.FillAsync("input[name='Form.Number']", "HZ-CP-2025-001");
        await page.FillAsync("input[name='Form.Lines[0].Name']", "制造执行系统（MES）实施");
        await page.FillAsync("input[name='Form.Lines[0].UnitPrice']", "100000.00");
        await page.FillAsync("input[name='Form.Lines[0].Quantity']", "1");
        // 添加一行 posts the form: the page comes back with two lines, the typing kept.
        await page.ClickAsync("button[name='Form.Command'][value='add']");
        await Assertions.Expect(page.Locator("#contract-lines tbody tr")).ToHaveCountAsync(2);
        await page.FillAsync("input[name='Form.Lines[1].Name']", "设备联网网关");
        await page.FillAsync("input[name='Form.Lines[1].UnitPrice']", "11500.00");
        await page.FillAsync("input[name='Form.Lines[1].Quantity']", "2");

        // The tab closed and opened again: the page renders one line, the copy brings back both with what was typed in them.
        await page.GotoAsync(url);
        await Assertions.Expect(status).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");
        await Assertions.Expect(page.Locator("#contract-lines tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("input[name='Form.Number']")).ToHaveValueAsync("HZ-CP-2025-001");
        await Assertions.Expect(page.Locator("input[name='Form.Lines[0].Name']")).ToHaveValueAsync("制造执行系统（MES）实施");
        await Assertions.Expect(page.Locator("input[name='Form.Lines[1].Name']")).ToHaveValueAsync("设备联网网关");
        await Assertions.Expect(page.Locator("input[name='Form.Lines[1].Quantity']")).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("#contract-lines tbody tr:nth-child(2) td[data-label='序号']")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#contract-total .total")).ToHaveTextAsync("123,000.00");

        // Saved: the contract's page lets the copy go, and the next new contract starts empty.
        const string body = "91330108MA2J8K4L1";
        await page.FillAsync("input[name='Form.Name']", "数字化车间改造服务合同");
        await page.FillAsync("input[name='Form.PeriodStart']", "2025-01");
        await page.FillAsync("input[name='Form.PeriodEnd']", "2025-12");
        await page.FillAsync("input[name='Form.ProviderName']", "杭州留存数智服务有限公司");
        await page.FillAsync("input[name='Form.ProviderUscc']", body + DxPilot.Domain.Enterprises.Uscc.CheckCharacter(body));
        await page.FillAsync("input[name='Form.ProviderContact']", "吴项目经理");
        await page.FillAsync("input[name='Form.ProviderPhone']", "0571-88880000");
        await page.FillAsync("#contract-work", "MES实施与设备联网");
        await page.ClickAsync("button[name='Form.Command'][value='save']");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("服务合同已保存。");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/contracts/[0-9a-f-]+\?done=saved$"));
        Assert.Equal(0, await page.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('dxpilot-contract-new:')).length"));
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("input[name='Form.Number']")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#contract-lines tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(status).Not.ToContainTextAsync("已恢复");
    }
}
