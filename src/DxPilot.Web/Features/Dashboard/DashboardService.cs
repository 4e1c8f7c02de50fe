using DxPilot.Domain.Accounts;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// 试点看板 for whoever reads the programme's money figures (<see cref="ProjectPolicy.ReadsMoney"/>: the city and the think tank
/// the whole programme or a district they pick, a district bureau its own district only); every other account, and a programme
/// with neither projects nor award calls, is answered "not found". Page, JSON and .xlsx all come through here.
/// </summary>
public sealed class DashboardService(ProgrammeCatalog programmes, AwardCatalog awards, DashboardFreshness freshness)
{
    /// <summary>Whether the account has a dashboard at all (the menu entry): a programme with projects, or with award calls whose
    /// recognised amounts it shows (Shijiazhuang).</summary>
    public bool Reads(Actor actor) => ProjectPolicy.ReadsMoney(actor)
        && (programmes.Find(actor.ProgrammeId)?.Project is not null || awards.ForProgramme(actor.ProgrammeId).Count > 0);

    /// <summary>The district the actor's dashboard shows: a district bureau's own whatever it asks; the city's or think tank's choice
    /// (null: the whole programme); an unknown name is refused with what to pick.</summary>
    public Outcome<string?> DistrictOf(Actor actor, string? requested)
    {
        if (!Reads(actor)) return Outcome<string?>.NotFound();
        if (actor.Role == Role.DistrictBureau) return Outcome<string?>.Ok(actor.District);
        var district = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (district is not null && !programmes.Get(actor.ProgrammeId).HasDistrict(district))
            return Outcome<string?>.Invalid(new Dictionary<string, string> { ["district"] = $"“{district}”不是本试点的县（市、区），请从列表中选择" });
        return Outcome<string?>.Ok(district);
    }

    public async Task<Outcome<DashboardFigures>> GetAsync(Actor actor, string? district, CancellationToken ct = default)
    {
        var scope = DistrictOf(actor, district);
        if (!scope.IsOk) return new Outcome<DashboardFigures>(scope.Kind, null, scope.Errors, scope.Message);
        return Outcome<DashboardFigures>.Ok(await freshness.GetAsync(programmes.Get(actor.ProgrammeId), scope.Value, ct));
    }

    public Programme ProgrammeOf(Actor actor) => programmes.Get(actor.ProgrammeId);
}
