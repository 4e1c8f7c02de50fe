using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Supervision;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// What the match and the demand map read besides <see cref="ChangchunCatalogue"/>: enterprises' needs written through the
/// domain, more Changchun enterprises of a chosen industry and district, a level-3 scenario of a test's own (so that counts on the
/// map are the test's alone), and the think tank's rating of a provider.
/// </summary>
public static class ChangchunNeeds
{
    private const string Programme = ChangchunDiagnosis.Programme;

    public static Actor EnterpriseActor(Enterprise e) => new($"e-{e.Id:N}"[..20], e.Name, Role.Enterprise, Programme, e.District, e.Id);

    public static async Task<EnterpriseNeed> NeedAsync(DxPilotApp app, Actor author, Guid enterpriseId, string code, NeedPriority priority, decimal? budgetWan,
        string problem = "排产靠人工经验，插单频繁导致交期延误")
    {
        await using var scope = app.ScopeAs(author);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var active = (await db.CatalogueScenarios.Where(s => s.ProgrammeId == Programme && s.Level == 3 && s.RetiredAt == null)
            .Select(s => s.Code).ToListAsync()).ToHashSet();
        var (need, errors) = EnterpriseNeed.Write(author, enterpriseId,
            new NeedForm(code, problem, "交期达成率不足85%", priority, budgetWan?.ToString("0.00", CultureInfo.InvariantCulture)), active, null, DateTime.UtcNow);
        Assert.True(need is not null, string.Join("；", errors.Values));
        db.EnterpriseNeeds.Add(need);
        await db.SaveChangesAsync();
        return need;
    }

    /// <summary>Another Changchun pilot enterprise, of <paramref name="industry"/> (a key of the programme) in <paramref name="district"/>.</summary>
    public static async Task<Enterprise> EnterpriseAsync(DxPilotApp app, string industry, string district)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var form = new EnterpriseForm
        {
            Name = $"长春需求测试{Guid.NewGuid().ToString("N")[..8]}有限公司", Uscc = TestData.NewUscc(), District = district, Industry = industry,
            RegisteredAddress = "长春市绿园区西新工业园", ContactName = "钱经理", ContactPhone = "13900002222", FoundedOn = "2015-03-01",
        };
        var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
        Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
        var enterprise = Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise;
    }

    /// <summary>A level-3 scenario under 2.1 计划调度 that only this test uses.</summary>
    public static async Task<string> ScenarioAsync(DxPilotApp app, int number, string name)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var code = $"2.1.{number}";
        db.CatalogueScenarios.Add(CatalogueScenario.Create(Programme, code, "2.1", name, "测试用三级场景", [], null, number, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return code;
    }

    /// <summary>The think tank's rating of a provider, one score per criterion of the programme in its order.</summary>
    public static async Task RateAsync(DxPilotApp app, Guid providerId, params int[] scores)
    {
        var thinkTank = new Actor("t-cc-thinktank", "长春智库（测试）", Role.ThinkTank, Programme);
        await using var scope = app.ScopeAs(thinkTank);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var criteria = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme).Supervision!.CriteriaFor(RatedKind.Provider);
        var given = criteria.Select((c, i) => (c.Key, (int?)scores[i])).ToDictionary(x => x.Key, x => x.Item2);
        Assert.Empty(SupervisionRating.Check(criteria, given, null));
        db.SupervisionRatings.Add(SupervisionRating.Rate(thinkTank, "长春智库", RatedKind.Provider, providerId, criteria, given, null, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }
}

/// <summary>The match's provider figures and the demand map computed on every read, so that a test reads what it has just arranged.</summary>
public sealed class MatchSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Catalogue:FreshSeconds"] = "0" };
}

public sealed class MatchPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Catalogue:FreshSeconds"] = "0" };
}
