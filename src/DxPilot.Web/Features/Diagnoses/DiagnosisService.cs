using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>
/// The diagnosis' use cases. Reading follows the enterprise file's scope (a provider only its own diagnoses); the provider
/// edits (DiagnosisService.Rows.cs, .Photos.cs), the enterprise rates, and the programme's chain moves it
/// (DiagnosisService.Transitions.cs). Pages and the API both come here, so they refuse alike.
/// </summary>
public sealed partial class DiagnosisService(DxPilotDbContext db, EnterpriseService enterprises, ProgrammeCatalog programmes, Saving saving,
    IBlobStore blobs, DiagnosisPhotoChecks photoChecks, TimeProvider clock, ShownTime time)
{
    public const int PageSize = 50;
    private const string What = "诊断记录";

    /// <summary>The diagnosis rules of the actor's programme; null where the programme runs no diagnosis.</summary>
    public DiagnosisRules? RulesOf(Actor a) => programmes.Find(a.ProgrammeId)?.Diagnosis;

    /// <summary>The diagnoses this actor may read: on the files it sees, for a provider only its own, for an expert those
    /// submitted for acceptance that the city named it on.</summary>
    public IQueryable<Diagnosis> InScope(Actor a)
    {
        if (RulesOf(a) is null) return db.Diagnoses.Where(d => false);
        var programme = db.Diagnoses.Where(d => d.ProgrammeId == a.ProgrammeId);
        if (a.Role == Role.Expert) return programme.Where(DiagnosisPolicy.ExpertReads(a));
        // The files the bureaus and the think tank see are the programme's or a district's (EnterpriseService.InScope): read
        // from the district kept on the diagnosis (migration 0039), the overview and the lists need no join to the files.
        if (a.Role is Role.CityBureau or Role.ThinkTank) return programme;
        if (a.Role == Role.DistrictBureau) return programme.Where(d => d.District == a.District);
        var files = enterprises.InScope(a).Select(e => e.Id);
        var q = programme.Where(d => files.Contains(d.EnterpriseId));
        return a.Role == Role.ServiceProvider ? q.Where(d => d.ProviderId == a.OrganisationId) : q;
    }

    /// <summary>Whether the actor is a provider assigned to the enterprise (the button that opens a diagnosis).</summary>
    public async Task<bool> MayOpenAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default) =>
        actor.OrganisationId is { } org && DiagnosisPolicy.Open(actor, true) is null
        && await db.Assignments.AnyAsync(x => x.OrganisationId == org && x.EnterpriseId == enterpriseId, ct);

    /// <summary>开展诊断: the provider opens its diagnosis of an enterprise assigned to it (or finds the one it opened).</summary>
    public async Task<Outcome<Diagnosis>> OpenAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default)
    {
        if (RulesOf(actor) is null || await enterprises.GetAsync(actor, enterpriseId, ct) is not { } enterprise) return Outcome<Diagnosis>.NotFound();
        var assigned = actor.OrganisationId is { } org && await db.Assignments.AnyAsync(x => x.OrganisationId == org && x.EnterpriseId == enterprise.Id, ct);
        if (DiagnosisPolicy.Open(actor, assigned) is { } why) return Outcome<Diagnosis>.Forbidden(why);
        if (await InScope(actor).FirstOrDefaultAsync(d => d.EnterpriseId == enterprise.Id, ct) is { } existing) return Outcome<Diagnosis>.Ok(existing);
        var diagnosis = Diagnosis.Open(actor.ProgrammeId, enterprise.Id, enterprise.District, actor.OrganisationId!.Value, actor, Now());
        db.Diagnoses.Add(diagnosis);
        var opened = await saving.SaveAsync(diagnosis, What, () => diagnosis, ct,
            // Two windows opening it at once: the unique index lets one through, the other finds it.
            onDuplicate: async () => Outcome<Diagnosis>.Ok(await InScope(actor).FirstAsync(d => d.EnterpriseId == enterprise.Id, ct)));
        if (opened.Value == diagnosis) await RecheckAsync(diagnosis, ct);
        return opened;
    }

    public async Task<Outcome<DiagnosisView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var diagnosis = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return diagnosis is null ? Outcome<DiagnosisView>.NotFound() : Outcome<DiagnosisView>.Ok(await ViewOf(diagnosis, ct));
    }

    /// <summary>What the enterprise file's page shows of its diagnosis; null where the programme runs none.</summary>
    public async Task<EnterpriseDiagnosis?> ForEnterpriseFileAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default)
    {
        if (RulesOf(actor) is not { } rules) return null;
        var diagnosis = await InScope(actor).AsNoTracking().OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(d => d.EnterpriseId == enterpriseId, ct);
        return new EnterpriseDiagnosis(rules, diagnosis, diagnosis is null && await MayOpenAsync(actor, enterpriseId, ct));
    }

    private async Task<DiagnosisView> ViewOf(Diagnosis d, CancellationToken ct)
    {
        var rules = programmes.Get(d.ProgrammeId).Diagnosis!;
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == d.EnterpriseId, ct);
        var provider = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == d.ProviderId, ct);
        var members = await db.DiagnosisMembers.AsNoTracking().Where(m => m.DiagnosisId == d.Id).OrderBy(m => m.Role == TeamRole.Leader ? 0 : 1).ThenBy(m => m.AddedAt).ToListAsync(ct);
        var visits = await VisitsOf(d, rules, ct);
        var agreements = await db.AgreementScans.AsNoTracking().Where(a => a.DiagnosisId == d.Id).OrderByDescending(a => a.UploadedAt).ToListAsync(ct);
        var assessment = d.AssessmentId is { } aid ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, ct) : null;
        var satisfaction = await db.DiagnosisSatisfactions.AsNoTracking().FirstOrDefaultAsync(s => s.DiagnosisId == d.Id, ct);
        // The report's written length as of its last save (Features/Diagnoses/Report).
        var reportCharacters = await db.DiagnosisReports.Where(r => r.DiagnosisId == d.Id).Select(r => r.Characters).FirstOrDefaultAsync(ct);
        var checklist = DiagnosisChecklist.Check(rules, new DiagnosisFacts(time.Today(), d.AgreementSignedOn, members,
            visits.Select(v => v.Checked).ToList(), assessment is not null, reportCharacters, satisfaction is not null));
        var key = d.Id.ToString();
        var history = await db.StateTransitions.AsNoTracking().Where(t => t.EntityType == nameof(Diagnosis) && t.EntityId == key)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        var submissions = await db.DiagnosisSubmissions.AsNoTracking().Where(s => s.DiagnosisId == d.Id).OrderBy(s => s.Round)
            .Select(s => new SubmissionInfo(s.Id, s.Round, s.SubmittedAt, s.SubmittedByName)).ToListAsync(ct);
        return new DiagnosisView(enterprise, provider, d, rules, members, visits, agreements, assessment, satisfaction, reportCharacters,
            checklist, history, submissions);
    }

    private async Task<IReadOnlyList<VisitWithPhotos>> VisitsOf(Diagnosis d, DiagnosisRules rules, CancellationToken ct)
    {
        var visits = await db.DiagnosisVisits.AsNoTracking().Where(v => v.DiagnosisId == d.Id).OrderBy(v => v.Date).ThenBy(v => v.Start).ToListAsync(ct);
        var photos = await db.VisitPhotos.AsNoTracking().Where(p => p.DiagnosisId == d.Id).OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var earlierUses = await photoChecks.EarlierUsesAsync(photos, ct);
        return visits.Select(v => new VisitWithPhotos(v, DiagnosisPhotoChecks.Judge(v, photos.Where(p => p.VisitId == v.Id).ToList(), earlierUses, rules, time.Zone)))
            .ToList();
    }

    /// <summary>The 改造前 assessments the provider may link: its own of this enterprise.</summary>
    public Task<List<Assessment>> LinkableAssessmentsAsync(Actor actor, Diagnosis d, CancellationToken ct = default) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.EnterpriseId == d.EnterpriseId && a.Stage == AssessmentStage.Before && a.AssessorKind == AssessorKind.ServiceProvider
                        && a.OrganisationId == d.ProviderId)
            .OrderByDescending(a => a.AssessedOn).ToListAsync(ct);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>The programme's wall-clock time now: visits cannot end after it.</summary>
    private DateTime LocalNow() => LocalTime.FromUtc(Now(), time.Zone);

    /// <summary>Why the actor may not change the diagnosis or its report now (<see cref="DiagnosisPolicy.Edit"/>): its own
    /// provider is told it is no longer with it (409), anyone else that it is not theirs (403); null when allowed.</summary>
    public static Outcome<T>? EditRefusal<T>(Actor actor, Diagnosis d) =>
        DiagnosisPolicy.Edit(actor, d) is not { } why ? null
        : actor.Role == Role.ServiceProvider && actor.OrganisationId == d.ProviderId ? Outcome<T>.Conflict(why)
        : Outcome<T>.Forbidden(why);

    /// <summary>The diagnosis, tracked, when the actor may edit it from the version it read; or why not.</summary>
    private async Task<(Diagnosis? Diagnosis, Outcome<T>? Refusal)> Editable<T>(Actor actor, Guid id, int version, CancellationToken ct)
    {
        var d = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return (null, Outcome<T>.NotFound());
        if (EditRefusal<T>(actor, d) is { } refused) return (null, refused);
        if (d.Version != version) return (null, Outcome<T>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<Diagnosis>(id), What, ct)));
        saving.Expect(d, version);
        return (d, null);
    }

    /// <summary>Saves from the version read (a record of the diagnosis added with it: <paramref name="record"/>, with its name
    /// and duplicate answer); then keeps the checklist's red items on the diagnosis for the lists' filters.</summary>
    private async Task<Outcome<T>> Save<T>(Diagnosis d, Func<T> value, CancellationToken ct, IAudited? record = null, string what = What,
        Func<Task<Outcome<T>>>? onDuplicate = null)
    {
        var saved = await saving.SaveAsync(record ?? d, what, value, ct, onDuplicate: onDuplicate);
        if (saved.IsOk) await RecheckAsync(d, ct);
        return saved;
    }

    /// <summary>Keeps the checklist's red items on the diagnosis after a change of its rows or of its report.</summary>
    internal async Task RecheckAsync(Diagnosis d, CancellationToken ct)
    {
        var checklist = (await ViewOf(d, ct)).Checklist;
        if (checklist.Mask == d.RedItems) return;
        d.Checked(checklist);
        try { await db.SaveChangesAsync(ct); }
        // Another change came in between: its own save re-checks.
        catch (DbUpdateConcurrencyException) { db.Entry(d).State = EntityState.Detached; }
    }
}
