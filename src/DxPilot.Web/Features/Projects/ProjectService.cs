using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Organisations;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>
/// The project's use cases after filing: who reads which projects (<see cref="InScope"/>), the completion report and invoices
/// (ProjectService.Completion.cs), the agency's evaluation and acceptance (.Acceptance.cs), the audit (.Audit.cs), the chain
/// (.Transitions.cs) and the money (.Money.cs). Pages and the API both come here, so they refuse alike.
/// </summary>
public sealed partial class ProjectService(DxPilotDbContext db, ProgrammeCatalog programmes, Saving saving, IBlobStore blobs, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int MaxProse = 2000;
    private const string What = "改造项目";

    /// <summary>The project rules of the actor's programme; null where the programme has none.</summary>
    public ProjectRules? RulesOf(Actor a) => programmes.Find(a.ProgrammeId)?.Project;

    /// <summary>The audit's spend categories of the actor's programme.</summary>
    public IReadOnlyList<SpendCategory> SpendCategories(Actor a) => programmes.Find(a.ProgrammeId)?.Money.SpendCategories ?? [];

    /// <summary>
    /// The projects this actor may read: the city and think tank all of the programme's, a district its district's, an enterprise
    /// its own, a provider those of the enterprises assigned to it and those whose 服务合同 names it (<see cref="ProviderWork"/>), an
    /// agency or audit firm those of the enterprises assigned to it, an expert those whose acceptance group names its account.
    /// </summary>
    public IQueryable<Project> InScope(Actor a)
    {
        if (RulesOf(a) is null) return db.Projects.Where(p => false);
        var q = db.Projects.Where(p => p.ProgrammeId == a.ProgrammeId);
        return a.Role switch
        {
            Role.CityBureau or Role.ThinkTank => q,
            Role.DistrictBureau => q.Where(p => p.District == a.District),
            Role.Enterprise => q.Where(p => p.EnterpriseId == a.EnterpriseId),
            Role.ServiceProvider when a.OrganisationId is { } org => q.Of(db, org),
            Role.EvaluationAgency or Role.AuditFirm =>
                q.Where(p => db.Assignments.Any(x => x.OrganisationId == a.OrganisationId && x.EnterpriseId == p.EnterpriseId)),
            Role.Expert => q.Where(p => p.ExpertAccounts.Contains(NamedAccounts.Needle(a.UserId))),
            _ => q.Where(p => false),
        };
    }

    public async Task<Outcome<ProjectView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var project = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? Outcome<ProjectView>.NotFound() : Outcome<ProjectView>.Ok(await ViewOf(actor, project, ct));
    }

    /// <summary>The project of a filing, for the filing's page (null before it was filed or outside the scope).</summary>
    public Task<Project?> OfFilingAsync(Actor actor, Guid filingId, CancellationToken ct = default) =>
        InScope(actor).AsNoTracking().FirstOrDefaultAsync(p => p.FilingId == filingId, ct);

    /// <summary>A confirmed filing becomes a project (called in the confirmation's own save, so both or neither are kept).</summary>
    public static void Open(DxPilotDbContext db, Programme programme, Filing filing, DateTime now)
    {
        if (programme.Project is null) return;
        var due = FilingValues.Period(filing.Values, FilingKeys.Period) is var (_, end) ? end.AddMonths(1).AddDays(-1) : (DateOnly?)null;
        db.Projects.Add(Project.Open(filing, due, now));
    }

    private async Task<ProjectView> ViewOf(Actor actor, Project p, CancellationToken ct)
    {
        var programme = programmes.Get(p.ProgrammeId);
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == p.EnterpriseId, ct);
        var key = p.Id.ToString();
        var history = await db.StateTransitions.AsNoTracking().Where(t => t.EntityType == nameof(Project) && t.EntityId == key)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        var facts = (await FactsAsync([p], ct))[p.Id];
        var payments = await db.ProjectPayments.AsNoTracking().Where(x => x.ProjectId == p.Id).OrderBy(x => x.PaidOn).ThenBy(x => x.RecordedAt).ToListAsync(ct);
        var contracts = (await db.ServiceContracts.AsNoTracking().Where(c => c.FilingId == p.FilingId).OrderBy(c => c.CreatedAt).ToListAsync(ct))
            .Select(c => new ProjectContract(c.Id, c.Name, c.Number, c.ProviderName, c.TotalYuan, c.Lines.Select(l => l.Name).ToList())).ToList();
        var assignments = await AssignedAsync(actor, p, ct);
        var agencyAssessments = actor.Role == Role.EvaluationAgency && assignments.Agency
            ? await db.Assessments.AsNoTracking().Where(a => a.EnterpriseId == p.EnterpriseId && a.Stage == AssessmentStage.After && a.OrganisationId == actor.OrganisationId)
                .OrderByDescending(a => a.AssessedOn).Select(a => new AssessmentChoice(a.Id, a.AssessedOn, a.Level, a.Score, a.AssessorName)).ToListAsync(ct)
            : [];
        return new ProjectView(p, enterprise, programme, facts, payments, contracts, history,
            ProjectChecks.Readiness(p, programme.Project!, programme.Money, facts, Today(programme)),
            Subsidy.Decide(programme.Money, ProjectChecks.FactsOf(p)), assignments, agencyAssessments);
    }

    /// <summary>Which of the actor's organisation's assignments reach the enterprise of a project read through <see cref="InScope"/>:
    /// the agency and the audit firm act only then. A provider reads only the projects it serves (<see cref="ProviderWork"/>), so
    /// its scope already says it is the project's provider.</summary>
    private async Task<ProjectAssignments> AssignedAsync(Actor actor, Project project, CancellationToken ct)
    {
        if (actor.OrganisationId is not { } org) return new ProjectAssignments(false, false, false);
        var kinds = await db.Assignments.Where(x => x.OrganisationId == org && x.EnterpriseId == project.EnterpriseId).Select(x => x.Kind).ToListAsync(ct);
        return new ProjectAssignments(actor.Role == Role.ServiceProvider,
            kinds.Contains(OrganisationKind.EvaluationAgency) && actor.Role == Role.EvaluationAgency,
            kinds.Contains(OrganisationKind.AuditFirm) && actor.Role == Role.AuditFirm);
    }

    /// <summary>The project, tracked, in the actor's scope, at the version the actor read; otherwise the outcome to answer.</summary>
    private async Task<(Project? Project, Outcome<T>? Refusal)> TrackedAsync<T>(Actor actor, Guid id, int? version, CancellationToken ct)
    {
        if (await InScope(actor).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project) return (null, Outcome<T>.NotFound());
        if (version is { } read && read != project.Version)
            return (null, Outcome<T>.Conflict(await saving.StaleMessageAsync(Domain.Auditing.AuditKey.Of<Project>(id), What, ct)));
        saving.Expect(project, version ?? project.Version);
        return (project, null);
    }

    private static Outcome<T> Invalid<T>(string field, string message) => Outcome<T>.Invalid(new Dictionary<string, string> { [field] = message });

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today(Programme programme) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now(), programme.Zone));
}
