using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>
/// After the transformation (issue 11), in real Chromium: on a Changchun project whose completion is reported (arranged through
/// the services), the agency evaluates it from its own 改造后 assessment and accepts it with its expert group, 朝阳区 confirms the
/// acceptance, the audit firm uploads its report and classifies each invoice, the city approves the subsidy in a batch of one
/// and records its payment, and the city's dashboard counts the enterprise as paid, moved from 一级 to 二级.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectJourneyTests(BrowserApp app)
{
    // The audit's eligible spend: the MES invoice in full (300,000.00, software), one of the two gateways (50,000.00 of the
    // 100,000.00 invoiced, data collection; the other serves the office network), the office PCs not at all: 350,000.00元.
    // Changchun's rule: min(50 % × 350,000.00元, 500,000.00元) = 175,000.00元 = 17.50万元, 人民币壹拾柒万伍仟元整.
    private const string Eligible = "35.00万元（350,000.00元）";
    private const string Subsidy = "17.50";
    private const string SubsidyCapitals = "人民币壹拾柒万伍仟元整";

    [Fact]
    public async Task The_agency_evaluates_and_accepts_the_audit_firm_audits_the_city_approves_and_pays_and_the_dashboard_shows_the_enterprise_paid_with_its_uplift()
    {
        if (app.Services is null) await app.SignedInAs(CompletedChangchunProject.City);   // skips (or fails in CI) without Chromium
        var project = await CompletedChangchunProject.ArrangeAsync(app.Services!);
        var suffix = Guid.NewGuid().ToString("N")[..8];   // the batch and the voucher are unique in the programme

        var city = await app.SignedInAs(CompletedChangchunProject.City);
        var before = await DashboardAsync(city);

        var agency = await app.SignedInAs(project.AgencyUser);
        await EvaluateAsync(agency, project);
        await AcceptAsync(agency, project);

        var district = await app.SignedInAs(CompletedChangchunProject.DistrictBureau);
        await ConfirmAsync(district, project);

        var audit = await app.SignedInAs(project.AuditUser);
        await AuditAsync(audit, project);

        var batch = $"验收旅程批次{suffix}";
        await ApproveAsync(city, project, batch);
        await PayAsync(city, project, batch, $"CCZJ-YJ-{suffix}");

        // The dashboard computes its figures at most every few seconds: the city reloads it until the payment shows.
        var after = await DashboardAsync(city, until: f => f.Paid > before.Paid);
        Assert.Equal(before.Paid + 1, after.Paid);
        Assert.Equal(before.PaidState + 1, after.PaidState);
        Assert.Equal(before.OneToTwo + 1, after.OneToTwo);
        // The project's own provider serves only this enterprise: its average uplift is this project's, 一级 → 二级.
        await Assertions.Expect(city.Locator("#provider-table tr", new() { HasText = project.ProviderName })).ToContainTextAsync("1.00级（1 项）");
        await Screenshots(city, "project-dashboard");
        await city.ClickAsync("#funnel svg a[href='/projects?state=paid']");
        await Assertions.Expect(city).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/projects\?state=paid$"));
        var row = city.Locator($"tr[data-project='{project.Id}']");
        await Assertions.Expect(row).ToContainTextAsync(project.EnterpriseName);
        await Assertions.Expect(row.Locator("td[data-label='状态']")).ToHaveTextAsync("已拨付");
        await Assertions.Expect(row.Locator("td[data-label='改造前→改造后']")).ToContainTextAsync("一级");
        await Assertions.Expect(row.Locator("td[data-label='改造前→改造后']")).ToContainTextAsync("二级");
    }

    /// <summary>定级评测: the agency names its own 改造后 assessment, finds the MES running, concludes and issues the report.</summary>
    private async Task EvaluateAsync(IPage page, CompletedChangchunProject project)
    {
        await page.GotoAsync($"{app.BaseUrl}/projects/{project.Id}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("待评测");
        await page.CheckAsync($"#evaluation-form input[name='assessment'][value='{project.AfterAssessmentId}']");
        await page.CheckAsync("#evaluation-form input[name='c0.verified'][value='yes']");
        await page.FillAsync("#evaluation-form input[name='c0.note']", "现场查看MES在冲压、焊装车间运行正常");
        await page.FillAsync("#evaluation-form textarea[name='conclusion']", "经现场评测，企业数字化水平达到二级（规范级）。");
        await page.ClickAsync("#save-evaluation");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("评测已保存。");
        await page.ClickAsync("#transitions button[data-trigger=evaluate]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("待验收");
        var result = page.Locator("#evaluation-result");
        await Assertions.Expect(result.Locator("dt:text-is('改造前') + dd")).ToContainTextAsync("一级");
        await Assertions.Expect(result.Locator("dt:text-is('改造后') + dd")).ToContainTextAsync("二级");
    }

    /// <summary>验收: a group of three (the programme's minimum) led by 刘教授, every member signed, the record and 验收通过.</summary>
    private async Task AcceptAsync(IPage page, CompletedChangchunProject project)
    {
        var group = new[] { ("刘教授", "吉林大学", "教授"), ("陈高工", "长春工业大学", "高级工程师"), ("马工", "吉林省信息技术研究所", "工程师") };
        for (var i = 0; i < group.Length; i++)
        {
            await page.FillAsync($"input[name='m{i}.name']", group[i].Item1);
            await page.FillAsync($"input[name='m{i}.unit']", group[i].Item2);
            await page.FillAsync($"input[name='m{i}.title']", group[i].Item3);
            await page.CheckAsync($"input[name='m{i}.signed']");
        }
        await page.CheckAsync("input[name='leader'][value='0']");
        await page.FillAsync("textarea[name='documentReview']", "合同、发票、系统上线报告齐全，与备案方案一致。");
        await page.FillAsync("input[name='siteCheckOn']", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd"));
        await page.FillAsync("textarea[name='siteCheck']", "MES系统运行正常，关键设备已联网采集数据。");
        await page.FillAsync("textarea[name='opinion']", "项目按备案方案完成改造，同意通过验收。");
        await page.FillAsync("textarea[name='suggestions']", "推进MES与ERP的数据集成。");
        await page.ClickAsync("#save-acceptance");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("验收记录已保存。");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#members tbody tr", new() { HasText = "刘教授" })).ToContainTextAsync("组长");
        await page.ClickAsync("#transitions button[data-trigger=pass]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("待区县确认验收");
    }

    private async Task ConfirmAsync(IPage page, CompletedChangchunProject project)
    {
        await page.GotoAsync($"{app.BaseUrl}/projects/{project.Id}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("待区县确认验收");
        await page.FillAsync("#t-reason", "经核实，同意验收结论。");
        await page.ClickAsync("#transitions button[data-trigger=confirm]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已验收，待审计");
        await Assertions.Expect(page.Locator("#district-opinion")).ToHaveTextAsync("经核实，同意验收结论。");
    }

    /// <summary>专项审计: the report's PDF, each invoice classified (the gateways only in part), 完成专项审计.</summary>
    private async Task AuditAsync(IPage page, CompletedChangchunProject project)
    {
        await page.GotoAsync($"{app.BaseUrl}/projects/{project.Id}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已验收，待审计");
        await page.SetInputFilesAsync("#audit-report-form input[name='scan']", new FilePayload
        {
            Name = "专项审计报告.pdf", MimeType = "application/pdf", Buffer = CompletedChangchunProject.Pdf("Special audit report"),
        });
        await page.ClickAsync("#upload-audit-report");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("文件已上传。");
        await Assertions.Expect(page.Locator("#audit a.file-link")).ToHaveTextAsync("专项审计报告.pdf");

        var (mes, gateways, pcs) = (CompletedChangchunProject.Lines[0].Invoice, CompletedChangchunProject.Lines[1].Invoice, CompletedChangchunProject.Lines[2].Invoice);
        await page.SelectOptionAsync($"tr[data-invoice='{mes}'] select", "software");
        await page.SelectOptionAsync($"tr[data-invoice='{gateways}'] select", "collection");
        await page.FillAsync($"tr[data-invoice='{gateways}'] input[name$='.eligible']", "50000.00");
        await page.FillAsync($"tr[data-invoice='{gateways}'] input[name$='.note']", "其中一台网关用于办公网络，不予认定");
        await page.SelectOptionAsync($"tr[data-invoice='{pcs}'] select", "office");
        await page.FillAsync("#audit-form textarea[name='opinion']", "经审计，合规投入35万元。");
        await page.ClickAsync("#save-audit");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("审计认定已保存。");
        await page.ClickAsync("#transitions button[data-trigger=audit]");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("专项审计已完成。");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已审计，待核定资金");
        await Assertions.Expect(page.Locator("#audit-result dt:text-is('审定合规投入') + dd")).ToHaveTextAsync(Eligible);
    }

    /// <summary>核定: the project page shows the amount the rules give; the batch page approves this one project and says so.</summary>
    private async Task ApproveAsync(IPage page, CompletedChangchunProject project, string batch)
    {
        await page.GotoAsync($"{app.BaseUrl}/projects/{project.Id}");
        await Assertions.Expect(page.Locator("#conditions li.fail")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#computed dt:text-is('测算补助') + dd")).ToContainTextAsync($"{Subsidy}万元（{SubsidyCapitals}）");

        await page.GotoAsync($"{app.BaseUrl}/projects/approvals?search={Uri.EscapeDataString(project.EnterpriseName)}");
        var candidate = page.Locator($"#candidates tr[data-id='{project.Id}']");
        await Assertions.Expect(candidate).ToContainTextAsync("条件已满足");
        await Assertions.Expect(candidate.Locator("td").Nth(6)).ToHaveTextAsync(Subsidy);   // 应补助（万元）
        await candidate.Locator("input[type=checkbox]").CheckAsync();
        await page.FillAsync("#f-batch", batch);
        await page.ClickAsync("#approval-form button[value=selected]");
        await Assertions.Expect(page.Locator("#results h2")).ToHaveTextAsync($"核定结果：已核定1项，合计{Subsidy}万元；未核定0项");
        var result = page.Locator($"#result-list tr[data-id='{project.Id}']");
        await Assertions.Expect(result.Locator("td").Nth(2)).ToHaveTextAsync("已核定");
        await Assertions.Expect(result.Locator("td").Nth(3)).ToHaveTextAsync(Subsidy);
        await Assertions.Expect(result.Locator("td").Nth(4)).ToHaveTextAsync($"已列入批次“{batch}”");
        await BrowserApp.Screenshot(page, "project-approvals");
    }

    /// <summary>拨付: more than approved is refused; the whole approved amount in one payment with its voucher makes the project 已拨付,
    /// and the payments list says so.</summary>
    private async Task PayAsync(IPage page, CompletedChangchunProject project, string batch, string voucher)
    {
        await page.GotoAsync($"{app.BaseUrl}/projects/{project.Id}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已核定，待拨付");
        await Assertions.Expect(page.Locator("#approved dt:text-is('核定补助') + dd")).ToHaveTextAsync($"{Subsidy}万元（{SubsidyCapitals}）");
        await page.FillAsync("#payment-form input[name='paidOn']", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd"));
        // One fen above the approved amount is refused beside the amount, with what was typed kept; then the approved amount.
        await page.FillAsync("#payment-form input[name='amountWan']", "17.51");
        await page.FillAsync("#payment-form input[name='voucherNo']", voucher);
        await page.ClickAsync("#pay");
        await Assertions.Expect(page.Locator("#payment-form [data-error-for=amountWan]"))
            .ToHaveTextAsync($"拨付金额17.51万元超过尚未拨付的{Subsidy}万元（核定{Subsidy}万元，已拨付0.00万元）");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已核定，待拨付");
        await Assertions.Expect(page.Locator("#payment-form input[name='voucherNo']")).ToHaveValueAsync(voucher);
        await page.FillAsync("#payment-form input[name='amountWan']", Subsidy);
        await page.ClickAsync("#pay");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("拨付已登记。");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已拨付");
        await Assertions.Expect(page.Locator("#paid")).ToHaveTextAsync($"{Subsidy}万元 / 0.00万元");
        await Assertions.Expect(page.Locator("#payments tbody tr")).ToContainTextAsync(voucher);
        // The page's own stylesheet is in force: its facts in two columns, and on a phone its tables as labelled cards.
        await Assertions.Expect(page.Locator("#project-header")).ToHaveCSSAsync("display", "grid");
        await Screenshots(page, "project-paid");
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator("#payments tbody tr")).ToHaveCSSAsync("display", "grid");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GotoAsync($"{app.BaseUrl}/projects/payments?search={Uri.EscapeDataString(project.EnterpriseName)}");
        var row = page.Locator($"#payment-list tr[data-project='{project.Id}']");
        await Assertions.Expect(row.Locator("td[data-label='核定批次']")).ToHaveTextAsync(batch);
        await Assertions.Expect(row.Locator("td[data-label='已拨付（万元）']")).ToHaveTextAsync(Subsidy);
        await Assertions.Expect(row.Locator("td[data-label='未拨付（万元）']")).ToHaveTextAsync("0.00");
        await Assertions.Expect(row.Locator("td[data-label='状态']")).ToHaveTextAsync("已拨付");
    }

    /// <summary>What the city's dashboard shows: the funnel's 拨付完毕, the 已拨付 state's count and the 一级 → 二级 cell.</summary>
    private sealed record DashboardCounts(int Paid, int PaidState, int OneToTwo);

    private async Task<DashboardCounts> DashboardAsync(IPage page, Func<DashboardCounts, bool>? until = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await page.GotoAsync($"{app.BaseUrl}/dashboard");
            var funnel = await page.Locator("#funnel svg desc").TextContentAsync() ?? "";
            var paid = Regex.Match(funnel, "拨付完毕：(\\d+)项");
            Assert.True(paid.Success, funnel);
            var counts = new DashboardCounts(int.Parse(paid.Groups[1].Value),
                int.Parse(await page.Locator("#funnel table tr", new() { Has = page.Locator("td:text-is('已拨付')") }).Locator("td").Nth(1).InnerTextAsync()),
                // 改造前 一级 (row) → 改造后 二级 (the third column: 无等级, 一级, 二级 …)
                int.Parse(await page.Locator("#level-matrix tbody tr", new() { Has = page.Locator("th:text-is('一级')") }).Locator("td").Nth(2).InnerTextAsync()));
            if (until is null || until(counts) || DateTime.UtcNow > deadline) return counts;
            await Task.Delay(1000);
        }
    }

    /// <summary>The page at a desktop's width and a phone's (390 px).</summary>
    private static async Task Screenshots(IPage page, string name)
    {
        await BrowserApp.Screenshot(page, $"{name}-1280");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.Screenshot(page, $"{name}-390");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
