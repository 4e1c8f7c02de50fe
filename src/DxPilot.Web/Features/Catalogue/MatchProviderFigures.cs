using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Supervision;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>What the match weighs about one provider: the think tank's mean rating (百分制) and its clients' satisfaction forms.</summary>
public sealed record ProviderFigures(double? ThinkTankRating, int SatisfactionForms, int SatisfiedForms);

/// <summary>
/// Every provider's figures in a programme, two GROUP BYs (ratings; satisfaction forms through their diagnoses), kept fresh by
/// <see cref="CatalogueFreshness{TKey,TValue}"/>: a national programme's 20,000 forms are aggregated once per window rather than on
/// every enterprise's match list (docs/catalogue-match.md).
/// </summary>
public sealed class MatchProviderFigures(CatalogueFreshness<string, IReadOnlyDictionary<Guid, ProviderFigures>> freshness)
{
    public Task<IReadOnlyDictionary<Guid, ProviderFigures>> InAsync(string programmeId, CancellationToken ct) =>
        freshness.GetAsync(programmeId, (services, token) => ComputeAsync(services.GetRequiredService<DxPilotDbContext>(), programmeId, token), ct);

    private static async Task<IReadOnlyDictionary<Guid, ProviderFigures>> ComputeAsync(DxPilotDbContext db, string programmeId, CancellationToken ct)
    {
        var ratings = await db.SupervisionRatings.AsNoTracking()
            .Where(r => r.ProgrammeId == programmeId && r.SubjectKind == RatedKind.Provider)
            .GroupBy(r => r.SubjectId).Select(g => new { g.Key, Mean = g.Average(r => r.Overall) }).ToDictionaryAsync(r => r.Key, r => r.Mean, ct);
        var forms = await (from s in db.DiagnosisSatisfactions.AsNoTracking()
                           join d in db.Diagnoses on s.DiagnosisId equals d.Id
                           where d.ProgrammeId == programmeId
                           group s by d.ProviderId into g
                           select new { g.Key, Forms = g.Count(), Satisfied = g.Count(s => s.Overall == OverallSatisfaction.Satisfied) })
            .ToDictionaryAsync(s => s.Key, ct);
        return ratings.Keys.Union(forms.Keys).ToDictionary(id => id, id => new ProviderFigures(ratings.TryGetValue(id, out var r) ? r : null,
            forms.TryGetValue(id, out var f) ? f.Forms : 0, f?.Satisfied ?? 0));
    }
}
