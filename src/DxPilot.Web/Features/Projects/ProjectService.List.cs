using DxPilot.Domain.Accounts;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Organisations;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>The project list (page, exports, API) with its filters, within <see cref="InScope"/>, and each account's queue.</summary>
public sealed partial class ProjectService
{
    /// <summary>Counting a search stops here, as in the filing list: "1000 多项" rather than matching a city's every enterprise
    /// name each time. Without a search the list counts exactly (<see cref="TotalsAsync"/>).</summary>
    public const int CountCap = 1_000;

    public async Task<Outcome<Page<ProjectRow>>> ListAsync(Actor actor, ProjectFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (Listed(actor, filter) is not { } q) return Outcome<Page<ProjectRow>>.NotFound();
        return Outcome<Page<ProjectRow>>.Ok(await q.PageAsync(pageNumber, PageSize, CountCap, ct));
    }

    /// <summary>
    /// The count and money of every project the filter selects, summed as the dashboard sums them, so that a dashboard figure's list
    /// shows the figure; null for a search or a queue (a search is counted up to <see cref="CountCap"/> only).
    /// </summary>
    public async Task<ProjectTotals?> TotalsAsync(Actor actor, ProjectFilter filter, CancellationToken ct = default)
    {
        if (filter.Search is not null || filter.Mine || Filtered(actor, filter) is not { } projects) return null;
        var sums = await projects.GroupBy(p => 1).Select(g => new ProjectTotals(g.Count(), g.Sum(p => p.InvestmentWan ?? 0m), g.Sum(p => p.SubsidyWan ?? 0m),
            g.Sum(p => p.CentralWan ?? 0m), g.Sum(p => p.LocalWan ?? 0m), g.Sum(p => p.PaidWan))).FirstOrDefaultAsync(ct);
        return sums ?? new ProjectTotals(0, 0, 0, 0, 0, 0);
    }

    /// <summary>The name of a service provider of the actor's programme, for the list's provider chip (null: not one).</summary>
    public Task<string?> ProviderNameAsync(Actor actor, Guid provider, CancellationToken ct = default) =>
        db.Organisations.Where(o => o.Id == provider && o.ProgrammeId == actor.ProgrammeId && o.Kind == OrganisationKind.ServiceProvider)
            .Select(o => o.Name).FirstOrDefaultAsync(ct);

    /// <summary>Every row the filter selects: a queue longest waiting first, otherwise the latest moved first; null where the
    /// programme has no projects.</summary>
    public IQueryable<ProjectRow>? Listed(Actor actor, ProjectFilter filter)
    {
        if (Filtered(actor, filter) is not { } projects) return null;
        var files = db.Enterprises.AsQueryable();
        if (filter.Search is { } search)
        {
            var named = files.Matching(actor, search, db.IsPostgres).Select(e => e.Id);
            var folded = QueryValue.Folded(search);
            projects = projects.Where(p => p.ProjectName.ToLower().Contains(folded) || named.Contains(p.EnterpriseId));
        }
        var rows = from p in projects join e in files on p.EnterpriseId equals e.Id select new { p, e };
        rows = filter.Mine ? rows.OrderBy(x => x.p.StatusSince).ThenBy(x => x.p.Id) : rows.OrderByDescending(x => x.p.StatusSince).ThenBy(x => x.p.Id);
        return rows.Select(x => new ProjectRow(x.p.Id, x.e.Id, x.e.Name, x.e.Uscc, x.p.District, x.p.ProjectName, x.p.Status, x.p.TargetLevel,
            x.p.LevelBefore, x.p.LevelAfter, x.p.DueOn, x.p.SubsidyWan, x.p.PaidWan, x.p.StatusSince));
    }

