using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Projects;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The city's money pages (专项资金): batch approval with per-item results, two approvers at once, the payments list with its totals,
/// its two sheets and who reads them. Amounts are worked from Changchun's rules (50 % of the audited eligible spend, at most 50万元 per
/// enterprise, rounded down to 0.01万元, all of it central funds since its central share is 100 %); the eligible spend of each
/// project is its MES invoice + the gateways' 100,000.00元 (the office PCs do not count):
/// MES 300,000.00 → 400,000.00 × 50 % = 20.00万元; MES 123,456.78 → 223,456.78 × 50 % = 111,728.39元 = 11.17万元;
/// MES 950,000.00 → 1,050,000.00 × 50 % = 52.50万元, above the cap: 50.00万元.
/// </summary>
public abstract class ProjectMoneyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each test names its projects and batch with a tag of its own, and filters by it: the class's tests share one database.</summary>
    private static string Tag() => "资" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<HttpResponseMessage> Approve(HttpClient client, string path, IHtmlDocument page, IEnumerable<string> keys, string? batch,
        string scope = "selected", bool withToken = true)
    {
        var fields = new List<KeyValuePair<string, string>> { new("_handler", "approve"), new("Form.Scope", scope) };
        if (withToken) fields.Add(new("__RequestVerificationToken", page.QuerySelector("#approval-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        if (batch is not null) fields.Add(new("Form.Batch", batch));
        if (scope == "all") fields.Add(new("Form.Expected", page.QuerySelector("input[name='Form.Expected']")!.GetAttribute("value")!));
        fields.AddRange(keys.Select(k => new KeyValuePair<string, string>("Form.Ids", k)));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>The checkbox value of a project's row: its id and the version the page read.</summary>
    private static string Key(IHtmlDocument page, Guid id) =>
        page.QuerySelector($"#candidates tr[data-id='{id}'] input[name='Form.Ids']")!.GetAttribute("value")!;

    private static string Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)!.TextContent.Trim();

    private static string[] Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();

    [Fact]
    public async Task The_batch_page_pages_and_approving_all_matching_covers_every_page_unless_the_count_changed()
    {
        var tag = Tag();
        var first = await MoneyProjects.AuditedAsync(app, $"{tag}项目00", 300000.00m);
        // Copies of it (filing, project, invoices and files) up to two more than a page holds.
        var copies = ProjectService.PageSize + 1;
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            for (var i = 1; i <= copies; i++)
            {
                var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == first.Id, Ct);
                var filing = await db.Filings.AsNoTracking().SingleAsync(f => f.Id == project.FilingId, Ct);
                var invoices = await db.ProjectInvoices.AsNoTracking().Where(x => x.ProjectId == first.Id).ToListAsync(Ct);
                var files = await db.ProjectFiles.AsNoTracking().Where(x => x.ProjectId == first.Id).ToListAsync(Ct);
                db.Filings.Add(filing);
                db.Entry(filing).Property(f => f.Id).CurrentValue = Guid.NewGuid();
                db.Projects.Add(project);
                db.Entry(project).Property(p => p.Id).CurrentValue = Guid.NewGuid();
                db.Entry(project).Property(p => p.FilingId).CurrentValue = filing.Id;
                db.Entry(project).Property(p => p.ProjectName).CurrentValue = $"{tag}项目{i:00}";
                foreach (var x in invoices)
                {
                    db.ProjectInvoices.Add(x);
                    db.Entry(x).Property(v => v.Id).CurrentValue = Guid.NewGuid();
                    db.Entry(x).Property(v => v.ProjectId).CurrentValue = project.Id;
                }
                foreach (var x in files)
                {
                    db.ProjectFiles.Add(x);
                    db.Entry(x).Property(v => v.Id).CurrentValue = Guid.NewGuid();
                    db.Entry(x).Property(v => v.ProjectId).CurrentValue = project.Id;
                }
                await db.SaveChangesAsync(Ct);
                db.ChangeTracker.Clear();
            }
        }
        var matching = copies + 1;
        var city = await app.SignedIn(first.Project.Users["city"]);
        var path = $"/projects/approvals?search={Uri.EscapeDataString(tag)}";
        var page = await city.GetDocument(path);
        Assert.Equal(ProjectService.PageSize, page.QuerySelectorAll("#candidates tbody tr").Length);
        Assert.StartsWith($"等待核定的项目共{matching}项，第1/2页。", Text(page, "#total"));
        var second = await city.GetDocument(path + "&page=2");
        Assert.Equal(matching - ProjectService.PageSize, second.QuerySelectorAll("#candidates tbody tr").Length);
        Assert.Equal($"核定全部符合条件的{matching}个项目", Text(page, "#approve-all"));

        // The count the page showed is no longer the selection's: nothing is approved, and the approver is told what changed.
        var stale = await city.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "approve", ["Form.Scope"] = "all", ["Form.Expected"] = (matching - 1).ToString(),
            ["__RequestVerificationToken"] = page.QuerySelector("#approval-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var refused = PageClient.Parse(await stale.Content.ReadAsStringAsync(Ct));
        Assert.Equal($"未核定任何项目：符合条件的待核定项目已变为{matching}个（页面显示{matching - 1}个），请核对后重新提交", Text(refused, "#message"));
        Assert.StartsWith($"等待核定的项目共{matching}项", Text(refused, "#total"));

        // "All matching" takes the rows of both pages, each at 20.00万元, in one batch.
        var response = await Approve(city, path, page, [], $"{tag}批", scope: "all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = PageClient.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal($"核定结果：已核定{matching}项，合计{ChineseText.Wan(matching * 20.00m)}万元；未核定0项", Text(done, "#results h2"));
        Assert.Equal("没有符合条件的待核定项目，请调整筛选条件。", Text(done, "#empty"));
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var batch = await db.Projects.Where(p => p.ProjectName.StartsWith(tag)).Select(p => new { p.Status, p.ApprovalBatch }).ToListAsync(Ct);
            Assert.Equal(matching, batch.Count);
            Assert.All(batch, p => Assert.Equal((ProjectStatus.Approved, $"{tag}批"), (p.Status, p.ApprovalBatch)));
        }
    }

    [Fact]
    public async Task The_batch_page_approves_what_holds_and_answers_the_missing_condition_and_the_out_of_scope_item_each_on_its_own()
    {
        var tag = Tag();
        var holds = await MoneyProjects.AuditedAsync(app, $"{tag}甲项目", 300000.00m);
        var lowLevel = await MoneyProjects.AuditedAsync(app, $"{tag}乙项目", 300000.00m, reachesLevelTwo: false);
        // A project of another programme (moved there directly): outside the Changchun city's scope.
        var stranger = await ChangchunProject.CreateAsync(app);
        var strangerId = await stranger.FiledAsync(app, $"{tag}丙项目");
        await using (var scope = app.DataScope(ChangchunProject.Programme))
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Projects.Where(p => p.Id == strangerId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProgrammeId, "hangzhou-2024"), Ct));

        var city = await app.SignedIn(holds.Project.Users["city"]);
        var path = $"/projects/approvals?search={Uri.EscapeDataString(tag)}";
        var page = await city.GetDocument(path);
        Assert.Equal(new[] { holds.Id, lowLevel.Id }.Order().ToArray(),
            page.QuerySelectorAll("#candidates tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).Order().ToArray());
        var holdsRow = Cells(page.QuerySelector($"#candidates tr[data-id='{holds.Id}']")!);
        Assert.Equal(["40.00", "20.00", "20.00", "0.00", "条件已满足"], holdsRow[5..]);
        Assert.Contains("改造后数字化水平：第三方评测为无等级，未达到二级及以上", Text(page, $"#candidates tr[data-id='{lowLevel.Id}'] ul.unmet"));

        // Refused as a whole only when the request is wrong: nothing ticked, or a batch name too long; what was typed stays.
        var none = await Approve(city, path, page, [], "2025年第一批");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var shown = PageClient.Parse(await none.Content.ReadAsStringAsync(Ct));
        Assert.Contains("请选择要核定的项目", Text(shown, "#message"));
        Assert.Equal("2025年第一批", shown.QuerySelector("#f-batch")!.GetAttribute("value"));
        var tooLong = await Approve(city, path, page, [Key(page, holds.Id)], new string('批', 61));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        shown = PageClient.Parse(await tooLong.Content.ReadAsStringAsync(Ct));
        Assert.Contains("批次名称不超过60字", Text(shown, "#message"));
        Assert.NotNull(shown.QuerySelector($"#candidates tr[data-id='{holds.Id}'] input[name='Form.Ids'][checked]"));
        Assert.Equal("audited", (await ChangchunProject.GetAsync(await app.As(holds.Project.Users["city"]), holds.Id)).GetProperty("state").GetString());
        // Without the antiforgery token the post is refused before anything is read.
        Assert.Equal(HttpStatusCode.BadRequest, (await Approve(city, path, page, [Key(page, holds.Id)], "x", withToken: false)).StatusCode);

        var posted = await Approve(city, path, page, [Key(page, holds.Id), Key(page, lowLevel.Id), $"{strangerId:N}:1"], $"{tag}批");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var answer = PageClient.Parse(await posted.Content.ReadAsStringAsync(Ct));
        Assert.Equal("核定结果：已核定1项，合计20.00万元；未核定2项", Text(answer, "#results h2"));
        Assert.Equal([holds.Project.Enterprise.Name, $"{tag}甲项目", "已核定", "20.00", $"已列入批次“{tag}批”"],
            Cells(answer.QuerySelector($"#result-list tr[data-id='{holds.Id}']")!));
        var refused = Cells(answer.QuerySelector($"#result-list tr[data-id='{lowLevel.Id}']")!);
        Assert.Equal("未核定", refused[2]);
        Assert.Contains("改造后数字化水平：第三方评测为无等级，未达到二级及以上", refused[4]);
        var outside = Cells(answer.QuerySelector($"#result-list tr[data-id='{strangerId}']")!);
        Assert.Equal(["（未找到）", "", "未核定", ""], outside[..4]);
        Assert.Contains("找不到该项目，或不在您的权限范围内", outside[4]);
        // The queue as it stands now: the approved project left it.
        Assert.Equal([lowLevel.Id], answer.QuerySelectorAll("#candidates tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToArray());

        var api = await app.As(holds.Project.Users["city"]);
        var approved = (await ChangchunProject.GetAsync(api, holds.Id)).GetProperty("subsidy").GetProperty("approved");
        Assert.Equal(20.00m, approved.GetProperty("amountWan").GetDecimal());
        Assert.Equal($"{tag}批", approved.GetProperty("approvalBatch").GetString());
        Assert.Equal("audited", (await ChangchunProject.GetAsync(api, lowLevel.Id)).GetProperty("state").GetString());
        await using (var scope = app.DataScope("hangzhou-2024"))
            Assert.Null((await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Projects.AsNoTracking().SingleAsync(p => p.Id == strangerId, Ct)).SubsidyWan);
    }

    [Fact]
    public async Task Two_city_approvers_at_once_approve_a_project_once_and_the_second_reads_that_it_was_handled()
    {
        var tag = Tag();
        var onPages = await MoneyProjects.AuditedAsync(app, $"{tag}甲项目", 300000.00m);
        var atOnce = await MoneyProjects.AuditedAsync(app, $"{tag}乙项目", 300000.00m);
        var secondApprover = await new ProgrammeAccounts(app, ChangchunProject.Programme).UserAsync(Role.CityBureau, displayName: "长春市工信局（第二核定人）");

        // Both read the page, then both post the same project: the first approves it, the second is answered per item.
        var path = $"/projects/approvals?search={Uri.EscapeDataString(onPages.Name)}";
        var first = await app.SignedIn(onPages.Project.Users["city"]);
        var second = await app.SignedIn(secondApprover);
        var firstPage = await first.GetDocument(path);
        var secondPage = await second.GetDocument(path);
        var won = PageClient.Parse(await (await Approve(first, path, firstPage, [Key(firstPage, onPages.Id)], $"{tag}甲批")).Content.ReadAsStringAsync(Ct));
        Assert.Equal("已核定", Cells(won.QuerySelector($"#result-list tr[data-id='{onPages.Id}']")!)[2]);
        var late = await Approve(second, path, secondPage, [Key(secondPage, onPages.Id)], $"{tag}乙批");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var lost = Cells(PageClient.Parse(await late.Content.ReadAsStringAsync(Ct)).QuerySelector($"#result-list tr[data-id='{onPages.Id}']")!);
        Assert.Equal("未核定", lost[2]);
        Assert.Contains("已被他人处理", lost[4]);

        // Truly at once through the API, from the same version: exactly one approval, the other answered per item.
        var a = await app.As(atOnce.Project.Users["city"]);
        var b = await app.As(secondApprover);
        var version = await ChangchunProject.VersionAsync(a, atOnce.Id);
        var answers = await Task.WhenAll(
            a.PostAsJsonAsync("/api/projects/approvals", new { items = new[] { new { id = atOnce.Id, version } }, batch = $"{tag}A" }, Ct),
            b.PostAsJsonAsync("/api/projects/approvals", new { items = new[] { new { id = atOnce.Id, version } }, batch = $"{tag}B" }, Ct));
        var items = new List<JsonElement>();
        foreach (var response in answers)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            items.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items")[0]);
        }
        Assert.Single(items, i => i.GetProperty("approved").GetBoolean());
        Assert.Contains("已被他人处理", Assert.Single(items, i => !i.GetProperty("approved").GetBoolean()).GetProperty("message").GetString());
        var project = await ChangchunProject.GetAsync(a, atOnce.Id);
        Assert.Single(project.GetProperty("history").EnumerateArray(), h => h.GetProperty("trigger").GetString() == "approve");
        Assert.Equal(20.00m, project.GetProperty("subsidy").GetProperty("approved").GetProperty("amountWan").GetDecimal());
    }

    [Fact]
    public async Task The_payments_page_lists_approved_paid_and_outstanding_with_totals_equal_to_the_recorded_payments()
    {
        var tag = Tag();
        var batch = $"{tag}批";
        var a = await MoneyProjects.AuditedAsync(app, $"{tag}甲项目", 300000.00m);
        var b = await MoneyProjects.AuditedAsync(app, $"{tag}乙项目", 123456.78m);
        var c = await MoneyProjects.AuditedAsync(app, $"{tag}丙项目", 950000.00m);
        var approvedWan = new Dictionary<Guid, decimal> { [a.Id] = 20.00m, [b.Id] = 11.17m, [c.Id] = 50.00m };
        var api = await app.As(a.Project.Users["city"]);
        await MoneyProjects.ApproveAsync(api, batch, a.Id, b.Id, c.Id);
        var payments = new (Guid Id, decimal Wan, string Voucher)[] { (a.Id, 12.00m, $"{tag}-1"), (a.Id, 8.00m, $"{tag}-2"), (b.Id, 5.00m, $"{tag}-3") };
        foreach (var (id, wan, voucher) in payments) await MoneyProjects.PayAsync(api, id, wan, voucher);
        var paid = approvedWan.Keys.ToDictionary(id => id, id => payments.Where(p => p.Id == id).Sum(p => p.Wan));
        var today = ChineseText.Date(MoneyProjects.BeijingToday());

        var city = await app.SignedIn(a.Project.Users["city"]);
        var page = await city.GetDocument($"/projects/payments?batch={Uri.EscapeDataString(batch)}");
        var rows = page.QuerySelectorAll("#payment-list tbody tr");
        Assert.Equal(3, rows.Length);
        foreach (var row in rows)
        {
            var id = Guid.Parse(row.GetAttribute("data-project")!);
            var cells = Cells(row);
            Assert.Equal($"/projects/{id}", row.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(batch, cells[3]);
            // Changchun's central share is 100 %: the whole subsidy is central funds, nothing local.
            Assert.Equal([W(approvedWan[id]), W(approvedWan[id]), "0.00", W(paid[id]), W(approvedWan[id] - paid[id]), paid[id] > 0 ? today : "未拨付"], cells[4..10]);
            Assert.Equal(paid[id] == approvedWan[id] ? "paid" : "approved", row.QuerySelector("td[data-status]")!.GetAttribute("data-status"));
        }
        var approvedTotal = approvedWan.Values.Sum();
        var paidTotal = payments.Sum(p => p.Wan);
        Assert.Equal([W(approvedTotal), W(approvedTotal), "0.00", W(paidTotal), W(approvedTotal - paidTotal)],
            Cells(page.QuerySelector("#overall-totals")!)[..5]);
        Assert.Contains("全部合计（3项）", Text(page, "#overall-totals th"));
        Assert.Contains($"共3个已核定项目，核定{W(approvedTotal)}万元，已拨付{W(paidTotal)}万元，未拨付{W(approvedTotal - paidTotal)}万元", Text(page, "#total"));

        // Filtered to what was paid in full, and by search: the totals follow the filter.
        var full = await city.GetDocument($"/projects/payments?batch={Uri.EscapeDataString(batch)}&state=paid");
        Assert.Equal([a.Id.ToString()], full.QuerySelectorAll("#payment-list tbody tr").Select(r => r.GetAttribute("data-project")!).ToArray());
        Assert.Equal(["20.00", "20.00", "0.00", "20.00", "0.00"], Cells(full.QuerySelector("#overall-totals")!)[..5]);
        var searched = await city.GetDocument($"/projects/payments?search={Uri.EscapeDataString(c.Name)}");
        Assert.Equal([c.Id.ToString()], searched.QuerySelectorAll("#payment-list tbody tr").Select(r => r.GetAttribute("data-project")!).ToArray());
        Assert.Contains(batch, page.QuerySelectorAll("select[name=batch] option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task Bureaus_and_the_think_tank_read_the_money_a_district_its_own_only_and_others_find_nothing()
    {
        var tag = Tag();
        var batch = $"{tag}批";
        var p = await MoneyProjects.AuditedAsync(app, $"{tag}甲项目", 300000.00m);
        var api = await app.As(p.Project.Users["city"]);
        await MoneyProjects.ApproveAsync(api, batch, p.Id);
        await MoneyProjects.PayAsync(api, p.Id, 5.00m, $"{tag}-1");
        var query = $"?batch={Uri.EscapeDataString(batch)}";

        foreach (var who in new[] { "chaoyang", "thinktank" })
        {
            var client = await app.SignedIn(p.Project.Users[who]);
            var page = await client.GetDocument($"/projects/payments{query}");
            Assert.True(new[] { p.Id.ToString() }.SequenceEqual(page.QuerySelectorAll("#payment-list tbody tr").Select(r => r.GetAttribute("data-project")!)), who);
            Assert.Null(page.QuerySelector("#approvals"));
            var approvals = await client.GetAsync("/projects/approvals", Ct);
            Assert.Equal(HttpStatusCode.Forbidden, approvals.StatusCode);
            Assert.Contains("只有市级主管部门可以核定和拨付专项资金", Text(PageClient.Parse(await approvals.Content.ReadAsStringAsync(Ct)), "#refusal"));
        }
        // Another district reads its own list, where this project is not; its sheet has no row of it either.
        var nanguan = await app.SignedIn(p.Project.Users["nanguan"]);
        Assert.Empty((await nanguan.GetDocument($"/projects/payments{query}")).QuerySelectorAll("#payment-list tbody tr[data-project]"));
        var sheet = await (await app.As(p.Project.Users["nanguan"])).GetByteArrayAsync($"/api/projects/payments.xlsx{query}", Ct);
        Assert.DoesNotContain(Annex5Sheets.Cells(sheet).Values, v => v.Text.Contains(tag));

        foreach (var who in new[] { "enterprise", "provider", "agency", "audit", "expert" })
        {
            var client = await app.SignedIn(p.Project.Users[who]);
            foreach (var path in new[] { "/projects/payments", "/projects/approvals" })
                Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(path, Ct)).StatusCode, $"{who} {path}");
            var bearer = await app.As(p.Project.Users[who]);
            foreach (var path in new[] { "/api/projects/payments.xlsx", "/api/projects/approved.xlsx" })
                Assert.True(HttpStatusCode.NotFound == (await bearer.GetAsync(path, Ct)).StatusCode, $"{who} {path}");
        }
    }

    [Fact]
    public async Task The_two_sheets_hold_each_payment_and_each_approval_as_numbers_dates_and_text_in_the_columns_asked_for()
    {
        var tag = Tag();
        var batch = $"{tag}批";
        var a = await MoneyProjects.AuditedAsync(app, $"{tag}甲项目", 300000.00m);
        var b = await MoneyProjects.AuditedAsync(app, $"{tag}乙项目", 123456.78m);
        var api = await app.As(a.Project.Users["city"]);
        await MoneyProjects.ApproveAsync(api, batch, a.Id, b.Id);
        // Voucher numbers that a spreadsheet would take for formulas stay the text they are.
        var payments = new (MoneyProjects.Audited Project, decimal Wan, string Voucher)[] { (a, 12.00m, $"={tag}+1"), (a, 8.00m, $"-{tag}"), (b, 5.00m, $"@{tag}") };
        foreach (var (project, wan, voucher) in payments) await MoneyProjects.PayAsync(api, project.Id, wan, voucher);
        var approvedWan = new Dictionary<Guid, decimal> { [a.Id] = 20.00m, [b.Id] = 11.17m };
        var serial = (MoneyProjects.BeijingToday().DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString();
        var query = $"?batch={Uri.EscapeDataString(batch)}";

        var response = await api.GetAsync($"/api/projects/payments.xlsx{query}", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var paymentsXlsx = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Empty(Annex5Sheets.ValidationErrors(paymentsXlsx));
        var cells = Annex5Sheets.Cells(paymentsXlsx);
        Assert.Equal("资金拨付明细", cells["A1"].Text);
        Assert.Equal(["序号", "区县", "企业名称", "统一社会信用代码", "项目名称", "核定批次", "核定金额（万元）", "中央资金（万元）", "地方资金（万元）", "拨付日期", "拨付金额（万元）", "凭证号", "经办人"],
            Enumerable.Range(1, 13).Select(c => cells[$"{Annex5Sheets.Column(c)}3"].Text).ToArray());
        for (var i = 0; i < payments.Length; i++)
        {
            var (project, wan, voucher) = payments[i];
            string Cell(string column) => cells[$"{column}{4 + i}"].Text;
            Assert.Equal(i + 1, (int)Annex5Sheets.Number(cells[$"A{4 + i}"]));
            Assert.Equal(["朝阳区", project.Project.Enterprise.Name, project.Project.Enterprise.Uscc!, project.Name, batch], new[] { "B", "C", "D", "E", "F" }.Select(Cell).ToArray());
            Assert.Equal([approvedWan[project.Id], approvedWan[project.Id], 0m], new[] { "G", "H", "I" }.Select(c => Annex5Sheets.Number(cells[$"{c}{4 + i}"])).ToArray());
            Assert.Equal((serial, true, false), cells[$"J{4 + i}"]);
            Assert.Equal(wan, Annex5Sheets.Number(cells[$"K{4 + i}"]));
            Assert.Equal((voucher, false, false), cells[$"L{4 + i}"]);
            Assert.Equal("长春市工信局（测试）", Cell("M"));
        }
        Assert.Equal("合计", cells["A7"].Text);
        Assert.Equal(payments.Sum(p => p.Wan), Annex5Sheets.Number(cells["K7"]));
        Assert.DoesNotContain(cells.Values, c => c.Formula);

        var approvedXlsx = await api.GetByteArrayAsync($"/api/projects/approved.xlsx{query}", Ct);
        Assert.Empty(Annex5Sheets.ValidationErrors(approvedXlsx));
        cells = Annex5Sheets.Cells(approvedXlsx);
        Assert.Equal("补助核定汇总", cells["A1"].Text);
        Assert.Equal(["序号", "区县", "企业名称", "统一社会信用代码", "项目名称", "核定批次", "核定日期", "核定金额（万元）", "中央资金（万元）", "地方资金（万元）",
            "已拨付（万元）", "未拨付（万元）", "最近拨付日期", "状态"], Enumerable.Range(1, 14).Select(c => cells[$"{Annex5Sheets.Column(c)}3"].Text).ToArray());
        foreach (var project in new[] { a, b })
        {
            var row = Enumerable.Range(4, 2).Single(r => cells[$"E{r}"].Text == project.Name);
            var paid = payments.Where(p => p.Project == project).Sum(p => p.Wan);
            Assert.Equal([project.Project.Enterprise.Name, batch], new[] { $"C{row}", $"F{row}" }.Select(c => cells[c].Text).ToArray());
            Assert.Equal((serial, true, false), cells[$"G{row}"]);
            Assert.Equal([approvedWan[project.Id], approvedWan[project.Id], 0m, paid, approvedWan[project.Id] - paid],
                new[] { "H", "I", "J", "K", "L" }.Select(c => Annex5Sheets.Number(cells[$"{c}{row}"])).ToArray());
            Assert.Equal((serial, true, false), cells[$"M{row}"]);
        }
        Assert.Equal("合计", cells["A6"].Text);
        Assert.Equal([31.17m, 31.17m, 0m, 25.00m, 6.17m], new[] { "H", "I", "J", "K", "L" }.Select(c => Annex5Sheets.Number(cells[$"{c}6"])).ToArray());

        // LibreOffice opens both: the voucher stays text (a formula would have been computed), the dates read as dates.
        var today = ChineseText.Date(MoneyProjects.BeijingToday());
        var shown = await CalcCsvAsync(paymentsXlsx);
        Assert.Contains($"={tag}+1", shown);
        Assert.Contains(today, shown);
        Assert.Contains(a.Project.Enterprise.Name, shown);
        Assert.Contains("31.17", await CalcCsvAsync(approvedXlsx));
    }

    /// <summary>The sheet as LibreOffice Calc shows it, converted to CSV (cells as displayed).</summary>
    private static async Task<string> CalcCsvAsync(byte[] xlsx)
    {
        var soffice = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "soffice")).FirstOrDefault(File.Exists);
        if (soffice is null) Requirements.Unmet("未安装 LibreOffice（soffice），无法检查表格的打开效果 / LibreOffice is not installed");
        var dir = Directory.CreateTempSubdirectory("dxpilot-money-");
        try
        {
            var input = Path.Combine(dir.FullName, "sheet.xlsx");
            await File.WriteAllBytesAsync(input, xlsx, Ct);
            using var process = Process.Start(new ProcessStartInfo(soffice!,
                $"-env:UserInstallation=file://{dir.FullName}/profile --headless --convert-to csv:\"Text - txt - csv (StarCalc)\":44,34,76 --outdir {dir.FullName} {input}")
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync(Ct));
            return await File.ReadAllTextAsync(Path.Combine(dir.FullName, "sheet.csv"), Ct);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static string W(decimal wan) => ChineseText.Wan(wan);
}

public sealed class ProjectMoneyTestsOnSqlite(SqliteApp app) : ProjectMoneyTests<SqliteApp>(app);

public sealed class ProjectMoneyTestsOnPostgres(PostgresApp app) : ProjectMoneyTests<PostgresApp>(app);
