using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Organisations;
using DxPilot.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// Computes a scope's <see cref="DashboardFigures"/> from the tables as they are: grouped counts and sums the database does in a
/// handful of statements (one pass over the projects for the funnel and the money, one per state for the median age through the
/// (programme, district, status, since) index), never rows brought into memory. How often it runs: <see cref="DashboardFreshness"/>.
/// </summary>
public sealed class DashboardQueries(DxPilotDbContext db, Supervision.SupervisionQueries supervision, DashboardAwards awards)
{
    /// <summary>States a project rests in for good: no age to watch.</summary>
    private static readonly ProjectStatus[] Terminal = [ProjectStatus.Paid, ProjectStatus.Failed];

    public async Task<DashboardFigures> ComputeAsync(Programme programme, string? district, DateTime now, CancellationToken ct)
    {
        var today = LocalTime.Today(new DateTimeOffset(now, TimeSpan.Zero), programme.Zone);
        var projects = db.Projects.AsNoTracking().Where(p => p.ProgrammeId == programme.Id);
        var enterprises = db.Enterprises.AsNoTracking().Where(e => e.ProgrammeId == programme.Id);
        if (district is not null)
        {
            projects = projects.Where(p => p.District == district);
            enterprises = enterprises.Where(e => e.District == district);
        }
        // A diagnosis belongs to its enterprise's programme: only a district needs the enterprises (the whole programme reads the
        // (ProgrammeId, Status, EnterpriseId) index alone).
        var accepted = db.Diagnoses.Where(d => d.ProgrammeId == programme.Id && d.Status == DiagnosisStatus.Accepted);
        if (district is not null) accepted = accepted.Where(d => enterprises.Select(e => e.Id).Contains(d.EnterpriseId));
        var diagnosed = accepted.Select(d => d.EnterpriseId).Distinct();
        // Where the city imports the third party's 验收结果 (Shijiazhuang), each is a project evaluated after transformation with its
        // levels, accepted when it passed: counted with the platform's projects, as the workbench's progress counts them.
        var results = db.AcceptanceResults.AsNoTracking().Where(r => r.ProgrammeId == programme.Id);
        if (district is not null) results = results.Where(r => enterprises.Select(e => e.Id).Contains(r.EnterpriseId));
        var (importedEvaluated, importedAccepted) = (await results.CountAsync(ct), await results.CountAsync(r => r.Passed, ct));

        var perDistrict = await projects.GroupBy(p => p.District).Select(g => new
        {
            District = g.Key,
            Filed = g.Count(),
            Evaluated = g.Count(p => p.EvaluatedAt != null),
            Accepted = g.Count(p => p.AcceptedAt != null),
            Audited = g.Count(p => p.AuditedAt != null),
            Approved = g.Count(p => p.ApprovedAt != null),
            Paid = g.Count(p => p.Status == ProjectStatus.Paid),
            Committed = g.Sum(p => p.InvestmentWan ?? 0m),
            ApprovedWan = g.Sum(p => p.SubsidyWan ?? 0m),
            Central = g.Sum(p => p.CentralWan ?? 0m),
            Local = g.Sum(p => p.LocalWan ?? 0m),
            PaidWan = g.Sum(p => p.PaidWan),
        }).ToListAsync(ct);
        var registered = await enterprises.CountAsync(ct);
        // A programme that does not diagnose on the platform (Hangzhou) has no 完成诊断 step: a 0 there read as "nobody diagnosed",
        // and its link opened a diagnosis list the programme does not have.
        var diagnoses = programme.Diagnosis is not null;
        var diagnosedCount = diagnoses ? await diagnosed.CountAsync(ct) : 0;
        List<FunnelStage> funnel =
        [
            new("registered", "已建档企业", registered),
            .. diagnoses ? [new FunnelStage("diagnosed", "完成诊断", diagnosedCount)] : Array.Empty<FunnelStage>(),
            new("filed", "已备案项目", perDistrict.Sum(d => d.Filed)),
            new("evaluated", "完成评测", perDistrict.Sum(d => d.Evaluated) + importedEvaluated),
            new("accepted", "通过验收", perDistrict.Sum(d => d.Accepted) + importedAccepted),
            new("audited", "完成审计", perDistrict.Sum(d => d.Audited)),
            new("paid", "拨付完毕", perDistrict.Sum(d => d.Paid)),
        ];
        var money = perDistrict
            .Select(d => new DistrictMoney(d.District, d.Filed, d.Committed, d.Approved, d.ApprovedWan, d.Central, d.Local, d.PaidWan))
            .OrderBy(d => programme.Districts.Names.ToList().IndexOf(d.District)).ToList();

        // The evaluated projects: an agency's level still in draft (recorded, not yet submitted) is not a result.
        var levels = await projects.Where(p => p.EvaluatedAt != null && p.LevelAfter != null)
            .Select(p => new { p.LevelBefore, LevelAfter = p.LevelAfter!.Value })
            .Concat(results.Select(r => new { LevelBefore = (int?)r.LevelBefore, r.LevelAfter }))
            .GroupBy(p => new { p.LevelBefore, p.LevelAfter })
            .Select(g => new { g.Key.LevelBefore, g.Key.LevelAfter, Count = g.Count() }).ToListAsync(ct);

        var overdue = new OverdueCounts(
            await ProjectService.Overdue(projects, today).CountAsync(ct),
            await ProjectService.PastRectification(projects, today).CountAsync(ct));

        return new DashboardFigures(programme.Id, district, now,
            await TargetsAsync(programme, enterprises, projects, results, diagnosedCount, ct),
            funnel,
            await StagesAsync(projects, now, ct),
            levels.Select(l => new LevelCell(l.LevelBefore, l.LevelAfter, l.Count)).OrderBy(c => c.Before ?? -1).ThenBy(c => c.After).ToList(),
            money,
            await ProvidersAsync(programme, district, enterprises, projects, ct),
            overdue,
            await awards.ComputeAsync(programme, district, ct));
    }

