using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Supervision;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Organisations;

public sealed record ServedEnterprise(Guid Id, string Name, string? Uscc, string District, DateTime AssignedAt);

/// <summary>The enterprises' 满意度评价表 of the provider's diagnoses: how many, each item's mean (1 较差 … 4 很好), the overall answers.</summary>
public sealed record SatisfactionSummary(int Count, IReadOnlyList<double> ItemAverages, int Satisfied, int FairlySatisfied, int Dissatisfied);

/// <summary>A provider's contact as its latest service contract gives it (the platform keeps no other for organisations).</summary>
public sealed record OrganisationContact(string Name, string Phone, string ContractName);

/// <summary>验收情况 within the viewer's scope: its diagnoses accepted of those submitted, and its projects (<see cref="ProviderWork"/>) that
/// passed acceptance, of those that reached a verdict; each null where the programme has no such process.</summary>
public sealed record AcceptanceSummary(int? DiagnosesAccepted, int? DiagnosesSubmitted, int? ProjectsAccepted, int? ProjectsDecided);

/// <summary>A provider in the catalogue: its membership of the pool (null if it never applied) and its products shown now.</summary>
public sealed record CatalogueSummary(PoolMember? Membership, IReadOnlyList<CatalogueProduct> Products);

public sealed record OrganisationView(Organisation Organisation, OrganisationContact? Contact, Page<ServedEnterprise> Served, string? Search,
    int? Diagnoses, int? Filings, SatisfactionSummary? Satisfaction, RatingsView? Ratings, Page<SupervisionComment>? Comments,
    AcceptanceSummary? Acceptance = null, CatalogueSummary? Catalogue = null);

