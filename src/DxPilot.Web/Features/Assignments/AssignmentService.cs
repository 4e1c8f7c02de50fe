using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Assignments;

/// <summary>
/// 服务商分配: who serves, evaluates and audits which enterprise. Pages, the API and the sheet import all come here; the rules are
/// <see cref="AssignmentPolicy"/>'s, the enterprises reachable are the registry's scope (<see cref="EnterpriseService.InScope"/>),
/// and an enterprise or organisation outside it is not found. Every change is an <see cref="AssignmentChange"/>, audited on save.
/// </summary>
public sealed class AssignmentService(DxPilotDbContext db, EnterpriseService enterprises, Saving saving, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<Outcome<Page<AssignmentRow>>> ListAsync(Actor actor, AssignmentQuery query, CancellationToken ct = default)
    {
        if (AssignmentPolicy.ReadList(actor) is { } no) return Outcome<Page<AssignmentRow>>.Forbidden(no);
        var links = Visible(actor);
        var q = enterprises.InScope(actor);
        if (query.Search is { } s) q = q.Matching(actor, s, db.IsPostgres);
        if (query.District is { } d) q = q.Where(e => e.District == d);
        if (query.Kind is { } kind) q = q.Where(e => links.Any(a => a.EnterpriseId == e.Id && a.Kind == kind));
        if (query.Organisation is { } org) q = q.Where(e => links.Any(a => a.EnterpriseId == e.Id && a.OrganisationId == org));
        if (query.Unserved) q = q.Where(e => !links.Any(a => a.EnterpriseId == e.Id && a.Kind == OrganisationKind.ServiceProvider));

        var total = await q.CountAsync(ct);
        var page = Paging.Clamp(query.PageNumber, total, PageSize);
        var files = await q.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new { e.Id, e.Name, e.Uscc, e.District, e.IndustryKey }).ToListAsync(ct);
        var ids = files.Select(f => f.Id).ToList();
        var serving = (await Named(links.Where(a => ids.Contains(a.EnterpriseId))).ToListAsync(ct)).ToLookup(x => x.EnterpriseId, x => x.Organisation);
        var rows = files.Select(f => new AssignmentRow(f.Id, f.Name, f.Uscc, f.District, f.IndustryKey,
            serving[f.Id].OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal).ToList())).ToList();
        return Outcome<Page<AssignmentRow>>.Ok(new Page<AssignmentRow>(rows, total, page, PageSize));
    }

    /// <summary>What an enterprise file's page shows of its assignments: the organisations serving it now, as the actor may see
    /// them, and its latest changes for those who read the history. Null when the file is out of scope.</summary>
    public async Task<EnterpriseAssignments?> ForEnterpriseAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default)
    {
        if (await enterprises.GetAsync(actor, enterpriseId, ct) is null) return null;
        var serving = await Named(Visible(actor).Where(a => a.EnterpriseId == enterpriseId)).Select(x => x.Organisation).ToListAsync(ct);
        var history = AssignmentPolicy.ReadHistory(actor) is null ? (await HistoryAsync(actor, enterpriseId, null, 1, ct)).Value : null;
        return new EnterpriseAssignments([.. serving.OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal)], history);
    }

    /// <summary>The programme's organisations the actor may name: all of them for bureaus and the think tank, its own for an organisation.</summary>
    public async Task<IReadOnlyList<OrganisationItem>> OrganisationsAsync(Actor actor, CancellationToken ct = default)
    {
        if (AssignmentPolicy.ReadList(actor) is not null) return [];
        var q = db.Organisations.Where(o => o.ProgrammeId == actor.ProgrammeId);
        if (AssignmentPolicy.SeesOnlyOwn(actor)) q = q.Where(o => o.Id == actor.OrganisationId);
        var list = await q.ToListAsync(ct);
        return [.. list.OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal).Select(o => new OrganisationItem(o.Id, o.Name, o.Kind))];
    }

    public async Task<Outcome<AssignmentHistoryItem>> AssignAsync(Actor actor, Guid enterpriseId, Guid organisationId, CancellationToken ct = default,
        string? note = null)
    {
        var enterprise = await enterprises.GetAsync(actor, enterpriseId, ct);
        var organisation = await FindOrganisation(actor, organisationId, ct);
        if (enterprise is null || organisation is null) return Outcome<AssignmentHistoryItem>.NotFound();
        var current = (await Named(db.Assignments.Where(a => a.EnterpriseId == enterpriseId)).ToListAsync(ct))
            .Select(x => (x.Link, x.Organisation.Name)).ToList();
        var (link, change, refusal) = AssignmentPolicy.Assign(actor, enterprise, organisation, current, note, Now());
        if (refusal is not null) return Refused(refusal);
        db.Assignments.Add(link!);
        db.AssignmentChanges.Add(change!);
        return await saving.SaveAsync(change!, "该企业的分配", () => Item(change!, enterprise, organisation), ct,
            // Two bureaus assigning at once: the unique index keeps one organisation of a kind, the other is told to look again.
            onDuplicate: () => Task.FromResult(Outcome<AssignmentHistoryItem>.Conflict(
                $"该企业刚刚已被他人分配了{organisation.Kind.Label()}，请刷新页面查看后再操作")));
    }

    public async Task<Outcome<AssignmentHistoryItem>> WithdrawAsync(Actor actor, Guid enterpriseId, Guid organisationId, string? reason,
        CancellationToken ct = default)
    {
        var enterprise = await enterprises.GetAsync(actor, enterpriseId, ct);
        var organisation = await FindOrganisation(actor, organisationId, ct);
        if (enterprise is null || organisation is null) return Outcome<AssignmentHistoryItem>.NotFound();
        var link = await db.Assignments.FirstOrDefaultAsync(a => a.EnterpriseId == enterpriseId && a.OrganisationId == organisationId, ct);
        var (change, refusal) = AssignmentPolicy.Withdraw(actor, enterprise, organisation, link, reason, Now());
        if (refusal is not null) return Refused(refusal);
        db.Assignments.Remove(link!);
        db.AssignmentChanges.Add(change!);
        return await saving.SaveAsync(change!, "该企业的分配", () => Item(change!, enterprise, organisation), ct);
    }

    /// <summary>The changes, newest first, of one enterprise or one organisation (or all, or the files a search finds), within the
    /// actor's scope.</summary>
    public async Task<Outcome<Page<AssignmentHistoryItem>>> HistoryAsync(Actor actor, Guid? enterpriseId, Guid? organisationId, int page,
        CancellationToken ct = default, string? search = null)
    {
        if (AssignmentPolicy.ReadHistory(actor) is { } no) return Outcome<Page<AssignmentHistoryItem>>.Forbidden(no);
        if (enterpriseId is { } e && await enterprises.GetAsync(actor, e, ct) is null) return Outcome<Page<AssignmentHistoryItem>>.NotFound();
        if (organisationId is { } o && await FindOrganisation(actor, o, ct) is null) return Outcome<Page<AssignmentHistoryItem>>.NotFound();
        // Through the registry's scope: a district reads the changes on its own district's files only, whichever organisation.
        var files = enterprises.InScope(actor);
        if (search is not null) files = files.Matching(actor, search, db.IsPostgres);
        var q = from c in db.AssignmentChanges
                join f in files on c.EnterpriseId equals f.Id
                join org in db.Organisations on c.OrganisationId equals org.Id
                select new { Change = c, EnterpriseName = f.Name, OrganisationName = org.Name };
        if (enterpriseId is { } ei) q = q.Where(x => x.Change.EnterpriseId == ei);
        if (organisationId is { } oi) q = q.Where(x => x.Change.OrganisationId == oi);
        var total = await q.CountAsync(ct);
        page = Paging.Clamp(page, total, PageSize);
        var items = await q.OrderByDescending(x => x.Change.At).ThenByDescending(x => x.Change.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Outcome<Page<AssignmentHistoryItem>>.Ok(new Page<AssignmentHistoryItem>(
            items.Select(x => Item(x.Change, x.EnterpriseName, x.OrganisationName)).ToList(), total, page, PageSize));
    }

    /// <summary>An organisation of the actor's programme; one of another programme is not found.</summary>
    public Task<Organisation?> FindOrganisation(Actor actor, Guid id, CancellationToken ct) =>
        db.Organisations.FirstOrDefaultAsync(o => o.Id == id && o.ProgrammeId == actor.ProgrammeId, ct);

    private IQueryable<Assignment> Visible(Actor actor) =>
        AssignmentPolicy.SeesOnlyOwn(actor) ? db.Assignments.Where(a => a.OrganisationId == actor.OrganisationId) : db.Assignments;

    private IQueryable<NamedLink> Named(IQueryable<Assignment> links) =>
        from a in links
        join o in db.Organisations on a.OrganisationId equals o.Id
        select new NamedLink { Link = a, EnterpriseId = a.EnterpriseId, Organisation = new AssignedOrganisation(o.Id, o.Name, o.Kind, a.AssignedAt) };

    private static Outcome<AssignmentHistoryItem> Refused(AssignmentRefusal refusal) => refusal.Kind switch
    {
        AssignmentRefusalKind.NotAllowed => Outcome<AssignmentHistoryItem>.Forbidden(refusal.Message),
        AssignmentRefusalKind.AlreadyAssigned => Outcome<AssignmentHistoryItem>.Conflict(refusal.Message),
        _ => Outcome<AssignmentHistoryItem>.Invalid(new Dictionary<string, string> { ["reason"] = refusal.Message }),
    };

    private static AssignmentHistoryItem Item(AssignmentChange c, Enterprise e, Organisation o) => Item(c, e.Name, o.Name);

    private static AssignmentHistoryItem Item(AssignmentChange c, string enterpriseName, string organisationName) =>
        new(c.Id, c.EnterpriseId, enterpriseName, c.OrganisationId, organisationName, c.OrganisationKind, c.Change, c.Reason, c.ActorName, c.At);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private sealed class NamedLink
    {
        public Assignment Link { get; init; } = default!;
        public Guid EnterpriseId { get; init; }
        public AssignedOrganisation Organisation { get; init; } = default!;
    }
}
