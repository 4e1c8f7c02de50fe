using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// A fresh Changchun pilot enterprise in 朝阳区 (汽车零部件配件制造 3670) with its provider, evaluation agency and audit firm assigned,
/// another agency and audit firm serving another enterprise, and one account per role; <see cref="FiledAsync"/> takes its filing
/// (seed 002 附件4) through the chain to 已备案 with one contract of three lines, so that a project exists to carry on.
/// </summary>
public sealed class ChangchunProject
{
    public const string Programme = "changchun-2025";
    public const string District = "朝阳区";

    /// <summary>The contract's lines: MES 1 × 300,000.00 (software), gateways 2 × 50,000.00 (data collection), office PCs
    /// 5 × 8,000.00 (not eligible): 440,000.00 in all.</summary>
    public static readonly (string Name, decimal Price, decimal Quantity)[] Lines =
        [("MES制造执行系统", 300000.00m, 1m), ("工业网关", 50000.00m, 2m), ("办公电脑", 8000.00m, 5m)];

    public required Enterprise Enterprise { get; init; }
    public required Organisation Provider { get; init; }
    public required Organisation Agency { get; init; }
    public required Organisation AuditFirm { get; init; }
    /// <summary>enterprise, provider, agency, other-agency, audit, other-audit, city, chaoyang, nanguan (another district),
    /// thinktank, expert, other-enterprise.</summary>
    public required IReadOnlyDictionary<string, string> Users { get; init; }

    public static async Task<ChangchunProject> CreateAsync(DxPilotApp app, bool littleGiant = false)
    {
        Enterprise enterprise, other;
        Organisation provider, agency, auditFirm, otherAgency, otherAudit;
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var suffix = Guid.NewGuid().ToString("N")[..8];
            Enterprise Register(string name)
            {
                var form = new EnterpriseForm
                {
                    Name = name, Uscc = TestData.NewUscc("220104"), District = District, Industry = "汽车零部件配件制造", IndustryCode = "3670",
                    RegisteredAddress = "长春市朝阳区前进大街1号", ContactName = "赵厂长", ContactPhone = "13900001111", FoundedOn = "2012-05-01",
                    Employees = "120", RevenueWan = "5600", LittleGiantCentralFunded = littleGiant ? "是" : "否",
                    Ownership = "民营", AboveScale = "是", ProfitWan = "320", InsuredEmployees = "118", DigitalInvestmentWan = "150",
                };
                var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
                Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
                return Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
            }
            enterprise = Register($"长春改造测试{suffix}有限公司");
            other = Register($"长春另一改造测试{suffix}有限公司");
            db.Enterprises.AddRange(enterprise, other);
            Organisation Org(string name, OrganisationKind kind) => new() { ProgrammeId = Programme, Name = name + suffix, Kind = kind, Uscc = TestData.NewUscc("220104") };
            provider = Org("长春数智服务", OrganisationKind.ServiceProvider);
            agency = Org("吉林评测中心", OrganisationKind.EvaluationAgency);
            auditFirm = Org("长春会计师事务所", OrganisationKind.AuditFirm);
            otherAgency = Org("另一评测机构", OrganisationKind.EvaluationAgency);
            otherAudit = Org("另一审计机构", OrganisationKind.AuditFirm);
            db.Organisations.AddRange(provider, agency, auditFirm, otherAgency, otherAudit);
            var system = Actor.System(Programme, "测试数据");
            foreach (var (e, o) in new[] { (enterprise, provider), (enterprise, agency), (enterprise, auditFirm), (other, otherAgency), (other, otherAudit) })
                db.Assignments.Add(AssignmentPolicy.Assign(system, e, o, [], null, DateTime.UtcNow).Assignment!);
            await db.SaveChangesAsync();
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        var users = new Dictionary<string, string>
        {
            ["enterprise"] = await accounts.UserAsync(Role.Enterprise, displayName: enterprise.Name, enterprise: enterprise.Id),
            ["other-enterprise"] = await accounts.UserAsync(Role.Enterprise, displayName: other.Name, enterprise: other.Id),
            ["provider"] = await accounts.UserAsync(Role.ServiceProvider, displayName: provider.Name, organisation: provider.Id),
            ["agency"] = await accounts.UserAsync(Role.EvaluationAgency, displayName: "吉林评测中心王工", organisation: agency.Id),
            ["other-agency"] = await accounts.UserAsync(Role.EvaluationAgency, displayName: "另一评测机构李工", organisation: otherAgency.Id),
            ["audit"] = await accounts.UserAsync(Role.AuditFirm, displayName: "长春会计师事务所刘会计", organisation: auditFirm.Id),
            ["other-audit"] = await accounts.UserAsync(Role.AuditFirm, displayName: "另一审计机构陈会计", organisation: otherAudit.Id),
            ["city"] = await accounts.UserAsync(Role.CityBureau, displayName: "长春市工信局（测试）"),
            ["chaoyang"] = await accounts.UserAsync(Role.DistrictBureau, displayName: "朝阳区工信局（测试）", district: District),
            ["nanguan"] = await accounts.UserAsync(Role.DistrictBureau, displayName: "南关区工信局（测试）", district: "南关区"),
            ["thinktank"] = await accounts.UserAsync(Role.ThinkTank, displayName: "长春智库（测试）"),
            ["expert"] = await accounts.UserAsync(Role.Expert, displayName: "张专家（测试）"),
        };
        return new ChangchunProject { Enterprise = enterprise, Provider = provider, Agency = agency, AuditFirm = auditFirm, Users = users };
    }

