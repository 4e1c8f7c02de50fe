using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The loop after filing for one Changchun enterprise (seed 002 三（二）4-7): completion with invoices, the agency's evaluation and
/// acceptance, the district's confirmation, the audit, the city's approval and payments. Amounts are worked from the programme's
/// rules (50 % of the audited eligible spend, at most 50万元): the contract's MES 300,000.00 and gateways 100,000.00 count, the
/// office PCs' 40,000.00 do not, so 40.00万元 × 50 % = 20.00万元.
/// </summary>
public abstract class ProjectTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task One_enterprise_goes_from_filed_to_paid_with_every_step_taken_by_its_own_party()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        var enterprise = await app.As(c.Users["enterprise"]);
        var agency = await app.As(c.Users["agency"]);
        var audit = await app.As(c.Users["audit"]);
        var city = await app.As(c.Users["city"]);
        var project = await ChangchunProject.GetAsync(enterprise, id);
        Assert.Equal("implementing", project.GetProperty("state").GetString());
        Assert.Equal(2, project.GetProperty("targetLevel").GetInt32());

        // The provider diagnosed it at 无等级 before; the agency will find 二级 after.
        var before = await c.AssessmentAsync(await app.As(c.Users["provider"]), "Before", AnswerDocuments.AllNone(), "2025-01-05");

        // 报告完工: nothing to report yet is refused with what is missing.
        var early = await ChangchunProject.StepAsync(enterprise, id, "complete");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("请填写交付内容", await early.Content.ReadAsStringAsync());
        var deliveries = new object[]
        {
            new { item = "MES制造执行系统", delivered = "MES上线，覆盖冲压、焊装两个车间", system = "MES", goLiveOn = "2025-10-01" },
            new { item = "工业网关", delivered = "2台网关接入38台设备", system = (string?)null, goLiveOn = (string?)null },
            new { item = "办公电脑", delivered = "5台办公电脑", system = (string?)null, goLiveOn = (string?)null },
        };
        var saved = await enterprise.PutAsJsonAsync($"/api/projects/{id}/completion",
            new { deliveries, note = "按合同全部交付。", version = await ChangchunProject.VersionAsync(enterprise, id) });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        foreach (var (no, item, amount) in new[] { ("25220001", "MES制造执行系统", 300000.00m), ("25220002", "工业网关", 100000.00m), ("25220003", "办公电脑", 30000.00m) })
        {
            var added = await ChangchunProject.InvoiceAsync(enterprise, id, no, item, amount);
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        // The same invoice number twice is refused; invoices summing to 430,000.00 against a 440,000.00 contract are flagged, not blocked.
        var twice = await ChangchunProject.InvoiceAsync(enterprise, id, "25220003", "办公电脑", 10000m);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("已经登记过", await twice.Content.ReadAsStringAsync());
        project = await ChangchunProject.GetAsync(enterprise, id);
        Assert.Contains("与合同总额440,000.00元不一致", project.GetProperty("invoiceWarning").GetString());
        Assert.True((await ChangchunProject.InvoiceAsync(enterprise, id, "25220004", "办公电脑", 10000m)).IsSuccessStatusCode);
        project = await ChangchunProject.GetAsync(enterprise, id);
        Assert.Equal(JsonValueKind.Null, project.GetProperty("invoiceWarning").ValueKind);
        var completed = await ChangchunProject.StepAsync(enterprise, id, "complete");
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());

        // 验收 before the 改造后 evaluation is refused; the evaluation names this agency's 改造后 assessment.
        var acceptance = Acceptance();
        var tooEarly = await agency.PutAsJsonAsync($"/api/projects/{id}/acceptance", new { acceptance, version = await ChangchunProject.VersionAsync(agency, id) });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("须先出具改造后的数字化水平评测报告", await tooEarly.Content.ReadAsStringAsync());
        var after = await c.AssessmentAsync(agency, "After", AnswerDocuments.MidRange());
        var wrongAssessment = await agency.PutAsJsonAsync($"/api/projects/{id}/evaluation", new
        {
            afterAssessmentId = before, checks = new[] { new { verified = (bool?)true, note = (string?)"MES运行正常" }, new { verified = (bool?)null, note = (string?)null }, new { verified = (bool?)null, note = (string?)null } },
            conclusion = "达到二级。", version = await ChangchunProject.VersionAsync(agency, id),
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongAssessment.StatusCode);
        Assert.Contains("只能依据本机构填写的“改造后”评测", await wrongAssessment.Content.ReadAsStringAsync());
        var evaluation = await agency.PutAsJsonAsync($"/api/projects/{id}/evaluation", new
        {
            afterAssessmentId = after, checks = new[] { new { verified = (bool?)true, note = (string?)"MES运行正常" }, new { verified = (bool?)null, note = (string?)null }, new { verified = (bool?)null, note = (string?)null } },
            conclusion = "改造后数字化水平整体得分42.25分，达到二级（规范级）。", version = await ChangchunProject.VersionAsync(agency, id),
        });
        Assert.True(evaluation.IsSuccessStatusCode, await evaluation.Content.ReadAsStringAsync());
        Assert.True((await ChangchunProject.StepAsync(agency, id, "evaluate")).IsSuccessStatusCode);
        project = await ChangchunProject.GetAsync(city, id);
        Assert.Equal(2, project.GetProperty("evaluation").GetProperty("levelAfter").GetInt32());
        Assert.Equal(0, project.GetProperty("evaluation").GetProperty("levelBefore").GetInt32());

        // The group and opinion, then pass; the district confirms with its opinion. A site check before the pilot began (Changchun's
        // period starts 2024年1月1日) is a typing mistake.
        var beforePilot = await agency.PutAsJsonAsync($"/api/projects/{id}/acceptance", new
        {
            acceptance = Acceptance("2023-12-31"), version = await ChangchunProject.VersionAsync(agency, id),
        });
        Assert.Equal(HttpStatusCode.BadRequest, beforePilot.StatusCode);
        Assert.Contains("现场核查日期不能早于本试点开始（2024年1月1日）", await beforePilot.Content.ReadAsStringAsync());
        var accepted = await agency.PutAsJsonAsync($"/api/projects/{id}/acceptance", new { acceptance, version = await ChangchunProject.VersionAsync(agency, id) });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.True((await ChangchunProject.StepAsync(agency, id, "pass")).IsSuccessStatusCode);
        var chaoyang = await app.As(c.Users["chaoyang"]);
        var noOpinion = await ChangchunProject.StepAsync(chaoyang, id, "confirm");
        Assert.Equal(HttpStatusCode.BadRequest, noOpinion.StatusCode);
        Assert.True((await ChangchunProject.StepAsync(chaoyang, id, "confirm", "同意验收。")).IsSuccessStatusCode);

        // 专项审计: an eligible amount above the invoice is refused; the PCs do not count.
        project = await ChangchunProject.GetAsync(audit, id);
        var invoices = project.GetProperty("invoices").EnumerateArray().ToDictionary(i => i.GetProperty("number").GetString()!, i => i.GetProperty("id").GetGuid());
        var tooMuch = await audit.PutAsJsonAsync($"/api/projects/{id}/audit", new
        {
            lines = new[] { new { invoiceId = invoices["25220001"], categoryKey = "software", eligibleYuan = (decimal?)300000.01m, note = (string?)null } },
            opinion = "", version = await ChangchunProject.VersionAsync(audit, id),
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("超过发票金额300,000.00元", await tooMuch.Content.ReadAsStringAsync());
        var classified = await audit.PutAsJsonAsync($"/api/projects/{id}/audit", new
        {
            lines = new[]
            {
                new { invoiceId = invoices["25220001"], categoryKey = "software", eligibleYuan = (decimal?)null, note = (string?)null },
                new { invoiceId = invoices["25220002"], categoryKey = "collection", eligibleYuan = (decimal?)null, note = (string?)null },
                new { invoiceId = invoices["25220003"], categoryKey = "office", eligibleYuan = (decimal?)null, note = (string?)"办公电脑不属于支持范围" },
                new { invoiceId = invoices["25220004"], categoryKey = "office", eligibleYuan = (decimal?)null, note = (string?)null },
            },
            opinion = "经审计，合规投入40万元。", version = await ChangchunProject.VersionAsync(audit, id),
        });
        Assert.True(classified.IsSuccessStatusCode, await classified.Content.ReadAsStringAsync());
        var noReport = await ChangchunProject.StepAsync(audit, id, "audit");
        Assert.Contains("请上传专项审计报告", await noReport.Content.ReadAsStringAsync());
        Assert.True((await ChangchunProject.FileAsync(audit, id, "auditReport")).IsSuccessStatusCode);
        Assert.True((await ChangchunProject.StepAsync(audit, id, "audit")).IsSuccessStatusCode);

        // 核定: 400,000.00元 eligible × 50 % = 20.00万元, below the 50万元 cap.
        project = await ChangchunProject.GetAsync(city, id);
        Assert.Equal(400000.00m, project.GetProperty("audit").GetProperty("eligibleYuan").GetDecimal());
        var computed = project.GetProperty("subsidy").GetProperty("computed");
        Assert.Equal(20.00m, computed.GetProperty("amountWan").GetDecimal());
        Assert.Equal("人民币贰拾万元整", computed.GetProperty("capital").GetString());
        var batch = await city.PostAsJsonAsync("/api/projects/approvals", new { items = new[] { new { id, version = project.GetProperty("version").GetInt32() } }, batch = "2025年第一批" });
        Assert.True(batch.IsSuccessStatusCode, await batch.Content.ReadAsStringAsync());
        var result = await batch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("approved").GetInt32());
        Assert.Equal(20.00m, result.GetProperty("totalWan").GetDecimal());

        // 拨付: partial, then the rest; above the outstanding amount and a voucher twice are refused.
        async Task<HttpResponseMessage> Pay(decimal amount, string voucher) => await city.PostAsJsonAsync($"/api/projects/{id}/payments",
            new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd"), amountWan = amount, voucherNo = voucher, version = await ChangchunProject.VersionAsync(city, id) });
        var above = await Pay(20.01m, "PZ-001");
        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        Assert.Contains("超过尚未拨付的20.00万元", await above.Content.ReadAsStringAsync());
        Assert.True((await Pay(12.00m, "PZ-001")).IsSuccessStatusCode);
        Assert.Equal("approved", (await ChangchunProject.GetAsync(city, id)).GetProperty("state").GetString());
        var again = await Pay(8.00m, "PZ-001");
        Assert.Contains("凭证号PZ-001已登记过", await again.Content.ReadAsStringAsync());
        Assert.True((await Pay(8.00m, "PZ-002")).IsSuccessStatusCode);
        project = await ChangchunProject.GetAsync(enterprise, id);
        Assert.Equal("paid", project.GetProperty("state").GetString());
        Assert.Equal(20.00m, project.GetProperty("subsidy").GetProperty("paidWan").GetDecimal());
        Assert.Equal(["complete", "evaluate", "pass", "confirm", "audit", "approve", "pay"],
            project.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString()!).ToArray());

        // The closed project's archive holds its documents in the order of the process.
        var archive = await city.GetAsync($"/api/projects/{id}/archive.zip");
        Assert.True(archive.IsSuccessStatusCode, await archive.Content.ReadAsStringAsync());
        using var zip = new System.IO.Compression.ZipArchive(await archive.Content.ReadAsStreamAsync());
        var files = zip.Entries.Where(e => e.FullName.Contains('/')).Select(e => e.Name[3..]).ToList();
        var order = new[] { "备案入库申请表", "服务合同-", "数字化水平评测报告", "验收意见", "专项审计报告", "发票", "资金拨付记录.xlsx" }
            .Select(part => files.FindIndex(f => f.Contains(part))).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task Organisations_see_only_the_projects_assigned_to_them_and_districts_only_their_own()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        foreach (var who in new[] { "enterprise", "provider", "agency", "audit", "city", "chaoyang", "thinktank" })
            Assert.True(HttpStatusCode.OK == (await (await app.As(c.Users[who])).GetAsync($"/api/projects/{id}")).StatusCode, who);
        foreach (var who in new[] { "other-agency", "other-audit", "nanguan", "other-enterprise", "expert" })
        {
            var client = await app.As(c.Users[who]);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/projects/{id}")).StatusCode, who);
            Assert.DoesNotContain(id.ToString(), await client.GetStringAsync("/api/projects"));
        }
        // An agency out of scope cannot evaluate (404), a role the chain does not name cannot take a step (403).
        var other = await app.As(c.Users["other-agency"]);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/projects/{id}/evaluation", new { checks = Array.Empty<object>(), version = 1 })).StatusCode);
        var otherAudit = await app.As(c.Users["other-audit"]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAudit.PutAsJsonAsync($"/api/projects/{id}/audit", new { lines = Array.Empty<object>(), version = 1 })).StatusCode);
        var thinktank = await app.As(c.Users["thinktank"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await ChangchunProject.StepAsync(thinktank, id, "complete")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await thinktank.PostAsJsonAsync("/api/projects/approvals", new { items = new[] { new { id } } })).StatusCode);
    }

    [Fact]
    public async Task A_provider_named_in_the_contract_works_on_the_filing_and_the_project_without_an_assignment()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var contractor = new Organisation { ProgrammeId = ChangchunProject.Programme, Name = $"长春签约服务{suffix}有限公司", Kind = OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc("220104") };
        var stranger = new Organisation { ProgrammeId = ChangchunProject.Programme, Name = $"长春无关服务{suffix}有限公司", Kind = OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc("220104") };
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            db.Organisations.AddRange(contractor, stranger);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var accounts = new ProgrammeAccounts(app, ChangchunProject.Programme);
        var signed = await app.As(await accounts.UserAsync(Role.ServiceProvider, displayName: contractor.Name, organisation: contractor.Id));
        var other = await app.As(await accounts.UserAsync(Role.ServiceProvider, displayName: stranger.Name, organisation: stranger.Id));
        var id = await c.FiledAsync(app, contractor: contractor);
        var filing = (await ChangchunProject.GetAsync(await app.As(c.Users["city"]), id)).GetProperty("filingId").GetGuid();

        // The contract's 乙方 does the work: it reads the filing and the project, finds the project in its list and reports completion.
        Assert.Equal(HttpStatusCode.OK, (await signed.GetAsync($"/api/filings/{filing}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signed.GetAsync($"/api/projects/{id}")).StatusCode);
        Assert.Contains(id.ToString(), await signed.GetStringAsync("/api/projects"));
        var completion = new { deliveries = new[] { new { item = "MES制造执行系统", delivered = "MES上线", system = "MES", goLiveOn = "2025-10-01" } }, note = "按合同交付。",
            version = await ChangchunProject.VersionAsync(signed, id) };
        Assert.Equal(HttpStatusCode.OK, (await signed.PutAsJsonAsync($"/api/projects/{id}/completion", completion)).StatusCode);
        // The assigned provider keeps its access; a provider neither assigned nor contracted has none.
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(c.Users["provider"])).GetAsync($"/api/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/filings/{filing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/projects/{id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync("/api/projects"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/projects/{id}/completion", completion)).StatusCode);
    }

    [Fact]
    public async Task A_batch_approves_what_holds_and_names_what_is_missing_for_each_other_item()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        var city = await app.As(c.Users["city"]);
        var response = await city.PostAsJsonAsync("/api/projects/approvals", new { items = new[] { new { id, version = (int?)null }, new { id = Guid.NewGuid(), version = (int?)null } } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("approved").GetInt32());
        var items = result.GetProperty("items").EnumerateArray().ToList();
        var message = items[0].GetProperty("message").GetString()!;
        Assert.Contains("当前状态为“改造实施中”，不能核定补助资金", message);
        Assert.Contains("找不到该项目", items[1].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Two_approvers_acting_on_the_same_batch_at_once_approve_each_project_once()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var first = await c.AuditedAsync(app, "并发核定项目一");
        var city = await app.As(c.Users["city"]);
        var other = await app.As(await new ProgrammeAccounts(app, ChangchunProject.Programme).UserAsync(DxPilot.Domain.Accounts.Role.CityBureau, displayName: "长春市工信局另一经办人"));
        var version = await ChangchunProject.VersionAsync(city, first);
        var body = new { items = new[] { new { id = first, version } }, batch = "同一批次" };
        var answers = await Task.WhenAll(city.PostAsJsonAsync("/api/projects/approvals", body), other.PostAsJsonAsync("/api/projects/approvals", body));
        var results = new List<JsonElement>();
        foreach (var a in answers)
        {
            Assert.True(a.IsSuccessStatusCode, await a.Content.ReadAsStringAsync());
            results.Add((await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0]);
        }
        // Exactly one of them approved it; the other is told, per item, that someone else did.
        Assert.Single(results, r => r.GetProperty("approved").GetBoolean());
        var refused = results.Single(r => !r.GetProperty("approved").GetBoolean()).GetProperty("message").GetString()!;
        Assert.True(refused.Contains("已被他人处理") || refused.Contains("当前状态为“已核定，待拨付”"), refused);
        var project = await ChangchunProject.GetAsync(city, first);
        Assert.Equal("approved", project.GetProperty("state").GetString());
        Assert.Equal(20.00m, project.GetProperty("subsidy").GetProperty("approved").GetProperty("amountWan").GetDecimal());
        Assert.Single(project.GetProperty("history").EnumerateArray(), h => h.GetProperty("trigger").GetString() == "approve");
    }

    [Fact]
    public async Task The_archive_holds_every_document_in_order_with_an_index_whose_hashes_match_and_whose_own_hash_is_audited()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        var enterprise = await app.As(c.Users["enterprise"]);
        Assert.True((await ChangchunProject.InvoiceAsync(enterprise, id, "25229001", "MES制造执行系统", 300000m)).IsSuccessStatusCode);

        var city = await app.As(c.Users["city"]);
        var response = await city.GetAsync($"/api/projects/{id}/archive.zip");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        // Named for what it holds, and its files dated in Beijing time (a zip keeps wall-clock times without a zone).
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        Assert.Equal($"材料归档-{c.Enterprise.Name}-汽车零部件车间数字化改造项目-{DxPilot.Domain.Text.ChineseText.Date(today)}.zip",
            response.Content.Headers.ContentDisposition?.FileNameStar);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal("000-归档目录.xlsx", names.Last());
        // An upload or a generated form is dated when it was made; an invoice on the day it was issued.
        var beijingNow = DateTime.UtcNow.AddHours(8);
        Assert.All(zip.Entries.Where(e => !e.Name.StartsWith("03-发票")), e => Assert.InRange(e.LastWriteTime.DateTime, beijingNow.AddMinutes(-10), beijingNow.AddMinutes(1)));
        Assert.Equal(new DateTime(2025, 10, 15), zip.Entries.Single(e => e.Name.StartsWith("03-发票")).LastWriteTime.DateTime);
        var files = names.Where(n => n.Contains('/')).Select(n => n[(n.IndexOf('/') + 1)..]).ToList();
        // The filing's one submitted round, its contract, then the invoice: the order of the process.
        Assert.Equal(3, files.Count);
        Assert.StartsWith("01-《长春市中小企业数字化改造项目备案入库申请表》", files[0]);
        Assert.EndsWith("（第1次提交）.docx", files[0]);
        Assert.StartsWith("02-服务合同-CC-DX-2025-001", files[1]);
        Assert.Equal("03-发票25229001（MES制造执行系统）.pdf", files[2]);
        // Seed 003's template, in Changchun's name: its title and place of signing are the programme's city, never 杭州.
        using (var contract = new MemoryStream())
        {
            await using (var s = zip.Entries.Single(e => e.FullName.EndsWith(files[1])).Open()) await s.CopyToAsync(contract);
            var text = OfficeFiles.Text(contract.ToArray());
            Assert.StartsWith("长春市中小企业数字化改造服务合同", text);
            Assert.Contains("在中国长春签署", text);
            Assert.DoesNotContain("杭州", text);
        }

        using var index = new MemoryStream();
        await using (var s = zip.GetEntry("000-归档目录.xlsx")!.Open()) await s.CopyToAsync(index);
        List<List<string>> rows;
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(index.ToArray()), false))
            rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.CellValue?.Text ?? c.InlineString?.InnerText ?? "").ToList()).ToList();
        Assert.Equal(["序号", "项目", "文件", "日期", "作者", "来源", "SHA-256"], rows[1]);
        Assert.Equal(files.Count + 2, rows.Count);
        foreach (var entry in zip.Entries.Where(e => e.FullName.Contains('/')))
        {
            using var bytes = new MemoryStream();
            await using (var s = entry.Open()) await s.CopyToAsync(bytes);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));
            Assert.Contains(rows, r => r.Contains(entry.FullName) && r.Contains(sha));
        }
        var indexSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(index.ToArray()));
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilot.Infrastructure.Persistence.DxPilotDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "ProjectArchive" && a.Source!.Contains(indexSha)));
        }

        // Only the bureaus (in their scope) and the think tank archive.
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(c.Users["chaoyang"])).GetAsync($"/api/enterprises/{c.Enterprise.Id}/archive.zip")).StatusCode);
        foreach (var who in new[] { "nanguan", "enterprise", "agency" })
            Assert.True(HttpStatusCode.NotFound == (await (await app.As(c.Users[who])).GetAsync($"/api/projects/{id}/archive.zip")).StatusCode, who);
    }

    private static object Acceptance(string siteCheckOn = "2025-11-25") => new
    {
        members = new[]
        {
            new { name = "刘教授", unit = "吉林大学", title = "教授", leader = true, signed = true },
            new { name = "陈高工", unit = "长春工业大学", title = "高级工程师", leader = false, signed = true },
            new { name = "马工", unit = "吉林省信息技术研究所", title = "工程师", leader = false, signed = true },
        },
        documentReview = "合同、发票、系统上线报告齐全。", siteCheckOn, siteCheck = "MES已在两个车间运行，设备联网38台。",
        opinion = "项目按方案完成，同意通过验收。", suggestions = "加强数据分析应用。",
    };
}

public sealed class ProjectTestsOnSqlite(SqliteApp app) : ProjectTests<SqliteApp>(app);

public sealed class ProjectTestsOnPostgres(PostgresApp app) : ProjectTests<PostgresApp>(app);
