using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Dashboard;
using DxPilot.Web.Features.Projects;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 试点看板 (issue 11 item 6): its figures equal what the test counts itself from the projects it arranged (read before and after,
/// so the demo's and other tests' rows cancel out), a district bureau sees its own district whatever it asks, organisations and
/// enterprises get 404, and the .xlsx has one sheet per block with values only. The projects are filed through the API and then
/// put at their stages by writing the columns the dashboard reads: how a project gets there is the project tests' subject.
/// </summary>
public abstract class DashboardTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Chaoyang = ChangchunProject.District, Nanguan = "南关区";

    [Fact]
    public async Task Figures_equal_the_counts_of_the_projects_the_test_arranged_in_the_programme_and_in_each_district()
    {
        var first = await ChangchunProject.CreateAsync(app);
        var city = await app.As(first.Users["city"]);
        var chaoyang = await app.As(first.Users["chaoyang"]);
        var cityBefore = await Read(city);
        var chaoyangBefore = await Read(chaoyang);
        var nanguanBefore = await Read(city, Nanguan);

        var (cases, _) = await ArrangeAsync(first);

        var cityAfter = await Read(city);
        // The city: eight enterprises registered since the first reading (four served, four neighbours), five filed, four evaluated,
        // one through to paid.
        Assert.Equal(8, Funnel(cityAfter, "registered") - Funnel(cityBefore, "registered"));
        Assert.Equal(0, Funnel(cityAfter, "diagnosed") - Funnel(cityBefore, "diagnosed"));
        Assert.Equal(5, Funnel(cityAfter, "filed") - Funnel(cityBefore, "filed"));
        Assert.Equal(4, Funnel(cityAfter, "evaluated") - Funnel(cityBefore, "evaluated"));
        foreach (var step in new[] { "accepted", "audited", "paid" }) Assert.Equal(1, Funnel(cityAfter, step) - Funnel(cityBefore, step));
        Assert.Equal(1, Stage(cityAfter, "implementing") - Stage(cityBefore, "implementing"));
        Assert.Equal(2, Stage(cityAfter, "rectifying") - Stage(cityBefore, "rectifying"));
        Assert.Equal(1, Stage(cityAfter, "paid") - Stage(cityBefore, "paid"));
        Assert.Equal(1, Stage(cityAfter, "failed") - Stage(cityBefore, "failed"));
        // Transition matrix: 一级→二级, 一级→三级, 无等级→二级, 一级→一级 once each.
        foreach (var (b, a) in new[] { (1, 2), (1, 3), (0, 2), (1, 1) }) Assert.Equal(1, Cell(cityAfter, b, a) - Cell(cityBefore, b, a));
        Assert.Equal(0, Cell(cityAfter, 0, 1) - Cell(cityBefore, 0, 1));
        // Money: five filings of 44万元 each; 20.00 approved (12.50 central, 7.50 local) and paid, all in 朝阳区.
        Assert.Equal(5 * 44.00m, Money(cityAfter, null, "committedWan") - Money(cityBefore, null, "committedWan"));
        Assert.Equal(4 * 44.00m, Money(cityAfter, Chaoyang, "committedWan") - Money(cityBefore, Chaoyang, "committedWan"));
        Assert.Equal(44.00m, Money(cityAfter, Nanguan, "committedWan") - Money(cityBefore, Nanguan, "committedWan"));
        foreach (var (field, amount) in new[] { ("approvedWan", 20.00m), ("centralWan", 12.50m), ("localWan", 7.50m), ("paidWan", 20.00m) })
            Assert.Equal(amount, Money(cityAfter, Chaoyang, field) - Money(cityBefore, Chaoyang, field));
        // Overdue: the implementing project past its period and the rectification past its deadline, not the one due today.
        Assert.Equal(1, Overdue(cityAfter, "pastPeriod") - Overdue(cityBefore, "pastPeriod"));
        Assert.Equal(1, Overdue(cityAfter, "pastRectification") - Overdue(cityBefore, "pastRectification"));
        // Providers: each serves one enterprise; the paid project's passed (100 %, +2 levels, satisfaction 3.20), the failed one's did not.
        var paidProvider = Provider(cityAfter, cases[2].Provider.Id)!.Value;
        Assert.Equal(1, paidProvider.GetProperty("enterprisesServed").GetInt32());
        Assert.Equal(100.0m, paidProvider.GetProperty("passRate").GetDecimal());
        Assert.Equal(2.00m, paidProvider.GetProperty("averageUplift").GetDecimal());
        Assert.Equal(3.20m, paidProvider.GetProperty("satisfactionAverage").GetDecimal());
        var failedProvider = Provider(cityAfter, cases[3].Provider.Id)!.Value;
        Assert.Equal(0.0m, failedProvider.GetProperty("passRate").GetDecimal());
        Assert.Equal(0.00m, failedProvider.GetProperty("averageUplift").GetDecimal());
        Assert.Equal(JsonValueKind.Null, failedProvider.GetProperty("satisfactionAverage").ValueKind);
        var rectifyingProvider = Provider(cityAfter, cases[1].Provider.Id)!.Value;
        Assert.Equal(JsonValueKind.Null, rectifyingProvider.GetProperty("passRate").ValueKind);
        Assert.Equal(1.00m, rectifyingProvider.GetProperty("averageUplift").GetDecimal());

        // The median days in a state, against the test's own reading of every implementing project's since-time.
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var computedAt = cityAfter.GetProperty("computedAt").GetDateTime().ToUniversalTime();
            var ages = (await db.Projects.Where(p => p.ProgrammeId == ChangchunProject.Programme && p.Status == ProjectStatus.Implementing)
                .Select(p => p.StatusSince).ToListAsync(TestContext.Current.CancellationToken))
                .Select(s => (computedAt - DateTime.SpecifyKind(s, DateTimeKind.Utc)).TotalDays).Order().ToList();
            var median = ages.Count % 2 == 1 ? ages[ages.Count / 2] : (ages[ages.Count / 2 - 1] + ages[ages.Count / 2]) / 2;
            Assert.Equal(median, StageAgeOf(cityAfter, "implementing"), 3);
        }

        // 朝阳区 sees its four and not 南关区's failed one, even when it asks for 南关区; the city's 南关区 has just that one.
        var chaoyangAfter = await Read(chaoyang, Nanguan);
        Assert.Equal(Chaoyang, chaoyangAfter.GetProperty("district").GetString());
        Assert.Equal(4, Funnel(chaoyangAfter, "filed") - Funnel(chaoyangBefore, "filed"));
        Assert.Equal(0, Stage(chaoyangAfter, "failed") - Stage(chaoyangBefore, "failed"));
        Assert.Equal(7, Funnel(chaoyangAfter, "registered") - Funnel(chaoyangBefore, "registered"));
        Assert.Null(Provider(chaoyangAfter, cases[3].Provider.Id));
        Assert.Single(chaoyangAfter.GetProperty("money").EnumerateArray());
        var nanguanAfter = await Read(city, Nanguan);
        Assert.Equal(1, Funnel(nanguanAfter, "filed") - Funnel(nanguanBefore, "filed"));
        Assert.Equal(1, Stage(nanguanAfter, "failed") - Stage(nanguanBefore, "failed"));
        Assert.NotNull(Provider(nanguanAfter, cases[3].Provider.Id));
        Assert.Null(Provider(nanguanAfter, cases[2].Provider.Id));

        // The think tank reads the whole programme as the city does.
        var thinktank = await Read(await app.As(first.Users["thinktank"]));
        Assert.Equal(Funnel(cityAfter, "filed"), Funnel(thinktank, "filed"));
    }

    [Fact]
    public async Task Every_figure_links_to_a_list_whose_total_is_the_figure_for_the_programme_a_district_and_a_district_bureau()
    {
        var first = await ChangchunProject.CreateAsync(app);
        await ArrangeAsync(first);
        var ct = TestContext.Current.CancellationToken;
        // An agency's level still in draft (recorded, the evaluation not yet submitted) is in no level figure and no level list.
        var draft = await ChangchunProject.CreateAsync(app);
        var draftId = await draft.FiledAsync(app);
        var levelsBefore = await LevelsAsync(ct);
        await using (var scope = app.DataScope(ChangchunProject.Programme))
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Projects.Where(p => p.Id == draftId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, ProjectStatus.Completed).SetProperty(p => p.LevelBefore, 1).SetProperty(p => p.LevelAfter, 4), ct);
        Assert.Equal(levelsBefore, await LevelsAsync(ct));
        foreach (var (user, district) in new[] { ("city", (string?)null), ("city", Chaoyang), ("city", Nanguan), ("chaoyang", Chaoyang) })
        {
            DashboardFigures figures;
            await using (var scope = app.DataScope(ChangchunProject.Programme))
            {
                var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(ChangchunProject.Programme);
                figures = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(programme, district, DateTime.UtcNow, ct);
            }
            var page = await app.SignedIn(first.Users[user]);
            var links = DashboardLinks.Of(figures).ToList();
            // Every kind of figure is there: the arrangement gives each block something to count.
            Assert.Contains(links, l => l.Href.Contains("levelBefore=") && l.Href.Contains("levelAfter=") && l.Value > 0);
            Assert.Contains(links, l => l.Measure == DashboardLinks.Measure.PaidWan && (district == Nanguan ? l.Value == 0 : l.Value > 0));
            foreach (var link in links)
            {
                var shown = await ShownAsync(page, link);
                Assert.True(link.Value == shown, $"{user} {district ?? "全市"} {link.Figure} = {link.Value}, {link.Href} shows {shown}");
            }
        }
    }

    [Fact]
    public async Task Hangzhous_above_scale_target_links_to_exactly_the_projects_it_counts_and_a_providers_enterprises_to_the_enterprises_it_serves()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var ct = TestContext.Current.CancellationToken;
        // A project for the above-scale enterprise and one for the other, made below scale: only the first is in 规上企业已备案.
        await using (var scope = app.DataScope(HangzhouFiling.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var otherId = await db.Assignments.Where(a => a.OrganisationId == h.OtherProvider.Id).Select(a => a.EnterpriseId).SingleAsync(ct);
            await db.Enterprises.Where(e => e.Id == otherId).ExecuteUpdateAsync(x => x.SetProperty(e => e.AboveScale, false), ct);
            foreach (var id in new[] { h.Enterprise.Id, otherId })
            {
                var filing = Filing.Start(HangzhouFiling.Programme, id, HangzhouFiling.District, Actor.System(HangzhouFiling.Programme, "测试数据"), DateTime.UtcNow);
                db.Filings.Add(filing);
                db.Projects.Add(Project.Open(filing, null, DateTime.UtcNow));
            }
            await db.SaveChangesAsync(ct);
        }
        DashboardFigures figures;
        await using (var scope = app.DataScope(HangzhouFiling.Programme))
        {
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(HangzhouFiling.Programme);
            figures = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(programme, HangzhouFiling.District, DateTime.UtcNow, ct);
        }
        var page = await app.SignedIn(h.Users["city"]);
        var links = DashboardLinks.Of(figures).ToList();
        var filed = Assert.Single(links, l => l.Figure.EndsWith("规上企业已备案"));
        Assert.True(filed.Value >= 1);
        Assert.Contains("aboveScale=yes", filed.Href);
        Assert.Equal(filed.Value, await ShownAsync(page, filed));
        var served = Assert.Single(links, l => l.Figure == $"服务商·{h.Provider.Name}·服务企业");
        Assert.Equal(1, served.Value);
        Assert.Equal(served.Value, await ShownAsync(page, served));
        var listed = await page.GetDocument(served.Href);
        Assert.Contains(h.Enterprise.Name, listed.QuerySelector("table")!.TextContent);
        // Hangzhou does not diagnose on the platform: its funnel has no 完成诊断 step (whose link opened a page not found), and
        // every figure opens the list it counts.
        Assert.Equal(["registered", "filed", "evaluated", "accepted", "audited", "paid"], figures.Funnel.Select(s => s.Key));
        foreach (var link in links)
            Assert.True(link.Value == await ShownAsync(page, link), $"{link.Figure} = {link.Value}, {link.Href}");
    }

    [Fact]
    public async Task A_provider_the_enterprise_contracted_without_an_assignment_is_credited_with_its_projects_and_its_figures_open_them()
    {
        // The demo's two filed projects (one 已验收，待审计, one approved and paid in part) were contracted with the demo provider,
        // which the bureau assigned to three other files: both verdicts are its work.
        var ct = TestContext.Current.CancellationToken;
        DashboardFigures figures;
        await using (var scope = app.DataScope(HangzhouFiling.Programme))
        {
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(HangzhouFiling.Programme);
            figures = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(programme, null, DateTime.UtcNow, ct);
        }
        var demo = Assert.Single(figures.Providers, p => p.Name == "杭州数智转型服务有限公司（演示）");
        Assert.Equal(2, demo.Verdicts);
        Assert.Equal(2, demo.Passed);
        var page = await app.SignedIn("hz-city");
        foreach (var link in DashboardLinks.Of(figures).Where(l => l.Figure.StartsWith($"服务商·{demo.Name}·")))
            Assert.True(link.Value == await ShownAsync(page, link), $"{link.Figure} = {link.Value}, {link.Href}");
        // Its page says the same, for the city and for the district bureau of the projects.
        foreach (var user in new[] { "hz-city", "hz-binjiang" })
        {
            var org = await (await app.SignedIn(user)).GetDocument($"/organisations/{demo.Id}");
            Assert.Equal("验收通过 2 项（已作出验收结论 2 项）", org.QuerySelector("#org-projects-accepted")!.TextContent);
        }
    }

    [Fact]
    public async Task The_list_shows_the_dashboard_filters_as_chips_and_ignores_malformed_values()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var page = await app.SignedIn(c.Users["city"]);
        var href = DashboardLinks.Levels(Chaoyang, LevelMatch.Exactly(1), LevelMatch.Exactly(2));
        var doc = await page.GetDocument(href);
        var chips = doc.QuerySelectorAll("#filter-chips a").Select(a => (a.TextContent.Replace("×", "").Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(["县（市、区）：朝阳区", "已完成评测", "改造前：一级", "改造后：二级"], chips.Select(x => x.Item1).ToArray());
        // Removing one chip keeps the others.
        Assert.Equal("/projects?district=%E6%9C%9D%E9%98%B3%E5%8C%BA&step=evaluated&levelBefore=1", chips[3].Item2);
        Assert.Equal("/projects?district=%E6%9C%9D%E9%98%B3%E5%8C%BA&levelBefore=1&levelAfter=2", chips[1].Item2);
        // What does not parse is no filter at all: the whole list, no chip, never an error.
        foreach (var bad in new[] { "levelBefore=9", "levelAfter=none", "levelAfter=-1", "step=paid", "step=1", "provider=abc", "overdue=later", "paid=maybe" })
        {
            var response = await page.GetAsync("/projects?" + bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = PageClient.Parse(await response.Content.ReadAsStringAsync());
            Assert.Null(html.QuerySelector("#filter-chips"));
        }
        var api = await app.As(c.Users["city"]);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/projects?levelBefore=x&step=y&provider=z")).StatusCode);
        // A district bureau's list is its district's whatever the link says: no district chip to remove.
        var bureau = await app.SignedIn(c.Users["chaoyang"]);
        var own = await bureau.GetDocument(DashboardLinks.Overdue(Chaoyang, OverdueKind.Rectification));
        Assert.Equal(["超过整改期限"], own.QuerySelectorAll("#filter-chips a").Select(a => a.TextContent.Replace("×", "").Trim()).ToArray());
    }

    [Fact]
    public async Task Organisations_enterprises_and_experts_get_404_and_an_unknown_district_is_refused_by_name()
    {
        var c = await ChangchunProject.CreateAsync(app);
        foreach (var who in new[] { "enterprise", "provider", "agency", "audit", "expert" })
        {
            var client = await app.As(c.Users[who]);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync("/api/dashboard")).StatusCode, who);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync("/api/dashboard.xlsx")).StatusCode, who);
        }
        var city = await app.As(c.Users["city"]);
        var unknown = await city.GetAsync("/api/dashboard?district=" + Uri.EscapeDataString("不存在区"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("“不存在区”不是本试点的县（市、区），请从列表中选择", await unknown.Content.ReadAsStringAsync());

        // The page: the menu entry and the dashboard for the city, 404 for the enterprise.
        var page = await app.SignedIn(c.Users["city"]);
        var html = await page.GetStringAsync("/dashboard");
        Assert.Contains("href=\"/dashboard\"", html);
        Assert.Contains("id=\"level-matrix\"", html);
        Assert.Contains("href=\"/projects?overdue=period\"", html);
        var enterprise = await app.SignedIn(c.Users["enterprise"]);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync("/dashboard")).StatusCode);
        Assert.DoesNotContain("href=\"/dashboard\"", await enterprise.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_workbook_has_one_sheet_per_block_with_values_and_no_formulas()
    {
        var c = await ChangchunProject.CreateAsync(app);
        await c.FiledAsync(app);
        var city = await app.As(c.Users["city"]);
        var figures = await Read(city);
        var response = await city.GetAsync("/api/dashboard.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DashboardExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = doc.WorkbookPart!;
        var sheets = workbook.Workbook.Descendants<Sheet>().ToList();
        Assert.Equal(["目标进度", "推进漏斗", "各环节停留", "等级分布", "等级迁移矩阵", "资金", "服务商排行", "逾期事项"], sheets.Select(s => s.Name!.Value!).ToArray());
        foreach (var part in workbook.WorksheetParts) Assert.Empty(part.Worksheet.Descendants<CellFormula>());
        // The funnel sheet's rows carry the JSON's counts as numbers.
        var funnel = (WorksheetPart)workbook.GetPartById(sheets[1].Id!.Value!);
        var rows = funnel.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(x => (x.CellValue?.Text ?? x.InlineString?.InnerText ?? "", x.DataType?.Value == CellValues.Number)).ToList()).ToList();
        var filed = rows.Single(r => r.Count == 2 && r[0].Item1 == "已备案项目");
        Assert.True(filed[1].Item2);
        Assert.Equal(Funnel(figures, "filed"), int.Parse(filed[1].Item1));
        // Every 万元 figure of 资金 shows two decimals (built-in number format 4, #,##0.00), the 合计 row too.
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var money = ((WorksheetPart)workbook.GetPartById(sheets[5].Id!.Value!)).Worksheet!.Descendants<Row>().ToList();
        var headers = money[1].Elements<Cell>().Select(x => x.InlineString!.InnerText).ToList();
        var wan = money.Skip(2).SelectMany(r => r.Elements<Cell>().Where((_, i) => headers[i].Contains("万元"))).ToList();
        Assert.NotEmpty(wan);
        Assert.All(wan, x => Assert.Equal(4u, formats[(int)x.StyleIndex!.Value].NumberFormatId!.Value));
        // 服务商排行 names what its average is taken over: evaluated projects with a 改造前 level, not every evaluated project
        // (the funnel's 完成评测 counts those too, and a plain "评测项目" read as contradicting it).
        var providers = ((WorksheetPart)workbook.GetPartById(sheets[6].Id!.Value!)).Worksheet!.Descendants<Row>().ElementAt(1);
        Assert.Equal(["服务商", "服务企业（家）", "验收结论（项）", "通过验收（项）", "验收通过率（%）", "计入提升的项目（有改造前等级）", "平均提升等级",
            "满意度评价（份）", "满意度均分（满分4）", "智库评价均分"], providers.Elements<Cell>().Select(x => x.InlineString!.InnerText).ToArray());
    }

    /// <summary>
    /// Five enterprises (each with an unserved neighbour), one project each with its own provider: one implementing past its period,
    /// one rectifying past its deadline and one whose deadline is today, one paid (一级 → … see the figures test), one failed in 南关区.
    /// </summary>
    private async Task<(List<ChangchunProject> Cases, DateTime Now)> ArrangeAsync(ChangchunProject first)
    {
        var cases = new List<ChangchunProject> { first };
        for (var i = 1; i < 5; i++) cases.Add(await ChangchunProject.CreateAsync(app));
        var ids = new List<Guid>();
        foreach (var c in cases) ids.Add(await c.FiledAsync(app));
        var (implementing, rectifyingLate, paid, failed, rectifyingToday) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now.AddHours(8));
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            Task Arrange(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Project>> set) =>
                db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(set);
            await Arrange(implementing, s => s.SetProperty(p => p.StatusSince, now.AddDays(-10)).SetProperty(p => p.DueOn, today.AddDays(-1)));
            await Arrange(rectifyingLate, s => s.SetProperty(p => p.Status, ProjectStatus.Rectifying).SetProperty(p => p.StatusSince, now.AddDays(-3))
                .SetProperty(p => p.EvaluatedAt, now.AddDays(-20)).SetProperty(p => p.LevelBefore, 1).SetProperty(p => p.LevelAfter, 2)
                .SetProperty(p => p.Acceptance, new AcceptanceRecord { Opinion = "整改后通过", RectifyBy = today.AddDays(-1) }));
            // The deadline's own day is not yet past.
            await Arrange(rectifyingToday, s => s.SetProperty(p => p.Status, ProjectStatus.Rectifying).SetProperty(p => p.StatusSince, now.AddDays(-1))
                .SetProperty(p => p.EvaluatedAt, now.AddDays(-5)).SetProperty(p => p.LevelBefore, 1).SetProperty(p => p.LevelAfter, 3)
                .SetProperty(p => p.Acceptance, new AcceptanceRecord { Opinion = "整改后通过", RectifyBy = today }));
            await Arrange(paid, s => s.SetProperty(p => p.Status, ProjectStatus.Paid).SetProperty(p => p.EvaluatedAt, now).SetProperty(p => p.AcceptedAt, now)
                .SetProperty(p => p.AuditedAt, now).SetProperty(p => p.ApprovedAt, now).SetProperty(p => p.LevelBefore, 0).SetProperty(p => p.LevelAfter, 2)
                .SetProperty(p => p.SubsidyWan, 20.00m).SetProperty(p => p.CentralWan, 12.50m).SetProperty(p => p.LocalWan, 7.50m).SetProperty(p => p.PaidWan, 20.00m));
            // The failed one belongs to 南关区, enterprise and project.
            await Arrange(failed, s => s.SetProperty(p => p.Status, ProjectStatus.Failed).SetProperty(p => p.EvaluatedAt, now)
                .SetProperty(p => p.LevelBefore, 1).SetProperty(p => p.LevelAfter, 1).SetProperty(p => p.District, Nanguan));
            await db.Enterprises.Where(e => e.Id == cases[3].Enterprise.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.District, Nanguan));
            // The paid project's provider's diagnosis was rated 很好, 很好, 较好, 较好, 一般: (4+4+3+3+2) / 5 = 3.20.
            var diagnosis = Diagnosis.Open(ChangchunProject.Programme, cases[2].Enterprise.Id, cases[2].Enterprise.District, cases[2].Provider.Id, Actor.System(ChangchunProject.Programme, "测试数据"), now);
            db.Diagnoses.Add(diagnosis);
            db.DiagnosisSatisfactions.Add(DiagnosisSatisfaction.Submit(diagnosis, [Rating.VeryGood, Rating.VeryGood, Rating.Good, Rating.Good, Rating.Fair],
                OverallSatisfaction.Satisfied, Adoption.Adopted, null, "赵厂长", now));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        return (cases, now);
    }

    private async Task<string> LevelsAsync(CancellationToken ct)
    {
        await using var scope = app.DataScope(ChangchunProject.Programme);
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(ChangchunProject.Programme);
        var figures = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(programme, null, DateTime.UtcNow, ct);
        return string.Join(" ", figures.Levels) + " / " + string.Join(" ", figures.Providers.Select(p => $"{p.Id}:{p.Evaluated}:{p.UpliftSum}"));
    }

    /// <summary>What a figure's list shows: the count or money sum of the project list's total line, the enterprise or diagnosis list's count.</summary>
    private static async Task<decimal> ShownAsync(HttpClient page, DashboardLinks.FigureLink link)
    {
        var response = await page.GetAsync(link.Href);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{link.Href}: {(int)response.StatusCode}");
        if (link.Href.StartsWith("/enterprises")) return decimal.Parse(Regex.Match(html, "共 <strong>(\\d+)</strong> 家").Groups[1].Value);
        if (link.Href.StartsWith("/diagnoses")) return decimal.Parse(Regex.Match(html, "共 (\\d+) 项诊断").Groups[1].Value);
        var doc = PageClient.Parse(html);
        var id = link.Measure switch
        {
            DashboardLinks.Measure.InvestmentWan => "#sum-investment",
            DashboardLinks.Measure.SubsidyWan => "#sum-subsidy",
            DashboardLinks.Measure.CentralWan => "#sum-central",
            DashboardLinks.Measure.LocalWan => "#sum-local",
            DashboardLinks.Measure.PaidWan => "#sum-paid",
            _ => null,
        };
        return id is null ? decimal.Parse(doc.QuerySelector("#total")!.GetAttribute("data-count")!)
            : decimal.Parse(doc.QuerySelector(id)!.TextContent.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> Read(HttpClient client, string? district = null)
    {
        var response = await client.GetAsync("/api/dashboard" + (district is null ? "" : "?district=" + Uri.EscapeDataString(district)));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int Funnel(JsonElement f, string key) =>
        f.GetProperty("funnel").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();

    private static int Stage(JsonElement f, string state) =>
        f.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("state").GetString() == state).GetProperty("count").GetInt32();

    private static double StageAgeOf(JsonElement f, string state) =>
        f.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("state").GetString() == state).GetProperty("medianDays").GetDouble();

    private static int Cell(JsonElement f, int before, int after) => f.GetProperty("levels").EnumerateArray()
        .Where(c => c.GetProperty("before").ValueKind == JsonValueKind.Number && c.GetProperty("before").GetInt32() == before && c.GetProperty("after").GetInt32() == after)
        .Sum(c => c.GetProperty("count").GetInt32());

    /// <summary>A district's money figure (0 when the district has no projects), or the total's for null.</summary>
    private static decimal Money(JsonElement f, string? district, string field) => district is null
        ? f.GetProperty("moneyTotal").GetProperty(field).GetDecimal()
        : f.GetProperty("money").EnumerateArray().Where(m => m.GetProperty("district").GetString() == district).Sum(m => m.GetProperty(field).GetDecimal());

    private static int Overdue(JsonElement f, string field) => f.GetProperty("overdue").GetProperty(field).GetInt32();

    private static JsonElement? Provider(JsonElement f, Guid id) =>
        f.GetProperty("providers").EnumerateArray().Where(p => p.GetProperty("id").GetGuid() == id).Select(p => (JsonElement?)p).FirstOrDefault();
}

/// <summary>The dashboard computed on every read, so a test reads what it has just arranged.</summary>
public sealed class DashboardSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Dashboard:FreshSeconds"] = "0" };
}

public sealed class DashboardPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Dashboard:FreshSeconds"] = "0" };
}

public sealed class DashboardTestsOnSqlite(DashboardSqliteApp app) : DashboardTests<DashboardSqliteApp>(app);

public sealed class DashboardTestsOnPostgres(DashboardPostgresApp app) : DashboardTests<DashboardPostgresApp>(app);
