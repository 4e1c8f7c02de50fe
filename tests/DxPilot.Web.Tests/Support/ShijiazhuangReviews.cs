using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>Shijiazhuang's award calls (seed 004) as the award tests arrange them: an enterprise of a pilot industry, its accepted
/// project, a 创新能力显著提升 申报书 that submits, and the third party's review done by a panel of experts through the API.</summary>
public static class ShijiazhuangReviews
{
    public const string Programme = "shijiazhuang-2025";
    public const string Shuzhi = "sjz-shuzhi-2025";
    public const string Biomedicine = "生物医药制造业";

    /// <summary>An enterprise registered as the bureau would (生物医药制造业 with code 2710 unless another industry and code are named).</summary>
    public static Task<Enterprise> EnterpriseAsync(DxPilotApp app, string name, string district, string industry = Biomedicine, string code = "2710") =>
        ShijiazhuangAwards.RegisteredAsync(app, ShijiazhuangAwards.Form(name, TestData.NewUscc("130123"), district, industry, code));

    /// <summary>The enterprise's transformation project accepted by the agency at 三级 from 二级.</summary>
    public static Task AcceptedProjectAsync(DxPilotApp app, Guid enterpriseId) => ShijiazhuangAwards.AcceptedProjectAsync(app, enterpriseId);

    /// <summary>A 创新能力显著提升 申报书 (附件1-3) with every section written and the innovation spend share rising 3.2 % → 4.5 %.</summary>
    public static object Innovation(string basics) => new
    {
        texts = new Dictionary<string, object>
        {
            ["innovation"] = new { sections = new Dictionary<string, string> { ["basics"] = basics, ["input"] = "研发投入占比提升", ["invention"] = "新增专利", ["drive"] = "新产品", ["collaboration"] = "产学研" } },
        },
        enteredBefore = new Dictionary<string, decimal> { ["innovationSpendShare"] = 3.2m },
        entered = new Dictionary<string, decimal> { ["innovationSpendShare"] = 4.5m },
        contactName = "孙经理", contactPhone = "13900002222",
    };

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Expert accounts of the programme (of the organisation where one is named); returns their user names.</summary>
    public static async Task<List<string>> ExpertsAsync(DxPilotApp app, int count, Guid? organisation = null)
    {
        var accounts = new ProgrammeAccounts(app, Programme);
        var names = new List<string>();
        for (var i = 1; i <= count; i++)
            names.Add(await accounts.UserAsync(Role.Expert, organisation: organisation, displayName: $"评审专家{i}号{Guid.NewGuid():N}"[..12]));
        return names;
    }

    /// <summary>The account id of a user name (the API names experts by account).</summary>
    public static async Task<string> UserIdAsync(DxPilotApp app, string userName)
    {
        await using var scope = app.DataScope(Programme);
        return await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The expert's open review of the application, as GET /api/awards/review lists it.</summary>
    public static async Task<JsonElement> AssignedAsync(HttpClient expert, Guid applicationId) =>
        (await expert.GetFromJsonAsync<JsonElement>("/api/awards/review")).EnumerateArray()
        .First(r => r.GetProperty("id").GetGuid() == applicationId && r.GetProperty("open").GetBoolean());

    /// <summary>Hands in the expert's review of the application: every item at <paramref name="share"/> of its maximum (rounded down).</summary>
    public static async Task<JsonElement> ScoreAsync(HttpClient expert, Guid applicationId, decimal share = 0.8m, string recommendation = "recognise")
    {
        var assigned = await AssignedAsync(expert, applicationId);
        var review = assigned.GetProperty("review");
        var scores = assigned.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => (string?)((int)(i.GetProperty("maxScore").GetInt32() * share)).ToString());
        return await Ok(await expert.PostAsJsonAsync($"/api/awards/reviews/{review.GetProperty("id").GetGuid()}",
            new { scores, recommendation, opinion = "材料完整，成效可信", version = review.GetProperty("version").GetInt32() }));
    }

    /// <summary>The third party's review done: three new experts assigned by the city to this application (its industry's panel, this
    /// application only) and each handing in its review, so that the city may decide.</summary>
    public static async Task ReviewedAsync(DxPilotApp app, HttpClient city, Guid applicationId, string call = Shuzhi, string industry = Biomedicine)
    {
        var experts = await ExpertsAsync(app, 3);
        var ids = new List<string>();
        foreach (var e in experts) ids.Add(await UserIdAsync(app, e));
        var batch = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{applicationId}")).GetProperty("batch").GetProperty("id").GetGuid();
        var panel = await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{call}/review-assignments",
            new { batch, industry, experts = ids, applications = new[] { applicationId } }));
        Assert.Equal((3, 0), (panel.GetProperty("assigned").GetInt32(), panel.GetProperty("refused").GetInt32()));
        foreach (var e in experts) await ScoreAsync(await app.As(e), applicationId);
    }
}
