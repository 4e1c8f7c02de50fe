using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>One line of the overview: enterprises assigned to a provider, diagnoses opened, submitted for acceptance at least
/// once, and accepted.</summary>
public sealed record ProgressLine(string Name, int Assigned, int Diagnosed, int Submitted, int Accepted)
{
    public static ProgressLine Sum(string name, IEnumerable<ProgressLine> lines) => lines.Aggregate(new ProgressLine(name, 0, 0, 0, 0),
        (s, l) => new(name, s.Assigned + l.Assigned, s.Diagnosed + l.Diagnosed, s.Submitted + l.Submitted, s.Accepted + l.Accepted));
}

/// <summary>The overview as the page shows it: per district, per provider, the total, the programme's target, and when it
/// was counted.</summary>
public sealed record DiagnosisProgress(IReadOnlyList<ProgressLine> Districts, IReadOnlyList<ProgressLine> Providers, ProgressLine Total, int? Target,
    DateTime CountedAt);

/// <summary>
/// 诊断进度总览 for bureaus and the think tank, within <see cref="DiagnosisService.InScope"/>: counted by two grouped queries in
/// the database on the district kept on the rows (migration 0039), never by loading rows. On 100,000 diagnoses the city's count
/// was still 120-250 ms on a busy server (docs/measurements-diagnosis.md), so a count is kept for <see cref="Freshness"/> per
/// scope (the programme, or a district) and the page says when it was counted.
/// </summary>
public sealed class DiagnosisOverview(DxPilotDbContext db, DiagnosisService diagnoses, ProgrammeCatalog programmes,
    IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    public bool Shows(Actor a) => diagnoses.RulesOf(a) is not null && DiagnosisPolicy.ReadsOverview(a);

    /// <summary>The overview counted at most <see cref="Freshness"/> ago for the same scope; null for an actor it is not for.</summary>
    public async Task<DiagnosisProgress?> ForAsync(Actor actor, CancellationToken ct = default)
    {
        if (!Shows(actor)) return null;
        // The city and the think tank read the whole programme, a district bureau its district: the scope is the key.
        var key = ("diagnosis-overview", actor.ProgrammeId, actor.District);
        if (cache.TryGetValue(key, out DiagnosisProgress? counted) && counted is not null) return counted;
        counted = await CountAsync(actor, ct);
        cache.Set(key, counted, Freshness);
        return counted;
    }

    /// <summary>Counts now, in the database.</summary>
    public async Task<DiagnosisProgress> CountAsync(Actor actor, CancellationToken ct = default)
    {
        if (!Shows(actor)) throw new InvalidOperationException("该账号没有进度总览");
        // Two grouped queries, by district and provider, on the district kept on the diagnoses and assignments (migration 0039):
        // neither joins the files. The diagnoses in scope are exactly DiagnosisService.InScope; a district bureau's assignments
        // are those in its district.
        var diagnosed = await diagnoses.InScope(actor)
            .GroupBy(d => new { d.District, d.ProviderId })
            .Select(g => new Cell(g.Key.District, g.Key.ProviderId, 0, g.Count(), g.Sum(d => d.Round > 0 ? 1 : 0),
                g.Sum(d => d.Status == DiagnosisStatus.Accepted ? 1 : 0))).ToListAsync(ct);
        // Providers' assignments are grouped from their index alone and kept to the programme's providers here: matching each
        // of 100,000 rows to the programme's providers in the query took three times the grouping (docs/measurements-diagnosis.md).
        var providers = (await db.Organisations.Where(o => o.ProgrammeId == actor.ProgrammeId && o.Kind == OrganisationKind.ServiceProvider)
            .Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var assignments = db.Assignments.Where(a => a.Kind == OrganisationKind.ServiceProvider);
        if (actor.District is { } own) assignments = assignments.Where(a => a.District == own);
        var assigned = (await assignments
            .GroupBy(a => new { a.District, a.OrganisationId })
            .Select(g => new Cell(g.Key.District, g.Key.OrganisationId, g.Count(), 0, 0, 0)).ToListAsync(ct))
            .Where(c => providers.Contains(c.ProviderId)).ToList();
        var cells = diagnosed.Concat(assigned).ToList();

        var providerIds = cells.Select(c => c.ProviderId).Distinct().ToList();
        var providerNames = await db.Organisations.Where(o => providerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        // Every district of the programme (for a district bureau its own), even with nothing yet: a gap is what the city looks for.
        IReadOnlyList<string> districts = actor.District is { } mine ? [mine] : programmes.Get(actor.ProgrammeId).Districts.Names;
        // An enterprise has at most one provider at a time (the unique index of decisions 25), so a district's assigned
        // enterprises are the sum of its providers' assignments.
        var districtLines = districts.Union(cells.Select(c => c.District)).Select(name => Line(name, cells.Where(c => c.District == name))).ToList();
        var providerLines = providerIds.Select(id => Line(providerNames[id], cells.Where(c => c.ProviderId == id)))
            .OrderByDescending(l => l.Assigned).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        return new DiagnosisProgress(districtLines, providerLines, ProgressLine.Sum("合计", districtLines), diagnoses.RulesOf(actor)!.Target,
            clock.GetUtcNow().UtcDateTime);
    }

    private static ProgressLine Line(string name, IEnumerable<Cell> cells) => cells.Aggregate(new ProgressLine(name, 0, 0, 0, 0),
        (l, c) => new(name, l.Assigned + c.Assigned, l.Diagnosed + c.Diagnosed, l.Submitted + c.Submitted, l.Accepted + c.Accepted));

    /// <summary>The counts of one district and one provider.</summary>
    private sealed record Cell(string District, Guid ProviderId, int Assigned, int Diagnosed, int Submitted, int Accepted);
}
