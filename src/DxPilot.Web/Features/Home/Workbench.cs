using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.AcceptanceResults;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Home;

/// <summary>The 工作台's own figures, each read through the services' scoped queries so an account sees only its own.</summary>
public sealed class Workbench(EnterpriseService enterprises, AssessmentService assessments, BenchmarkService benchmarks, FilingService filings,
    ProjectService projects, AcceptanceResultService acceptances)
{
    /// <summary>Rows shown of an organisation's assigned enterprises; the list page has the rest.</summary>
    public const int AssignedShown = 50;

    /// <summary>The enterprise's own file and its latest assessment (any stage it can read), or null before any.</summary>
    public async Task<EnterpriseStanding?> StandingAsync(Actor actor, CancellationToken ct)
    {
        var own = await enterprises.InScope(actor).Select(e => new { e.Id, e.Name, e.District }).FirstOrDefaultAsync(ct);
        if (own is null) return null;
        var latest = await assessments.InScope(actor).Where(x => x.EnterpriseId == own.Id)
            .OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.Id)
            .Select(x => new LatestAssessment(x.Id, x.Stage, x.AssessorKind, x.AssessedOn, x.Score, x.Level)).FirstOrDefaultAsync(ct);
        // Where the city imports third-party acceptances (Shijiazhuang), the agency's levels are the enterprise's official ones.
        var accepted = await acceptances.InScope(actor).Where(r => r.EnterpriseId == own.Id)
            .OrderByDescending(r => r.AcceptedOn).ThenBy(r => r.ProjectName)
            .Select(r => new AcceptedLevels(r.ProjectName, r.AcceptedOn, r.LevelBefore, r.LevelAfter, r.Passed, r.AgencyName)).FirstOrDefaultAsync(ct);
        return new EnterpriseStanding(own.Id, own.Name, own.District, latest, accepted);
    }

    /// <summary>
    /// The enterprise's own transformation work, where it stands: each project (its state as the applicant reads it, and once approved
    /// its subsidy and what was paid), then each filing that has not become a project. Null where the programme files no projects.
    /// </summary>
    public async Task<IReadOnlyList<OwnWork>?> OwnWorkAsync(Actor actor, CancellationToken ct)
    {
        if (filings.RulesOf(actor) is not { } filingRules) return null;
        var projectRules = projects.RulesOf(actor);
        var own = projectRules is null ? [] : await projects.InScope(actor).OrderByDescending(p => p.StatusSince)
            .Select(p => new { p.Id, p.FilingId, p.ProjectName, p.Status, p.SubsidyWan, p.PaidWan, p.StatusSince }).ToListAsync(ct);
        var filed = own.Select(p => p.FilingId).ToHashSet();
        var open = (await filings.InScope(actor).OrderByDescending(f => f.StatusSince)
            .Select(f => new { f.Id, f.ProjectName, f.Status, f.StatusSince }).ToListAsync(ct)).Where(f => !filed.Contains(f.Id));
        return
        [
            .. own.Select(p => new OwnWork($"/projects/{p.Id}", p.ProjectName, "改造项目", projectRules!.Chain.Label(p.Status, actor), p.StatusSince,
                p.SubsidyWan, p.PaidWan)),
            .. open.Select(f => new OwnWork($"/filings/{f.Id}", f.ProjectName, "项目备案", filingRules.Chain.Label(f.Status, actor), f.StatusSince, null, 0)),
        ];
    }

    /// <summary>The enterprises assigned to the actor's organisation with the latest assessment it recorded on each.</summary>
    public async Task<AssignedList> AssignedAsync(Actor actor, CancellationToken ct)
    {
        var files = enterprises.InScope(actor);
        var total = await files.CountAsync(ct);
        var rows = await files.OrderBy(e => e.District).ThenBy(e => e.Name).Take(AssignedShown)
            .Select(e => new { e.Id, e.Name, e.District }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var mine = await assessments.InScope(actor).Where(x => ids.Contains(x.EnterpriseId))
            .Select(x => new { x.EnterpriseId, Latest = new LatestAssessment(x.Id, x.Stage, x.AssessorKind, x.AssessedOn, x.Score, x.Level) })
            .ToListAsync(ct);
        var latest = mine.GroupBy(m => m.EnterpriseId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Latest).OrderByDescending(l => l.AssessedOn).ThenByDescending(l => l.Id).First());
        return new AssignedList(rows.Select(r => new AssignedEnterprise(r.Id, r.Name, r.District, latest.GetValueOrDefault(r.Id))).ToList(), total);
    }

    /// <summary>The programme's (a district: its own district's) progress, per district: files, diagnosed before transformation,
    /// evaluated after it, and how many reached 二级 in an evaluation after it.</summary>
    public async Task<IReadOnlyList<DistrictProgress>> ProgressAsync(Actor actor, CancellationToken ct)
    {
        var files = enterprises.InScope(actor);
        var counts = await files.GroupBy(e => e.District)
            .Select(g => new { District = g.Key, Files = g.Count(), AboveScale = g.Count(e => e.AboveScale == true), MissingUscc = g.Count(e => e.Uscc == null),
                Excluded = g.Count(e => e.LittleGiantCentralFunded || e.Pilot2022) })
            .ToListAsync(ct);
        // Counted in the database: a city's programme may hold tens of thousands of assessments. An evaluation after transformation is
        // an agency's 改造后 assessment on the platform or, where the city imports them (Shijiazhuang), an imported 验收结果's level.
        var evaluations = assessments.InScope(actor).Select(x => new { x.EnterpriseId, Before = x.Stage == AssessmentStage.Before,
                After = x.Stage == AssessmentStage.After, Reached = x.Stage == AssessmentStage.After && x.Level >= TargetLevel })
            .Concat(acceptances.InScope(actor).Select(r => new { r.EnterpriseId, Before = false, After = true, Reached = r.Passed && r.LevelAfter >= TargetLevel }));
        var staged = await (from x in evaluations
                            join e in files on x.EnterpriseId equals e.Id
                            group x by e.District into g
                            select new
                            {
                                District = g.Key,
                                Diagnosed = g.Where(x => x.Before).Select(x => x.EnterpriseId).Distinct().Count(),
                                After = g.Where(x => x.After).Select(x => x.EnterpriseId).Distinct().Count(),
                                Reached = g.Where(x => x.Reached).Select(x => x.EnterpriseId).Distinct().Count(),
                            }).ToListAsync(ct);
        return counts.OrderBy(c => c.District, StringComparer.Ordinal).Select(c =>
            staged.FirstOrDefault(s => s.District == c.District) is { } s
                ? new DistrictProgress(c.District, c.Files, c.AboveScale, c.MissingUscc, c.Excluded, s.Diagnosed, s.After, s.Reached)
                : new DistrictProgress(c.District, c.Files, c.AboveScale, c.MissingUscc, c.Excluded, 0, 0, 0)).ToList();
    }

    /// <summary>The target level of a transformation (seed 002 附件4 and seed 003 附件1: 改造后目标水平 二级 or above), at which it is accepted and subsidised.</summary>
    public const int TargetLevel = 2;

    /// <summary>The call's applications in the actor's scope by state, as this actor reads the states; empty outside a call.</summary>
    public async Task<IReadOnlyList<(string State, string Label, int Count)>> ApplicationsAsync(Actor actor, CancellationToken ct)
    {
        if (benchmarks.CallOf(actor) is not { } call || !actor.IsBureau) return [];
        var counts = await benchmarks.InScope(actor).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return call.Chain.States.Select(s => (WorkflowNames.Of(s), call.Chain.Label(s, actor), counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
    }
}

public sealed record LatestAssessment(Guid Id, AssessmentStage Stage, AssessorKind AssessorKind, DateOnly AssessedOn, decimal Score, int Level);

/// <summary>One of the enterprise's filings or projects on its 工作台: where to open it, what it is called, its step and state since when,
/// and for an approved project its subsidy and what was paid (万元).</summary>
public sealed record OwnWork(string Link, string ProjectName, string Step, string State, DateTime Since, decimal? SubsidyWan, decimal PaidWan);

public sealed record EnterpriseStanding(Guid Id, string Name, string District, LatestAssessment? Latest, AcceptedLevels? Accepted = null);

/// <summary>An imported 验收结果 of the enterprise's project: the agency's levels before and after, and its verdict.</summary>
public sealed record AcceptedLevels(string ProjectName, DateOnly AcceptedOn, int LevelBefore, int LevelAfter, bool Passed, string AgencyName);

public sealed record AssignedEnterprise(Guid Id, string Name, string District, LatestAssessment? Latest);

public sealed record AssignedList(IReadOnlyList<AssignedEnterprise> Rows, int Total);

/// <summary>One district's figures; <paramref name="Excluded"/> counts files no longer eligible for central funds (小巨人 already centrally funded, or a 2022 pilot: seeds 002 §4(四), 003 §4).</summary>
public sealed record DistrictProgress(string District, int Files, int AboveScale, int MissingUscc, int Excluded, int Diagnosed, int EvaluatedAfter, int ReachedTarget);
