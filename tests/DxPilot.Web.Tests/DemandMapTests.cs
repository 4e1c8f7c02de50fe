using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Catalogue;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 供需地图 (/catalogue/demand, its enterprises, its .xlsx and /api/catalogue/demand) on a hand-made case: enterprises with needs in a
/// scenario of the test's own, from two industries and two districts, counted per industry (an enterprise once however many needs
/// it states there), against the shown products; demand without supply listed first as 有需求无供给; the district bureau's map of
/// its own enterprises; and who may see the map.
/// </summary>
public abstract class DemandMapTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Cars = "汽车零部件配件制造", Rail = "轨道交通高端装备制造";

    [Fact]
    public async Task Needs_are_counted_per_scenario_and_industry_against_the_products_and_demand_without_supply_comes_first()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var code = await ChangchunNeeds.ScenarioAsync(app, 51, "测试：排产协同");
        // 朝阳区: the car parts maker (two needs in the scenario: counted once) and a rail maker; 南关区: another car parts maker.
        var chaoyangCars = c.Parties.Enterprise;
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, chaoyangCars.Id, code, NeedPriority.High, 30m);
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, chaoyangCars.Id, code, NeedPriority.Low, null, "多工厂计划无法协同");
        var chaoyangRail = await ChangchunNeeds.EnterpriseAsync(app, Rail, "朝阳区");
        await ChangchunNeeds.NeedAsync(app, ChangchunNeeds.EnterpriseActor(chaoyangRail), chaoyangRail.Id, code, NeedPriority.Medium, null);
        var nanguanCars = await ChangchunNeeds.EnterpriseAsync(app, Cars, "南关区");
        await ChangchunNeeds.NeedAsync(app, ChangchunNeeds.EnterpriseActor(nanguanCars), nanguanCars.Id, code, NeedPriority.High, 50m);

        var city = await c.Parties.BrowserAsync(app, "city");
        var page = await city.GetDocument("/catalogue/demand");
        var row = page.QuerySelector($"#demand-map tr[data-scenario='{code}']")!;
        Assert.Equal("2", Cell(row, Cars));
        Assert.Equal("1", Cell(row, Rail));
        Assert.Equal(["3", "0", "0"], new[] { ".demand", ".products", ".providers" }.Select(s => row.QuerySelector(s)!.TextContent.Trim()));
        Assert.Contains("unserved", row.ClassList);
        Assert.Contains("有需求无供给", row.TextContent);
        var gap = page.QuerySelector($"#unserved li[data-scenario='{code}']");
        Assert.NotNull(gap);
        Assert.Contains("3 家企业", gap.TextContent);
        // The gaps come before the map, the most wanted first.
        Assert.True(page.QuerySelector("#unserved")!.CompareDocumentPosition(page.QuerySelector("#demand-map")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        var gapCounts = page.QuerySelectorAll("#unserved li a").Select(a => int.Parse(a.TextContent.Split(' ')[0])).ToList();
        Assert.Equal(gapCounts.OrderDescending(), gapCounts);

        // Each count leads to the enterprises behind it.
        var carsLink = row.QuerySelector($"td[data-industry='{Cars}'] a")!.GetAttribute("href")!;
        var behind = await city.GetDocument(carsLink);
        Assert.Equal(new[] { chaoyangCars.Id, nanguanCars.Id }.Select(i => i.ToString()).Order(),
            behind.QuerySelectorAll("#demand-enterprises tr[data-enterprise]").Select(r => r.GetAttribute("data-enterprise")!).Distinct().Order());
        Assert.Equal($"/enterprises/{nanguanCars.Id}/matches", behind.QuerySelector($"tr[data-enterprise='{nanguanCars.Id}'] a")!.GetAttribute("href"));

        // The district sees its own enterprises only; the city may ask for one district or one industry.
        var chaoyang = await (await c.Parties.BrowserAsync(app, "chaoyang")).GetDocument("/catalogue/demand?district=南关区");
        var own = chaoyang.QuerySelector($"#demand-map tr[data-scenario='{code}']")!;
        Assert.Equal(("1", "1", "2"), (Cell(own, Cars), Cell(own, Rail), own.QuerySelector(".demand")!.TextContent.Trim()));
        var api = await (await app.As(c.Parties.Users["city"])).GetFromJsonAsync<JsonElement>($"/api/catalogue/demand?district=南关区");
        var nanguan = Row(api, code);
        Assert.Equal(1, nanguan.GetProperty("demand").GetInt32());
        Assert.Equal("南关区", api.GetProperty("scope").GetString());
        var rail = await (await app.As(c.Parties.Users["thinktank"])).GetFromJsonAsync<JsonElement>($"/api/catalogue/demand?industry={Uri.EscapeDataString(Rail)}");
        Assert.Equal([Rail], rail.GetProperty("industries").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        Assert.Equal(1, Row(rail, code).GetProperty("demand").GetInt32());

        // A product for car parts makers supplies the scenario, but not for the rail industry.
        await c.ProductAsync(app, "多工厂协同排产", [code], 25m, industries: [Cars]);
        var supplied = Row(await (await app.As(c.Parties.Users["city"])).GetFromJsonAsync<JsonElement>("/api/catalogue/demand"), code);
        Assert.Equal((3, 1, 1, false), (supplied.GetProperty("demand").GetInt32(), supplied.GetProperty("products").GetInt32(),
            supplied.GetProperty("providers").GetInt32(), supplied.GetProperty("unserved").GetBoolean()));
        var railOnly = await (await app.As(c.Parties.Users["city"])).GetFromJsonAsync<JsonElement>($"/api/catalogue/demand?industry={Uri.EscapeDataString(Rail)}");
        Assert.True(Row(railOnly, code).GetProperty("unserved").GetBoolean());
        Assert.Contains(code, railOnly.GetProperty("unserved").EnumerateArray().Select(u => u.GetString()));
        var after = await city.GetDocument("/catalogue/demand");
        Assert.Null(after.QuerySelector($"#unserved li[data-scenario='{code}']"));
        Assert.Equal($"/catalogue?scenario={code}", after.QuerySelector($"#demand-map tr[data-scenario='{code}'] .products a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_map_exports_as_a_sheet_of_text_and_numbers()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var code = await ChangchunNeeds.ScenarioAsync(app, 52, "=HYPERLINK(\"x\")测试场景");
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, c.Parties.Enterprise.Id, code, NeedPriority.High, null);

        var response = await (await c.Parties.BrowserAsync(app, "chaoyang")).GetAsync("/catalogue/demand.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var cells = Annex5Sheets.Cells(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("供需地图（朝阳区）", cells["A1"].Text);
        var rowNumber = cells.Single(x => x.Value.Text == code).Key[1..];
        Assert.Equal(("=HYPERLINK(\"x\")测试场景", false), (cells[$"D{rowNumber}"].Text, cells[$"D{rowNumber}"].Formula));
        Assert.Equal(("1", true), (cells[$"E{rowNumber}"].Text, cells[$"E{rowNumber}"].Number));
        // A-D the scenario, E-H Changchun's four industries, I the total, J products, K providers, L the verdict.
        Assert.Equal(("1", "0", "有需求无供给"), (cells[$"I{rowNumber}"].Text, cells[$"J{rowNumber}"].Text, cells[$"L{rowNumber}"].Text));
        Assert.DoesNotContain(cells.Values, v => v.Formula);
    }

    [Fact]
    public async Task The_map_is_the_bureaus_and_the_think_tanks_only_and_refuses_unknown_filters()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var users = c.Parties.Users;
        foreach (var (who, seen) in new[] { ("city", true), ("chaoyang", true), ("nanguan", true), ("thinktank", true), ("enterprise", false), ("provider", false), ("expert", false) })
        {
            var expected = seen ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            var browser = await c.Parties.BrowserAsync(app, who);
            Assert.True(expected == (await browser.GetAsync("/catalogue/demand")).StatusCode, $"{who}: page");
            Assert.True(expected == (await browser.GetAsync("/catalogue/demand.xlsx")).StatusCode, $"{who}: sheet");
            Assert.True(expected == (await browser.GetAsync("/catalogue/demand/enterprises?scenario=2.1.1")).StatusCode, $"{who}: enterprises");
            Assert.True(expected == (await (await app.As(users[who])).GetAsync("/api/catalogue/demand")).StatusCode, $"{who}: API");
        }
        var city = await app.As(users["city"]);
        var bad = await city.GetAsync($"/api/catalogue/demand?industry=纺织&district={Uri.EscapeDataString("火星区")}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("本试点没有“纺织”这一试点行业", problem.GetProperty("errors").GetProperty("industry")[0].GetString());
        Assert.Equal("本试点没有“火星区”这一县（市、区）", problem.GetProperty("errors").GetProperty("district")[0].GetString());
        var page = await (await c.Parties.BrowserAsync(app, "city")).GetAsync("/catalogue/demand?industry=纺织");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("本试点没有“纺织”这一试点行业", PageClient.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("#message")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await (await c.Parties.BrowserAsync(app, "city")).GetAsync("/catalogue/demand/enterprises?scenario=9.9.9")).StatusCode);
    }

    [Fact]
    public async Task The_first_visit_to_a_programme_copies_its_tree_as_the_system()
    {
        // Hangzhou's tree is copied by nobody else in this class: the city's first visit does it, inside its request.
        var city = await app.SignedIn("hz-city");
        var page = await city.GetAsync("/catalogue/demand");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(PageClient.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("#demand-map tr[data-scenario='2.1.1']"));
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilot.Infrastructure.Persistence.DxPilotDbContext>();
        var copied = await db.AuditEntries.Where(e => e.ProgrammeId == "hangzhou-2024" && e.EntityType == nameof(CatalogueScenario)).Select(e => e.ActorName).ToListAsync();
        Assert.Equal(75, copied.Count);
        Assert.All(copied, name => Assert.Equal("场景清单初始化（附件1）", name));
    }

    private static string Cell(AngleSharp.Dom.IElement row, string industry) => row.QuerySelector($"td[data-industry='{industry}']")!.TextContent.Trim();

    private static JsonElement Row(JsonElement map, string code) => map.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
}

public sealed class DemandMapTestsOnSqlite(MatchSqliteApp app) : DemandMapTests<MatchSqliteApp>(app);

public sealed class DemandMapTestsOnPostgres(MatchPostgresApp app) : DemandMapTests<MatchPostgresApp>(app);
