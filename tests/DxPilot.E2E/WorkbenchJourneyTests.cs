using System.Text.RegularExpressions;
using DxPilot.Domain.Diagnoses;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>The 工作台 and the pages a clerk opens from it, in real Chromium: each role its own to-dos, and at a phone's
/// 390 px nothing wider than the screen (tables scroll inside themselves) with the menu behind a button.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchJourneyTests(BrowserApp app)
{
    [Theory]
    // The enterprise's 自测 to-do is asserted by the self-test journey, which alone takes it away; here the one no journey clears.
    [InlineData("hz-enterprise", "补充本企业档案的国民经济行业代码")]
    [InlineData("hz-provider", "为分配给本机构的企业开展改造前诊断评测")]
    [InlineData("hz-city", "补充企业档案中待补充的统一社会信用代码")]
    [InlineData("hlj-enterprise", "黑龙江省中小企业数字化示范标杆企业申报：填写自评表和前置条件，保存后提交申报")]
    public async Task The_home_page_shows_each_role_its_own_to_dos(string user, string todo)
    {
        var page = await app.SignedInAs(user);
        await Assertions.Expect(page.Locator("#todos")).ToContainTextAsync(todo);
        await page.ClickAsync($"#todos a:has-text('{todo}')");
        await Assertions.Expect(page).Not.ToHaveURLAsync(app.BaseUrl + "/");
    }

    [Fact]
    public async Task A_district_with_nothing_waiting_is_told_so()
    {
        var page = await app.SignedInAs("hz-xihu");
        await Assertions.Expect(page.Locator("#todos")).ToHaveTextAsync("目前没有等待您处理的事项。");
    }

    [Fact]
    public async Task At_390_px_the_home_page_the_list_and_an_enterprise_fit_the_screen()
    {
        var page = await app.SignedInAs("hz-city");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync(app.BaseUrl + "/");
        await AssertFits(page, "home");
        // The menu folds behind its button and opens on a tap.
        await Assertions.Expect(page.Locator("header nav")).ToBeHiddenAsync();
        await page.ClickAsync("label.menu-button");
        await page.ClickAsync("header nav a:has-text('企业档案')");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enterprises$"));
        await Assertions.Expect(page.Locator("#enterprise-list")).ToBeVisibleAsync();
        await AssertFits(page, "enterprises");
        await page.FillAsync("input[name=search]", "热威");
        await page.ClickAsync("button:has-text('查询')");
        await page.ClickAsync("#enterprise-list a:has-text('杭州热威汽车零部件有限公司')");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/enterprises/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("杭州热威汽车零部件有限公司");
        await AssertFits(page, "enterprise");
    }

    /// <summary>Every list is a table at a desk and a stack of cards on a phone: no list scrolls sideways, each row is a card of
    /// labelled cells, and the header is gone except for a list sorted by its header, whose sort links stay.</summary>
    [Theory]
    [InlineData("hz-city", "/enterprises", "#enterprise-list", true)]
    [InlineData("hz-city", "/assignments", "#assignment-list", false)]
    [InlineData("hz-city", "/assignments/history", "table.assignment-history", false)]
    [InlineData("hz-city", "/filings", "#filing-list", false)]
    [InlineData("hz-city", "/projects", "#project-list", false)]
    [InlineData("hz-city", "/projects/payments", "#payment-list", false)]
    [InlineData("hz-city", "/assessments", "#assessments", false)]
    [InlineData("hz-city", "/accounts", "#account-list", false)]
    [InlineData("cc-city", "/catalogue", "#product-list", false)]
    [InlineData("hz-city", "/enterprises/import", "#import-jobs", false)]
    [InlineData("cc-provider", "/diagnoses", "table.diagnoses", false)]
    [InlineData("hlj-city", "/benchmark", "#benchmark-list", false)]
    [InlineData("sjz-sme", "/awards/invitations", "#invitation-list", false)]
    [InlineData("sjz-expert1", "/awards/review", "#tasks", false)]
    [InlineData("sjz-city", "/awards/calls/sjz-shuzhi-2025/batches", "#batch-list", false)]
    public async Task At_390_px_a_list_is_a_stack_of_cards(string user, string path, string list, bool sortedByHeader)
    {
        var page = await app.SignedInAs(user);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + path);
        var table = page.Locator(list);
        var (wide, box) = (await table.EvaluateAsync<int>("t => t.scrollWidth"), await table.EvaluateAsync<int>("t => t.parentElement.clientWidth"));
        Assert.True(wide <= box, $"{path}：列表宽 {wide} px，超出其区域 {box} px");
        Assert.Equal("grid", await table.Locator("tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        var firstCell = table.Locator("tbody tr").First.Locator("td").First;
        Assert.Equal("block", await firstCell.EvaluateAsync<string>("c => getComputedStyle(c).display"));
        if (await firstCell.GetAttributeAsync("colspan") is null)
            Assert.False(string.IsNullOrEmpty(await firstCell.GetAttributeAsync("data-label")), $"{path}：卡片的单元格没有标签");
        if (sortedByHeader) await Assertions.Expect(table.Locator("thead th a").First).ToBeVisibleAsync();
        else await Assertions.Expect(table.Locator("thead")).ToBeHiddenAsync();
        await AssertFits(page, path.Trim('/').Replace('/', '-'));
    }

    /// <summary>A record's page on a phone: its 办理记录 and its repeated rows are cards too, none wider than its box.</summary>
    [Fact]
    public async Task At_390_px_a_projects_tables_are_cards()
    {
        var page = await app.SignedInAs("hz-city");
        await page.SetViewportSizeAsync(390, 844);
        // The demo's half-paid project (docs/filing.md): its acceptance, audit, payments and 办理记录 all have rows.
        await page.GotoAsync(app.BaseUrl + "/projects?search=" + Uri.EscapeDataString("杭州依赛通信有限公司"));
        await page.ClickAsync("#project-list tbody tr a[href^='/projects/']");
        await Assertions.Expect(page.Locator("#payments")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#history")).ToBeVisibleAsync();
        foreach (var table in await page.Locator("table.phone-cards").AllAsync())
        {
            var id = await table.GetAttributeAsync("id");
            Assert.True(await table.EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth"), $"{id}：比其区域宽");
            Assert.Equal("grid", await table.Locator("tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        }
        await AssertFits(page, "project");
    }

    /// <summary>On a phone a checkbox sits at the start of its name (it stretched to the width and floated away), and the
    /// review's opinion box sits under its label (the label wrapped around it).</summary>
    [Fact]
    public async Task At_390_px_a_checkbox_sits_by_its_name_and_a_text_box_under_its_label()
    {
        Guid diagnosis;
        await using (var scope = app.Services!.CreateAsyncScope())
            diagnosis = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Diagnoses
                .Where(d => d.ProgrammeId == "changchun-2025" && d.Status == DiagnosisStatus.Submitted).Select(d => d.Id).FirstAsync();
        var city = await app.SignedInAs("cc-city");
        await city.SetViewportSizeAsync(390, 844);
        await city.GotoAsync($"{app.BaseUrl}/diagnoses/{diagnosis}");
        var choice = city.Locator("#experts-form label:has(input[type=checkbox])").First;
        var (label, box) = (await choice.BoundingBoxAsync(), await choice.Locator("input").BoundingBoxAsync());
        Assert.True(box!.X - label!.X < 8 && box.Width < 30, $"复选框在 {box.X}（宽 {box.Width}），其名称从 {label.X} 起");
        await AssertFits(city, "experts");

        var expert = await app.SignedInAs("hz-expert");
        await expert.SetViewportSizeAsync(390, 844);
        await expert.ClickAsync("#todos a[href$='/review']");
        var (caption, opinion) = (await expert.Locator("label[for=f-opinion]").BoundingBoxAsync(), await expert.Locator("#f-opinion").BoundingBoxAsync());
        Assert.True(caption!.Y + caption.Height <= opinion!.Y + 1, $"评审意见的标签（{caption.Y}+{caption.Height}）不在输入框（{opinion.Y}）之上");
        await AssertFits(expert, "filing-review");
    }

    private static async Task AssertFits(IPage page, string name)
    {
        await BrowserApp.Screenshot(page, $"390-{name}");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{name}：页面宽 {width} px，超出 390 px");
    }
}
