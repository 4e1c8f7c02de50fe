using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>附件1 export and import (issue 13 item 6): the seed's two header rows with the group header merged, scenario cells as the
/// seed writes them, every scenario in use with a row (products or none), prices as "12.00" / "8.00-15.00", text never a formula; the
/// city imports tree additions and common needs (an existing code under another name reported, not renamed), an admitted provider its
/// own products (submitted for review), each refused row named with its number, nothing imported twice, a wrong file refused naming the
/// headers it needs.</summary>
public abstract class Annex1Tests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    internal static async Task<byte[]> ExportAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/catalogue/export.xlsx{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, string fileName = "附件1.xlsx", Dictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", fileName);
        foreach (var (k, v) in fields ?? []) form.Add(new StringContent(v), k);
        return await client.PostAsync("/api/catalogue/import", form);
    }

    internal static readonly Dictionary<string, string> ProductDefaults = new() { ["spendCategory"] = "software", ["deliveryDays"] = "60", ["taxIncluded"] = "true", ["cloudBased"] = "true" };

    /// <summary>The worksheet's XML: cells, merges and all.</summary>
    internal static string SheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    internal static List<IReadOnlyList<string?>> Rows(byte[] xlsx) =>
        SheetReader.Open(xlsx, "a.xlsx", Annex1Sheet.IsHeader).Rows.Select(r => r.Cells).ToList();

    private static async Task<JsonElement> Json(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private static List<(int Row, string Message)> Problems(JsonElement result) =>
        result.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("message").GetString()!)).ToList();

    [Fact]
    public async Task The_export_has_the_seeds_headers_a_row_per_scenario_and_product_and_text_that_is_never_a_formula()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        await c.ProductAsync(app, "=HYPERLINK(\"http://x\")排产", ["2.1.1"], 8m, 15m);
        await c.ProductAsync(app, "云MES", ["2.1.1", "2.5.1"], 12m);
        var city = await app.As(c.Parties.Users["city"]);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync("/api/catalogue/tree/2.1.1/common-needs", new { industry = "汽车零部件配件制造", text = "+排产靠调度员经验" })).StatusCode);

        var xlsx = await ExportAsync(await c.Parties.BrowserAsync(app, "enterprise"));
        var xml = SheetXml(xlsx);
        Assert.DoesNotContain("<x:f>", xml);
        Assert.DoesNotContain("<f>", xml);
        foreach (var merge in new[] { "A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:I2" }) Assert.Contains($"ref=\"{merge}\"", xml);

        var sheet = SheetReader.Open(xlsx, "a.xlsx", _ => true);
        Assert.Equal("长春市中小企业数字化转型需求、问题和场景清单及供需适配库", sheet.Headers[0]);
        var raw = sheet.Rows.Select(r => r.Cells).ToList();
        Assert.Equal(["一级场景", "二级场景", "三级场景", "问题及需求分析（含行业共性需求与企业个性需求）", "场景描述", "适用产品及解决方案"], raw[0].Take(6));
        Assert.Equal([null, null, null, null, null, "名称", "简述", "价格（万元）", "服务商"], raw[1]);

        var rows = Rows(xlsx).Skip(1).ToList();
        var first = rows.First();
        Assert.Equal(("1.产品生命周期数字化", "1.1产品研发"), (first[0], first[1]));
        Assert.StartsWith("1.1.1", first[2]);
        Assert.StartsWith("【汽车零部件及配件制造】汽车零部件及配件制造行业的中小企业在产品设计环节中", first[3]);
        // Every active level-3 scenario starts a block; 2.1.1 has two products (ordered by name), its scenario cells merged down.
        // 54 in the seed; another test of this class may have imported more by the time this one runs.
        int active;
        await using (var scope = app.DataScope(ChangchunDiagnosis.Programme))
            active = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().CatalogueScenarios
                .CountAsync(x => x.ProgrammeId == ChangchunDiagnosis.Programme && x.Level == 3 && x.RetiredAt == null);
        Assert.True(active >= 54);
        Assert.Equal(active, rows.Count(r => r[2] is not null));
        var planning = rows.FindIndex(r => r[2]?.StartsWith("2.1.1") == true);
        // Each common need a line of its own, after the demo's where there are any.
        Assert.Contains("【汽车零部件及配件制造】+排产靠调度员经验", rows[planning][3]!.Split('\n'));
        Assert.Equal(("=HYPERLINK(\"http://x\")排产", "8.00-15.00", c.Parties.Provider.Name), (rows[planning][5], rows[planning][7], rows[planning][8]));
        Assert.Equal((null, "云MES", "12.00"), (rows[planning + 1][2], rows[planning + 1][5], rows[planning + 1][7]));
        Assert.Contains(rows, r => r[2]?.StartsWith("2.5.1") == true && r[5] == "云MES");
        // A scenario nobody serves (none of the demo catalogue's either) still has its row.
        Assert.Contains(rows, r => r[2]?.StartsWith("1.1.4") == true && r[5] is null);

        var oneIndustry = Rows(await ExportAsync(await c.Parties.BrowserAsync(app, "enterprise"), "?industry=汽车零部件及配件制造")).Skip(1).ToList();
        Assert.Equal(rows.Count, oneIndustry.Count);
        var unknown = await (await c.Parties.BrowserAsync(app, "enterprise")).GetAsync("/catalogue/export.xlsx?industry=纺织");
        Assert.Contains("“纺织”不是本试点的细分行业", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_wrong_file_is_refused_naming_the_headers_and_only_the_city_and_admitted_providers_import()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var city = await app.As(c.Parties.Users["city"]);
        var csv = await ImportAsync(city, "一级场景,二级场景\n"u8.ToArray(), "附件1.csv");
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains("只能导入 .xlsx 格式的附件1表格（第一行表头依次为：一级场景、二级场景、三级场景", await csv.Content.ReadAsStringAsync());

        var wrong = new MemoryStream();
        XlsxWriter.Write(wrong, "清单", [new("场景"), new("需求")], [["1.1.1产品功能性能仿真测试", "仿真"]]);
        var refused = await ImportAsync(city, wrong.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("没有找到表头（第一行表头依次为：一级场景、二级场景、三级场景、问题及需求分析", await refused.Content.ReadAsStringAsync());

        var file = await ExportAsync(city);
        var enterprise = await ImportAsync(await app.As(c.Parties.Users["enterprise"]), file);
        Assert.Equal(HttpStatusCode.Forbidden, enterprise.StatusCode);
        var notInPool = await ImportAsync(await app.As(c.Parties.Users["other-provider"]), file, fields: ProductDefaults);
        Assert.Equal(HttpStatusCode.Forbidden, notInPool.StatusCode);
        Assert.Contains("请先申请加入服务商资源池", await notInPool.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_provider_imports_its_own_products_for_review_row_by_row_and_nothing_twice()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        await c.ProductAsync(app, "已有的MES", ["2.5.1"], 20m);
        Annex1Sheet.Row Row(string three, string? name, string summary = "简述", string price = "10", string? provider = null) =>
            new("2.生产过程数字化", "2.1计划调度", three, null, null, name is null ? null : new Annex1Sheet.Product(name, summary, price, provider ?? ""));
        var file = new MemoryStream();
        Annex1Sheet.Write(file, "附件1",
        [
            [Row("2.1.1计划排程", "智能排产", price: "8-15"), Row("2.1.1计划排程", "已有的MES"), Row("2.1.1计划排程", "别家产品", provider: "别的公司")],
            [Row("2.1.2生产管控", "智能排产", price: "8-15"), Row("2.1.2生产管控", "价格写错", price: "0")],
            [Row("2.1.99不存在", "找不到场景")],
        ]);
        var provider = await app.As(c.Parties.Users["provider"]);
        var missing = await ImportAsync(provider, file.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请选择这些产品的支出类别", await missing.Content.ReadAsStringAsync());

        var response = await ImportAsync(provider, file.ToArray(), fields: ProductDefaults);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Json(response);
        Assert.Equal(1, result.GetProperty("productsSubmitted").GetInt32());
        // Rows count as Excel shows them: the title and the two header rows come first.
        Assert.Equal(
        [
            (5, "产品“已有的MES”已存在，未重复导入"),
            (6, $"服务商“别的公司”不是本单位（{c.Parties.Provider.Name}），只能导入本单位的产品"),
            (8, "产品“价格写错”未导入：价格须大于0（万元）"),
            (9, "产品“找不到场景”未导入：三级场景“2.1.99”不存在"),
        ], Problems(result));

        await using (var scope = app.DataScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var imported = await db.CatalogueProducts.SingleAsync(p => p.ProviderId == c.Parties.Provider.Id && p.Name == "智能排产");
            Assert.Equal((ProductStatus.UnderReview, "|2.1.1|2.1.2|", 8m, 15m, "software", 60), (imported.Status, imported.Scenarios, imported.PriceLowWan, imported.PriceHighWan, imported.SpendCategory, imported.DeliveryDays));
            var id = imported.Id.ToString();
            Assert.True(await db.StateTransitions.AnyAsync(t => t.EntityId == id && t.Trigger == "submit"));
        }
        var again = await Json(await ImportAsync(provider, file.ToArray(), fields: ProductDefaults));
        Assert.Equal(0, again.GetProperty("productsSubmitted").GetInt32());
        Assert.Contains((4, "产品“智能排产”已存在，未重复导入"), Problems(again));
    }

    // The page says 服务商 is "本单位名称或留空"; a row left blank at its end is shorter than the product columns.
    [Fact]
    public async Task A_product_row_whose_provider_is_left_blank_is_imported_as_the_providers_own()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var file = new MemoryStream();
        Annex1Sheet.Write(file, "附件1", [[new("2.生产过程数字化", "2.1计划调度", "2.1.1计划排程", null, null, new Annex1Sheet.Product("排产助手", "排产", "10", ""))]]);
        var response = await ImportAsync(await app.As(c.Parties.Users["provider"]), file.ToArray(), fields: ProductDefaults);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Json(response);
        Assert.Equal(1, result.GetProperty("productsSubmitted").GetInt32());
        Assert.Empty(Problems(result));
        await using var scope = app.DataScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().CatalogueProducts
            .AnyAsync(p => p.ProviderId == c.Parties.Provider.Id && p.Name == "排产助手"));
    }

    [Fact]
    public async Task Two_imports_of_the_same_sheet_at_once_add_each_product_once()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var names = Enumerable.Range(1, 12).Select(i => $"并发导入产品{i:00}").ToList();
        var file = new MemoryStream();
        Annex1Sheet.Write(file, "附件1", [names.Select(n => new Annex1Sheet.Row("2.生产过程数字化", "2.1计划调度", "2.1.1计划排程", null, null,
            new Annex1Sheet.Product(n, "简述", "10", ""))).ToList()]);
        var (one, two) = (await app.As(c.Parties.Users["provider"]), await app.As(c.Parties.Users["provider"]));

        var results = await Task.WhenAll(ImportAsync(one, file.ToArray(), fields: ProductDefaults), ImportAsync(two, file.ToArray(), fields: ProductDefaults));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(results.Select(Json));
        // Between them every product was submitted once; whatever one import did not add, the other had: it says so by row.
        Assert.Equal(names.Count, bodies.Sum(b => b.GetProperty("productsSubmitted").GetInt32()));
        var told = bodies.SelectMany(Problems).Select(p => p.Message).Order(StringComparer.Ordinal).ToList();
        Assert.All(told, m => Assert.Matches("^产品“并发导入产品\\d{2}”已存在，未重复导入$", m));
        Assert.Equal(names.Count, told.Count);

        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var stored = await db.CatalogueProducts.Where(p => p.ProviderId == c.Parties.Provider.Id && p.Name.StartsWith("并发导入产品")).Select(p => p.Name).ToListAsync();
        Assert.Equal(names, stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_city_imports_new_scenarios_and_common_needs_and_an_existing_code_under_another_name_is_reported_not_renamed()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var city = await app.As(c.Parties.Users["city"]);
        var file = new MemoryStream();
        Annex1Sheet.Write(file, "附件1",
        [
            [new("2.生产过程数字化", "2.1计划排程与调度", "2.1.1计划排程", "【汽车零部件及配件制造】多品种小批量，插单频繁", null, null)],
            [new("2.生产过程数字化", "2.98柔性制造", "2.98.1换型快速切换", "【汽车零部件及配件制造】换型时间长\n【纺织】无此行业", "模具快速换型", null)],
            [new("2.生产过程数字化", "2.98柔性制造", "2.98.1换型快速切换", null, null, new Annex1Sheet.Product("某产品", "简述", "5", ""))],
        ]);
        var result = await Json(await ImportAsync(city, file.ToArray()));
        Assert.Equal((2, 2), (result.GetProperty("scenariosAdded").GetInt32(), result.GetProperty("commonNeedsAdded").GetInt32()));
        var problems = Problems(result);
        Assert.Contains(problems, p => p.Row == 4 && p.Message.StartsWith("场景编号“2.1”在清单中为“") && p.Message.Contains("表中为“计划排程与调度”；导入不改名"));
        Assert.Contains(problems, p => p.Row == 5 && p.Message.StartsWith("“纺织”不是本试点的细分行业"));
        Assert.Contains("表中1行产品未导入", result.GetProperty("notes")[0].GetString());

        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var nodes = await db.CatalogueScenarios.Where(s => s.ProgrammeId == ChangchunDiagnosis.Programme).ToDictionaryAsync(s => s.Code);
        Assert.NotEqual("计划排程与调度", nodes["2.1"].Name);
        Assert.Equal(("柔性制造", "换型快速切换", "模具快速换型"), (nodes["2.98"].Name, nodes["2.98.1"].Name, nodes["2.98.1"].Description));
        Assert.True(await db.CommonNeeds.AnyAsync(n => n.ScenarioCode == "2.1.1" && n.Text == "多品种小批量，插单频繁"));
        var twice = await Json(await ImportAsync(city, file.ToArray()));
        Assert.Equal((0, 0), (twice.GetProperty("scenariosAdded").GetInt32(), twice.GetProperty("commonNeedsAdded").GetInt32()));
    }
}

