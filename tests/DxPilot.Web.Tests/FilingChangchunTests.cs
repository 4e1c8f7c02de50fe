using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>Changchun (附件4, expertsRequired 0): its city confirms a filing the district passed, with no expert review.</summary>
public abstract class FilingChangchunTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Programme = "changchun-2025";

    [Fact]
    public async Task The_city_confirms_directly_after_the_district_passes_with_no_expert()
    {
        Enterprise enterprise;
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var form = new EnterpriseForm
            {
                Name = $"长春备案测试{Guid.NewGuid().ToString("N")[..8]}有限公司", Uscc = TestData.NewUscc("220104"), District = "朝阳区",
                Industry = "汽车零部件配件制造", IndustryCode = "3670", RegisteredAddress = "长春市朝阳区前进大街1号", ContactName = "赵厂长", ContactPhone = "13900001111",
                FoundedOn = "2012-05-01", Employees = "120", RevenueWan = "5600",
                Ownership = "民营", AboveScale = "是", ProfitWan = "320", InsuredEmployees = "118", DigitalInvestmentWan = "150",
            };
            var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
            Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
            enterprise = Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync();
        }
        var accounts = new ChangchunDiagnoses(app);
        var client = await app.As(await accounts.UserAsync(Role.Enterprise, displayName: enterprise.Name, enterprise: enterprise.Id));
        var started = await client.PostAsJsonAsync("/api/filings", new { enterpriseId = enterprise.Id });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var answers = new Dictionary<string, string?>
        {
            ["intro"] = "主营汽车座椅骨架，设备联网率低。", ["selfTest"] = "1", ["needsBasic"] = "设备系统", ["needsManagement"] = "生产管控",
            ["projectName"] = "汽车零部件车间数字化改造项目", ["cloud"] = "公有云", ["period.start"] = "2025-01", ["period.end"] = "2025-12",
            ["investment"] = "80", ["targetLevel"] = "2", ["plan"] = "建设MES系统并实现关键设备联网。", ["declaration"] = "true",
        };
        foreach (var aspect in new[] { "创新", "市场", "提质", "降本", "增效", "绿色", "安全" })
        {
            answers[$"effects.{aspect}.before"] = "较低";
            answers[$"effects.{aspect}.after"] = "提升";
        }
        var saved = await client.PutAsJsonAsync($"/api/filings/{id}", new { answers, version = await HangzhouFiling.VersionAsync(client, id) });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        await Take(client, id, "submit", null);
        await Take(await app.As("cc-chaoyang"), id, "pass", "同意报送。");
        var city = await app.As("cc-city");
        // No expert review here: assigning is refused with the reason, and the city confirms at once.
        var assign = await city.PostAsJsonAsync($"/api/filings/{id}/reviews", new { experts = new[] { "x" } });
        Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
        Assert.Contains("不需要专家评审", await assign.Content.ReadAsStringAsync());
        await Take(city, id, "confirm", "同意备案。");
        Assert.Equal("filed", (await city.GetFromJsonAsync<JsonElement>($"/api/filings/{id}")).GetProperty("state").GetString());
    }

    private static async Task Take(HttpClient client, Guid id, string trigger, string? reason)
    {
        var taken = await client.PostAsJsonAsync($"/api/filings/{id}/transitions", new { trigger, reason, version = await HangzhouFiling.VersionAsync(client, id) });
        Assert.True(taken.IsSuccessStatusCode, $"{trigger}: {await taken.Content.ReadAsStringAsync()}");
    }
}

public sealed class FilingChangchunTestsOnSqlite(SqliteApp app) : FilingChangchunTests<SqliteApp>(app);

public sealed class FilingChangchunTestsOnPostgres(PostgresApp app) : FilingChangchunTests<PostgresApp>(app);