    /// <summary>
    /// The programme's targets: a counted target (Changchun's 500 diagnosed and transformed) against the enterprises diagnosed and
    /// those whose project passed acceptance; a deadline for 规上 enterprises (Hangzhou's 应改尽改) against the above-scale enterprises
    /// of the pilot industries, of which how many have a filed project.
    /// </summary>
    private async Task<IReadOnlyList<TargetProgress>> TargetsAsync(Programme programme, IQueryable<Domain.Enterprises.Enterprise> enterprises,
        IQueryable<Project> projects, IQueryable<AcceptanceResult> results, int diagnosed, CancellationToken ct)
    {
        var targets = new List<TargetProgress>();
        foreach (var t in programme.Targets.Where(t => t.Count is not null))
        {
            var transformed = await projects.Where(p => p.AcceptedAt != null).Select(p => p.EnterpriseId)
                .Union(results.Where(r => r.Passed).Select(r => r.EnterpriseId)).CountAsync(ct);
            targets.Add(new TargetProgress(t.Description, t.Count, t.Due,
                [new TargetFigure("diagnosed", "完成诊断", diagnosed), new TargetFigure("accepted", "完成改造（通过验收）", transformed)]));
        }
        foreach (var d in programme.Deadlines.Where(d => d.AppliesTo == AboveScale))
        {
            var industries = programme.Industries.Select(i => i.Key).ToList();
            var population = enterprises.Where(e => e.AboveScale == true && industries.Contains(e.IndustryKey));
            var goal = await population.CountAsync(ct);
            var filed = await population.CountAsync(e => projects.Any(p => p.EnterpriseId == e.Id), ct);
            targets.Add(new TargetProgress(d.Description, goal, d.Date, [new TargetFigure("filed", "规上企业已备案", filed)]));
        }
        return targets;
    }

    public const string AboveScale = "规上";

    /// <summary>Per state: how many projects are in it now, and the median of their days in it, read as the middle row(s) of the
    /// state's (since) index rather than by loading every date.</summary>
    private static async Task<IReadOnlyList<StageAge>> StagesAsync(IQueryable<Project> projects, DateTime now, CancellationToken ct)
    {
        var counts = await projects.GroupBy(p => p.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        var stages = new List<StageAge>();
        foreach (var status in Enum.GetValues<ProjectStatus>())
        {
            var n = counts.GetValueOrDefault(status);
            double? median = null;
            if (n > 0 && !Terminal.Contains(status))
            {
                var middle = await projects.Where(p => p.Status == status).OrderBy(p => p.StatusSince).Skip((n - 1) / 2).Take(n % 2 == 0 ? 2 : 1)
                    .Select(p => p.StatusSince).ToListAsync(ct);
                median = middle.Average(since => (now - DateTime.SpecifyKind(since, DateTimeKind.Utc)).TotalDays);
            }
            stages.Add(new StageAge(status, n, median));
        }
        return stages;
    }

    /// <summary>The providers serving the scope's enterprises or holding a contract of its projects (<see cref="ProviderWork"/>), with
    /// their projects' verdicts and uplift, their diagnoses' satisfaction and the think tank's rating (both as the supervision's
    /// league-table query gives them).</summary>
    private async Task<IReadOnlyList<ProviderStanding>> ProvidersAsync(Programme programme, string? district, IQueryable<Domain.Enterprises.Enterprise> enterprises,
        IQueryable<Project> projects, CancellationToken ct)
    {
        var assigned = db.Assignments.Where(a => a.Kind == OrganisationKind.ServiceProvider && enterprises.Select(e => e.Id).Contains(a.EnterpriseId));
        var served = await assigned.GroupBy(a => a.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var outcomes = await (from x in projects.Credits(db)
                join p in projects on x.Project equals p.Id
                group p by x.Provider into g
                select new
                {
                    g.Key,
                    Verdicts = g.Count(p => p.AcceptedAt != null || p.Status == ProjectStatus.Failed),
                    Passed = g.Count(p => p.AcceptedAt != null),
                    Evaluated = g.Count(p => p.EvaluatedAt != null && p.LevelAfter != null && p.LevelBefore != null),
                    Uplift = g.Sum(p => p.EvaluatedAt != null && p.LevelAfter != null && p.LevelBefore != null ? p.LevelAfter!.Value - p.LevelBefore!.Value : 0),
                }).ToDictionaryAsync(g => g.Key, ct);
        var ratings = (await supervision.ProviderRatingsAsync(programme.Id, district, ct)).ToDictionary(r => r.OrganisationId);
        var ids = served.Keys.Union(outcomes.Keys).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return ids.Select(id =>
            {
                var o = outcomes.GetValueOrDefault(id);
                var r = ratings.GetValueOrDefault(id);
                return new ProviderStanding(id, names.GetValueOrDefault(id, ""), served.GetValueOrDefault(id), o?.Verdicts ?? 0, o?.Passed ?? 0, o?.Evaluated ?? 0, o?.Uplift ?? 0,
                    r?.SatisfactionCount ?? 0, r?.SatisfactionAverage is { } sa ? Math.Round((decimal)sa, 2) : null,
                    r?.RatingAverage is { } ra ? Math.Round((decimal)ra, 1) : null);
            })
            .OrderByDescending(p => p.EnterprisesServed).ThenByDescending(p => p.Passed).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
