using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Filings;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// A fresh Hangzhou pilot enterprise in 滨江区 (汽车零部件, code 3670, an SME registered in 杭州) with a provider assigned to it,
/// and one account per role around it, so that each test has its own filing (seed 003 is Hangzhou's notice; its form and chain
/// are in config/programmes/hangzhou-2024.json).
/// </summary>
public sealed class HangzhouFiling
{
    public const string Programme = "hangzhou-2024";
    public const string District = "滨江区";

    public required Enterprise Enterprise { get; init; }
    public required Organisation Provider { get; init; }
    public required Organisation OtherProvider { get; init; }
    /// <summary>User names: provider, enterprise, city, binjiang (the enterprise's district), xihu (another district),
    /// other-provider, expert, thinktank, other-enterprise (another file's account).</summary>
    public required IReadOnlyDictionary<string, string> Users { get; init; }

    /// <summary>A complete, eligible set of answers to Hangzhou's 附件1 (what a filled form sends).</summary>
    public static Dictionary<string, string?> CompleteAnswers(string projectName = "汽车零部件数字化车间改造项目") => new()
    {
        ["selfTest"] = "1", ["targetLevel"] = "2", ["intro"] = "主导产品为汽车座椅骨架，已有ERP，设备联网率低。",
        ["projectName"] = projectName, ["period.start"] = "2025-01", ["period.end"] = "2025-12",
        ["scenarios"] = "生产制造\n供应链", ["cloudPlan"] = "业务系统上云", ["investment"] = "120.50",
        ["plan"] = "建设MES系统并实现关键设备联网，打通ERP与MES的数据。", ["declaration"] = "true",
    };

    public static async Task<HangzhouFiling> CreateAsync(DxPilotApp app, string district = District, string? industryCode = "3670")
    {
        Enterprise enterprise, other;
        Organisation provider, otherProvider;
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var suffix = Guid.NewGuid().ToString("N")[..8];
            Enterprise Register(string name)
            {
                var form = new EnterpriseForm
                {
                    Name = name, Uscc = TestData.NewUscc(), District = district, Industry = "汽车零部件", IndustryCode = industryCode,
                    RegisteredAddress = "杭州市滨江区江南大道1号", LegalRepresentative = "钱董事长", ContactName = "孙经理", ContactPhone = "13900002222",
                    Employees = "120", RevenueWan = "5600", MainProducts = "汽车座椅骨架", AboveScale = "是", DigitalStaff = "12",
                };
                var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
                Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
                return Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
            }
            enterprise = Register($"杭州测试汽车部件{suffix}有限公司");
            other = Register($"杭州另一测试企业{suffix}有限公司");
            db.Enterprises.AddRange(enterprise, other);
            provider = new Organisation { ProgrammeId = Programme, Name = $"杭州数智改造服务{suffix}有限公司", Kind = OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc() };
            otherProvider = new Organisation { ProgrammeId = Programme, Name = $"浙江另一服务商{suffix}有限公司", Kind = OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc() };
            db.Organisations.AddRange(provider, otherProvider);
            db.Assignments.Add(AssignmentPolicy.Assign(Actor.System(Programme, "测试数据"), enterprise, provider, [], null, DateTime.UtcNow).Assignment!);
            db.Assignments.Add(AssignmentPolicy.Assign(Actor.System(Programme, "测试数据"), other, otherProvider, [], null, DateTime.UtcNow).Assignment!);
            await db.SaveChangesAsync();
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        var users = new Dictionary<string, string>
        {
            ["provider"] = await accounts.UserAsync(Role.ServiceProvider, displayName: provider.Name, organisation: provider.Id),
            ["enterprise"] = await accounts.UserAsync(Role.Enterprise, displayName: enterprise.Name, enterprise: enterprise.Id),
            ["other-enterprise"] = await accounts.UserAsync(Role.Enterprise, displayName: other.Name, enterprise: other.Id),
            ["city"] = await accounts.UserAsync(Role.CityBureau, displayName: "杭州市经信局（测试）"),
            ["binjiang"] = await accounts.UserAsync(Role.DistrictBureau, displayName: "滨江区经信局（测试）", district: District),
            ["xihu"] = await accounts.UserAsync(Role.DistrictBureau, displayName: "西湖区经信局（测试）", district: "西湖区"),
            ["other-provider"] = await accounts.UserAsync(Role.ServiceProvider, displayName: otherProvider.Name, organisation: otherProvider.Id),
            ["expert"] = await accounts.UserAsync(Role.Expert, displayName: "李专家（测试）"),
            ["thinktank"] = await accounts.UserAsync(Role.ThinkTank, displayName: "杭州智库（测试）"),
        };
        return new HangzhouFiling { Enterprise = enterprise, Provider = provider, OtherProvider = otherProvider, Users = users };
    }

