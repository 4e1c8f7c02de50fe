using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>The project list (page, exports, API) with its filters, within <see cref="InScope"/>, and each account's queue.</summary>
public sealed partial class ProjectService
{
    /// <summary>Counting stops here, as in the filing list: "1000 多项" rather than counting a city's every project each time.</summary>
    public const int CountCap = 1_000;

    public async Task<Outcome<Page<ProjectRow>>> ListAsync(Actor actor, ProjectFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (Listed(actor, filter) is not { } q) return Outcome<Page<ProjectRow>>.NotFound();
        var counted = await q.Select(r => r.Id).Take(CountCap + 1).CountAsync(ct);
        var total = Math.Min(counted, CountCap);
        pageNumber = Paging.Clamp(pageNumber, total, PageSize);
        var rows = await q.Skip((pageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Outcome<Page<ProjectRow>>.Ok(new Page<ProjectRow>(rows, total, pageNumber, PageSize, counted > CountCap));
    }

    /// <summary>Every row the filter selects: a queue longest waiting first, otherwise the latest moved first; null where the
    /// programme has no projects.</summary>
    public IQueryable<ProjectRow>? Listed(Actor actor, ProjectFilter filter)
    {
        if (RulesOf(actor) is null) return null;
        var projects = filter.Mine ? Waiting(actor) : InScope(actor);
        if (filter.State is { } state) projects = projects.Where(p => p.Status == state);
        if (filter.District is { } district) projects = projects.Where(p => p.District == district);
        if (filter.Overdue) projects = Overdue(projects, Today(programmes.Get(actor.ProgrammeId)));
        var files = db.Enterprises.AsQueryable();
        if (filter.Search is { } search)
        {
            var named = files.Matching(actor, search, db.IsPostgres).Select(e => e.Id);
            projects = projects.Where(p => p.ProjectName.Contains(search) || named.Contains(p.EnterpriseId));
        }
        var rows = from p in projects join e in files on p.EnterpriseId equals e.Id select new { p, e };
        rows = filter.Mine ? rows.OrderBy(x => x.p.StatusSince).ThenBy(x => x.p.Id) : rows.OrderByDescending(x => x.p.StatusSince).ThenBy(x => x.p.Id);
        return rows.Select(x => new ProjectRow(x.p.Id, x.e.Id, x.e.Name, x.e.Uscc, x.p.District, x.p.ProjectName, x.p.Status, x.p.TargetLevel,
            x.p.LevelBefore, x.p.LevelAfter, x.p.DueOn, x.p.SubsidyWan, x.p.PaidWan, x.p.StatusSince));
    }

    /// <summary>Overdue: still being carried out after the last day of its period. (A rectification past its deadline is read from
    /// the acceptance document and shown on the project and the dashboard.)</summary>
    public static IQueryable<Project> Overdue(IQueryable<Project> projects, DateOnly today) =>
        projects.Where(p => p.Status == ProjectStatus.Implementing && p.DueOn != null && p.DueOn < today);

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