    /// <summary>The filing filled, contracted (with the assigned provider unless <paramref name="contractor"/> is given), submitted,
    /// passed by 朝阳区 and confirmed by the city; returns the project's id.</summary>
    public async Task<Guid> FiledAsync(DxPilotApp app, string projectName = "汽车零部件车间数字化改造项目", Organisation? contractor = null)
    {
        var partyB = contractor ?? Provider;
        var enterprise = await app.As(Users["enterprise"]);
        var started = await enterprise.PostAsJsonAsync("/api/filings", new { enterpriseId = Enterprise.Id });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var filing = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var answers = new Dictionary<string, string?>
        {
            ["intro"] = "主营汽车座椅骨架，设备联网率低。", ["selfTest"] = "1", ["needsBasic"] = "设备系统", ["needsManagement"] = "生产管控",
            ["projectName"] = projectName, ["cloud"] = "公有云", ["period.start"] = "2025-01", ["period.end"] = "2025-12",
            ["investment"] = "44", ["targetLevel"] = "2", ["plan"] = "建设MES系统并实现关键设备联网。", ["declaration"] = "true",
        };
        foreach (var aspect in new[] { "创新", "市场", "提质", "降本", "增效", "绿色", "安全" })
        {
            answers[$"effects.{aspect}.before"] = "较低";
            answers[$"effects.{aspect}.after"] = "提升";
        }
        var saved = await enterprise.PutAsJsonAsync($"/api/filings/{filing}", new { answers, version = await HangzhouFiling.VersionAsync(enterprise, filing) });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var contract = new
        {
            number = "CC-DX-2025-001", name = "数字化改造服务合同", signedOn = "2025-01-10", periodStart = "2025-01-10", periodEnd = "2025-12-31",
            providerName = partyB.Name, providerUscc = partyB.Uscc, providerLegalRepresentative = "周总", providerAddress = "长春市朝阳区人民大街1号",
            providerContact = "吴工", providerPhone = "0431-88886666", firstPaymentPercent = 30, work = "MES系统实施与设备联网",
            lines = Lines.Select(l => new { name = l.Name, unitPriceYuan = l.Price, quantity = l.Quantity }).ToArray(),
        };
        var contracted = await enterprise.PostAsJsonAsync($"/api/filings/{filing}/contracts", new { contract });
        Assert.True(contracted.IsSuccessStatusCode, await contracted.Content.ReadAsStringAsync());
        await FilingStep(enterprise, filing, "submit", null);
        await FilingStep(await app.As(Users["chaoyang"]), filing, "pass", "同意报送。");
        await FilingStep(await app.As(Users["city"]), filing, "confirm", "同意备案。");
        var projects = await (await app.As(Users["city"])).GetFromJsonAsync<JsonElement>($"/api/projects?search={Uri.EscapeDataString(projectName)}");
        return projects.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("enterpriseId").GetGuid() == Enterprise.Id).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// The happy path to 已审计 (for tests about what follows): completion with one invoice per contract line, the agency's 改造后
    /// evaluation at 42.25 points (二级, AnswerDocuments.MidRange) and acceptance, 朝阳区's confirmation, the audit counting the MES
    /// and the gateways (400,000.00元, so 20.00万元 of subsidy) but not the PCs. Returns the project's id.
    /// </summary>
    public async Task<Guid> AuditedAsync(DxPilotApp app, string projectName = "汽车零部件车间数字化改造项目")
    {
        var id = await FiledAsync(app, projectName);
        var enterprise = await app.As(Users["enterprise"]);
        var agency = await app.As(Users["agency"]);
        var audit = await app.As(Users["audit"]);
        var deliveries = Lines.Select(l => new { item = l.Name, delivered = $"{l.Name}已交付", system = l.Name.StartsWith("MES") ? "MES" : null,
            goLiveOn = l.Name.StartsWith("MES") ? "2025-10-01" : null }).ToArray();
        Ok(await enterprise.PutAsJsonAsync($"/api/projects/{id}/completion", new { deliveries, version = await VersionAsync(enterprise, id) }));
        for (var i = 0; i < Lines.Length; i++) Ok(await InvoiceAsync(enterprise, id, $"2522{i:D4}", Lines[i].Name, Lines[i].Price * Lines[i].Quantity));
        Ok(await StepAsync(enterprise, id, "complete"));
        var after = await AssessmentAsync(agency, "After", AnswerDocuments.MidRange());
        Ok(await agency.PutAsJsonAsync($"/api/projects/{id}/evaluation", new
        {
            afterAssessmentId = after, checks = Lines.Select(l => new { verified = l.Name.StartsWith("MES") ? (bool?)true : null, note = (string?)null }).ToArray(),
            conclusion = "达到二级（规范级）。", version = await VersionAsync(agency, id),
        }));
        Ok(await StepAsync(agency, id, "evaluate"));
        Ok(await agency.PutAsJsonAsync($"/api/projects/{id}/acceptance", new
        {
            acceptance = new
            {
                members = new[]
                {
                    new { name = "刘教授", unit = "吉林大学", leader = true, signed = true },
                    new { name = "陈高工", unit = "长春工业大学", leader = false, signed = true },
                    new { name = "马工", unit = "吉林省信息技术研究所", leader = false, signed = true },
                },
                documentReview = "材料齐全。", siteCheckOn = "2025-11-25", siteCheck = "系统运行正常。", opinion = "同意通过验收。",
            },
            version = await VersionAsync(agency, id),
        }));
        Ok(await StepAsync(agency, id, "pass"));
        Ok(await StepAsync(await app.As(Users["chaoyang"]), id, "confirm", "同意验收。"));
        var invoices = (await GetAsync(audit, id)).GetProperty("invoices").EnumerateArray().ToList();
        Ok(await audit.PutAsJsonAsync($"/api/projects/{id}/audit", new
        {
            lines = invoices.Select(i => new
            {
                invoiceId = i.GetProperty("id").GetGuid(),
                categoryKey = i.GetProperty("item").GetString() switch { "MES制造执行系统" => "software", "工业网关" => "collection", _ => "office" },
            }).ToArray(),
            opinion = "合规投入40万元。", version = await VersionAsync(audit, id),
        }));
        Ok(await FileAsync(audit, id, "auditReport"));
        Ok(await StepAsync(audit, id, "audit"));
        return id;
    }

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {response.Content.ReadAsStringAsync().Result}");

