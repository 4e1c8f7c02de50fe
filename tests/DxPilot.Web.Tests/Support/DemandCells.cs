using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Features.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// The demand map's kept counts (<see cref="DemandCount"/>) as a test reads and moves them: the cells of chosen scenarios, a recount
/// (0 rows corrected when the counts were exact), and the platform's own write paths — needs through <see cref="NeedService"/>, an
/// enterprise's district or industry through <see cref="EnterpriseService"/> as the city — each in a scope of its actor.
/// </summary>
public static class DemandCells
{
    private const string Programme = ChangchunDiagnosis.Programme;

    /// <summary>"district/industry/scenario" → enterprises, for the cells of <paramref name="scenarios"/>.</summary>
    public static async Task<Dictionary<string, int>> OfAsync(DxPilotApp app, params string[] scenarios)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return await db.DemandCounts.Where(c => c.ProgrammeId == Programme && scenarios.Contains(c.ScenarioCode))
            .ToDictionaryAsync(c => $"{c.District}/{c.IndustryKey}/{c.ScenarioCode}", c => c.Enterprises);
    }

    /// <summary>Rows the recount corrected: 0 when the kept counts equalled the needs.</summary>
    public static async Task<int> RecountAsync(DxPilotApp app)
    {
        await using var scope = app.DataScope(Programme);
        return await DemandRecount.RunAsync(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }

    public static async Task<EnterpriseNeed> AddAsync(DxPilotApp app, Enterprise e, string scenario)
    {
        await using var scope = app.ScopeAs(ChangchunNeeds.EnterpriseActor(e));
        var outcome = await scope.ServiceProvider.GetRequiredService<NeedService>().AddAsync(ChangchunNeeds.EnterpriseActor(e), e.Id,
            new NeedForm(scenario, "计划靠人工排定", null, NeedPriority.High, null));
        Assert.True(outcome.IsOk, $"{outcome.Message} {string.Join("；", outcome.Errors.Values)}");
        return outcome.Value!;
    }

    public static async Task MoveAsync(DxPilotApp app, Enterprise e, Guid needId, string scenario)
    {
        await using var scope = app.ScopeAs(ChangchunNeeds.EnterpriseActor(e));
        var need = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().EnterpriseNeeds.AsNoTracking().SingleAsync(n => n.Id == needId);
        var outcome = await scope.ServiceProvider.GetRequiredService<NeedService>().EditAsync(ChangchunNeeds.EnterpriseActor(e), e.Id, needId,
            new NeedForm(scenario, need.Problem, need.Pain, need.Priority, null), need.Version);
        Assert.True(outcome.IsOk, $"{outcome.Message} {string.Join("；", outcome.Errors.Values)}");
    }

    public static async Task RemoveAsync(DxPilotApp app, Enterprise e, Guid needId)
    {
        await using var scope = app.ScopeAs(ChangchunNeeds.EnterpriseActor(e));
        var version = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().EnterpriseNeeds.Where(n => n.Id == needId).Select(n => n.Version).SingleAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<NeedService>().RemoveAsync(ChangchunNeeds.EnterpriseActor(e), e.Id, needId, version);
        Assert.True(outcome.IsOk, $"{outcome.Message} {string.Join("；", outcome.Errors.Values)}");
    }

    /// <summary>The city moves the enterprise to another district and/or industry by editing its file.</summary>
    public static async Task<Enterprise> PlaceAsync(DxPilotApp app, Guid enterpriseId, string? district = null, string? industry = null)
    {
        await using var scope = app.ScopeAs(ChangchunDiagnosis.City);
        var stored = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Enterprises.AsNoTracking().SingleAsync(x => x.Id == enterpriseId);
        var form = stored.ToForm();
        form.District = district ?? form.District;
        form.Industry = industry ?? form.Industry;
        var outcome = await scope.ServiceProvider.GetRequiredService<EnterpriseService>().UpdateAsync(ChangchunDiagnosis.City, enterpriseId, stored.Version, form);
        Assert.True(outcome.IsOk, $"{outcome.Message} {string.Join("；", outcome.Errors.Values)}");
        return outcome.Value!;
    }
}
