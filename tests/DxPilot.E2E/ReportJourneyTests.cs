using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>A provider writes the diagnosis report in real Chromium: the count moves as it types; what was typed as the session
/// expired is back, with a note, when the report is opened again; a stale autosave keeps its text and offers it back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportJourneyTests(BrowserApp app)
{
    private const string Programme = "changchun-2025";

    [Fact]
    public async Task The_count_follows_the_typing_and_text_typed_as_the_session_expired_is_restored_with_a_note()
    {
        if (app.Services is null) await app.SignedInAs("cc-city");   // skips (or fails in CI) without Chromium
        var (id, provider) = await OpenDiagnosisAsync();
        var page = await app.SignedInAs(provider);
        await page.GotoAsync($"{app.BaseUrl}/diagnoses/{id}/report");
        await page.SetViewportSizeAsync(1280, 900);

        // 数字化(3) 转型(2) ABC(3): 8 characters, the space and line break not counted.
        await page.Locator("textarea[name='text.profile']").FillAsync("数字化 转型\nABC");
        await Assertions.Expect(page.Locator("[data-part-count='profile']")).ToHaveTextAsync("8");
        await Assertions.Expect(page.Locator("#report-total")).ToHaveTextAsync("8");
        await Assertions.Expect(page.Locator("#report-verdict")).ToHaveTextAsync("还差14,992字");
        await BrowserApp.Screenshot(page, "report-editor");

        // The session expires and the tab is closed before any save (the last-chance save on leaving gets 401): the copy in
        // the browser is all there is. Signed in again, the report opens with it.
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "dxpilot" });
        await page.Locator("textarea[name='text.topDesign']").FillAsync("分三期建设");
        await page.CloseAsync();
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync($"{app.BaseUrl}/account/login?ReturnUrl={Uri.EscapeDataString($"/diagnoses/{id}/report")}");
        await BrowserApp.SignInOnThePage(again, provider);
        await Assertions.Expect(again).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/report"));
        await Assertions.Expect(again.Locator("#draft-status")).ToContainTextAsync("已恢复您在本页填写但尚未保存的内容");
        await Assertions.Expect(again.Locator("textarea[name='text.topDesign']")).ToHaveValueAsync("分三期建设");
        await Assertions.Expect(again.Locator("#report-total")).ToHaveTextAsync("13");

        await again.ClickAsync("button:has-text('保存')");
        await Assertions.Expect(again.Locator(".alert.ok")).ToHaveTextAsync("报告已保存。");
        await Assertions.Expect(again.Locator("textarea[name='text.topDesign']")).ToHaveValueAsync("分三期建设");
        await again.SetViewportSizeAsync(390, 844);
        await BrowserApp.Screenshot(again, "report-editor-phone");
    }

    [Fact]
    public async Task An_autosave_of_an_old_copy_is_refused_and_its_text_offered_back_after_reloading()
    {
        if (app.Services is null) await app.SignedInAs("cc-city");   // skips (or fails in CI) without Chromium
        var (id, provider) = await OpenDiagnosisAsync();
        var first = await app.SignedInAs(provider);
        var second = await first.Context.NewPageAsync();
        await first.GotoAsync($"{app.BaseUrl}/diagnoses/{id}/report");
        await second.GotoAsync($"{app.BaseUrl}/diagnoses/{id}/report");

        await first.Locator("textarea[name='text.buildPlan']").FillAsync("第一个标签页的建设方案");
        await first.ClickAsync("button:has-text('保存')");
        await Assertions.Expect(first.Locator(".alert.ok")).ToHaveTextAsync("报告已保存。");

        // The second tab still holds version 0; its autosave (every 30 s) is refused and says so, keeping the text.
        await second.Locator("textarea[name='text.buildPlan']").FillAsync("第二个标签页的建设方案");
        await Assertions.Expect(second.Locator("#draft-status")).ToContainTextAsync("保存失败：诊断报告在您打开之后已被", new() { Timeout = 45_000 });
        await Assertions.Expect(second.Locator("#draft-status")).ToContainTextAsync("您填写的内容仍在本页");
        await Assertions.Expect(second.Locator("textarea[name='text.buildPlan']")).ToHaveValueAsync("第二个标签页的建设方案");

        // Reloaded, the page shows the saved report and offers the refused text back instead of putting it over it unasked.
        await second.ReloadAsync();
        await Assertions.Expect(second.Locator("textarea[name='text.buildPlan']")).ToHaveValueAsync("第一个标签页的建设方案");
        await Assertions.Expect(second.Locator("#draft-status")).ToContainTextAsync("基于旧版本填写、未能保存的内容");
        await second.ClickAsync("#draft-status button:has-text('放回表单')");
        await Assertions.Expect(second.Locator("textarea[name='text.buildPlan']")).ToHaveValueAsync("第二个标签页的建设方案");
        await BrowserApp.Screenshot(second, "report-stale-offered-back");
    }

    [Fact]
    public async Task At_390_px_a_report_with_its_assessments_radar_fits_the_screen()
    {
        if (app.Services is null) await app.SignedInAs("cc-city");   // skips (or fails in CI) without Chromium
        // The demo's submitted diagnosis (README) has its 改造前 assessment linked: 表6-表8 and the radar on the report.
        Guid id;
        await using (var scope = app.Services!.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Diagnoses
                .Where(d => d.ProgrammeId == Programme && d.Status == DiagnosisStatus.Submitted && d.AssessmentId != null).Select(d => d.Id).FirstAsync();
        var page = await app.SignedInAs("cc-city");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{app.BaseUrl}/diagnoses/{id}/report");
        await Assertions.Expect(page.Locator("#assessment svg.radar")).ToBeVisibleAsync();
        await BrowserApp.Screenshot(page, "report-radar-phone");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"报告页宽 {width} px，超出 390 px");
    }

    /// <summary>A Changchun enterprise with a provider assigned to it, the provider's account, and its diagnosis opened.</summary>
    private async Task<(Guid Id, string ProviderUser)> OpenDiagnosisAsync()
    {
        var services = app.Services!;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var org = new Organisation { ProgrammeId = Programme, Name = $"长春旅程咨询{suffix}有限公司", Kind = OrganisationKind.ServiceProvider };
        Enterprise enterprise;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(Actor.System(Programme, "测试数据"));
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var checkedForm = EnterpriseValidator.Validate(new EnterpriseForm
            {
                Name = $"长春旅程汽车部件{suffix}有限公司", District = "朝阳区", Industry = "汽车零部件配件制造", FoundedOn = "2012-05-01",
            }, programme, new DateOnly(2026, 3, 1));
            Assert.True(checkedForm.IsValid, string.Join("；", checkedForm.Errors.Values));
            enterprise = Enterprise.Register(programme, checkedForm.Details!, DateTime.UtcNow);
            db.Enterprises.Add(enterprise);
            db.Organisations.Add(org);
            db.Assignments.Add(AssignmentPolicy.Assign(DxPilot.Domain.Accounts.Actor.System("changchun-2025", "测试数据"), enterprise, org, [], null, DateTime.UtcNow).Assignment!);
            await db.SaveChangesAsync();
        }
        var userName = $"cc-provider-{suffix}";
        AppUser user;
        using (var scope = services.CreateScope())
        {
            user = new AppUser { UserName = userName, DisplayName = $"{org.Name}诊断员", Role = Role.ServiceProvider, ProgrammeId = Programme, OrganisationId = org.Id, EmailConfirmed = true };
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, BrowserApp.Password);
            Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var actor = user.ToActor();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(actor);
            var opened = await scope.ServiceProvider.GetRequiredService<DiagnosisService>().OpenAsync(actor, enterprise.Id);
            Assert.True(opened.IsOk, opened.Message);
            return (opened.Value!.Id, userName);
        }
    }
}
