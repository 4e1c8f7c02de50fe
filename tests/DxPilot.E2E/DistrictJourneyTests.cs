using DxPilot.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>A district bureau, in real Chromium: signs in, finds an enterprise, edits it, sees the audit entry.</summary>
public sealed class DistrictJourneyTests : IAsyncLifetime
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("DXPILOT_TEST_CHROMIUM") ?? "/usr/bin/chromium";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dxpilot-e2e", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private string _baseUrl = "";

    public ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium)) return ValueTask.CompletedTask;
        Directory.CreateDirectory(_data);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("DxPilot:DataPath", _data);
            b.UseSetting("DxPilot:DemoData", "true");
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        _baseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }

    [Fact]
    public async Task District_bureau_finds_edits_and_sees_the_audit_entry()
    {
        if (!File.Exists(Chromium))
        {
            var why = $"Chromium 不可用：{Chromium} 不存在（apt-get install chromium；.ci/run 会自动安装）";
            if (Environment.GetEnvironmentVariable("DXPILOT_REQUIRE_ALL") == "1") Assert.Fail(why);
            Assert.Skip(why);
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN" });

        await page.GotoAsync(_baseUrl + "/enterprises");
        await page.FillAsync("#username", "hz-binjiang");
        await page.FillAsync("#password", "DxPilot#2025");
        await page.ClickAsync("button:has-text('登录')");

        await page.GotoAsync(_baseUrl + "/enterprises");
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
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dxpilot-e2e-district.png"), FullPage = true });
    }
}