    private static async Task FilingStep(HttpClient client, Guid id, string trigger, string? reason)
    {
        var taken = await client.PostAsJsonAsync($"/api/filings/{id}/transitions", new { trigger, reason, version = await HangzhouFiling.VersionAsync(client, id) });
        Assert.True(taken.IsSuccessStatusCode, $"{trigger}: {await taken.Content.ReadAsStringAsync()}");
    }

    /// <summary>The project as <paramref name="client"/> reads it.</summary>
    public static Task<JsonElement> GetAsync(HttpClient client, Guid id) => client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");

    public static async Task<int> VersionAsync(HttpClient client, Guid id) => (await GetAsync(client, id)).GetProperty("version").GetInt32();

    /// <summary>Records an assessment as the client (an agency's 改造后, a provider's 改造前) and returns its id.</summary>
    public async Task<Guid> AssessmentAsync(HttpClient client, string stage, JsonObject document, string assessedOn = "2025-11-20")
    {
        var body = document.DeepClone().AsObject();
        body["stage"] = stage;
        body["assessedOn"] = assessedOn;
        body["evidence"] = new JsonObject();
        var created = await client.PostAsJsonAsync($"/api/enterprises/{Enterprise.Id}/assessments", body);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Uploads an invoice with a small PDF as its scan.</summary>
    public static async Task<HttpResponseMessage> InvoiceAsync(HttpClient client, Guid id, string number, string item, decimal amountYuan, string issuedOn = "2025-10-15")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(number), "number" }, { new StringContent(issuedOn), "issuedOn" }, { new StringContent("长春数智服务有限公司"), "seller" },
            { new StringContent(item), "item" }, { new StringContent(amountYuan.ToString(System.Globalization.CultureInfo.InvariantCulture)), "amountYuan" },
            { new StringContent((await VersionAsync(client, id)).ToString()), "version" },
        };
        form.Add(Pdf(), "scan", $"发票{number}.pdf");
        return await client.PostAsync($"/api/projects/{id}/invoices", form);
    }

    /// <summary>Uploads the audit report or the signed opinion.</summary>
    public static async Task<HttpResponseMessage> FileAsync(HttpClient client, Guid id, string kind)
    {
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { new StringContent((await VersionAsync(client, id)).ToString()), "version" } };
        form.Add(Pdf(), "scan", kind == "auditReport" ? "专项审计报告.pdf" : "验收意见（签字）.pdf");
        return await client.PostAsync($"/api/projects/{id}/files", form);
    }

    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string trigger, string? reason = null) =>
        await client.PostAsJsonAsync($"/api/projects/{id}/transitions", new { trigger, reason, version = await VersionAsync(client, id) });

    private static ByteArrayContent Pdf()
    {
        var content = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }
}
