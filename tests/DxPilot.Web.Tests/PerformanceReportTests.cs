using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The programme's 绩效评价报告 (issue 11 item 8): a valid .docx LibreOffice opens, whose figures for a district equal those worked
/// by hand below from the five projects the test puts there (双阳区, which nothing else in the fixture uses), whose whole-programme
/// figures are the dashboard JSON's, read by the dashboard's readers in the dashboard's scope only. The projects are filed through
/// the API and put at their stages by writing the columns the dashboard reads, as DashboardTests do.
/// </summary>
public abstract class PerformanceReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Shuangyang = "双阳区";
    private const string Report = "/api/dashboard/performance-report.docx";
    private const string Title = "长春市中小企业数字化转型城市试点绩效评价报告";
    private static readonly DateOnly TargetDue = new(2025, 12, 31);

    [Fact]
    public async Task A_districts_report_states_the_figures_worked_by_hand_from_its_projects_and_nothing_of_another_district()
    {
        // Five enterprises of 双阳区 with a project each, and one of 朝阳区 that its report must not show.
        var cases = new List<ChangchunProject>();
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add(await ChangchunProject.CreateAsync(app));
            ids.Add(await cases[i].FiledAsync(app));
        }
        var (implementingLate, rectifyingLate, paid, partlyPaid, failed) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        var now = DateTime.UtcNow;
        var today = MoneyProjects.BeijingToday();
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            Task Arrange(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Project>> set) =>
                db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(set);
            var moved = ids.Take(5).ToList();
            var movedEnterprises = cases.Take(5).Select(c => c.Enterprise.Id).ToList();
            await db.Projects.Where(p => moved.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.District, Shuangyang));
            await db.Enterprises.Where(e => movedEnterprises.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.District, Shuangyang));
            await Arrange(implementingLate, s => s.SetProperty(p => p.DueOn, today.AddDays(-1)));
            await Arrange(rectifyingLate, s => s.SetProperty(p => p.Status, ProjectStatus.Rectifying).SetProperty(p => p.EvaluatedAt, now)
                .SetProperty(p => p.LevelBefore, 1).SetProperty(p => p.LevelAfter, 2)
                .SetProperty(p => p.Acceptance, new AcceptanceRecord { Opinion = "整改后通过", RectifyBy = today.AddDays(-1) }));
            await Arrange(paid, s => s.SetProperty(p => p.Status, ProjectStatus.Paid).SetProperty(p => p.EvaluatedAt, now).SetProperty(p => p.AcceptedAt, now)
                .SetProperty(p => p.AuditedAt, now).SetProperty(p => p.ApprovedAt, now).SetProperty(p => p.LevelBefore, 0).SetProperty(p => p.LevelAfter, 2)
                .SetProperty(p => p.SubsidyWan, 20.00m).SetProperty(p => p.CentralWan, 12.50m).SetProperty(p => p.LocalWan, 7.50m).SetProperty(p => p.PaidWan, 20.00m));
            await Arrange(partlyPaid, s => s.SetProperty(p => p.Status, ProjectStatus.Approved).SetProperty(p => p.EvaluatedAt, now).SetProperty(p => p.AcceptedAt, now)
                .SetProperty(p => p.AuditedAt, now).SetProperty(p => p.ApprovedAt, now).SetProperty(p => p.LevelBefore, 1).SetProperty(p => p.LevelAfter, 3)
                .SetProperty(p => p.SubsidyWan, 22.00m).SetProperty(p => p.CentralWan, 22.00m).SetProperty(p => p.LocalWan, 0m).SetProperty(p => p.PaidWan, 5.00m));
            // Evaluated at 一级 with no 改造前 level: counted as evaluated, not in the uplift.
            await Arrange(failed, s => s.SetProperty(p => p.Status, ProjectStatus.Failed).SetProperty(p => p.EvaluatedAt, now).SetProperty(p => p.LevelAfter, 1));
        }

        var city = await app.As(cases[0].Users["city"]);
        var response = await city.GetAsync($"{Report}?district={Uri.EscapeDataString(Shuangyang)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{Title}（{Shuangyang}，{ChineseText.Date(today)}）.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);

        // 一、基本情况: the programme, its notice, the scope and the date of the figures; the funnel of the five projects.
        Assert.Contains(Title, text);
        Assert.Contains($"（评价范围：{Shuangyang}　数据截至{ChineseText.Date(today)}）", text);
        Assert.Contains("试点期限\n2024年1月1日至2025年12月31日", text);
        Assert.Contains("长春市中小企业数字化转型城市试点诊改联动工作实施方案（长春市工业和信息化局，2024年10月9日）", text);
        Assert.Contains("已建档企业\n5家\n完成诊断\n0家\n已备案项目\n5项\n完成评测\n4项\n通过验收\n2项\n完成审计\n2项\n拨付完毕\n1项", text);

        // 二、目标完成情况: 500 by 2025-12-31; two enterprises transformed (passed acceptance): 2 ÷ 500 = 0.4 %.
        var state = today > TargetDue ? "逾期未完成" : "尚未完成（未到截止日期）";
        Assert.Contains($"完成诊断\n500家\n0家\n0.0%\n2025年12月31日\n{state}", text);
        Assert.Contains($"完成改造（通过验收）\n500家\n2家\n0.4%\n2025年12月31日\n{state}", text);

        // 三、转型成效: four evaluated, three with a 改造前 level, all three rose (1→2, 0→2, 1→3): 5 levels, 5 ÷ 3 = 1.67;
        // three of the four at 二级 or above: 75.0 %.
        Assert.Contains("完成改造后评测的项目4项，其中有改造前评测等级、可作前后对比的3项。可对比项目中，数字化水平提升一级及以上的3项，占比100.0%；"
                        + "累计提升5级，平均提升等级1.67级。改造后达到二级及以上的3项，占已评测项目的75.0%。", text);
        Assert.Contains("无改造前评测\n1\n—\n无等级\n1\n0\n一级\n2\n1\n二级\n0\n2\n三级\n0\n1\n四级\n0\n0", text);
        Assert.Contains("无改造前评测\n0\n1\n0\n0\n0\n无等级\n0\n0\n1\n0\n0\n一级\n0\n0\n1\n1\n0\n二级\n0\n0\n0\n0\n0", text);

        // 四、资金使用情况: five filings of 44万元 = 220.00; approved 20.00 + 22.00 = 42.00 (central 12.50 + 22.00 = 34.50, local 7.50);
        // paid 20.00 + 5.00 = 25.00, 25 ÷ 42 = 59.5 %; per approved enterprise 42 ÷ 2 = 21.00 and 25 ÷ 2 = 12.50; per level 25 ÷ 5 = 5.00.
        Assert.Contains("备案项目5项，备案投资合计220.00万元。已核定补助2项，核定补助资金42.00万元，其中中央资金34.50万元、地方资金7.50万元；"
                        + "已拨付25.00万元，拨付进度（已拨付占核定补助）59.5%。", text);
        Assert.Contains("获得核定补助的企业户均核定补助21.00万元，户均已拨付12.50万元；按可对比项目累计提升5级计，每提升一级的拨付资金为5.00万元。", text);
        Assert.Contains($"{Shuangyang}\n5\n220.00\n2\n42.00\n34.50\n7.50\n25.00\n合计\n5\n220.00\n2\n42.00\n34.50\n7.50\n25.00", text);

        // 五、服务商情况: five providers with one enterprise each; the partly paid one's passed with +2, the failed one's did not.
        Assert.Contains("为本范围企业提供服务的服务商共5家。", text);
        Assert.Contains($"{cases[3].Provider.Name}\n1\n100.0%（1/1）\n2.00级（1项）\n不适用\n不适用", text);
        Assert.Contains($"{cases[4].Provider.Name}\n1\n0.0%（0/1）\n不适用\n不适用\n不适用", text);

        // 六、存在问题: one project past its period, one rectification past its deadline (and the target, once its day has passed).
        Assert.Contains("（一）超过实施期限仍在实施的项目1项。\n（二）超过整改期限仍在整改的项目1项。", text);
        if (today > TargetDue) Assert.Contains("（四）目标截止日期2025年12月31日已过，“完成改造（通过验收）”完成2家，目标500家，完成率0.4%。", text);
        Assert.Contains("单位（盖章）：", text);
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("∞", text);

        // Nothing of 朝阳区: neither its district nor its provider.
        Assert.DoesNotContain("朝阳区", text);
        Assert.DoesNotContain(cases[5].Provider.Name, text);

        // 双阳区's own bureau gets the same report, whatever district it asks for.
        var bureau = await app.As(await new ProgrammeAccounts(app, ChangchunProject.Programme).UserAsync(Role.DistrictBureau, district: Shuangyang));
        var own = await bureau.GetAsync($"{Report}?district={Uri.EscapeDataString(ChangchunProject.District)}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(text, OfficeFiles.Text(await own.Content.ReadAsByteArrayAsync()));

        var printed = await OfficeFiles.PdfTextAsync(docx);
        Assert.Contains("六、存在问题", printed);
        Assert.Matches(@"第\s*1\s*页\s*共\s*\d+\s*页", printed);
    }

    [Fact]
    public async Task With_nothing_evaluated_the_tables_are_numbered_as_printed()
    {
        // One filed project in 农安县, which no other test here uses: no 改造后 evaluation, so no level tables.
        const string district = "农安县";
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            await db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.District, district));
            await db.Enterprises.Where(e => e.Id == c.Enterprise.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.District, district));
        }
        var text = OfficeFiles.Text(await (await app.As(c.Users["city"])).GetByteArrayAsync($"{Report}?district={Uri.EscapeDataString(district)}"));
        Assert.Contains("截至目前尚无完成改造后评测的项目", text);
        var captions = System.Text.RegularExpressions.Regex.Matches(text, @"^表\d+ [^\n]*", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Value).ToArray();
        Assert.Equal(["表1 试点工作推进情况", "表2 目标完成情况", "表3 各县（市、区）资金使用情况（万元）", "表4 服务商情况"], captions);
        Assert.Contains("情况见表4。", text);
    }

    /// <summary>Shijiazhuang evaluates after transformation through the third party's imported 验收结果 (the demo's, listed at
    /// /acceptance-results), not projects on the platform: the report counts them as evaluated and, passed, as accepted.</summary>
    [Fact]
    public async Task Shijiazhuangs_report_counts_the_imported_acceptance_results()
    {
        List<(int Before, int After, bool Passed)> rows;
        await using (var scope = app.DataScope("shijiazhuang-2025"))
            rows = (await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AcceptanceResults.AsNoTracking()
                .Where(r => r.ProgrammeId == "shijiazhuang-2025").Select(r => new { r.LevelBefore, r.LevelAfter, r.Passed }).ToListAsync())
                .Select(r => (r.LevelBefore, r.LevelAfter, r.Passed)).ToList();
        Assert.True(rows.Count > 0, "演示数据中应有导入的验收结果");
        var (n, passed) = (rows.Count, rows.Count(r => r.Passed));
        var rose = rows.Count(r => r.After > r.Before);
        var gained = rows.Sum(r => r.After - r.Before);
        var reached = rows.Count(r => r.After >= 2);

        var text = OfficeFiles.Text(await (await app.As("sjz-city")).GetByteArrayAsync(Report));
        Assert.Contains($"完成评测\n{n}项\n通过验收\n{passed}项", text);
        Assert.DoesNotContain("截至目前尚无完成改造后评测的项目", text);
        string Share(int part) => (100m * part / n).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
        Assert.Contains($"完成改造后评测的项目{n}项，其中有改造前评测等级、可作前后对比的{n}项。可对比项目中，数字化水平提升一级及以上的{rose}项，占比{Share(rose)}；"
                        + $"累计提升{gained}级", text);
        Assert.Contains($"改造后达到二级及以上的{reached}项，占已评测项目的{Share(reached)}。", text);
    }

    [Fact]
    public async Task The_programmes_report_carries_the_dashboards_figures_is_audited_and_other_accounts_are_refused()
    {
        var c = await ChangchunProject.CreateAsync(app);
        await c.FiledAsync(app);
        foreach (var who in new[] { "enterprise", "provider", "agency", "audit", "expert" })
            Assert.True(HttpStatusCode.NotFound == (await (await app.As(c.Users[who])).GetAsync(Report)).StatusCode, who);
        var city = await app.As(c.Users["city"]);
        var unknown = await city.GetAsync($"{Report}?district={Uri.EscapeDataString("不存在区")}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("“不存在区”不是本试点的县（市、区），请从列表中选择", await unknown.Content.ReadAsStringAsync());

        var figures = await city.GetFromJsonAsync<JsonElement>("/api/dashboard", TestContext.Current.CancellationToken);
        var response = await (await app.As(c.Users["thinktank"])).GetAsync(Report);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar;
        Assert.Equal($"{Title}（长春市全市，{ChineseText.Date(MoneyProjects.BeijingToday())}）.docx", fileName);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        foreach (var step in figures.GetProperty("funnel").EnumerateArray())
        {
            var unit = step.GetProperty("key").GetString() is "registered" or "diagnosed" ? "家" : "项";
            Assert.Contains($"{step.GetProperty("label").GetString()}\n{step.GetProperty("count").GetInt32()}{unit}", text);
        }
        var total = figures.GetProperty("moneyTotal");
        string Wan(string field) => ChineseText.Wan(total.GetProperty(field).GetDecimal());
        Assert.Contains($"合计\n{total.GetProperty("projects").GetInt32()}\n{Wan("committedWan")}\n{total.GetProperty("approved").GetInt32()}\n{Wan("approvedWan")}\n"
                        + $"{Wan("centralWan")}\n{Wan("localWan")}\n{Wan("paidWan")}", text);

        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var export = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .FirstAsync(e => e.EntityType == "Dashboard" && e.Action == AuditAction.Exported, TestContext.Current.CancellationToken);
            Assert.Equal(fileName, export.Source);
            Assert.Equal("长春智库（测试）", export.ActorName);
        }

        // The dashboard page offers the report beside the .xlsx.
        var page = await app.SignedIn(c.Users["city"]);
        var html = await page.GetStringAsync("/dashboard", TestContext.Current.CancellationToken);
        Assert.Contains($"href=\"{Report}\"", html);
        Assert.Contains("下载绩效评价报告", html);
    }
}

public sealed class PerformanceReportTestsOnSqlite(DashboardSqliteApp app) : PerformanceReportTests<DashboardSqliteApp>(app);

public sealed class PerformanceReportTestsOnPostgres(DashboardPostgresApp app) : PerformanceReportTests<DashboardPostgresApp>(app);
