using DxPilot.Domain.Organisations;
using DxPilot.Domain.Supervision;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Supervision;

/// <summary>A provider's standing: the think tank's ratings (mean of the ratings' overall 0-100 score) and the enterprises' satisfaction
/// with its diagnoses (mean of the five items of 附件3's form, 1 较差 … 4 很好).</summary>
public sealed record ProviderRating(Guid OrganisationId, string Name, double? RatingAverage, int RatingCount, double? SatisfactionAverage, int SatisfactionCount);

/// <summary>
/// The figures the programme dashboard's providers' league table reads, in three statements whatever the number of providers (the
/// providers, the ratings grouped by provider, the satisfaction forms grouped by provider): no per-provider query. Unscoped: the
/// caller has decided the actor reads the programme (or the district) it asks for.
/// </summary>
public sealed class SupervisionQueries(DxPilotDbContext db)
{
    /// <param name="district">A district's league table: the providers assigned to at least one of its enterprises, with the satisfaction of
    /// that district's enterprises only. The think tank's ratings are of the provider as a whole and are the same in every district.</param>
    public async Task<IReadOnlyList<ProviderRating>> ProviderRatingsAsync(string programmeId, string? district = null, CancellationToken ct = default)
    {
        var providers = db.Organisations.AsNoTracking().Where(o => o.ProgrammeId == programmeId && o.Kind == OrganisationKind.ServiceProvider);
        if (district is not null)
            providers = providers.Where(o => (from x in db.Assignments
                                              join e in db.Enterprises on x.EnterpriseId equals e.Id
                                              where x.OrganisationId == o.Id && e.District == district
                                              select x).Any());
        var listed = await providers.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);

        var ratings = await db.SupervisionRatings.AsNoTracking()
            .Where(r => r.ProgrammeId == programmeId && r.SubjectKind == RatedKind.Provider)
            .GroupBy(r => r.SubjectId)
            .Select(g => new { Id = g.Key, Average = g.Average(r => r.Overall), Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, ct);

        var forms = from s in db.DiagnosisSatisfactions
                    join d in db.Diagnoses on s.DiagnosisId equals d.Id
                    join e in db.Enterprises on d.EnterpriseId equals e.Id
                    where d.ProgrammeId == programmeId && (district == null || e.District == district)
                    select new { d.ProviderId, s.Process, s.Analysis, s.Advice, s.Competence, s.Result };
        var satisfaction = await forms.GroupBy(f => f.ProviderId)
            .Select(g => new
            {
                Id = g.Key,
                Average = g.Average(f => ((int)f.Process + (int)f.Analysis + (int)f.Advice + (int)f.Competence + (int)f.Result) / 5.0),
                Count = g.Count(),
            })
            .ToDictionaryAsync(x => x.Id, ct);

        return listed.Select(p => new ProviderRating(p.Id, p.Name,
            ratings.GetValueOrDefault(p.Id)?.Average, ratings.GetValueOrDefault(p.Id)?.Count ?? 0,
            satisfaction.GetValueOrDefault(p.Id)?.Average, satisfaction.GetValueOrDefault(p.Id)?.Count ?? 0)).ToList();
    }
}
