using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>One line of the overview: enterprises assigned to a provider, diagnoses opened, submitted for acceptance at least
/// once, and accepted.</summary>
public sealed record ProgressLine(string Name, int Assigned, int Diagnosed, int Submitted, int Accepted)
{
    public static ProgressLine Sum(string name, IEnumerable<ProgressLine> lines) => lines.Aggregate(new ProgressLine(name, 0, 0, 0, 0),
        (s, l) => new(name, s.Assigned + l.Assigned, s.Diagnosed + l.Diagnosed, s.Submitted + l.Submitted, s.Accepted + l.Accepted));
}

/// <summary>The overview as the page shows it: per district, per provider, the total and the programme's target.</summary>
public sealed record DiagnosisProgress(IReadOnlyList<ProgressLine> Districts, IReadOnlyList<ProgressLine> Providers, ProgressLine Total, int? Target);

/// <summary>
/// 诊断进度总览 for bureaus and the think tank, within <see cref="DiagnosisService.InScope"/>: counted by grouped queries in the
/// database (four, whatever the number of diagnoses), never by loading rows.
/// </summary>
public sealed class DiagnosisOverview(DxPilotDbContext db, DiagnosisService diagnoses, EnterpriseService enterprises, ProgrammeCatalog programmes)
{
    public bool Shows(Actor a) => diagnoses.RulesOf(a) is not null && a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank;

    /// <summary>Null for an actor the overview is not for.</summary>
    public async Task<DiagnosisProgress?> ForAsync(Actor actor, CancellationToken ct = default)
    {
        if (!Shows(actor)) return null;
        var files = enterprises.InScope(actor);
        var providers = db.Organisations.Where(o => o.ProgrammeId == actor.ProgrammeId && o.Kind == OrganisationKind.ServiceProvider).Select(o => o.Id);
        var assignments = db.Assignments.Where(a => providers.Contains(a.OrganisationId) && files.Select(e => e.Id).Contains(a.EnterpriseId));

        var assignedByDistrict = await files.Where(e => assignments.Any(a => a.EnterpriseId == e.Id))
            .GroupBy(e => e.District).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var assignedByProvider = await assignments.GroupBy(a => a.OrganisationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var inScope = diagnoses.InScope(actor);
        var byDistrict = await (from d in inScope
                                join e in db.Enterprises on d.EnterpriseId equals e.Id
                                group d by e.District into g
                                select new Counted<string>(g.Key, g.Count(), g.Sum(d => d.Round > 0 ? 1 : 0),
                                    g.Sum(d => d.Status == DiagnosisStatus.Accepted ? 1 : 0))).ToListAsync(ct);
        var byProvider = await inScope.GroupBy(d => d.ProviderId)
            .Select(g => new Counted<Guid>(g.Key, g.Count(), g.Sum(d => d.Round > 0 ? 1 : 0), g.Sum(d => d.Status == DiagnosisStatus.Accepted ? 1 : 0)))
            .ToListAsync(ct);

        var providerIds = assignedByProvider.Keys.Union(byProvider.Select(p => p.Key)).ToList();
        var providerNames = await db.Organisations.Where(o => providerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        // Every district of the programme (for a district bureau its own), even with nothing yet: a gap is what the city looks for.
        IReadOnlyList<string> districts = actor.District is { } own ? [own] : programmes.Get(actor.ProgrammeId).Districts.Names;
        var districtLines = districts.Union(assignedByDistrict.Keys).Union(byDistrict.Select(d => d.Key))
            .Select(name => Line(name, assignedByDistrict.GetValueOrDefault(name), byDistrict.FirstOrDefault(d => d.Key == name))).ToList();
        var providerLines = providerIds
            .Select(id => Line(providerNames[id], assignedByProvider.GetValueOrDefault(id), byProvider.FirstOrDefault(p => p.Key == id)))
            .OrderByDescending(l => l.Assigned).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        return new DiagnosisProgress(districtLines, providerLines, ProgressLine.Sum("合计", districtLines), diagnoses.RulesOf(actor)!.Target);
    }

    private static ProgressLine Line<TKey>(string name, int assigned, Counted<TKey>? counted) =>
        new(name, assigned, counted?.Diagnosed ?? 0, counted?.Submitted ?? 0, counted?.Accepted ?? 0);

    private sealed record Counted<TKey>(TKey Key, int Diagnosed, int Submitted, int Accepted);
}
