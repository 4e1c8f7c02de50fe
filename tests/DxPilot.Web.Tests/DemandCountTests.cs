using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The demand map's counts kept by the database (DemandCounts, docs/catalogue-match.md): after each kind of write — a need added,
/// moved to another scenario, removed; an enterprise moved to another district or industry by the city's edit, by a confirmed change
/// request and by an import — the cells are what the rule says (enterprises with a need in the scenario, each once) and equal a
/// recount; they stay so after a random sequence of writes and under savers writing at once; `catalogue recount` repairs what was
/// changed behind the platform's back and says how many rows.
/// </summary>
public abstract class DemandCountTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Cars = "汽车零部件配件制造", Rail = "轨道交通高端装备制造";

    private static Dictionary<string, int> Expect(params (string District, string Industry, string Scenario)[] cells) =>
        cells.ToDictionary(c => $"{c.District}/{c.Industry}/{c.Scenario}", _ => 1);

    [Fact]
    public async Task Each_kind_of_write_moves_the_cells_it_should_and_the_counts_equal_a_recount()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var (s1, s2) = (await ChangchunNeeds.ScenarioAsync(app, 61, "测试：计数甲"), await ChangchunNeeds.ScenarioAsync(app, 62, "测试：计数乙"));
        var a = c.Parties.Enterprise; // 朝阳区, car parts
        var b = await ChangchunNeeds.EnterpriseAsync(app, Cars, "南关区");
        async Task Is(Dictionary<string, int> expected)
        {
            Assert.Equal(expected.OrderBy(x => x.Key), (await DemandCells.OfAsync(app, s1, s2)).OrderBy(x => x.Key));
            Assert.Equal(0, await DemandCells.RecountAsync(app));
        }

        var first = await DemandCells.AddAsync(app, a, s1);
        var second = await DemandCells.AddAsync(app, a, s1);
        await Is(Expect(("朝阳区", Cars, s1)));                                  // two needs, one enterprise
        await DemandCells.AddAsync(app, b, s1);
        await Is(Expect(("朝阳区", Cars, s1), ("南关区", Cars, s1)));
        await DemandCells.MoveAsync(app, a, second.Id, s2);
        await Is(Expect(("朝阳区", Cars, s1), ("朝阳区", Cars, s2), ("南关区", Cars, s1))); // its first need still holds s1
        await DemandCells.RemoveAsync(app, a, first.Id);
        await Is(Expect(("朝阳区", Cars, s2), ("南关区", Cars, s1)));             // the emptied cell is gone
        await DemandCells.PlaceAsync(app, a.Id, district: "南关区");
        await Is(Expect(("南关区", Cars, s2), ("南关区", Cars, s1)));

        // B asks to be of the rail industry; the city confirms.
        await using (var scope = app.ScopeAs(ChangchunNeeds.EnterpriseActor(b)))
        {
            var changes = scope.ServiceProvider.GetRequiredService<BureauFieldChangeService>();
            var form = b.ToForm();
            var proposed = await changes.ProposeAsync(ChangchunNeeds.EnterpriseActor(b), b.Id, new BureauFieldChangeInput
                { Name = form.Name, Uscc = form.Uscc, QualityTier = form.QualityTier, AboveScale = form.AboveScale, Industry = Rail, Reason = "主营业务已变更为轨道交通装备" });
            Assert.True(proposed.IsOk, proposed.Message);
            await using var bureau = app.ScopeAs(ChangchunDiagnosis.City);
            var confirmed = await bureau.ServiceProvider.GetRequiredService<BureauFieldChangeService>()
                .DecideAsync(ChangchunDiagnosis.City, proposed.Value!.Id, BureauFieldChangeTrigger.Confirm, null, proposed.Value.Version);
            Assert.True(confirmed.IsOk, confirmed.Message);
        }
        await Is(Expect(("南关区", Cars, s2), ("南关区", Rail, s1)));

        // The city exports A, types another district into the sheet and imports it back.
        var city = await app.As(c.Parties.Users["city"]);
        var sheet = await (await city.GetAsync("/api/enterprises/export?search=" + Uri.EscapeDataString(a.Name))).Content.ReadAsByteArrayAsync();
        using var form2 = new MultipartFormDataContent();
        var file = new ByteArrayContent(WithCell(sheet, "所属县（市、区）", "朝阳区"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form2.Add(file, "file", "名单.xlsx");
        var report = await (await city.PostAsync("/api/enterprises/import", form2)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        await Is(Expect(("朝阳区", Cars, s2), ("南关区", Rail, s1)));

        // The map reads the kept counts: per industry, each district's enterprises added up.
        var map = await city.GetFromJsonAsync<JsonElement>("/api/catalogue/demand");
        int Demand(string code) => map.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("demand").GetInt32();
        Assert.Equal((1, 1), (Demand(s1), Demand(s2)));
    }

    [Fact]
    public async Task After_a_random_sequence_of_writes_the_kept_counts_equal_a_recount()
    {
        await ChangchunCatalogue.CreateAsync(app);
        var scenarios = new List<string>();
        for (var i = 0; i < 3; i++) scenarios.Add(await ChangchunNeeds.ScenarioAsync(app, 71 + i, $"测试：随机{i}"));
        var districts = new[] { "朝阳区", "南关区" };
        var industries = new[] { Cars, Rail };
        var enterprises = new List<Enterprise>();
        for (var i = 0; i < 4; i++) enterprises.Add(await ChangchunNeeds.EnterpriseAsync(app, industries[i % 2], districts[i / 2]));
        var needs = new List<(Enterprise Owner, Guid Id)>();
        var random = new Random(13);
        for (var step = 0; step < 40; step++)
        {
            var e = enterprises[random.Next(enterprises.Count)];
            switch (random.Next(needs.Count == 0 ? 1 : 5))
            {
                case 0: case 1: needs.Add((e, (await DemandCells.AddAsync(app, e, scenarios[random.Next(scenarios.Count)])).Id)); break;
                case 2: { var n = needs[random.Next(needs.Count)]; await DemandCells.MoveAsync(app, n.Owner, n.Id, scenarios[random.Next(scenarios.Count)]); break; }
                case 3: { var n = needs[random.Next(needs.Count)]; await DemandCells.RemoveAsync(app, n.Owner, n.Id); needs.Remove(n); break; }
                default: await DemandCells.PlaceAsync(app, e.Id, districts[random.Next(2)], industries[random.Next(2)]); break;
            }
        }
        Assert.Equal(0, await DemandCells.RecountAsync(app));
        // The rule worked from the needs kept by the test: each enterprise once per scenario, where it now is.
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var ids = enterprises.Select(e => e.Id).ToList();
        var places = await db.Enterprises.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => $"{e.District}/{e.IndustryKey}");
        var kept = needs.Select(n => n.Id).ToList();
        var expected = (await db.EnterpriseNeeds.Where(n => kept.Contains(n.Id)).Select(n => new { n.EnterpriseId, n.ScenarioCode }).ToListAsync())
            .Distinct().GroupBy(n => $"{places[n.EnterpriseId]}/{n.ScenarioCode}").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(x => x.Key), (await DemandCells.OfAsync(app, [.. scenarios])).OrderBy(x => x.Key));
    }

    [Fact]
    public async Task Savers_writing_at_once_lose_no_increment()
    {
        await ChangchunCatalogue.CreateAsync(app);
        var code = await ChangchunNeeds.ScenarioAsync(app, 81, "测试：并发");
        var one = await ChangchunNeeds.EnterpriseAsync(app, Cars, "绿园区");
        var others = new List<Enterprise>();
        for (var i = 0; i < 5; i++) others.Add(await ChangchunNeeds.EnterpriseAsync(app, Cars, "绿园区"));

        // Six needs of one enterprise and one of each of five others, saved at once: six enterprises.
        var added = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => DemandCells.AddAsync(app, one, code)))
            .Concat(others.Select(e => Task.Run(() => DemandCells.AddAsync(app, e, code)))));
        Assert.Equal(new Dictionary<string, int> { [$"绿园区/{Cars}/{code}"] = 6 }, await DemandCells.OfAsync(app, code));
        // All six of the one enterprise's needs removed at once: it leaves the cell exactly once.
        await Task.WhenAll(added.Where(n => n.EnterpriseId == one.Id).Select(n => Task.Run(() => DemandCells.RemoveAsync(app, one, n.Id))));
        Assert.Equal(new Dictionary<string, int> { [$"绿园区/{Cars}/{code}"] = 5 }, await DemandCells.OfAsync(app, code));
        Assert.Equal(0, await DemandCells.RecountAsync(app));
    }

    [Fact]
    public async Task The_recount_verb_repairs_counts_changed_behind_the_platforms_back_and_says_how_many_rows()
    {
        var c = await ChangchunCatalogue.CreateAsync(app);
        var (s1, s2) = (await ChangchunNeeds.ScenarioAsync(app, 91, "测试：重算甲"), await ChangchunNeeds.ScenarioAsync(app, 92, "测试：重算乙"));
        await DemandCells.AddAsync(app, c.Parties.Enterprise, s1);
        await DemandCells.AddAsync(app, c.Parties.Enterprise, s2);
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        string[] args = ["recount", $"--Database:Provider={database.Provider}", $"--ConnectionStrings:DxPilot={database.ConnectionString}"];
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await CatalogueCommand.RunAsync(args, output, errors, TestContext.Current.CancellationToken));
        Assert.Equal("供需地图的企业数与企业需求一致，未作更改。", output.ToString().Trim());

        // One count raised, one row removed, one row that no need supports: three rows wrong.
        await using (var scope = app.DataScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            await db.Database.ExecuteSqlAsync($"""UPDATE "DemandCounts" SET "Enterprises" = "Enterprises" + 4 WHERE "ScenarioCode" = {s1}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "DemandCounts" WHERE "ScenarioCode" = {s2}""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "DemandCounts" VALUES ({ChangchunDiagnosis.Programme}, '双阳区', {Rail}, {s2}, 7)""");
        }
        Assert.Equal(new Dictionary<string, int> { [$"朝阳区/{Cars}/{s1}"] = 5, [$"双阳区/{Rail}/{s2}"] = 7 }, await DemandCells.OfAsync(app, s1, s2));
        output = new StringWriter();
        Assert.Equal(0, await CatalogueCommand.RunAsync(args, output, errors, TestContext.Current.CancellationToken));
        Assert.Equal("已按企业需求重新统计供需地图：更正 3 行（缺少、多余或数目不符）。", output.ToString().Trim());
        Assert.Equal(Expect(("朝阳区", Cars, s1), ("朝阳区", Cars, s2)).OrderBy(x => x.Key), (await DemandCells.OfAsync(app, s1, s2)).OrderBy(x => x.Key));
        Assert.Equal(2, await CatalogueCommand.RunAsync(["count"], output, errors, TestContext.Current.CancellationToken));
    }

    /// <summary>The export as Excel would save it after a person typed <paramref name="value"/> under <paramref name="header"/> in its one row.</summary>
    private static byte[] WithCell(byte[] xlsx, string header, string value)
    {
        var copy = new MemoryStream();
        copy.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(copy, true))
        {
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            var titles = rows[0].Elements<Cell>().Select(x => Text(doc, x)).ToList();
            var column = rows[0].Elements<Cell>().ElementAt(titles.IndexOf(header)).CellReference!.Value!.TrimEnd('1');
            var cell = rows[1].Elements<Cell>().Single(x => x.CellReference!.Value == column + "2");
            cell.DataType = CellValues.InlineString;
            cell.RemoveAllChildren();
            cell.AppendChild(new InlineString(new Text(value)));
        }
        return copy.ToArray();
    }

    private static string Text(SpreadsheetDocument doc, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.InnerText)).InnerText
            : cell.InnerText;
}

