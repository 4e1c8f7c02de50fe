using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Diagnoses;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Seeing the diagnoses' progress (issue 9, items 10-11): the list with its filters and the provider's 开展诊断, the overview,
/// the export and the to-do items, each within the one scope rule; the agreement's term judged on the day it is read.
/// Each test arranges its own enterprises under a unique name and its own providers, and reads through them.
/// </summary>
public abstract class DiagnosisProgressTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp, IClockedApp
{
    private readonly ChangchunDiagnoses cc = new(app);
    private static readonly Actor City = ChangchunDiagnoses.City;

    private string Unique(string what) => $"{what}{Guid.NewGuid().ToString("N")[..6]}有限公司";

    [Fact]
    public async Task Each_role_lists_only_its_scope_and_the_enterprise_gets_no_list()
    {
        app.Clock.SetBeijingNoon(new DateOnly(2026, 3, 10));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var a1 = await cc.EnterpriseAsync($"范围甲{tag}有限公司", "朝阳区");
        var b1 = await cc.EnterpriseAsync($"范围乙{tag}有限公司", "南关区");
        var providerA = await cc.ProviderAsync($"范围服务商甲{tag}", a1);
        var providerB = await cc.ProviderAsync($"范围服务商乙{tag}", b1);
        var da = await cc.DiagnosisAsync(providerA, a1);
        var db = await cc.DiagnosisAsync(providerB, b1);
        var mine = new DiagnosisFilter(Search: tag);

        Same([da, db], await IdsAsync(City, mine));
        Same([da, db], await IdsAsync(ChangchunDiagnoses.ThinkTank, mine));
        Same([da], await IdsAsync(ChangchunDiagnoses.DistrictBureau("朝阳区"), mine));
        Assert.Empty(await IdsAsync(ChangchunDiagnoses.DistrictBureau("宽城区"), mine));
        Same([da], await IdsAsync(ChangchunDiagnoses.Provider(providerA), mine));
        Same([db], await IdsAsync(ChangchunDiagnoses.Provider(providerB), mine));
        // A district bureau asking for another district still gets only its own.
        Assert.Empty(await IdsAsync(ChangchunDiagnoses.DistrictBureau("朝阳区"), mine with { District = "南关区" }));

        // The enterprise (and an evaluation agency) have no list: the page, the API and the export answer 404, never rows.
        foreach (var (role, enterprise) in new[] { (Role.Enterprise, (Guid?)a1.Id), (Role.EvaluationAgency, null) })
        {
            var user = await cc.UserAsync(role, enterprise: enterprise);
            var page = await app.SignedIn(user);
            Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/diagnoses")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/diagnoses/overview")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/diagnoses/export")).StatusCode);
            var api = await app.As(user);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/diagnoses")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/diagnoses/export")).StatusCode);
        }

        // Through HTTP the provider's list shows its own row, linked to the diagnosis, and not the other provider's.
        var provider = await app.SignedIn(await cc.UserAsync(Role.ServiceProvider, organisation: providerA.Id));
        var html = await provider.GetStringAsync("/diagnoses?search=" + tag);
        Assert.Contains($"href=\"/diagnoses/{da}\"", html);
        Assert.DoesNotContain(b1.Name, html);
        // A provider is not offered other providers to filter by.
        Assert.DoesNotContain("name=\"provider\"", html);
        var json = await (await app.As(await cc.UserAsync(Role.DistrictBureau, district: "南关区"))).GetFromJsonAsync<JsonElement>("/api/diagnoses?search=" + tag);
        Assert.Equal(1, json.GetProperty("total").GetInt32());
        Assert.Equal(db, json.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Each_filter_selects_its_rows()
    {
        app.Clock.SetBeijingNoon(new DateOnly(2026, 3, 10));
        var today = app.Clock.BeijingToday;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var uscc = TestData.NewUscc();
        var e1 = await cc.EnterpriseAsync($"筛选一{tag}有限公司", "绿园区", uscc);
        var e2 = await cc.EnterpriseAsync($"筛选二{tag}有限公司", "二道区");
        var e3 = await cc.EnterpriseAsync($"筛选三{tag}有限公司", "二道区");
        var e4 = await cc.EnterpriseAsync($"筛选四{tag}有限公司", "二道区");
        var p1 = await cc.ProviderAsync($"筛选服务商一{tag}", e1, e2);
        var p2 = await cc.ProviderAsync($"筛选服务商二{tag}", e3, e4);
        // In progress, in term, the team red; in progress and past its term with nothing else red; submitted and waiting for
        // the satisfaction form; accepted.
        var d1 = await cc.DiagnosisAsync(p1, e1, today.AddDays(-5), DiagnosisStatus.InProgress, "team", "satisfaction");
        var d2 = await cc.DiagnosisAsync(p1, e2, today.AddDays(-40), DiagnosisStatus.InProgress, "satisfaction");
        var d3 = await cc.DiagnosisAsync(p2, e3, today.AddDays(-10), DiagnosisStatus.Submitted, "satisfaction");
        var d4 = await cc.DiagnosisAsync(p2, e4, today.AddDays(-20), DiagnosisStatus.Accepted);
        var all = new DiagnosisFilter(Search: tag);

        Same([d1, d2, d3, d4], await IdsAsync(City, all));
        Same([d1], await IdsAsync(City, new DiagnosisFilter(Search: $"筛选一{tag}")));
        Same([d1], await IdsAsync(City, new DiagnosisFilter(Search: uscc)));
        Same([d2, d3, d4], await IdsAsync(City, all with { District = "二道区" }));
        Same([d3, d4], await IdsAsync(City, all with { ProviderId = p2.Id }));
        Same([d3], await IdsAsync(City, all with { State = DiagnosisStatus.Submitted }));
        Same([d2, d1], await IdsAsync(City, all with { State = DiagnosisStatus.InProgress }));
        // Red items: only what holds up the step the diagnosis waits for; the satisfaction form only once submitted.
        Same([d2, d3, d1], await IdsAsync(City, all with { Red = DiagnosisFilter.AnyRed }));
        Same([d1], await IdsAsync(City, all with { Red = "team" }));
        Same([d2], await IdsAsync(City, all with { Red = DiagnosisFilter.PastTerm }));
        Same([d2], await IdsAsync(City, all with { Red = "agreement" }));
        Same([d3], await IdsAsync(City, all with { Red = "satisfaction" }));
        Assert.Empty(await IdsAsync(City, all with { Red = "report" }));

        // The same filters through the query string of the API; a value that does not parse leaves its filter empty.
        var api = await app.As(await cc.UserAsync(Role.CityBureau));
        var overdue = await api.GetFromJsonAsync<JsonElement>($"/api/diagnoses?search={tag}&red=overdue");
        Assert.Equal(d2, overdue.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(["agreement"], overdue.GetProperty("items")[0].GetProperty("redItems").EnumerateArray().Select(x => x.GetString()));
        var submitted = await api.GetFromJsonAsync<JsonElement>($"/api/diagnoses?search={tag}&state=submitted&provider={p2.Id}");
        Assert.Equal(d3, submitted.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        var nonsense = await api.GetFromJsonAsync<JsonElement>($"/api/diagnoses?search={tag}&state=done&red=%3Dcmd&provider=abc");
        Assert.Equal(4, nonsense.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_agreement_is_in_term_on_day_30_and_past_it_on_day_31()
    {
        var signed = new DateOnly(2026, 3, 1);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var e = await cc.EnterpriseAsync($"期限{tag}有限公司", "宽城区");
        var p = await cc.ProviderAsync($"期限服务商{tag}", e);
        var id = await cc.DiagnosisAsync(p, e, signed, DiagnosisStatus.InProgress, "report");
        var user = await cc.UserAsync(Role.CityBureau);
        var mine = new DiagnosisFilter(Search: tag);

        // Day 30 (2026年3月30日): the last day of the term. (Signed in anew at each date: a session lasts less than a day.)
        app.Clock.SetBeijingNoon(new DateOnly(2026, 3, 30));
        var city = await app.SignedIn(user);
        var row = Assert.Single(await RowsAsync(City, mine));
        Assert.Equal(0, row.DaysLeft(Rules, app.Clock.BeijingToday));
        Assert.Equal(["report"], row.RedKeys(Rules, app.Clock.BeijingToday));
        Assert.Empty(await IdsAsync(City, mine with { Red = DiagnosisFilter.PastTerm }));
        Assert.Empty(await IdsAsync(City, mine with { Red = "agreement" }));
        var term = (await city.GetDocument("/diagnoses?search=" + tag)).QuerySelector("td .term")!;
        Assert.Equal("今天届满", term.TextContent);
        Assert.DoesNotContain("overdue", term.ClassName);

        // Day 31: past its term, flagged red, and the agreement counts as red though nothing was saved since.
        app.Clock.SetBeijingNoon(new DateOnly(2026, 3, 31));
        city = await app.SignedIn(user);
        Same([id], await IdsAsync(City, mine with { Red = DiagnosisFilter.PastTerm }));
        Same([id], await IdsAsync(City, mine with { Red = "agreement" }));
        row = Assert.Single(await RowsAsync(City, mine));
        Assert.Equal(["agreement", "report"], row.RedKeys(Rules, app.Clock.BeijingToday));
        var page = await city.GetDocument("/diagnoses?search=" + tag);
        term = page.QuerySelector("td .term")!;
        Assert.Equal("已超期1天", term.TextContent);
        Assert.Contains("overdue", term.ClassName);
        Assert.Equal(["咨询诊断服务协议", "诊断报告字数"], page.QuerySelectorAll("td .red-item").Select(t => t.TextContent));
        Assert.Contains("2026年3月1日签订", page.QuerySelector("table.diagnoses tbody")!.TextContent);
    }

    [Fact]
    public async Task The_export_has_the_page_columns_plus_the_code_round_and_dates_keeps_formulas_as_text_and_is_audited()
    {
        app.Clock.SetBeijingNoon(new DateOnly(2026, 11, 26));
        var today = app.Clock.BeijingToday;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var uscc = TestData.NewUscc();
        var hostile = await cc.EnterpriseAsync($"=HYPERLINK(\"http://x\",\"点我\"){tag}公司", "双阳区", uscc);
        var plain = await cc.EnterpriseAsync($"导出{tag}有限公司", "双阳区");
        var other = await cc.EnterpriseAsync($"导出另一{tag}有限公司", "九台区");
        var p = await cc.ProviderAsync($"+导出服务商{tag}", hostile, plain, other);
        await cc.DiagnosisAsync(p, hostile, today.AddDays(-31), DiagnosisStatus.InProgress, "team");
        await cc.DiagnosisAsync(p, plain, today.AddDays(-3), DiagnosisStatus.Accepted);
        await cc.DiagnosisAsync(p, other, today.AddDays(-3));
        var user = await cc.UserAsync(Role.CityBureau);
        var api = await app.As(user);

        var response = await api.GetAsync($"/api/diagnoses/export?search={tag}&district=双阳区");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DiagnosisExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("咨询诊断进度（长春市）2026年11月26日.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()), c => c.InnerText)).ToList();
        // Title, header, and the two rows of 双阳区 (the filter).
        Assert.Equal(4, rows.Count);
        Assert.Equal(["序号", "企业名称", "统一社会信用代码", "所属县（市、区）", "服务商", "状态", "协议签订日期", "服务期至", "服务期剩余", "未满足项",
            "提交轮次", "提交验收时间", "验收时间", "最后更新"], rows[1].OrderBy(c => c.Key.Length).ThenBy(c => c.Key).Select(c => c.Value));
        var first = rows.Skip(2).Single(r => r["B"] == hostile.Name);
        Assert.Equal(uscc, first["C"]);
        Assert.Equal("双阳区", first["D"]);
        Assert.Equal($"+导出服务商{tag}", first["E"]);
        Assert.Equal("诊断中", first["F"]);
        // Dates are date cells (day numbers of the 1900 system, shown 2025年7月16日), as in every other export.
        static string Serial(DateOnly d) => (d.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString();
        Assert.Equal(Serial(new DateOnly(2026, 10, 26)), first["G"]); // 31 days before 2026年11月26日
        Assert.Equal(Serial(new DateOnly(2026, 11, 24)), first["H"]); // day 30
        Assert.Equal("已超期2天", first["I"]);
        Assert.Equal("咨询诊断服务协议、诊断团队", first["J"]);
        Assert.Equal("0", first["K"]);
        Assert.False(first.ContainsKey("L"));
        var accepted = rows.Skip(2).Single(r => r["B"] == plain.Name);
        Assert.Equal(("已验收", "1"), (accepted["F"], accepted["K"]));
        Assert.StartsWith(Serial(new DateOnly(2026, 11, 26)) + ".", accepted["L"]);
        Assert.StartsWith(Serial(new DateOnly(2026, 11, 26)) + ".", accepted["M"]);
        var dated = sheet.Descendants<Row>().Skip(2).SelectMany(r => r.Elements<Cell>()).Where(c => c.CellReference!.Value![0] is 'G' or 'H' or 'L' or 'M').ToList();
        Assert.True(dated.Count >= 4, $"{dated.Count} date cells");
        Assert.All(dated, c => Assert.Equal(CellValues.Number, c.DataType!.Value));
        Assert.False(accepted.ContainsKey("I")); // the term no longer matters once accepted
        foreach (var cell in sheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString))
            Assert.Null(cell.CellFormula);

        await using var scope = app.DataScope();
        var entry = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AuditEntries
            .Where(a => a.EntityType == "DiagnosisList" && a.Action == AuditAction.Exported && a.Source!.Contains(tag)).SingleAsync();
        Assert.Equal(ChangchunDiagnoses.Programme, entry.ProgrammeId);
        Assert.StartsWith("咨询诊断进度 2 行", entry.Source);
        Assert.NotEqual("", entry.ActorId);
    }

    [Fact]
    public async Task The_overview_counts_per_district_and_provider_against_the_target()
    {
        app.Clock.SetBeijingNoon(new DateOnly(2026, 3, 10));
        var tag = Guid.NewGuid().ToString("N")[..6];
        // 榆树市 and 德惠市 are used by this test alone.
        var y1 = await cc.EnterpriseAsync($"总览一{tag}有限公司", "榆树市");
        var y2 = await cc.EnterpriseAsync($"总览二{tag}有限公司", "榆树市");
        var y3 = await cc.EnterpriseAsync($"总览三{tag}有限公司", "榆树市");
        var y4 = await cc.EnterpriseAsync($"总览四{tag}有限公司", "榆树市");
        var d1 = await cc.EnterpriseAsync($"总览五{tag}有限公司", "德惠市");
        var p1 = await cc.ProviderAsync($"总览服务商一{tag}", y1, y2, y3, y4);
        var p2 = await cc.ProviderAsync($"总览服务商二{tag}", d1);
        await cc.DiagnosisAsync(p1, y1);
        await cc.DiagnosisAsync(p1, y2, state: DiagnosisStatus.Returned);
        await cc.DiagnosisAsync(p1, y3, state: DiagnosisStatus.Accepted);

        // 4 assigned, 3 diagnosed, 2 submitted at least once (the returned and the accepted), 1 accepted.
        var city = await OverviewAsync(City);
        Assert.Equal(new ProgressLine("榆树市", 4, 3, 2, 1), city!.Districts.Single(l => l.Name == "榆树市"));
        Assert.Equal(new ProgressLine("德惠市", 1, 0, 0, 0), city.Districts.Single(l => l.Name == "德惠市"));
        Assert.Equal(new ProgressLine(p1.Name, 4, 3, 2, 1), city.Providers.Single(l => l.Name == p1.Name));
        Assert.Equal(new ProgressLine(p2.Name, 1, 0, 0, 0), city.Providers.Single(l => l.Name == p2.Name));
        Assert.Equal(500, city.Target);
        // Every district of the programme has its line, even with nothing yet.
        Assert.Equal(15, city.Districts.Count);
        Assert.Equal(city.Districts.Sum(l => l.Accepted), city.Total.Accepted);

        var district = await OverviewAsync(ChangchunDiagnoses.DistrictBureau("榆树市"));
        Assert.Equal([new ProgressLine("榆树市", 4, 3, 2, 1)], district!.Districts);
        Assert.Equal([new ProgressLine(p1.Name, 4, 3, 2, 1)], district.Providers);
        Assert.Equal(new ProgressLine("德惠市", 1, 0, 0, 0), Assert.Single((await OverviewAsync(ChangchunDiagnoses.DistrictBureau("德惠市")))!.Districts));
        Assert.NotNull(await OverviewAsync(ChangchunDiagnoses.ThinkTank));
        Assert.Null(await OverviewAsync(ChangchunDiagnoses.Provider(p1)));
        Assert.Null(await OverviewAsync(ChangchunDiagnoses.Enterprise(y1.Id)));

        // The page: the chart is drawn on the server with its title and description, the figures also in a table.
        var page = await (await app.SignedIn(await cc.UserAsync(Role.DistrictBureau, district: "榆树市"))).GetDocument("/diagnoses/overview");
        var chart = page.QuerySelector("svg.progress-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("各县（市、区）咨询诊断进度", chart.QuerySelector("title")!.TextContent);
        Assert.Equal("榆树市：已分配4家，开展诊断3家，已提交验收2家，已验收1家", chart.QuerySelector("desc")!.TextContent);
        Assert.Contains("分配4 · 诊断3 · 验收1", chart.TextContent);
        var provider = await app.SignedIn(await cc.UserAsync(Role.ServiceProvider, organisation: p1.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync("/diagnoses/overview")).StatusCode);
        var cityPage = await (await app.SignedIn(await cc.UserAsync(Role.CityBureau))).GetDocument("/diagnoses/overview");
        Assert.Contains("目标 500 家", cityPage.QuerySelector(".target-progress")!.TextContent);
    }

    [Fact]
    public async Task A_file_moved_to_another_district_by_a_registry_edit_or_an_import_takes_its_diagnosis_and_assignment_along()
    {
        app.Clock.SetBeijingNoon(new DateOnly(2026, 3, 10));
        var tag = Guid.NewGuid().ToString("N")[..6];
        // The three development zones are used by this test alone.
        const string first = "长春新区", second = "长春经济技术开发区", third = "长春汽车经济技术开发区";
        var moving = await cc.EnterpriseAsync($"迁移{tag}有限公司", first);
        var staying = await cc.EnterpriseAsync($"留守{tag}有限公司", first);
        var p = await cc.ProviderAsync($"迁移服务商{tag}", moving, staying);
        var moved = await cc.DiagnosisAsync(p, moving, state: DiagnosisStatus.Accepted);
        var stayed = await cc.DiagnosisAsync(p, staying);
        var mine = new DiagnosisFilter(Search: tag);
        Same([moved, stayed], await IdsAsync(ChangchunDiagnoses.DistrictBureau(first), mine));
        Assert.Equal(new ProgressLine(p.Name, 2, 2, 1, 1), await ProviderLineAsync(first, p));

        // The city moves the file in the registry: the diagnosis and the assignment go with it, and nothing else moves.
        await using (var scope = app.ScopeAs(City))
        {
            var enterprises = scope.ServiceProvider.GetRequiredService<EnterpriseService>();
            var file = (await enterprises.GetAsync(City, moving.Id))!;
            var form = file.ToForm();
            form.District = second;
            var edited = await enterprises.UpdateAsync(City, file.Id, file.Version, form);
            Assert.True(edited.IsOk, edited.Message);
        }
        Same([stayed], await IdsAsync(ChangchunDiagnoses.DistrictBureau(first), mine));
        Same([moved], await IdsAsync(ChangchunDiagnoses.DistrictBureau(second), mine));
        Same([moved], await IdsAsync(City, mine with { District = second }));
        Assert.Equal(new ProgressLine(p.Name, 1, 1, 0, 0), await ProviderLineAsync(first, p));
        Assert.Equal(new ProgressLine(p.Name, 1, 1, 1, 1), await ProviderLineAsync(second, p));
        await AssertCopiesInStepAsync();

        // A sheet imported by the city moves it again.
        var api = await app.As(await cc.UserAsync(Role.CityBureau));
        using var upload = new MultipartFormDataContent();
        var sheet = new ByteArrayContent(TestSheets.Xlsx(["企业名称", "统一社会信用代码", "所属区县", "行业"],
            [moving.Name, moving.Uscc, third, "汽车零部件配件制造"]));
        sheet.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        upload.Add(sheet, "file", "迁移.xlsx");
        var imported = await api.PostAsync("/api/enterprises/import", upload);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(1, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        Assert.Empty(await IdsAsync(ChangchunDiagnoses.DistrictBureau(second), mine));
        Same([moved], await IdsAsync(ChangchunDiagnoses.DistrictBureau(third), mine));
        Assert.Null(await ProviderLineAsync(second, p));
        Assert.Equal(new ProgressLine(p.Name, 1, 1, 1, 1), await ProviderLineAsync(third, p));
        await AssertCopiesInStepAsync();
    }

    [Fact]
    public async Task The_list_counts_a_thousand_diagnoses_exactly_and_says_more_from_the_thousand_and_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var provider = await cc.ProviderAsync($"计数服务商{tag}");
        await AddDiagnosesAsync(provider, tag, DiagnosisService.CountCap);
        var mine = new DiagnosisFilter(Search: tag);
        var exact = await PageAsync(City, mine);
        Assert.Equal((1000, false), (exact.Total, exact.TotalCapped));

        await AddDiagnosesAsync(provider, tag, 1);
        var capped = await PageAsync(City, mine);
        Assert.Equal((1000, true), (capped.Total, capped.TotalCapped));
        Assert.Equal(DiagnosisService.PageSize, capped.Items.Count);
        // The last page reachable is the twentieth; what lies beyond is found by narrowing the filters.
        Assert.Equal(20, (await PageAsync(City, mine, 999)).PageNumber);
        var page = await (await app.SignedIn(await cc.UserAsync(Role.CityBureau))).GetDocument("/diagnoses?search=" + tag);
        Assert.Equal("找到 1,000 多项诊断，请加上筛选条件缩小范围。各区县、各服务商的数量见进度总览。服务期自协议签订之日起30天。",
            page.QuerySelectorAll("p.muted").Single(p => p.TextContent.Contains("找到")).TextContent);
        var json = await (await app.As(await cc.UserAsync(Role.CityBureau))).GetFromJsonAsync<JsonElement>("/api/diagnoses?search=" + tag);
        Assert.Equal((1000, true), (json.GetProperty("total").GetInt32(), json.GetProperty("totalCapped").GetBoolean()));
    }

    /// <summary>Files and in-progress diagnoses by the provider, stored in one go: the count is what is tested, not the opening.</summary>
    private async Task AddDiagnosesAsync(Domain.Organisations.Organisation provider, string tag, int count)
    {
        await using var scope = app.DataScope(ChangchunDiagnoses.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<DxPilot.Infrastructure.Programmes.ProgrammeCatalog>().Get(ChangchunDiagnoses.Programme);
        var form = new Domain.Enterprises.EnterpriseForm { Name = "计数", District = "农安县", Industry = "汽车零部件配件制造" };
        var details = Domain.Enterprises.EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1)).Details!;
        for (var i = 0; i < count; i++)
        {
            var e = Domain.Enterprises.Enterprise.Register(programme, details with { Name = $"计数{tag}{Guid.NewGuid():N}有限公司", Uscc = TestData.NewUscc() }, DateTime.UtcNow);
            db.Enterprises.Add(e);
            db.Diagnoses.Add(Diagnosis.Open(ChangchunDiagnoses.Programme, e.Id, e.District, provider.Id, ChangchunDiagnoses.Provider(provider), DateTime.UtcNow));
        }
        await db.SaveChangesAsync();
    }

    private async Task<DxPilot.Web.Features.Platform.Page<DiagnosisRow>> PageAsync(Actor actor, DiagnosisFilter filter, int number = 1)
    {
        await using var scope = app.ScopeAs(actor);
        var outcome = await scope.ServiceProvider.GetRequiredService<DiagnosisService>().ListAsync(actor, filter, number);
        Assert.True(outcome.IsOk, outcome.Message);
        return outcome.Value!;
    }

    /// <summary>The provider's line in a district bureau's overview, counted now; null when it has nothing there.</summary>
    private async Task<ProgressLine?> ProviderLineAsync(string district, Domain.Organisations.Organisation provider)
    {
        var bureau = ChangchunDiagnoses.DistrictBureau(district);
        await using var scope = app.ScopeAs(bureau);
        var progress = await scope.ServiceProvider.GetRequiredService<DiagnosisOverview>().CountAsync(bureau);
        return progress.Providers.SingleOrDefault(l => l.Name == provider.Name);
    }

    /// <summary>Every diagnosis and assignment of this database (every test's) carries its file's district.</summary>
    private async Task AssertCopiesInStepAsync()
    {
        await using var scope = app.DataScope(ChangchunDiagnoses.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        Assert.Equal(0, await db.Diagnoses.Join(db.Enterprises, d => d.EnterpriseId, e => e.Id, (d, e) => new { Copy = d.District, e.District })
            .CountAsync(x => x.Copy != x.District));
        Assert.Equal(0, await db.Assignments.Join(db.Enterprises, a => a.EnterpriseId, e => e.Id, (a, e) => new { Copy = a.District, e.District })
            .CountAsync(x => x.Copy != x.District));
        Assert.True(await db.Diagnoses.AnyAsync() && await db.Assignments.AnyAsync());
    }

    [Fact]
    public async Task A_provider_starts_a_diagnosis_of_an_assigned_enterprise_from_the_list_and_not_of_another()
    {
        app.Clock.SetBeijingNoon(new DateOnly(2026, 3, 10));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var mine = await cc.EnterpriseAsync($"开展{tag}有限公司", "农安县");
        var theirs = await cc.EnterpriseAsync($"他家{tag}有限公司", "农安县");
        var p = await cc.ProviderAsync($"开展服务商{tag}", mine);
        await cc.ProviderAsync($"另一服务商{tag}", theirs);
        var client = await app.SignedIn(await cc.UserAsync(Role.ServiceProvider, organisation: p.Id));

        var page = await client.GetDocument("/diagnoses");
        var button = page.QuerySelector($"form.unstarted button[value='{mine.Id}']")!;
        Assert.Equal("开展诊断", button.TextContent);
        Assert.Null(page.QuerySelector($"button[value='{theirs.Id}']"));
        var token = page.QuerySelector("form.unstarted input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // The diagnoses of these two files (the search may also find another file whose code or phone holds the tag), named so
        // that a failure says which.
        async Task<List<string>> OpenedOfTheTwo() => [.. (await RowsAsync(City, new DiagnosisFilter(Search: tag)))
            .Where(r => r.EnterpriseId == mine.Id || r.EnterpriseId == theirs.Id).Select(r => $"{r.Id} {r.EnterpriseName} {r.ProviderName} {r.Status}")];

        // Without the antiforgery token the post is refused and nothing is opened.
        var forged = await client.PostAsync("/diagnoses/open", Form(("enterpriseId", mine.Id.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await OpenedOfTheTwo());

        // Another provider's enterprise: refused with the reason, nothing opened.
        var refused = await client.PostAsync("/diagnoses/open", Form(("__RequestVerificationToken", token), ("enterpriseId", theirs.Id.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Empty(await OpenedOfTheTwo());

        var opened = await client.PostAsync("/diagnoses/open", Form(("__RequestVerificationToken", token), ("enterpriseId", mine.Id.ToString())));
        var id = Guid.Parse(Assert.Single(await OpenedOfTheTwo()).Split(' ')[0]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/diagnoses/{id}", opened.Headers.Location?.OriginalString);
        // Now it is a diagnosis in the list, no longer waiting to be started.
        page = await client.GetDocument("/diagnoses");
        Assert.Null(page.QuerySelector($"button[value='{mine.Id}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/diagnoses/{id}']"));
    }

    [Fact]
    public async Task To_do_items_appear_and_go_with_the_state()
    {
        app.Clock.SetBeijingNoon(new DateOnly(2026, 3, 10));
        var today = app.Clock.BeijingToday;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var e1 = await cc.EnterpriseAsync($"待办一{tag}有限公司", "公主岭市");
        var e2 = await cc.EnterpriseAsync($"待办二{tag}有限公司", "公主岭市");
        var p = await cc.ProviderAsync($"待办服务商{tag}");
        var assignedAt = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        await cc.AssignAsync(p, e1, assignedAt);
        await cc.AssignAsync(p, e2, assignedAt.AddDays(1));
        var provider = ChangchunDiagnoses.Provider(p);

        var start = Single(await TodosAsync(provider), "开展咨询诊断：为分配给本机构的企业开展诊断");
        Assert.Equal(("/diagnoses", 2, TodoList.Since(assignedAt)), (start.Href, start.Count, start.Since));

        // Day 22 of 30 (8 days left) is not due yet; day 23 (7 days left) is, since that day began; day 31 is past the term.
        var d1 = await cc.DiagnosisAsync(p, e1, today.AddDays(-21));
        Assert.Equal(1, Single(await TodosAsync(provider), "开展咨询诊断：为分配给本机构的企业开展诊断").Count);
        Assert.DoesNotContain(await TodosAsync(provider), t => t.Title.StartsWith("咨询诊断服务协议", StringComparison.Ordinal));
        app.Clock.SetBeijingNoon(today.AddDays(1));
        var due = Single(await TodosAsync(provider), "咨询诊断服务协议7天内届满（最早2026年3月18日）：请在服务期内提交验收");
        Assert.Equal(($"/diagnoses/{d1}", new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(8))), (due.Href, due.Since));
        app.Clock.SetBeijingNoon(today.AddDays(8));
        Assert.Contains(await TodosAsync(provider), t => t.Title.StartsWith("咨询诊断服务协议7天内届满", StringComparison.Ordinal));
        app.Clock.SetBeijingNoon(today.AddDays(9));
        var past = Single(await TodosAsync(provider), "咨询诊断服务协议已超期：请续签协议并上传扫描件");
        Assert.Equal(new DateTimeOffset(2026, 3, 19, 0, 0, 0, TimeSpan.FromHours(8)), past.Since);
        Assert.DoesNotContain(await TodosAsync(provider), t => t.Title.StartsWith("咨询诊断服务协议7天内届满", StringComparison.Ordinal));
        app.Clock.SetBeijingNoon(today);

        // Submitted: the enterprise rates it, the city accepts it; the provider has nothing on it.
        var enterprise = ChangchunDiagnoses.Enterprise(e2.Id);
        var cityBefore = (await TodosAsync(City)).SingleOrDefault(t => t.Title == "咨询诊断待验收：退回修改、通过验收")?.Count ?? 0;
        var d2 = await cc.DiagnosisAsync(p, e2, today.AddDays(-2), DiagnosisStatus.Submitted, "satisfaction");
        Assert.DoesNotContain(await TodosAsync(provider), t => t.Title.StartsWith("开展咨询诊断", StringComparison.Ordinal));
        var rate = Single(await TodosAsync(enterprise), "填写满意度评价：服务商已提交咨询诊断，请对诊断服务作出评价");
        Assert.Equal($"/diagnoses/{d2}/satisfaction", rate.Href);
        var acceptance = Single(await TodosAsync(City), "咨询诊断待验收：退回修改、通过验收");
        Assert.Equal(("/diagnoses?state=submitted", cityBefore + 1), (acceptance.Href, acceptance.Count));
        // The district bureau takes no step of acceptance in Changchun's chain.
        Assert.DoesNotContain(await TodosAsync(ChangchunDiagnoses.DistrictBureau("公主岭市")), t => t.Kind == DiagnosisTodo.Kind);

        await using (var scope = app.ScopeAs(enterprise))
        {
            var rated = await scope.ServiceProvider.GetRequiredService<DiagnosisService>().RateAsync(enterprise, d2,
                new SatisfactionInput([Rating.VeryGood, Rating.Good, Rating.Good, Rating.VeryGood, Rating.Good], OverallSatisfaction.Satisfied, Adoption.Adopted, null));
            Assert.True(rated.IsOk, rated.Message);
        }
        Assert.DoesNotContain(await TodosAsync(enterprise), t => t.Kind == DiagnosisTodo.Kind);
        // The form turns its checklist item green in the lists too (the red filters read the items kept on the diagnosis).
        Assert.DoesNotContain(d2, await IdsAsync(City, new DiagnosisFilter(Red: "satisfaction")));

        // Returned: back with the provider, to change as asked.
        await using (var scope = app.ScopeAs(City))
        {
            var returned = await scope.ServiceProvider.GetRequiredService<DiagnosisService>().TransitionAsync(City, d2, DiagnosisTrigger.Return, "请补充培训记录。", null);
            Assert.True(returned.IsOk, returned.Message);
        }
        var fix = Single(await TodosAsync(provider), "咨询诊断被退回：按退回意见修改后重新提交验收");
        Assert.Equal($"/diagnoses/{d2}", fix.Href);
        // Waiting since the return, not since the submission before it.
        await using (var scope = app.DataScope())
        {
            var key = d2.ToString();
            var transitions = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().StateTransitions
                .Where(t => t.EntityId == key).OrderBy(t => t.At).Select(t => t.At).ToListAsync();
            Assert.Equal(2, transitions.Count);
            Assert.Equal(TodoList.Since(transitions[1]), fix.Since);
        }
        Assert.Equal(cityBefore, (await TodosAsync(City)).SingleOrDefault(t => t.Title == "咨询诊断待验收：退回修改、通过验收")?.Count ?? 0);
    }

    private DiagnosisRules Rules => app.Services.GetRequiredService<Infrastructure.Programmes.ProgrammeCatalog>().Get(ChangchunDiagnoses.Programme).Diagnosis!;

    private async Task<List<DiagnosisRow>> RowsAsync(Actor actor, DiagnosisFilter filter)
    {
        await using var scope = app.ScopeAs(actor);
        return await scope.ServiceProvider.GetRequiredService<DiagnosisService>().Listed(actor, filter)!.ToListAsync();
    }

    private async Task<List<Guid>> IdsAsync(Actor actor, DiagnosisFilter filter)
    {
        await using var scope = app.ScopeAs(actor);
        var outcome = await scope.ServiceProvider.GetRequiredService<DiagnosisService>().ListAsync(actor, filter, 1);
        Assert.True(outcome.IsOk, outcome.Message);
        return outcome.Value!.Items.Select(r => r.Id).ToList();
    }

    /// <summary>The same diagnoses, in whatever order the database's collation sorts Chinese names.</summary>
    private static void Same(IEnumerable<Guid> expected, IEnumerable<Guid> actual) => Assert.Equal(expected.Order(), actual.Order());

    private async Task<DiagnosisProgress?> OverviewAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return await scope.ServiceProvider.GetRequiredService<DiagnosisOverview>().ForAsync(actor);
    }

    private async Task<IReadOnlyList<TodoItem>> TodosAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return await scope.ServiceProvider.GetRequiredService<TodoList>().ForAsync(actor);
    }

    private static TodoItem Single(IReadOnlyList<TodoItem> items, string title)
    {
        Assert.Contains(items, i => i.Title == title);
        return items.Single(i => i.Title == title);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}

public sealed class DiagnosisProgressTestsOnSqlite(ClockedSqliteApp app) : DiagnosisProgressTests<ClockedSqliteApp>(app);

public sealed class DiagnosisProgressTestsOnPostgres(ClockedPostgresApp app) : DiagnosisProgressTests<ClockedPostgresApp>(app);