    /// <summary>The projects in scope (or the actor's queue) that every filter but the search selects; null where the programme has no projects.</summary>
    private IQueryable<Project>? Filtered(Actor actor, ProjectFilter filter)
    {
        if (RulesOf(actor) is null) return null;
        var projects = filter.Mine ? Waiting(actor) : InScope(actor);
        if (filter.State is { } state) projects = projects.Where(p => p.Status == state);
        if (filter.District is { } district) projects = projects.Where(p => p.District == district);
        if (filter.Step is { } step) projects = Reached(projects, step);
        if (filter.LevelBefore is { } before)
            projects = before.Level is { } b ? projects.Where(p => p.LevelBefore == b)
                : before.Recorded ? projects.Where(p => p.LevelBefore != null) : projects.Where(p => p.LevelBefore == null);
        if (filter.LevelAfter is { } after)
            projects = after.Level is { } a ? projects.Where(p => p.LevelAfter == a) : projects.Where(p => p.LevelAfter != null);
        if (filter.Provider is { } provider)
            projects = projects.Of(db, provider);
        if (filter.Paid) projects = projects.Where(p => p.PaidWan > 0);
        if (filter.AboveScale)
        {
            var industries = programmes.Get(actor.ProgrammeId).Industries.Select(i => i.Key).ToList();
            projects = projects.Where(p => db.Enterprises.Any(e => e.Id == p.EnterpriseId && e.AboveScale == true && industries.Contains(e.IndustryKey)));
        }
        var today = Today(programmes.Get(actor.ProgrammeId));
        return filter.Overdue switch
        {
            OverdueKind.Period => Overdue(projects, today),
            OverdueKind.Rectification => PastRectification(projects, today),
            _ => projects,
        };
    }

    /// <summary>The projects that have passed a step, whatever their state now (a paid project was also evaluated, accepted…).</summary>
    public static IQueryable<Project> Reached(IQueryable<Project> projects, ProjectStep step) => step switch
    {
        ProjectStep.Evaluated => projects.Where(p => p.EvaluatedAt != null),
        ProjectStep.Accepted => projects.Where(p => p.AcceptedAt != null),
        ProjectStep.Audited => projects.Where(p => p.AuditedAt != null),
        ProjectStep.Approved => projects.Where(p => p.ApprovedAt != null),
        ProjectStep.Decided => projects.Where(p => p.AcceptedAt != null || p.Status == ProjectStatus.Failed),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>Overdue: still being carried out after the last day of its period.</summary>
    public static IQueryable<Project> Overdue(IQueryable<Project> projects, DateOnly today) =>
        projects.Where(p => p.Status == ProjectStatus.Implementing && p.DueOn != null && p.DueOn < today);

    /// <summary>Still in rectification after its deadline (the deadline's own day is not yet past), read from the column that
    /// migration 0022 generates from the acceptance document.</summary>
    public static IQueryable<Project> PastRectification(IQueryable<Project> projects, DateOnly today) =>
        projects.Where(p => p.Status == ProjectStatus.Rectifying && EF.Property<DateOnly?>(p, DashboardModel.RectifyBy) < today);

    /// <summary>
    /// What waits for this account: the enterprise's and provider's projects being carried out, the agency's to evaluate and
    /// accept, the audit firm's accepted ones, a district's to confirm, the city's to approve and to pay.
    /// </summary>
    public IQueryable<Project> Waiting(Actor actor)
    {
        var q = InScope(actor);
        return actor.Role switch
        {
            Role.Enterprise or Role.ServiceProvider => q.Where(p => p.Status == ProjectStatus.Implementing),
            Role.EvaluationAgency => q.Where(p => p.Status == ProjectStatus.Completed || p.Status == ProjectStatus.Evaluated || p.Status == ProjectStatus.Rectifying),
            Role.AuditFirm => q.Where(p => p.Status == ProjectStatus.Accepted),
            Role.DistrictBureau => q.Where(p => p.Status == ProjectStatus.DistrictConfirmation),
            Role.CityBureau => q.Where(p => p.Status == ProjectStatus.Audited || p.Status == ProjectStatus.Approved),
            _ => q.Where(p => false),
        };
    }
}