/// <summary>
/// 机构主页 (/organisations/{id}): who the organisation is, the enterprises it serves within the viewer's scope, its diagnoses and
/// filings there, the enterprises' satisfaction with its diagnoses, the think tank's ratings and comments on its work. Read within
/// <see cref="OrganisationScope"/>; every figure within the viewer's own scope (a district sees its district's part).
/// </summary>
public sealed class OrganisationService(DxPilotDbContext db, OrganisationScope scope, EnterpriseService enterprises, DiagnosisService diagnoses,
    FilingService filings, SupervisionService supervision, Projects.ProjectService projects)
{
    public const int PageSize = 20;

    public async Task<Outcome<OrganisationView>> GetAsync(Actor actor, Guid id, string? search, int page, CancellationToken ct)
    {
        if (await scope.FindAsync(actor, id, ct) is not { } org) return Outcome<OrganisationView>.NotFound();
        search = QueryValue.Search(search);
        var isProvider = org.Kind == OrganisationKind.ServiceProvider;
        // The contact a 服务合同 names, from a filing the viewer reads that has been submitted: an enterprise's unsubmitted draft
        // (which any enterprise may type) does not speak for the provider.
        var submitted = filings.InScope(actor).Where(f => f.SubmittedAt != null).Select(f => f.Id);
        var contact = await db.ServiceContracts.AsNoTracking().Where(c => c.ProviderOrganisationId == id && submitted.Contains(c.FilingId))
            .OrderByDescending(c => c.UpdatedAt).Select(c => new OrganisationContact(c.ProviderContact, c.ProviderPhone, c.Name)).FirstOrDefaultAsync(ct);
        var served = await ServedAsync(actor, id, search, page, ct);
        int? diagnosisCount = isProvider && diagnoses.RulesOf(actor) is not null
            ? await diagnoses.InScope(actor).CountAsync(d => d.ProviderId == id, ct) : null;
        int? filingCount = isProvider && filings.RulesOf(actor) is not null
            ? await filings.InScope(actor).Of(db, id).CountAsync(ct)
            : null;
        var satisfaction = diagnosisCount is null ? null : await SatisfactionAsync(actor, id, ct);
        var ratings = isProvider ? (await supervision.RatingsAsync(actor, RatedKind.Provider, id, ct)).Value : null;
        var comments = isProvider ? await supervision.OnProviderWorkAsync(actor, id, ct) : null;
        var acceptance = isProvider ? await AcceptanceAsync(actor, id, ct) : null;
        var catalogue = isProvider ? await CatalogueAsync(actor, id, ct) : null;
        return Outcome<OrganisationView>.Ok(new OrganisationView(org, contact, served, search, diagnosisCount, filingCount, satisfaction, ratings, comments,
            acceptance, catalogue));
    }

    /// <summary>The enterprises assigned to it that the viewer's own scope holds, searched by name or USCC, in name order.</summary>
    private async Task<Page<ServedEnterprise>> ServedAsync(Actor actor, Guid id, string? search, int page, CancellationToken ct)
    {
        var files = enterprises.InScope(actor);
        if (search is not null) files = files.Matching(actor, search, db.IsPostgres);
        var q = from e in files
                join x in db.Assignments on e.Id equals x.EnterpriseId
                where x.OrganisationId == id
                select new { e.Id, e.Name, e.Uscc, e.District, x.AssignedAt };
        var total = await q.CountAsync(ct);
        var number = Paging.Clamp(page, total, PageSize);
        var items = (await q.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct))
            .Select(s => new ServedEnterprise(s.Id, s.Name, s.Uscc, s.District, s.AssignedAt)).ToList();
        return new Page<ServedEnterprise>(items, total, number, PageSize);
    }

    /// <summary>Null where the programme neither diagnoses nor carries projects on the platform.</summary>
    private async Task<AcceptanceSummary?> AcceptanceAsync(Actor actor, Guid id, CancellationToken ct)
    {
        int? accepted = null, submitted = null, passed = null, failed = null;
        if (diagnoses.RulesOf(actor) is not null)
        {
            var mine = diagnoses.InScope(actor).Where(d => d.ProviderId == id);
            accepted = await mine.CountAsync(d => d.Status == Domain.Diagnoses.DiagnosisStatus.Accepted, ct);
            // Submitted at least once: waiting for acceptance, returned after it, or accepted.
            submitted = await mine.CountAsync(d => d.Status != Domain.Diagnoses.DiagnosisStatus.InProgress, ct);
        }
        if (projects.RulesOf(actor) is not null)
        {
            var served = projects.InScope(actor).Of(db, id);
            passed = await served.CountAsync(p => p.AcceptedAt != null, ct);
            failed = await served.CountAsync(p => p.Status == ProjectStatus.Failed, ct);
        }
        return accepted is null && passed is null ? null : new AcceptanceSummary(accepted, submitted, passed, passed + failed);
    }

    /// <summary>Its pool status (the city, the think tank and the provider itself read it; a district too, as the pool is the
    /// programme's) and its products as everyone sees them.</summary>
    private async Task<CatalogueSummary> CatalogueAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var membership = await db.PoolMembers.AsNoTracking().FirstOrDefaultAsync(m => m.ProgrammeId == actor.ProgrammeId && m.OrganisationId == id, ct);
        var shown = await Catalogue.ShownProducts.In(db, actor.ProgrammeId).AsNoTracking().Where(p => p.ProviderId == id).OrderBy(p => p.Name).ToListAsync(ct);
        return new CatalogueSummary(membership, shown);
    }

    private async Task<SatisfactionSummary?> SatisfactionAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var forms = from s in db.DiagnosisSatisfactions
                    join d in diagnoses.InScope(actor) on s.DiagnosisId equals d.Id
                    where d.ProviderId == id
                    select s;
        var sums = await forms.GroupBy(s => 1).Select(g => new
        {
            Count = g.Count(),
            Process = g.Average(s => (double)(int)s.Process), Analysis = g.Average(s => (double)(int)s.Analysis),
            Advice = g.Average(s => (double)(int)s.Advice), Competence = g.Average(s => (double)(int)s.Competence),
            Result = g.Average(s => (double)(int)s.Result),
            Satisfied = g.Count(s => s.Overall == OverallSatisfaction.Satisfied),
            Fairly = g.Count(s => s.Overall == OverallSatisfaction.FairlySatisfied),
            Dissatisfied = g.Count(s => s.Overall == OverallSatisfaction.Dissatisfied),
        }).FirstOrDefaultAsync(ct);
        return sums is null ? new SatisfactionSummary(0, [], 0, 0, 0)
            : new SatisfactionSummary(sums.Count, [sums.Process, sums.Analysis, sums.Advice, sums.Competence, sums.Result], sums.Satisfied, sums.Fairly, sums.Dissatisfied);
    }
}
