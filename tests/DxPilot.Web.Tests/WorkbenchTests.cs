using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The 工作台 of each demo role (README's table), read from the page: its own to-dos and figures, none of another role's,
/// and nothing of our own files. The demo data: 滨江区's 49 reference enterprises imported with 统一社会信用代码 and
/// 国民经济行业代码 待补充 (seed 003 附件3 names neither) except the four demo filers past the draft, whose invented codes let
/// them pass eligibility (docs/filing.md); the provider serves the first three by name, the agency the third
/// and fourth, the audit firm the first; the provider diagnosed (改造前) and the agency evaluated (改造后) the third. Changchun
/// has its 12 fictional demo files (config/demo/changchun-demo-enterprises.csv), with codes; its provider diagnoses the first
/// two of the four it serves (Features/Diagnoses/DiagnosisDemoData), with the 改造前 assessment of the first.
/// </summary>
public abstract class WorkbenchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string SelfTest = "开展数字化水平自测，了解本企业所处等级和差距";
    private const string MissingUscc = "补充企业档案中待补充的统一社会信用代码";
    private const string Diagnose = "为分配给本机构的企业开展改造前诊断评测";
    private const string Evaluate = "为分配给本机构的企业开展现场评测";
    // The USCC is bureau-confirmed: the enterprise proposes it; the industry code it fills in itself.
    private const string ProposeUscc = "申请补充本企业的统一社会信用代码（由主管部门确认）";
    private const string OwnIndustryCode = "补充本企业档案的国民经济行业代码";
    private const string Benchmark = "黑龙江省中小企业数字化示范标杆企业申报：填写自评表和前置条件，保存后提交申报";
    // The demo filings (docs/filing.md): hz-enterprise's draft, one in 区县初审, one returned, one in 市级审核 with hz-expert's
    // review outstanding, two filed; the provider serves the draft's and the returned one's enterprises.
    private const string FilingDraft = "改造项目备案尚未提交：填写完整后提交备案";
    private const string FilingDistrict = "改造项目备案待区县初审：审核后初审通过报送市级，或退回修改";
    private const string FilingExperts = "改造项目备案专家评审未完成：等待专家提交评审意见";
    private const string FilingClientsDraft = "服务企业的改造项目备案尚未提交：与企业共同填写服务商和合同部分";
    private const string FilingClientsReturned = "服务企业的改造项目备案被退回：与企业共同修改后重新提交";
    private const string FilingReview = "改造项目备案专家评审：质量追溯与设备联网改造项目";
    // Each demo filing has its contract with the demo provider; only the draft's is not stamped yet (a submitted one must be).
    private const string ContractsToSign = "服务合同尚未上传盖章扫描件：双方签订盖章后上传";
    // The first filed demo project waits at 已验收 for hz-audit; the second was audited, approved and half paid, and waits for
    // the city to record the rest (Features/Projects/ProjectDemoData).
    private const string ProjectAudit = "改造项目已验收，待专项审计：认定发票支出类别和合规金额，上传审计报告";
    private const string ProjectPayment = "改造项目补助资金已核定，待登记拨付";
    // hz-thinktank asks the provider and the enterprise of the second demo filing (not hz-enterprise's) to rectify within 14 days
    // (Features/Supervision/SupervisionDemoData); the provider has replied, which leaves it open until the think tank closes it.
    // The deadline is 14 days from the day the demo was seeded, which is the test's day or, when the run crossed Beijing's
    // midnight (16:00 UTC) since, the day before: the title is read with its date in place of this marker, once the date checks.
    private const string Rectify = "第三方智库要求整改（改造项目备案，{14天后}前）：合同金额与项目预期投入相差较大，请企业与服务商核对后说明差异原因。";
    private static readonly string[] RectifyDeadlines = new[] { 0, -1 }.Select(d => DxPilot.Domain.Text.ChineseText.Date(
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai")).AddDays(14 + d))).ToArray();

    /// <summary>A to-do's title with the rectification's deadline read back into <see cref="Rectify"/>'s marker.</summary>
    private static string Read(string title) =>
        RectifyDeadlines.Select(d => Rectify.Replace("{14天后}", d)).FirstOrDefault(t => t == title) is not null ? Rectify : title;
    // Changchun's catalogue (Features/Catalogue/CatalogueDemoData): one provider's application and one product wait for the city.
    private const string PoolApplications = "入池申请待审核：核对资质和案例后同意入池或不予入池";
    private const string ProductReviews = "产品待审核：审核通过后上架，或退回修改";
    // Changchun's demo diagnosis of cc-enterprise's file (Features/Diagnoses/DiagnosisDemoData): submitted and rated, it waits for the city.
    private const string DiagnosisAcceptance = "咨询诊断待验收：退回修改、通过验收";
    private const string OpenDiagnosis = "开展咨询诊断：为分配给本机构的企业开展诊断";
    // Shijiazhuang's 数智 第二批 (Features/Awards/AwardDemoBatches): one recommended, one under review waiting for sjz-expert3.
    private const string ShuzhiCall = "石家庄市中小企业数字化转型试点城市“数智”标杆中小企业申报";
    private const string AwardRecommended = ShuzhiCall + "县区已推荐：纳入评审批次或退回修改";
    private const string AwardUnderReview = ShuzhiCall + "评审中：作出认定或不予认定";
    private const string AwardExperts = ShuzhiCall + "第2批：专家评审未完成，等待专家提交评审意见";
    private const string AwardReview = "奖补申报专家评审：石家庄新华精工机械有限公司（演示）";
    // sjz-enterprise's project was accepted (二级 → 三级) and it has not applied to the open 第二批.
    private const string AwardOpen = ShuzhiCall + "第2批开放中：本企业已有通过验收的改造项目，可以申报";
    private static readonly string[] Every = [SelfTest, MissingUscc, Diagnose, Evaluate, ProposeUscc, OwnIndustryCode, Benchmark, FilingDraft,
        FilingDistrict, FilingExperts, FilingClientsDraft, FilingClientsReturned, FilingReview, ContractsToSign, ProjectAudit, ProjectPayment, Rectify, PoolApplications, ProductReviews,
        DiagnosisAcceptance, OpenDiagnosis, AwardRecommended, AwardUnderReview, AwardExperts, AwardReview, AwardOpen];

    /// <summary>Each role's to-dos as (title, count); every other known to-do must be absent.</summary>
    public static TheoryData<string, string[], int[]> Roles() => new()
    {
        { "hz-city", [MissingUscc, FilingExperts, ProjectPayment], [44, 1, 1] },
        { "hz-binjiang", [MissingUscc, FilingDistrict], [44, 1] },
        { "hz-xihu", [], [] },
        { "hz-thinktank", [], [] },
        { "hz-provider", [Diagnose, FilingClientsDraft, FilingClientsReturned, ContractsToSign, Rectify], [2, 1, 1, 1, 1] },
        { "hz-agency", [Evaluate], [1] },
        { "hz-audit", [ProjectAudit], [1] },
        { "hz-expert", [FilingReview], [1] },
        { "hz-enterprise", [ProposeUscc, OwnIndustryCode, SelfTest, FilingDraft, ContractsToSign], [1, 1, 1, 1, 1] },
        { "cc-city", [PoolApplications, ProductReviews, DiagnosisAcceptance], [1, 1, 1] },
        // Of the four files the provider serves, one has its 改造前 assessment and two their diagnosis.
        { "cc-provider", [Diagnose, OpenDiagnosis], [3, 2] },
        { "cc-expert", [DiagnosisAcceptance], [1] },
        // cc-enterprise rated its diagnosis: nothing waits for it.
        { "cc-enterprise", [], [] },
        { "cc-chaoyang", [], [] },
        { "hlj-city", [], [] },
        { "sjz-city", [AwardRecommended, AwardUnderReview, AwardExperts], [1, 1, 1] },
        // The first two experts have handed in every review they were given.
        { "sjz-expert1", [], [] },
        { "sjz-expert3", [AwardReview], [1] },
        { "sjz-zhengding", [], [] },
        { "sjz-enterprise", [SelfTest, AwardOpen], [1, 1] },
        { "hlj-enterprise", [SelfTest, Benchmark], [1, 1] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_demo_role_sees_its_own_to_dos_and_no_one_elses(string user, string[] titles, int[] counts)
    {
        var page = await HomeOf(user);
        var items = page.QuerySelectorAll("#todos li").Select(li => (Title: Read(li.QuerySelector("a")!.TextContent.Trim()),
            Count: li.QuerySelector(".count") is { } c ? int.Parse(c.TextContent.Replace("项", "").Trim()) : 1)).ToList();
        Assert.Equal(titles.Order(), items.Select(i => i.Title).Order());
        foreach (var (title, count) in titles.Zip(counts)) Assert.Equal(count, items.Single(i => i.Title == title).Count);
        foreach (var other in Every.Except(titles)) Assert.DoesNotContain(other.Split("{14天后}")[0], page.Body!.TextContent);
        if (titles.Length == 0) Assert.Equal("目前没有等待您处理的事项。", page.QuerySelector("#todos")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("hz-city", "试点进展", 49)]
    [InlineData("hz-binjiang", "滨江区试点进展", 49)]
    [InlineData("hz-xihu", "西湖区试点进展", 0)]
    [InlineData("hz-thinktank", "试点进展", 49)]
    [InlineData("cc-city", "试点进展", 12)]
    public async Task A_bureau_sees_its_own_scopes_progress(string user, string heading, int files)
    {
        var page = await HomeOf(user);
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent == heading);
        var cards = Cards(page, "#progress");
        Assert.Equal(files, cards["企业档案"]);
        // The reference list flags no 小巨人 with central funds and no 2022 pilot.
        Assert.Equal(0, cards["不再享受中央资金"]);
        // In Hangzhou only 滨江区 holds the demo's assessments: one 改造前 diagnosis and one 改造后 evaluation on the same enterprise,
        // and the 改造后 evaluations of the demo's two filed projects (Features/Projects/ProjectDemoData) on two others. In Changchun
        // the demo diagnosis' 改造前 assessment (Features/Diagnoses/DiagnosisDemoData).
        var assessed = user is "hz-city" or "hz-binjiang" or "hz-thinktank" ? (1, 3) : user == "cc-city" ? (1, 0) : (0, 0);
        Assert.Equal(assessed, (cards["已完成改造前评测"], cards["已完成改造后评测"]));
        Assert.Null(page.QuerySelector("#assigned"));
        Assert.Null(page.QuerySelector("#standing"));
    }

    /// <summary>Shijiazhuang evaluates after transformation through the third party's imported 验收结果, not assessments on the
    /// platform: those count as evaluated, and a passed one at 二级 or above as reaching the target level.</summary>
    [Fact]
    public async Task Shijiazhuang_counts_the_imported_acceptance_results_as_evaluations_after_transformation()
    {
        int results, reached;
        await using (var scope = app.DataScope("shijiazhuang-2025"))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilot.Infrastructure.Persistence.DxPilotDbContext>();
            var rows = await db.AcceptanceResults.Where(r => r.ProgrammeId == "shijiazhuang-2025").ToListAsync();
            (results, reached) = (rows.Select(r => r.EnterpriseId).Distinct().Count(), rows.Where(r => r.Passed && r.LevelAfter >= 2).Select(r => r.EnterpriseId).Distinct().Count());
        }
        Assert.True(results > 0, "演示数据中应有导入的验收结果");
        var cards = Cards(await HomeOf("sjz-city"), "#progress");
        Assert.Equal((results, reached), (cards["已完成改造后评测"], cards["改造后达到二级及以上"]));
    }

    [Fact]
    public async Task Changchun_sees_its_target_of_500_enterprises()
    {
        var page = await HomeOf("cc-city");
        var target = page.QuerySelector(".target")!.TextContent;
        Assert.Contains("500家中小企业数字化咨询诊断及数字化改造工作", target);
        // Counted as the dashboard counts the target: the demo's diagnoses are one submitted and one under way, none accepted,
        // and no Changchun project has passed acceptance (Features/Diagnoses/DiagnosisDemoData). Each figure with its own share.
        Assert.Contains("全市完成诊断 0 家（为目标的0.0%）、完成改造（通过验收） 0 家（为目标的0.0%）", target);
        var dashboard = await (await app.As("cc-city")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/dashboard");
        foreach (var figure in dashboard.GetProperty("targets")[0].GetProperty("figures").EnumerateArray())
            Assert.Contains($"{figure.GetProperty("label").GetString()} {figure.GetProperty("count").GetInt32()} 家", target);
        Assert.DoesNotContain("平台中还没有企业档案", page.Body!.TextContent);
    }

    [Theory]
    [InlineData("hz-provider", 3, true)]
    // The agency and the audit firm also serve the demo's two filed projects (Features/Projects/ProjectDemoData).
    [InlineData("hz-agency", 4, true)]
    [InlineData("hz-audit", 3, false)]
    public async Task An_organisation_sees_the_enterprises_assigned_to_it_and_their_state(string user, int assigned, bool assesses)
    {
        var page = await HomeOf(user);
        var rows = page.QuerySelectorAll("#assigned tbody tr");
        Assert.Equal(assigned, rows.Length);
        Assert.Contains($"分配给本机构的企业（{assigned} 家）", page.Body!.TextContent);
        Assert.Equal(assesses, page.QuerySelector("#assigned th:nth-child(3)") is not null);
        if (!assesses) return;
        // The provider recorded one 改造前 assessment; the agency one 改造后 on the enterprise both serve and one on each demo project's.
        var states = rows.Select(r => r.Children[2].TextContent.Trim()).ToList();
        var recorded = user == "hz-provider" ? 1 : 3;
        Assert.Equal(assigned - recorded, states.Count(s => s == "尚未评测"));
        Assert.Equal(recorded, states.Count(s => s.StartsWith(user == "hz-provider" ? "改造前" : "改造后")));
        Assert.Null(page.QuerySelector("#progress"));
    }

    /// <summary>An enterprise reads on its 工作台 where its own filings and projects stand (FilingDemoData, ProjectDemoData): hz-enterprise
    /// its draft filing, hz-enterprise6 its project approved at 30.24万元 with a first payment of half; nobody else's.</summary>
    [Theory]
    [InlineData("hz-enterprise", "/filings/", "数字化车间MES建设项目", "项目备案", "草稿", "")]
    [InlineData("hz-enterprise6", "/projects/", "设备联网与生产执行系统建设项目", "改造项目", "已核定，待拨付", "核定补助30.24万元，已拨付15.12万元")]
    public async Task An_enterprise_sees_where_its_own_filing_or_project_stands(string user, string link, string project, string step, string state, string money)
    {
        var page = await HomeOf(user);
        var row = Assert.Single(page.QuerySelectorAll("#own-work tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.StartsWith(link, row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal([project, step, state], cells[..3]);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", cells[3]);
        Assert.Equal(money, cells[4]);
    }

    [Theory]
    [InlineData("cc-enterprise", "本企业尚未备案改造项目，可在项目备案中填写备案申请。")]
    [InlineData("hlj-enterprise", null)]
    public async Task An_enterprise_without_a_filing_is_pointed_to_filing_where_its_programme_files_projects(string user, string? empty)
    {
        var page = await HomeOf(user);
        Assert.Equal(empty, page.QuerySelector("#own-work")?.TextContent.Trim());
        if (empty is not null) Assert.Equal("/filings", page.QuerySelector("#own-work a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_enterprise_without_an_assessment_is_offered_its_self_test()
    {
        var page = await HomeOf("hz-enterprise");
        var standing = page.QuerySelector("#standing")!;
        Assert.EndsWith("尚未开展数字化水平评测。", standing.QuerySelector("p")!.TextContent);
        var id = page.QuerySelector("#todos a[href$='/edit']")!.GetAttribute("href")!.Split('/')[2];
        Assert.Equal($"/enterprises/{id}/assessments/new", standing.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#progress"));
        Assert.Null(page.QuerySelector("#assigned"));
    }

    [Fact]
    public async Task The_province_sees_its_call_applications_by_state()
    {
        var cards = Cards(await HomeOf("hlj-city"), "#applications");
        Assert.Equal(["草稿", "待审核", "审核中", "已退回修改", "已认定", "不予认定"], cards.Keys);
    }

    /// <summary>Every programme ended on 2025-12-31 (config/programmes); the test clock is today's, past it.</summary>
    [Theory]
    [InlineData("hz-city", "试点期已于2025年12月31日结束")]
    [InlineData("hlj-enterprise", "试点期已于2025年12月31日结束")]
    public async Task An_ended_programme_period_is_flagged(string user, string message)
    {
        var page = await HomeOf(user);
        Assert.StartsWith(message, page.QuerySelector("#period-ended")!.TextContent);
    }

    /// <summary>Users read the official documents' names (文件名称、文号), never our file names or notes.</summary>
    [Theory]
    [InlineData("hz-city", "杭经信联产数〔2024〕20号")]
    [InlineData("cc-city", "长春市中小企业数字化转型城市试点诊改联动工作实施方案")]
    [InlineData("hlj-enterprise", "黑龙江省中小企业数字化示范标杆企业申报书佐证清单及填报说明")]
    [InlineData("hz-enterprise", "杭经信联产数〔2024〕20号")]
    public async Task The_home_page_names_official_documents_and_none_of_our_files(string user, string document)
    {
        var text = (await HomeOf(user)).Body!.TextContent;
        Assert.Contains(document, text);
        Assert.Contains("《国民经济行业分类》（GB/T 4754—2017）", text);
        foreach (var ours in new[] { "seed", "DOMAIN", ".json", ".md", ".txt", ".csv", "附件1/附件3 (key)", "judgement", "per the brief" })
            Assert.DoesNotContain(ours, text, StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, int> Cards(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll($"{selector} .card").ToDictionary(c => c.QuerySelector("span")!.TextContent, c => int.Parse(c.QuerySelector("strong")!.TextContent));

    private async Task<IHtmlDocument> HomeOf(string user)
    {
        var client = await app.SignedIn(user);
        return await client.GetDocument("/");
    }
}

public sealed class WorkbenchTestsOnSqlite(SqliteApp app) : WorkbenchTests<SqliteApp>(app);

public sealed class WorkbenchTestsOnPostgres(PostgresApp app) : WorkbenchTests<PostgresApp>(app);