public sealed class Annex1TestsOnSqlite(SqliteApp app) : Annex1Tests<SqliteApp>(app);

public sealed class Annex1TestsOnPostgres(PostgresApp app) : Annex1Tests<PostgresApp>(app);

/// <summary>附件1 round trip (its own fixture, so that no other test's products are in the sheet): exported from one installation,
/// imported into a fresh one (the city its tree additions and common needs, the same provider its products, approved there), exported
/// again: the same sheet, cell for cell and merge for merge.</summary>
public abstract class Annex1RoundTripTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static async Task<byte[]> ExportAsync(HttpClient client) => await Annex1Tests<TApp>.ExportAsync(client);
    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, Dictionary<string, string>? fields = null) =>
        Annex1Tests<TApp>.ImportAsync(client, file, fields: fields);
    private static string SheetXml(byte[] xlsx) => Annex1Tests<TApp>.SheetXml(xlsx);
    private static Dictionary<string, string> ProductDefaults => Annex1Tests<TApp>.ProductDefaults;
    private static async Task<JsonElement> Json(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    private static List<(int Row, string Message)> Problems(JsonElement result) =>
        result.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("message").GetString()!)).ToList();

    [Fact]
    public async Task Export_then_import_into_a_fresh_programme_then_export_again_gives_the_same_sheet()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var city = await app.As(c.Parties.Users["city"]);
        var added = await Json(await city.PostAsJsonAsync("/api/catalogue/tree", new { parentCode = "4.1", name = "碳排放核算", description = "核算产品碳足迹" }));
        var code = added.GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/catalogue/tree/{code}/common-needs", new { industry = "汽车零部件配件制造", text = "=出口客户要求碳足迹" })).StatusCode);
        await c.ProductAsync(app, "碳管理云", [code, "4.1.1"], 6m);
        await c.ProductAsync(app, "排产APS", ["2.1.1"], 8m, 15m);
        var exported = await ExportAsync(city);

        // A fresh installation: the same programme, its tree as the seed gives it, the same provider (by name) admitted.
        await using var fresh = (TApp)Activator.CreateInstance(typeof(TApp))!;
        await fresh.InitializeAsync();
        var accounts = new ProgrammeAccounts(fresh, ChangchunDiagnosis.Programme);
        var freshCity = await fresh.As(await accounts.UserAsync(Role.CityBureau, displayName: "长春市工信局（新）"));
        var cityResult = await Json(await ImportAsync(freshCity, exported));
        Assert.Empty(Problems(cityResult));
        Organisation org;
        await using (var scope = fresh.DataScope(ChangchunDiagnosis.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            org = new Organisation { ProgrammeId = ChangchunDiagnosis.Programme, Name = c.Parties.Provider.Name, Kind = OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc() };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
        }
        var providerActor = new Actor("p-fresh", org.Name, Role.ServiceProvider, ChangchunDiagnosis.Programme, OrganisationId: org.Id);
        await ChangchunCatalogue.AdmitAsync(fresh, providerActor, org.Id, org.Name);
        var provider = await fresh.As(await accounts.UserAsync(Role.ServiceProvider, organisation: org.Id, displayName: org.Name));
        var productResult = await Json(await ImportAsync(provider, exported, fields: ProductDefaults));
        Assert.Equal(2, productResult.GetProperty("productsSubmitted").GetInt32());
        await using (var scope = fresh.ScopeAs(ChangchunDiagnosis.City))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            foreach (var p in await db.CatalogueProducts.Where(p => p.ProviderId == org.Id).ToListAsync())
                Assert.True(p.Apply(ProductTrigger.Approve, ChangchunDiagnosis.City, null, new ProductCase(p, true, []), DateTime.UtcNow).Taken);
            await db.SaveChangesAsync();
        }

        var again = await ExportAsync(freshCity);
        Assert.Equal(SheetXml(exported), SheetXml(again));
    }
}

public sealed class Annex1RoundTripTestsOnSqlite(SqliteApp app) : Annex1RoundTripTests<SqliteApp>(app);

public sealed class Annex1RoundTripTestsOnPostgres(PostgresApp app) : Annex1RoundTripTests<PostgresApp>(app);
