using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// A Shijiazhuang enterprise of 正定县 for the award pages: its project accepted at 三级 from 二级 (written in the database, as
/// the programme has no filing chain), another enterprise in 新华区, an account per role, and the 数智 call's batch open.
/// </summary>
public sealed class ShijiazhuangAward
{
    public const string Programme = "shijiazhuang-2025";
    public const string Call = "sjz-shuzhi-2025";

    public required Guid EnterpriseId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyDictionary<string, string> Users { get; init; }

    public static async Task<ShijiazhuangAward> CreateAsync(DxPilotApp app, bool accepted = true)
    {
        Guid enterpriseId, otherId;
        string name;
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var enterprise = Register(scope, $"石家庄页面测试{suffix}有限公司", "正定县");
            var other = Register(scope, $"石家庄另一页面测试{suffix}有限公司", "新华区");
            db.Enterprises.AddRange(enterprise, other);
            await db.SaveChangesAsync();
            (enterpriseId, otherId, name) = (enterprise.Id, other.Id, enterprise.Name);
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        var arranged = new ShijiazhuangAward
        {
            EnterpriseId = enterpriseId, Name = name, Users = new Dictionary<string, string>
            {
                ["enterprise"] = await accounts.UserAsync(Role.Enterprise, enterprise: enterpriseId),
                ["other-enterprise"] = await accounts.UserAsync(Role.Enterprise, enterprise: otherId),
                ["zhengding"] = await accounts.UserAsync(Role.DistrictBureau, district: "正定县"),
                ["xinhua"] = await accounts.UserAsync(Role.DistrictBureau, district: "新华区"),
                ["city"] = await accounts.UserAsync(Role.CityBureau),
                ["thinktank"] = await accounts.UserAsync(Role.ThinkTank),
                ["provider"] = await accounts.UserAsync(Role.ServiceProvider),
            },
        };
        if (accepted) await AcceptedProjectAsync(app, enterpriseId);
        return arranged;
    }

    public static Enterprise Register(AsyncServiceScope scope, string name, string district) =>
        ShijiazhuangAwards.Register(scope, ShijiazhuangAwards.Form(name, TestData.NewUscc("130123"), district));

    private static Task AcceptedProjectAsync(DxPilotApp app, Guid enterpriseId) => ShijiazhuangAwards.AcceptedProjectAsync(app, enterpriseId);

    /// <summary>A new open batch of the call (the one open before is closed).</summary>
    public async Task<Guid> OpenBatchAsync(DxPilotApp app, string call = Call)
    {
        var city = await app.As(Users["city"]);
        var batches = await city.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{call}/batches");
        foreach (var open in batches.EnumerateArray().Where(b => b.GetProperty("isOpen").GetBoolean()))
            (await city.PostAsync($"/api/awards/calls/{call}/batches/{open.GetProperty("id").GetGuid()}/close", null)).EnsureSuccessStatusCode();
        var opened = await city.PostAsJsonAsync($"/api/awards/calls/{call}/batches", new { name = (string?)null });
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The enterprise's application in the open batch, started through the API; its id and version.</summary>
    public async Task<(Guid Id, int Version)> StartAsync(DxPilotApp app)
    {
        var started = await (await app.As(Users["enterprise"])).PostAsync($"/api/awards/calls/{Call}/applications", null);
        started.EnsureSuccessStatusCode();
        var json = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("version").GetInt32());
    }

    /// <summary>An innovation-only application complete enough to submit, with <paramref name="basics"/> as 企业基本情况, submitted.</summary>
    public async Task<(Guid Id, int Version)> SubmittedAsync(DxPilotApp app, string basics = "企业成立于2010年，主营化学原料药。")
    {
        var (id, version) = await DraftedAsync(app, basics);
        var submitted = await (await app.As(Users["enterprise"])).PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        return (id, (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
    }

    /// <summary>The same application written and its signed scans uploaded, not submitted; its id and version.</summary>
    public async Task<(Guid Id, int Version)> DraftedAsync(DxPilotApp app, string basics = "企业成立于2010年，主营化学原料药。")
    {
        var (id, version) = await StartAsync(app);
        var enterprise = await app.As(Users["enterprise"]);
        var content = new
        {
            texts = new Dictionary<string, object>
            {
                ["innovation"] = new { sections = new Dictionary<string, string> { ["basics"] = basics, ["input"] = "研发投入占比提升", ["invention"] = "新增专利", ["drive"] = "新产品", ["collaboration"] = "产学研" } },
            },
            enteredBefore = new Dictionary<string, decimal> { ["innovationSpendShare"] = 3.2m },
            entered = new Dictionary<string, decimal> { ["innovationSpendShare"] = 4.5m },
            contactName = "孙经理", contactPhone = "13900002222",
        };
        var saved = await enterprise.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "innovation" }, content, version });
        saved.EnsureSuccessStatusCode();
        var draft = await saved.Content.ReadFromJsonAsync<JsonElement>();
        await ShijiazhuangAwardFiles.SignedScansAsync(enterprise, id);
        return (id, draft.GetProperty("version").GetInt32());
    }
}
