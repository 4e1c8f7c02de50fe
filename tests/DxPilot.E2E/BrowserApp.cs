using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>The journeys share one server and one browser (each journey gets its own browser context).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>The platform on a real port with its demo data, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "DxPilot#2025";
    private static readonly string Chromium = Environment.GetEnvironmentVariable("DXPILOT_TEST_CHROMIUM") ?? "/usr/bin/chromium";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dxpilot-e2e", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app's services, for a journey that arranges its own records (null without Chromium).</summary>
    public IServiceProvider? Services => _factory?.Services;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium)) return;
        // CI runs this suite beside the web tests on two cores: a post and the page after it took over Playwright's default
        // 5 s there (an award review, 2026-11-27). A wait only lasts until its condition holds; a failing one still fails.
        Assertions.SetDefaultExpectTimeout(20_000);
        Directory.CreateDirectory(_data);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("DxPilot:DataPath", _data);
            b.UseSetting("DxPilot:DemoData", "true");
            // A free port on 127.0.0.1. UseKestrel(0) cannot say it here: on a factory made by WithWebHostBuilder the port is
            // kept by the copy and the host is built by the original, which then listened on Kestrel's default 5000 — so two
            // runs on one machine collided ("address already in use", 2026-11-28).
            b.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context signed in as the user, or a skip (a failure under DXPILOT_REQUIRE_ALL=1) without Chromium.</summary>
    public async Task<IPage> SignedInAs(string userName)
    {
        if (_browser is null)
        {
            var why = $"Chromium 不可用：{Chromium} 不存在（apt-get install chromium；.ci/run 会自动安装）";
            if (Environment.GetEnvironmentVariable("DXPILOT_REQUIRE_ALL") == "1") Assert.Fail(why);
            Assert.Skip(why);
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/");
        await SignInOnThePage(page, userName);
        // The signed-in page's sign-out form, not WaitForURLAsync: that call ends in a wait for the page's load event, which
        // once never came on CI although the page had loaded (2026-11-28). Expect polls the page itself.
        await Assertions.Expect(page.Locator("form[action='/account/logout']")).ToBeAttachedAsync();
        return page;
    }

    /// <summary>Fills the sign-in page the browser is on (the first visit, or after a session expired) and signs in.</summary>
    public static async Task SignInOnThePage(IPage page, string userName)
    {
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button:has-text('登录')");
    }

    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"dxpilot-e2e-{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }
}
