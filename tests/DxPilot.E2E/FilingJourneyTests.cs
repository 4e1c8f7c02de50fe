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
/// 改造项目备案 in real Chromium: a Hangzhou enterprise starts its filing from its file, fills the form and its service contract
/// (the capitals written as it types) in the browser, the 滨江区 bureau returns it with a reason, the enterprise reads the
/// reason, revises and resubmits, the district reads the difference between the two rounds and passes it, the city assigns
/// its expert, the expert scores it, the city confirms it on the score, and the district exports 附件5 with the filing in it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FilingJourneyTests(BrowserApp app)
{
    private const string Programme = "hangzhou-2024";
    private const string District = "hz-binjiang";
    private const string Reason = "项目预期投入与实施内容不匹配，请核对投入金额。";

    [Fact]
    public async Task An_enterprise_files_with_a_contract_the_district_returns_it_the_enterprise_revises_the_district_passes_an_expert_scores_the_city_confirms_and_the_district_exports_annex5()
    {
        if (app.Services is null) await app.SignedInAs(District);   // skips (or fails in CI) without Chromium
        var (enterpriseId, user) = await ArrangeAsync(app);

        var enterprise = await app.SignedInAs(user);
        var id = await StartFromTheFileAsync(app, enterprise, enterpriseId);
        await FillTheFormAsync(enterprise);
        await AddAContractAsync(enterprise, id);
        await SubmitAsync(enterprise, id);

        var district = await app.SignedInAs(District);
        await ReturnWithAReasonAsync(district, id);
        await ReadTheReasonReviseAndResubmitAsync(enterprise, id);
        await ReadTheDifferenceAndPassAsync(district, id);

        var city = await app.SignedInAs("hz-city");
        await AssignTheExpertAsync(city, id);
        await ScoreAsync(await app.SignedInAs("hz-expert"), id);
        await ConfirmAsync(city, id);
        await ExportAnnex5Async(district);
    }

    private const string Project = "汽车座椅骨架数字化车间改造项目";
    private const string Provider = "杭州旅程数智服务有限公司";

    /// <summary>附件2 with one line of 123,000.00 元: the page writes 人民币壹拾贰万叁仟元整 as the price is typed (seed 003's example).</summary>
    private async Task AddAContractAsync(IPage page, Guid id)
    {
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}");
        await page.ClickAsync("#add-contract");
        const string body = "91330108MA2J8K4L1";
        await page.FillAsync("input[name='Form.Number']", "HZ-FJ-2025-001");
        await page.FillAsync("input[name='Form.Name']", "数字化车间改造服务合同");
        await page.FillAsync("input[name='Form.PeriodStart']", "2025-01");
        await page.FillAsync("input[name='Form.PeriodEnd']", "2025-12");
        await page.FillAsync("input[name='Form.ProviderName']", Provider);
        await page.FillAsync("input[name='Form.ProviderUscc']", body + Uscc.CheckCharacter(body));
        await page.FillAsync("input[name='Form.ProviderContact']", "吴项目经理");
        await page.FillAsync("input[name='Form.ProviderPhone']", "0571-88880000");
        await page.FillAsync("#contract-work", "MES实施与设备联网");
        await page.FillAsync("input[name='Form.Lines[0].Name']", "制造执行系统（MES）实施");
        await page.FillAsync("input[name='Form.Lines[0].Quantity']", "1");
        await page.FillAsync("input[name='Form.Lines[0].UnitPrice']", "123000.00");
        await Assertions.Expect(page.Locator("#contract-total .capital")).ToHaveTextAsync("人民币壹拾贰万叁仟元整");
        await page.FillAsync("input[name='Form.FirstPaymentPercent']", "50");
        await page.ClickAsync("button[name='Form.Command'][value='save']");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("服务合同已保存。");
        // Hangzhou files the contract as both parties stamped it (seed 003 二 1).
        await page.Locator("#contract-scans input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "数字化车间改造服务合同（盖章）.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray(),
        });
        await page.ClickAsync("#contract-scans button[type=submit]");
        await Assertions.Expect(page.Locator(".contract-scans li")).ToHaveCountAsync(1);
        await Screenshots(page, "filing-contract");
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}");
        await Assertions.Expect(page.Locator("#filing-contracts")).ToContainTextAsync(Provider);
        await Assertions.Expect(page.Locator("#filing-contracts td[data-label='是否签合同']")).ToHaveTextAsync("是");
    }

    private async Task AssignTheExpertAsync(IPage page, Guid id)
    {
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}");
        await page.Locator("#assign-experts label", new() { HasText = "王专家（演示）" }).Locator("input").CheckAsync();
        await page.ClickAsync("#assign-experts button[type=submit]");
        await Assertions.Expect(page.Locator("#expert-scores")).ToContainTextAsync("王专家（演示）");
    }

    /// <summary>The programme's review form: 88 of 100, 通过.</summary>
    private async Task ScoreAsync(IPage page, Guid id)
    {
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}/review");
        await Assertions.Expect(page.Locator("#providers")).ToContainTextAsync(Provider);
        foreach (var (item, score) in new[] { ("scope", "18"), ("basis", "13"), ("plan", "22"), ("target", "18"), ("investment", "9"), ("effects", "8") })
            await page.FillAsync($"#s-{item}", score);
        await page.CheckAsync("input[name='Form.Recommendation'][value='pass']");
        await page.FillAsync("#f-opinion", "方案完整，投入合理，符合试点要求。");
        await page.ClickAsync("#review-form button[type=submit]");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("88");
        await Screenshots(page, "filing-review");
        // On a phone the filing's answers stay beside their field names on the screen (a field name once pushed them off it).
        await page.SetViewportSizeAsync(390, 844);
        var answer = await page.Locator("section.diag-section table.grid tbody tr td").First.BoundingBoxAsync();
        Assert.True(answer!.X + answer.Width <= 390, $"申报信息的内容右边缘在 {answer.X + answer.Width}px");
        await page.SetViewportSizeAsync(1280, 900);
    }

    private async Task ConfirmAsync(IPage page, Guid id)
    {
        await page.GotoAsync($"{app.BaseUrl}/filings/{id}");
        await Assertions.Expect(page.Locator("#average")).ToHaveTextAsync("88");
        await page.FillAsync("#t-reason", "经专家试点符合性审核，同意备案，下达试点改造任务。");
        await page.ClickAsync("#transitions button[data-trigger=confirm]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已备案");
    }

    /// <summary>The district's 附件5 from its list: the sheet holds the filing and its contract's provider.</summary>
    private async Task ExportAnnex5Async(IPage page)
    {
        await page.GotoAsync($"{app.BaseUrl}/filings");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#annex5"));
        var path = Path.Combine(Path.GetTempPath(), $"dxpilot-e2e-annex5-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        var text = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/")).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
        Assert.Contains(Project, text);
        Assert.Contains(Provider, text);
        File.Delete(path);
    }

    internal static async Task<Guid> StartFromTheFileAsync(BrowserApp app, IPage page, Guid enterpriseId)
    {
        await page.GotoAsync($"{app.BaseUrl}/enterprises/{enterpriseId}");
        await page.ClickAsync("#start-filing");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/edit$"));
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
        await CardsOnAPhoneAsync(page, id);
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

    /// <summary>On a wide screen the list is one table, its header as wide as its rows; on a phone each filing is a card, and a cell
    /// with nothing in it (中央资金 when it is not withheld) is left out rather than shown as a bare label.</summary>
    private static async Task CardsOnAPhoneAsync(IPage page, Guid id)
    {
        var row = page.Locator($"tr[data-filing='{id}']");
        var funds = row.Locator("td[data-label='中央资金']");
        await Assertions.Expect(funds).ToBeEmptyAsync();
        var header = await page.Locator("#filing-list thead").BoundingBoxAsync();
        Assert.Equal(header!.Width, (await row.BoundingBoxAsync())!.Width, 1.0);
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator("#filing-list thead")).ToBeHiddenAsync();
        await Assertions.Expect(funds).ToBeHiddenAsync();
        await Assertions.Expect(row.Locator("td[data-label='项目名称']")).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1280, 900);
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
                ContactPhone = "13900002222", Employees = "120", RevenueWan = "5600", MainProducts = "汽车座椅骨架", AboveScale = "是", DigitalStaff = "12",
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