    /// <summary>The enterprise starts its filing through the API; returns its id.</summary>
    public async Task<Guid> StartAsync(DxPilotApp app)
    {
        var started = await (await app.As(Users["enterprise"])).PostAsJsonAsync("/api/filings", new { enterpriseId = Enterprise.Id });
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The filing's current version as the API reads it.</summary>
    public static async Task<int> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/filings/{id}")).GetProperty("version").GetInt32();

    /// <summary>Saves answers as <paramref name="who"/>; returns the response.</summary>
    public async Task<HttpResponseMessage> SaveAsync(DxPilotApp app, Guid id, IReadOnlyDictionary<string, string?> answers, string who = "enterprise")
    {
        var client = await app.As(Users[who]);
        return await client.PutAsJsonAsync($"/api/filings/{id}", new { answers, version = await VersionAsync(client, id) });
    }

    /// <summary>Takes a transition as <paramref name="who"/> from the version it reads now; returns the response. Hangzhou files only
    /// stamped contracts: a submission of a filing that has none gets <see cref="StampedContractAsync"/> first.</summary>
    public async Task<HttpResponseMessage> TransitionAsync(DxPilotApp app, Guid id, string who, string trigger, string? reason = null)
    {
        var client = await app.As(Users[who]);
        if (trigger == "submit" && (await client.GetFromJsonAsync<JsonElement>($"/api/filings/{id}")).GetProperty("providers").GetArrayLength() == 0)
            await StampedContractAsync(client, id);
        return await client.PostAsJsonAsync($"/api/filings/{id}/transitions", new { trigger, reason, version = await VersionAsync(client, id) });
    }

    /// <summary>附件2 with the assigned provider (one line of 50,000.00 元) and its stamped scan, added by <paramref name="client"/>.</summary>
    public async Task StampedContractAsync(HttpClient client, Guid id)
    {
        var created = await client.PostAsJsonAsync($"/api/filings/{id}/contracts", new
        {
            contract = new
            {
                number = "HZ-TEST-001", name = "数字化改造服务合同", signedOn = "2025-01-02", periodStart = "2025-01-01", periodEnd = "2025-12-01",
                providerName = Provider.Name, providerUscc = Provider.Uscc, providerContact = "吴工", providerPhone = "0571-88886666",
                firstPaymentPercent = 50, work = "MES系统实施",
                lines = new[] { new { name = "MES制造执行系统", code = "MES-01", provider = Provider.Name, term = "1年", unitPriceYuan = 50000.00m, quantity = 1m } },
            },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        await StampAsync(client, id, created);
    }

    /// <summary>Uploads a stamped scan (a minimal PDF) of the contract whose creation answered <paramref name="created"/>.</summary>
    public static async Task StampAsync(HttpClient client, Guid id, HttpResponseMessage created)
    {
        var contract = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(contract.GetProperty("version").GetInt32().ToString()), "version" },
            { new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray()), "scan", "服务合同（盖章）.pdf" },
        };
        var scanned = await client.PostAsync($"/api/filings/{id}/contracts/{contract.GetProperty("id").GetGuid()}/scans", form);
        Assert.True(scanned.IsSuccessStatusCode, await scanned.Content.ReadAsStringAsync());
    }

    /// <summary>A filing filled completely and submitted by the enterprise; returns its id.</summary>
    public async Task<Guid> SubmittedAsync(DxPilotApp app, string projectName = "汽车零部件数字化车间改造项目")
    {
        var id = await StartAsync(app);
        (await SaveAsync(app, id, CompleteAnswers(projectName))).EnsureSuccessStatusCode();
        var submitted = await TransitionAsync(app, id, "enterprise", "submit");
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        return id;
    }
}