public sealed class DemandCountTestsOnSqlite(SqliteApp app) : DemandCountTests<SqliteApp>(app);

public sealed class DemandCountTestsOnPostgres(PostgresApp app) : DemandCountTests<PostgresApp>(app);

/// <summary>The counts are kept by <c>DemandCounter</c> from the change tracker, so a write that bypasses it would leave them wrong
/// until a recount: no source file writes needs or an enterprise's rows by ExecuteUpdate/ExecuteDelete or by raw SQL.</summary>
public sealed class DemandCountBypassTests
{
    [Fact]
    public void No_code_writes_needs_or_enterprises_around_the_change_tracker()
    {
        var bulk = TrackerBypass.Bulk("EnterpriseNeeds", "Enterprises");
        var raw = TrackerBypass.Raw("EnterpriseNeeds", "Enterprises");
        var offenders = TrackerBypass.Offenders(bulk, raw);
        Assert.Empty(offenders);
        // The check finds what it looks for.
        Assert.Matches(bulk, "db.EnterpriseNeeds.Where(n => n.Id == id).ExecuteDeleteAsync(ct);");
        Assert.Matches(bulk, "await db.Enterprises.Where(e => e.Id == id)\n    .ExecuteUpdateAsync(s => s.SetProperty(e => e.District, d));");
        Assert.Matches(raw, "UPDATE \"Enterprises\" SET \"District\" = @d");
    }
}
