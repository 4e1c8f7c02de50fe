using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>
/// 改造项目备案 in real Chromium: a Hangzhou enterprise starts its filing from its file and fills the form in the browser, the
/// 滨江区 bureau returns it with a reason, the enterprise reads the reason, revises and resubmits, and the district reads the
/// difference between the two rounds and passes it. Each step is its own method so the journey can go on (contracts, experts,
/// the city's confirmation, the export).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FilingJourneyTests(BrowserApp app)
{
    private const string Programme = "hangzhou-2024";
    private const string District = "hz-binjiang";
    private const string Reason = "项目预期投入与实施内容不匹配，请核对投入金额。";

    [Fact]
    public async Task An_enterprise_files_the_district_returns_it_the_enterprise_revises_and_resubmits_and_the_district_passes_the_difference()
    {
        if (app.Services is null) await app.SignedInAs(District);   // skips (or fails in CI) without Chromium
        var (enterpriseId, user) = await ArrangeAsync(app);

        var enterprise = await app.SignedInAs(user);
        var id = await StartFromTheFileAsync(app, enterprise, enterpriseId);
        await FillTheFormAsync(enterprise);
        await SubmitAsync(enterprise, id);

        var district = await app.SignedInAs(District);
        await ReturnWithAReasonAsync(district, id);
        await ReadTheReasonReviseAndResubmitAsync(enterprise, id);
        await ReadTheDifferenceAndPassAsync(district, id);
    }

    internal static async Task<Guid> StartFromTheFileAsync(BrowserApp app, IPage page, Guid enterpriseId)
    {
        await page.GotoAsync($"{app.BaseUrl}/enterprises/{enterpriseId}");
        await page.ClickAsync("#start-filing");
        await page.WaitForURLAsync(u => u.EndsWith("/edit"));
        return Guid.Parse(page.Url.Split('/')[^2]);
    }

    private static async Task FillTheFormAsync(IPage page)
    {
        await page.CheckAsync("input[name='a.selfTest'][value='1']");
        await page.CheckAsync("input[name='a.targetLevel'][value='2']");
        await page.FillAsync("#a-intro", "主导产品为汽车座椅骨架，已上线ERP，关键设备联网率约三成。");
        await page.FillAsync("#a-projectName", "汽车座椅骨架数字化车间改造项目");
        await page.FillAsync("input[name='a.period.start']", "2025-01");
        await page.FillAsync("input[name='a.period.end']", "2025-12");
        await page.CheckAsync("input[name='a.scenarios'][value='生产制造']");
        await page.CheckAsync("input[name='a.scenarios'][value='供应链']");
        await page.CheckAsync("input[name='a.cloudPlan'][value='业务系统上云']");
        await page.FillAsync("#a-investment", "120.50");
        // The count as a person counts: 11 Chinese characters, 3 letters and an emoji are 15 (the emoji is 1, not 2).
        await page.FillAsync("#a-plan", "建设MES系统并实现设备联网👍");
        await Assertions.Expect(page.Locator("[data-count-for='a-plan']")).ToHaveTextAsync("不超过1000字，已写15字");
        await page.CheckAsync("#a-declaration");
        await Screenshots(page, "filing-form");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("备案申请表已保存。");
    }

    private static async Task SubmitAsync(IPage page, Guid id)
    {
        await Assertions.Expect(page.Locator("#problems")).ToHaveCountAsync(0);
        await page.ClickAsync("#transitions button[data-trigger=submit]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已提交，区县审核中");
        await Screenshots(page, "filing-detail");
    }

    private async Task ReturnWithAReasonAsync(IPage page, Guid id)
    {
        await page.GotoAsync($"{app.BaseUrl}/filings?queue=mine");
        await Screenshots(page, "filing-list");
        await page.ClickAsync($"tr[data-filing='{id}'] a");
        await page.FillAsync("#t-reason", Reason);
        await page.ClickAsync("#transitions button[data-trigger=return]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已退回修改");
    }

    private async Task ReadTheReasonReviseAndResubmitAsync(IPage page, Guid id)
    {
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("退回修改");
        await Assertions.Expect(page.Locator("#last-opinion")).ToHaveTextAsync($"退回理由：{Reason}");
        await page.ClickAsync("#edit");
        await Assertions.Expect(page.Locator("#last-opinion")).ToHaveTextAsync($"退回理由：{Reason}");
        await page.FillAsync("#a-investment", "98");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("备案申请表已保存。");
        await page.ClickAsync("#transitions button[data-trigger=submit]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已提交，区县审核中");
    }

    private async Task ReadTheDifferenceAndPassAsync(IPage page, Guid id)
    {
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}");
        await page.ClickAsync("#versions a[data-diff='2']");
        await Assertions.Expect(page.Locator("#diff tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#diff tbody tr td.before")).ToHaveTextAsync("120.50");
        await Assertions.Expect(page.Locator("#diff tbody tr td.after")).ToHaveTextAsync("98.00");
        await BrowserApp.Screenshot(page, "filing-diff");
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}");
        await page.FillAsync("#t-reason", "经初审，投入已核对，符合试点要求，同意报送。");
        await page.ClickAsync("#transitions button[data-trigger=pass]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("市经信局专家审核");
    }

    /// <summary>The page at a desktop's width and a phone's (390 px).</summary>
    private static async Task Screenshots(IPage page, string name)
    {
        await BrowserApp.Screenshot(page, $"{name}-1280");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.Screenshot(page, $"{name}-390");
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>A Hangzhou 滨江区 enterprise in a pilot industry, small, registered in Hangzhou, with its own account.</summary>
    internal static async Task<(Guid EnterpriseId, string User)> ArrangeAsync(BrowserApp app)
    {
        var services = app.Services!;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Enterprise file;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(Actor.System(Programme, "测试数据"));
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var body = $"91330108MA{Random.Shared.Next(100_000, 999_999)}X"[..17];
            var form = EnterpriseValidator.Validate(new EnterpriseForm
            {
                Name = $"杭州备案旅程汽车部件{suffix}有限公司", Uscc = body + Uscc.CheckCharacter(body), District = "滨江区", Industry = "汽车零部件",
                IndustryCode = "3670", RegisteredAddress = "杭州市滨江区江南大道1号", LegalRepresentative = "钱董事长", ContactName = "孙经理",
                ContactPhone = "13900002222", Employees = "120", RevenueWan = "5600", MainProducts = "汽车座椅骨架", AboveScale = "是",
            }, programme, new DateOnly(2025, 7, 1));
            Assert.True(form.IsValid, string.Join("；", form.Errors.Values));
            file = Enterprise.Register(programme, form.Details!, DateTime.UtcNow);
            db.Enterprises.Add(file);
            await db.SaveChangesAsync();
        }
        using var users = services.CreateScope();
        var user = new AppUser
        {
            UserName = $"hz-fj-e-{suffix}", DisplayName = file.Name, Role = Role.Enterprise, ProgrammeId = Programme, EnterpriseId = file.Id,
            EmailConfirmed = true,
        };
        var created = await users.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, BrowserApp.Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        return (file.Id, user.UserName);
    }
}
