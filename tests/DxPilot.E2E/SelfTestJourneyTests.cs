using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>An enterprise, in real Chromium, fills the 2024 self-test and sees its level and the gap to the next one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SelfTestJourneyTests(BrowserApp app)
{
    // Exactly 40 points, typed from the official table: 设备系统 20 (网络建设 B-E 4×2, 设备数字化 E 6, 设备联网 E 6),
    // 信息系统 E 10, 绿色低碳 C 7, 市场表现 C 3; every other question 无 / A.
    private static readonly (string Question, string[] Letters)[] Forty =
    [
        ("网络建设", ["B", "C", "D", "E"]), ("设备数字化", ["E"]), ("设备联网", ["E"]), ("数据采集", ["A"]), ("信息系统", ["E"]),
        ("网络安全", ["A"]), ("数据安全", ["A"]), ("规划实施", ["A"]), ("管理机制", ["A"]), ("人才建设", ["A"]), ("资金保障", ["A"]),
        ("绿色低碳", ["C"]), ("产品质量", ["A"]), ("市场表现", ["C"]),
    ];

    // 表6: 二级 needs 6 scenarios at 二级 of which 3 constrained (产品设计, 营销管理, 生产管控 are constrained).
    private static readonly string[] AtTwo = ["产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控"];

    // A question or scenario by its name as printed in bold (constrained scenarios carry a trailing *).
    private static ILocator Item(IPage page, string css, string name) => page.Locator(css).Filter(new LocatorFilterOptions
    {
        Has = page.Locator("p.q-title strong", new PageLocatorOptions { HasTextRegex = new Regex($"^{Regex.Escape(name)}\\*?$") }),
    });
    private static ILocator Question(IPage page, string name) => Item(page, ".question:not(.scenario)", name);
    private static ILocator Scenario(IPage page, string name) => Item(page, ".scenario", name);

    [Fact]
    public async Task Enterprise_fills_the_2024_self_test_and_sees_its_level_and_gap_plan()
    {
        const string todo = "开展数字化水平自测，了解本企业所处等级和差距";
        var page = await app.SignedInAs("hz-enterprise");
        await page.ClickAsync($"#todos a:has-text('{todo}')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("填写数字化水平评测");

        // '无' is exclusive: ticking it clears the items, ticking an item clears it.
        var network = Question(page, "网络建设");
        await network.Locator("input[value=B]").CheckAsync();
        await network.Locator("input[value=A]").CheckAsync();
        await Assertions.Expect(network.Locator("input[value=B]")).Not.ToBeCheckedAsync();

        foreach (var (q, letters) in Forty)
            foreach (var l in letters) await Question(page, q).Locator($"input[value={l}]").CheckAsync();
        await Assertions.Expect(network.Locator("input[value=A]")).Not.ToBeCheckedAsync();
        foreach (var s in new[] { "产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控", "质量管理", "设备管理", "安全生产",
                     "能耗管理", "采购管理", "仓储物流", "财务管理", "人力资源", "协同办公", "决策支持" })
            await Scenario(page, s).Locator($"input[value='{(AtTwo.Contains(s) ? 2 : 0)}']").CheckAsync();
        await Question(page, "网络建设").Locator("summary:has-text('佐证说明')").ClickAsync();
        await Question(page, "网络建设").Locator("textarea").FillAsync("车间已部署工业环网");

        // 价值效益 left unanswered: refused, named, and nothing typed is lost.
        await page.ClickAsync("button:has-text('保存并评分')");
        await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("价值效益");
        await Assertions.Expect(Question(page, "价值效益")).ToContainTextAsync("此题未作答");
        await Assertions.Expect(Question(page, "设备数字化").Locator("input[value=E]")).ToBeCheckedAsync();
        await Assertions.Expect(Scenario(page, "生产管控").Locator("input[value='2']")).ToBeCheckedAsync();

        await Question(page, "价值效益").Locator("input[value=A]").CheckAsync();
        await page.ClickAsync("button:has-text('保存并评分')");

        await Assertions.Expect(page.Locator(".alert.ok")).ToContainTextAsync("已保存并评分");
        await Assertions.Expect(page.Locator("#score")).ToHaveTextAsync("40");
        await Assertions.Expect(page.Locator("#level")).ToHaveTextAsync("二级（规范级）");
        await Assertions.Expect(page.Locator("#table7 td[data-sub='设备系统']")).ToContainTextAsync("20");
        await Assertions.Expect(page.Locator("#table8 tr[data-level='2']")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("svg.radar polygon.series")).ToHaveCountAsync(1);
        var gap = page.Locator("#gap-plan");
        await Assertions.Expect(gap).ToContainTextAsync("要达到三级（集成级）");
        await Assertions.Expect(gap.Locator(".gap-item").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#answers")).ToContainTextAsync("车间已部署工业环网");
        await BrowserApp.Screenshot(page, "self-test");

        // Done: the to-do is gone from the 工作台.
        await page.GotoAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Locator("#todos")).Not.ToContainTextAsync(todo);
    }
}
