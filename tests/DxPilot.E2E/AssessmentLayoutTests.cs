using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>The assessment result on a phone (390 px: its tables scroll in their own box, the page does not) and on A4
/// paper (no navigation or buttons, the radar within the printable width).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentLayoutTests(BrowserApp app)
{
    private async Task<IPage> TheAfterEvaluation()
    {
        var page = await app.SignedInAs("hz-city");
        await page.GotoAsync(app.BaseUrl + "/assessments?stage=After");
        await page.ClickAsync("#assessments tbody tr a[href^='/assessments/']");
        await Assertions.Expect(page.Locator("#table8")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task At_390_px_the_result_tables_scroll_inside_their_box_and_the_page_does_not()
    {
        var page = await TheAfterEvaluation();
        await page.SetViewportSizeAsync(390, 844);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"页面宽 {widths[0]}px，超出屏幕 {widths[1]}px");
        // 表8 (five level columns) is wider than a phone: it scrolls within its own box, which stays on screen.
        var box = await page.EvaluateAsync<int[]>(
            "() => { const d = document.querySelector('#table8').closest('.table-scroll'); return [d.scrollWidth, d.clientWidth, Math.ceil(d.getBoundingClientRect().right)]; }");
        Assert.True(box[0] > box[1], "表8 应在自己的区域内横向滚动");
        Assert.True(box[2] <= 390, $"表8 的区域右边缘在 {box[2]}px");
        var radar = await page.Locator("svg.radar").First.BoundingBoxAsync();
        Assert.True(radar!.X + radar.Width <= 390, $"雷达图右边缘在 {radar.X + radar.Width}px");
    }

    [Fact]
    public async Task Printed_the_result_has_no_navigation_or_buttons_and_the_radar_fits_the_a4_width()
    {
        var page = await TheAfterEvaluation();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#document-download")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#table7")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gap-plan")).ToBeVisibleAsync();
        // A4 is 210 mm; less 2 × 12 mm margins, 186 mm ≈ 703 CSS px. The radar is printed at 95 mm ≈ 359 px.
        var radar = await page.Locator(".result-grid svg.radar").BoundingBoxAsync();
        Assert.InRange(radar!.Width, 300, 400);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 10_000);
    }
}
