using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>One payment as 资金拨付明细 lists it, with its project's approval.</summary>
public sealed record PaymentLine(string District, string EnterpriseName, string? Uscc, string ProjectName, string? Batch, decimal ApprovedWan,
    decimal CentralWan, decimal LocalWan, DateOnly PaidOn, decimal AmountWan, string VoucherNo, string RecordedBy);

/// <summary>拨付情况: the approved subsidies in scope (the city the programme's, a district its own, the think tank reading), with
/// what was paid and what is outstanding; totals are summed by the database over everything the filter selects.</summary>
public sealed partial class ProjectService
{
    /// <summary>Enough approval batches for the filter's list; a programme has a handful a year.</summary>
    private const int MaxBatches = 200;

    public async Task<Outcome<PaymentPage>> PaymentsAsync(Actor actor, PaymentFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (PaymentRows(actor, filter) is not { } rows) return Outcome<PaymentPage>.NotFound();
        var overall = await TotalsAsync(Approved(actor, filter), ct);
        pageNumber = Paging.Clamp(pageNumber, overall.Projects, PageSize);
        var page = await rows.Skip((pageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var batches = await Approved(actor, PaymentFilter.None).Where(p => p.ApprovalBatch != null).Select(p => p.ApprovalBatch!).Distinct()
            .OrderBy(b => b).Take(MaxBatches).ToListAsync(ct);
        return Outcome<PaymentPage>.Ok(new PaymentPage(new Page<PaymentRow>(page, overall.Projects, pageNumber, PageSize), PaymentTotals.Of(page), overall, batches));
    }

    /// <summary>The approved projects the filter selects, latest approved first; null for an actor who does not read the money.</summary>
    public IQueryable<PaymentRow>? PaymentRows(Actor actor, PaymentFilter filter)
    {
        if (RulesOf(actor) is null || !ProjectPolicy.ReadsMoney(actor)) return null;
        return from p in Approved(actor, filter)
               join e in db.Enterprises on p.EnterpriseId equals e.Id
               orderby p.ApprovedAt descending, p.Id
               select new PaymentRow(p.Id, e.Name, e.Uscc, p.District, p.ProjectName, p.Status, p.ApprovalBatch, p.ApprovedAt, p.SubsidyWan ?? 0,
                   p.CentralWan ?? 0, p.LocalWan ?? 0, p.PaidWan, db.ProjectPayments.Where(x => x.ProjectId == p.Id).Max(x => (DateOnly?)x.PaidOn));
    }

    /// <summary>Every payment of the projects the filter selects, in the order paid; null for an actor who does not read the money.</summary>
    public IQueryable<PaymentLine>? PaymentLines(Actor actor, PaymentFilter filter)
    {
        if (RulesOf(actor) is null || !ProjectPolicy.ReadsMoney(actor)) return null;
        return from x in db.ProjectPayments
               join p in Approved(actor, filter) on x.ProjectId equals p.Id
               join e in db.Enterprises on p.EnterpriseId equals e.Id
               orderby x.PaidOn, x.RecordedAt, x.Id
               select new PaymentLine(p.District, e.Name, e.Uscc, p.ProjectName, p.ApprovalBatch, p.SubsidyWan ?? 0, p.CentralWan ?? 0, p.LocalWan ?? 0,
                   x.PaidOn, x.AmountWan, x.VoucherNo, x.RecordedByName);
    }

    /// <summary>The sums over the approved projects the filter selects, in one statement.</summary>
    public async Task<PaymentTotals> PaymentTotalsAsync(Actor actor, PaymentFilter filter, CancellationToken ct = default) =>
        RulesOf(actor) is null || !ProjectPolicy.ReadsMoney(actor) ? PaymentTotals.Zero : await TotalsAsync(Approved(actor, filter), ct);

    private static async Task<PaymentTotals> TotalsAsync(IQueryable<Project> projects, CancellationToken ct) =>
        await projects.GroupBy(p => 1).Select(g => new PaymentTotals(g.Count(), g.Sum(p => p.SubsidyWan) ?? 0, g.Sum(p => p.CentralWan) ?? 0,
            g.Sum(p => p.LocalWan) ?? 0, g.Sum(p => p.PaidWan))).FirstOrDefaultAsync(ct) ?? PaymentTotals.Zero;

    /// <summary>The approved and paid projects in scope that the filter selects.</summary>
    private IQueryable<Project> Approved(Actor actor, PaymentFilter filter)
    {
        var projects = InScope(actor).Where(p => p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.Paid);
        if (filter.State is { } state) projects = projects.Where(p => p.Status == state);
        if (filter.District is { } district) projects = projects.Where(p => p.District == district);
        if (filter.Batch is { } batch) projects = projects.Where(p => p.ApprovalBatch == batch);
        return filter.Search is { } search ? Searched(actor, projects, search) : projects;
    }

    /// <summary>The project list's search (ProjectService.Listed): the enterprise's name or USCC, or the project's name.</summary>
    private IQueryable<Project> Searched(Actor actor, IQueryable<Project> projects, string search)
    {
        var named = db.Enterprises.Matching(actor, search, db.IsPostgres).Select(e => e.Id);
        var folded = QueryValue.Folded(search);
        return projects.Where(p => p.ProjectName.ToLower().Contains(folded) || named.Contains(p.EnterpriseId));
    }
}
