using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Dashboard;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.ShijiazhuangAwards;

namespace DxPilot.Web.Tests;

/// <summary>
/// 奖补（标杆、链式） in the programme's figures (issue 12 item 7): the amounts the city recognised (30万 小灯塔, 20万 车间, 10万 创新,
/// 50万 链式) counted per direction and summed per county, apart from the project subsidies, in the dashboard's figures, JSON, .xlsx
/// and 绩效评价报告; a county reads its own only; every figure links to the award list filtered to exactly what it counts. Sums are
/// worked by hand and read as the change from before the arrangement (the demo's rows cancel out).
/// </summary>
public abstract class AwardMoneyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Zhengding = "正定县", Xinhua = "新华区";

    private async Task<DashboardFigures> FiguresAsync(string? district)
    {
        await using var scope = app.DataScope(Programme);
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        return await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(programme, district, DateTime.UtcNow, TestContext.Current.CancellationToken);
    }

    /// <summary>A county's (or, with null, the total's) recognised count and 万元 in one direction, and the county's total 万元.</summary>
    private static (int Count, decimal Wan, decimal Total) Cell(AwardMoney m, string? district, string direction)
    {
        var row = district is null ? m.Total : m.Districts.FirstOrDefault(d => d.District == district);
        if (row is null) return (0, 0m, 0m);
        var i = m.Columns.ToList().FindIndex(c => c.Direction == direction);
        return (row.Counts[i], row.AmountOf(m.Columns[i], i), row.AmountWan);
    }

    private static (int, decimal, decimal) Change((int Count, decimal Wan, decimal Total) before, (int Count, decimal Wan, decimal Total) after) =>
        (after.Count - before.Count, after.Wan - before.Wan, after.Total - before.Total);

    /// <summary>
    /// 正定县: two 小灯塔, one 创新 and one 链式 recognised (30×2 + 10 + 50 = 120.00万元), one 小灯塔+创新 still under review and one 车间
    /// not recognised (neither counts); 新华区: one 车间+创新 recognised (20 + 10) and one 小灯塔+创新 recognised as 小灯塔 only (30):
    /// 60.00万元. The city: 180.00万元.
    /// </summary>
    private async Task ArrangeAsync()
    {
        async Task Recognised(string district, string call, AwardStatus state, params string[] directions) =>
            await ApplicationAsync(app, await EnterpriseAsync(app, district), call, state, directions);
        await Recognised(Zhengding, Benchmark, AwardStatus.Recognised, "lighthouse");
        await Recognised(Zhengding, Benchmark, AwardStatus.Recognised, "lighthouse");
        await Recognised(Zhengding, Benchmark, AwardStatus.Recognised, "innovation");
        await Recognised(Zhengding, Chain, AwardStatus.Recognised, "chain");
        await Recognised(Zhengding, Benchmark, AwardStatus.UnderReview, "lighthouse", "innovation");
        await Recognised(Zhengding, Benchmark, AwardStatus.NotRecognised, "smartFactory");
        await Recognised(Xinhua, Benchmark, AwardStatus.Recognised, "smartFactory", "innovation");
        await RecognisedInAsync(app, await EnterpriseAsync(app, Xinhua), Benchmark, ["lighthouse", "innovation"], "lighthouse");
    }

    [Fact]
    public async Task Recognised_amounts_are_counted_per_direction_and_summed_per_county_and_for_the_city()
    {
        var scopes = new[] { (string?)null, Zhengding, Xinhua };
        var before = new Dictionary<string, AwardMoney>();
        foreach (var s in scopes) before[s ?? "全市"] = (await FiguresAsync(s)).Awards!;
        await ArrangeAsync();
        var after = new Dictionary<string, AwardMoney>();
        foreach (var s in scopes) after[s ?? "全市"] = (await FiguresAsync(s)).Awards!;

        (int, decimal, decimal) Delta(string scope, string? district, string direction) =>
            Change(Cell(before[scope], district, direction), Cell(after[scope], district, direction));

        // 正定县, in its own scope and in the city's: 小灯塔 2 × 30, 车间 none (the one not recognised), 创新 1 × 10, 链式 1 × 50; 120.00.
        foreach (var scope in new[] { Zhengding, "全市" })
        {
            Assert.Equal((2, 60.00m, 120.00m), Delta(scope, Zhengding, "lighthouse"));
            Assert.Equal((0, 0.00m, 120.00m), Delta(scope, Zhengding, "smartFactory"));
            Assert.Equal((1, 10.00m, 120.00m), Delta(scope, Zhengding, "innovation"));
            Assert.Equal((1, 50.00m, 120.00m), Delta(scope, Zhengding, "chain"));
        }
        // 新华区: 车间 20 + 创新 10 + 小灯塔 30 (its 创新 not recognised) = 60.00.
        foreach (var scope in new[] { Xinhua, "全市" })
        {
            Assert.Equal((1, 20.00m, 60.00m), Delta(scope, Xinhua, "smartFactory"));
            Assert.Equal((1, 10.00m, 60.00m), Delta(scope, Xinhua, "innovation"));
            Assert.Equal((1, 30.00m, 60.00m), Delta(scope, Xinhua, "lighthouse"));
        }
        // The city's total line: 120 + 60 = 180.00; 创新 counted once in each county.
        Assert.Equal((3, 90.00m, 180.00m), Delta("全市", null, "lighthouse"));
        Assert.Equal((1, 20.00m, 180.00m), Delta("全市", null, "smartFactory"));
        Assert.Equal((2, 20.00m, 180.00m), Delta("全市", null, "innovation"));
        Assert.Equal((1, 50.00m, 180.00m), Delta("全市", null, "chain"));
        // A county's scope holds its own row only; its total is its row.
        Assert.Equal([Zhengding], after[Zhengding].Districts.Select(d => d.District));
        Assert.Equal(after[Zhengding].Districts[0].AmountWan, after[Zhengding].Total.AmountWan);
        Assert.DoesNotContain(after[Zhengding].Districts, d => d.District == Xinhua);
        // The columns are the calls' directions with the amounts the seed states.
        Assert.Equal([("lighthouse", 30m), ("smartFactory", 20m), ("innovation", 10m), ("chain", 50m)],
            after["全市"].Columns.Select(c => (c.Direction, c.AmountWan)));
    }

    [Fact]
    public async Task A_county_reads_its_own_amounts_in_the_json_the_workbook_and_the_report_and_an_enterprise_none()
    {
        await ArrangeAsync();
        var accounts = new ProgrammeAccounts(app, Programme);
        var zhengding = await app.As(await accounts.UserAsync(Role.DistrictBureau, district: Zhengding));
        var own = (await FiguresAsync(Zhengding)).Awards!;

        // Asking for another county still answers its own.
        var json = await zhengding.GetFromJsonAsync<JsonElement>($"/api/dashboard?district={Uri.EscapeDataString(Xinhua)}", TestContext.Current.CancellationToken);
        Assert.Equal(Zhengding, json.GetProperty("district").GetString());
        var rows = json.GetProperty("awards").GetProperty("districts").EnumerateArray().ToList();
        Assert.Equal([Zhengding, "合计"], rows.Select(r => r.GetProperty("district").GetString()));
        Assert.Equal(own.Total.AmountWan, rows[1].GetProperty("amountWan").GetDecimal());
        var lighthouse = rows[0].GetProperty("directions").EnumerateArray().Single(d => d.GetProperty("direction").GetString() == "lighthouse");
        Assert.Equal(Cell(own, Zhengding, "lighthouse").Count, lighthouse.GetProperty("count").GetInt32());
        Assert.Equal(Cell(own, Zhengding, "lighthouse").Count * 30m, lighthouse.GetProperty("amountWan").GetDecimal());

        // The workbook's 奖补 sheet: 县（市、区）, then 家 and 万元 per direction, then the total; numbers, no formulas.
        var xlsx = await zhengding.GetByteArrayAsync("/api/dashboard.xlsx", TestContext.Current.CancellationToken);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var workbook = doc.WorkbookPart!;
            var sheets = workbook.Workbook.Descendants<Sheet>().ToList();
            // Shijiazhuang has award calls and no project chain: its targets and its 奖补.
            Assert.Equal(["目标进度", "奖补"], sheets.Select(s => s.Name!.Value!));
            var part = (WorksheetPart)workbook.GetPartById(sheets[1].Id!.Value!);
            Assert.Empty(part.Worksheet.Descendants<CellFormula>());
            var cells = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => (Text: c.CellValue?.Text ?? c.InlineString?.InnerText ?? "",
                Number: c.DataType?.Value == CellValues.Number)).ToList()).ToList();
            var header = cells.Single(r => r.Count > 0 && r[0].Text == "县（市、区）").Select(c => c.Text);
            Assert.Equal(["县（市、区）", "“小灯塔”标杆企业（家）", "“小灯塔”标杆企业（万元）", "数字化车间及智能工厂（家）", "数字化车间及智能工厂（万元）",
                "创新能力显著提升企业（家）", "创新能力显著提升企业（万元）", "“链式”数字化转型案例（家）", "“链式”数字化转型案例（万元）", "奖补合计（万元）"], header);
            var row = cells.Single(r => r.Count > 0 && r[0].Text == Zhengding);
            Assert.All(row.Skip(1), c => Assert.True(c.Number));
            Assert.Equal(Cell(own, Zhengding, "chain").Count, int.Parse(row[7].Text));
            Assert.Equal(own.Total.AmountWan, decimal.Parse(row[9].Text, System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(cells, r => r.Count > 0 && r[0].Text == Xinhua);
        }

        // The 绩效评价报告's 资金使用情况 states the 奖补 on a line of its own.
        var report = OfficeFiles.Text(await zhengding.GetByteArrayAsync(PerformanceReportDownload.Path, TestContext.Current.CancellationToken));
        Assert.Contains("四、资金使用情况", report);
        Assert.Contains(PerformanceReportDocument.AwardLine(own), report);

        var enterprise = await app.As(await accounts.UserAsync(Role.Enterprise, enterprise: (await EnterpriseAsync(app, Zhengding)).Id));
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync("/api/dashboard", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Every_award_figure_links_to_the_recognised_list_filtered_to_exactly_what_it_counts()
    {
        await ArrangeAsync();
        var accounts = new ProgrammeAccounts(app, Programme);
        var users = new Dictionary<string, HttpClient>
        {
            ["city"] = await app.As(await accounts.UserAsync(Role.CityBureau)),
            [Zhengding] = await app.As(await accounts.UserAsync(Role.DistrictBureau, district: Zhengding)),
        };
        Assert.Equal($"/awards?call={Benchmark}&state=recognised&direction=lighthouse&district={Uri.EscapeDataString(Zhengding)}",
            DashboardLinks.Awards(Benchmark, "lighthouse", Zhengding));
        foreach (var (user, district) in new[] { ("city", (string?)null), ("city", Zhengding), (Zhengding, Zhengding) })
        {
            var figures = await FiguresAsync(district);
            var links = DashboardLinks.Of(figures).Where(l => l.Href.StartsWith("/awards?", StringComparison.Ordinal)).ToList();
            Assert.Contains(links, l => l.Measure == DashboardLinks.Measure.AwardWan && l.Value > 0);
            var amounts = figures.Awards!.Columns.ToDictionary(c => (c.CallId, c.Direction), c => c.AmountWan);
            foreach (var link in links)
            {
                // The award list's API takes the page's query as it is.
                var list = await users[user].GetFromJsonAsync<JsonElement>("/api" + link.Href, TestContext.Current.CancellationToken);
                var total = list.GetProperty("total").GetInt32();
                var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link.Href).Query);
                Assert.Equal("recognised", query["state"]);
                var expected = link.Measure == DashboardLinks.Measure.AwardWan ? total * amounts[(query["call"]!, query["direction"]!)] : total;
                Assert.True(link.Value == expected, $"{user} {district ?? "全市"} {link.Figure} = {link.Value}, {link.Href} lists {total}");
            }
        }
    }
}

public sealed class AwardMoneyTestsOnSqlite(DashboardSqliteApp app) : AwardMoneyTests<DashboardSqliteApp>(app);

public sealed class AwardMoneyTestsOnPostgres(DashboardPostgresApp app) : AwardMoneyTests<DashboardPostgresApp>(app);
