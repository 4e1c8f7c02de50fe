using System.Net.Http.Json;
using System.Text.Json;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// Changchun projects taken through the API to 审计完成 (and on to approved and paid) for the money pages: the MES invoice's amount
/// varies, the gateways' 100,000.00元 count too and the office PCs' 40,000.00元 do not, so the audited eligible spend is the MES
/// amount + 100,000.00元. The agency finds 二级 (MidRange) unless told that the project stays 无等级 (AllNone).
/// </summary>
public static class MoneyProjects
{
    public sealed record Audited(ChangchunProject Project, Guid Id, string Name);

    public static async Task<Audited> AuditedAsync(DxPilotApp app, string projectName, decimal mesYuan, bool reachesLevelTwo = true)
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app, projectName);
        var enterprise = await app.As(c.Users["enterprise"]);
        var deliveries = new object[]
        {
            new { item = "MES制造执行系统", delivered = "MES上线", system = "MES", goLiveOn = "2025-10-01" },
            new { item = "工业网关", delivered = "2台网关", system = (string?)null, goLiveOn = (string?)null },
            new { item = "办公电脑", delivered = "5台办公电脑", system = (string?)null, goLiveOn = (string?)null },
        };
        await Ok(await enterprise.PutAsJsonAsync($"/api/projects/{id}/completion", new { deliveries, note = "按合同交付。", version = await ChangchunProject.VersionAsync(enterprise, id) }));
        foreach (var (no, item, amount) in new[] { ("M1", "MES制造执行系统", mesYuan), ("G1", "工业网关", 100000.00m), ("P1", "办公电脑", 40000.00m) })
            await Ok(await ChangchunProject.InvoiceAsync(enterprise, id, no, item, amount));
        await Ok(await ChangchunProject.StepAsync(enterprise, id, "complete"));

        var agency = await app.As(c.Users["agency"]);
        var after = await c.AssessmentAsync(agency, "After", reachesLevelTwo ? AnswerDocuments.MidRange() : AnswerDocuments.AllNone());
        await Ok(await agency.PutAsJsonAsync($"/api/projects/{id}/evaluation", new
        {
            afterAssessmentId = after,
            checks = new[] { new { verified = (bool?)true, note = (string?)"运行正常" }, new { verified = (bool?)null, note = (string?)null }, new { verified = (bool?)null, note = (string?)null } },
            conclusion = "评测结论。", version = await ChangchunProject.VersionAsync(agency, id),
        }));
        await Ok(await ChangchunProject.StepAsync(agency, id, "evaluate"));
        var acceptance = new
        {
            members = new[]
            {
                new { name = "刘教授", unit = "吉林大学", title = "教授", leader = true, signed = true },
                new { name = "陈高工", unit = "长春工业大学", title = "高级工程师", leader = false, signed = true },
                new { name = "马工", unit = "吉林省信息技术研究所", title = "工程师", leader = false, signed = true },
            },
            documentReview = "材料齐全。", siteCheckOn = "2025-11-25", siteCheck = "系统运行。", opinion = "同意通过验收。", suggestions = "",
        };
        await Ok(await agency.PutAsJsonAsync($"/api/projects/{id}/acceptance", new { acceptance, version = await ChangchunProject.VersionAsync(agency, id) }));
        await Ok(await ChangchunProject.StepAsync(agency, id, "pass"));
        await Ok(await ChangchunProject.StepAsync(await app.As(c.Users["chaoyang"]), id, "confirm", "同意验收。"));

        var audit = await app.As(c.Users["audit"]);
        var invoices = (await ChangchunProject.GetAsync(audit, id)).GetProperty("invoices").EnumerateArray()
            .ToDictionary(i => i.GetProperty("number").GetString()!, i => i.GetProperty("id").GetGuid());
        await Ok(await audit.PutAsJsonAsync($"/api/projects/{id}/audit", new
        {
            lines = new[]
            {
                new { invoiceId = invoices["M1"], categoryKey = "software" }, new { invoiceId = invoices["G1"], categoryKey = "collection" },
                new { invoiceId = invoices["P1"], categoryKey = "office" },
            },
            opinion = "经审计。", version = await ChangchunProject.VersionAsync(audit, id),
        }));
        await Ok(await ChangchunProject.FileAsync(audit, id, "auditReport"));
        await Ok(await ChangchunProject.StepAsync(audit, id, "audit"));
        return new Audited(c, id, projectName);
    }

    /// <summary>Approves the projects in one batch through the API as <paramref name="city"/>; every item must be approved.</summary>
    public static async Task ApproveAsync(HttpClient city, string batch, params Guid[] ids)
    {
        var items = new List<object>();
        foreach (var id in ids) items.Add(new { id, version = await ChangchunProject.VersionAsync(city, id) });
        var response = await city.PostAsJsonAsync("/api/projects/approvals", new { items, batch });
        await Ok(response);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ids.Length == result.GetProperty("approved").GetInt32(), result.ToString());
    }

    /// <summary>Records a payment dated today (Beijing) as <paramref name="city"/>.</summary>
    public static async Task PayAsync(HttpClient city, Guid id, decimal amountWan, string voucher) =>
        await Ok(await city.PostAsJsonAsync($"/api/projects/{id}/payments",
            new { paidOn = BeijingToday().ToString("yyyy-MM-dd"), amountWan, voucherNo = voucher, version = await ChangchunProject.VersionAsync(city, id) }));

    public static DateOnly BeijingToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static async Task Ok(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode) Assert.Fail($"{response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
    }
}
