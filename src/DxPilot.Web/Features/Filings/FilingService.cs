using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Reviews;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Organisations;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// The filing's use cases: who reads which filings (<see cref="InScope"/>), starting and filling the form, and the programme's
/// chain moving it (FilingService.Transitions.cs) with every round frozen and comparable (FilingService.Versions.cs). Pages and
/// the API both come here, so they refuse alike.
/// </summary>
public sealed partial class FilingService(DxPilotDbContext db, EnterpriseService enterprises, ProgrammeCatalog programmes, Saving saving,
    FilingProviders providers, TimeProvider clock)
{
    public const int PageSize = 50;
    private const string What = "备案申请";

    /// <summary>The filing rules of the actor's programme; null where the programme files no projects.</summary>
    public FilingRules? RulesOf(Actor a) => programmes.Find(a.ProgrammeId)?.Filing;

    /// <summary>
    /// The filings this actor may read: the city and think tank all of the programme's, a district its district's, an enterprise
    /// its own, a provider those of the enterprises it serves and those whose 服务合同 names it (<see cref="ProviderWork"/>), an
    /// expert those it was assigned to review.
    /// </summary>
    public IQueryable<Filing> InScope(Actor a)
    {
        if (RulesOf(a) is null) return db.Filings.Where(f => false);
        var q = db.Filings.Where(f => f.ProgrammeId == a.ProgrammeId);
        return a.Role switch
        {
            Role.CityBureau or Role.ThinkTank => q,
            Role.DistrictBureau => q.Where(f => f.District == a.District),
            Role.Enterprise => q.Where(f => f.EnterpriseId == a.EnterpriseId),
            Role.ServiceProvider when a.OrganisationId is { } org => q.Of(db, org),
            Role.Expert => q.Where(f => db.FilingExpertReviews.Any(r => r.FilingId == f.Id && r.ExpertUserId == a.UserId)),
            _ => q.Where(f => false),
        };
    }

    /// <summary>开始备案: the enterprise starts its filing, or finds the one it is still filling.</summary>
    public async Task<Outcome<Filing>> StartAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default)
    {
        if (RulesOf(actor) is not { } rules) return Outcome<Filing>.NotFound();
        if (FilingPolicy.Start(actor, enterpriseId) is { } why) return Outcome<Filing>.Forbidden(why);
        if (await enterprises.GetAsync(actor, enterpriseId, ct) is not { } enterprise) return Outcome<Filing>.NotFound();
        var open = await InScope(actor).Where(f => f.EnterpriseId == enterpriseId && f.Status != FilingStatus.Rejected).ToListAsync(ct);
        if (open.FirstOrDefault(f => f.IsEditable) is { } editing) return Outcome<Filing>.Ok(editing);
        if (open.Count >= rules.OpenFilingsPerEnterprise)
            return Outcome<Filing>.Conflict($"本企业已有{open.Count}个在办或已备案的项目，本试点每家企业限{rules.OpenFilingsPerEnterprise}个");
        var filing = Filing.Start(actor.ProgrammeId, enterprise.Id, enterprise.District, actor, Now());
        db.Filings.Add(filing);
        return await saving.SaveAsync(filing, What, () => filing, ct);
    }

    /// <summary>据此发起备案: a new filing with what a priced plan already knows filled in (the keys the programme's form has; the
    /// others are left to the form). Unlike <see cref="StartAsync"/> it never opens a filing already under way: the plan would
    /// overwrite what was written there, so the enterprise is told to carry on with that one.</summary>
    public async Task<Outcome<Filing>> StartFromPlanAsync(Actor actor, Guid enterpriseId, IReadOnlyDictionary<string, string?> answers, CancellationToken ct = default)
    {
        if (RulesOf(actor) is not { } rules) return Outcome<Filing>.NotFound();
        if (FilingPolicy.Start(actor, enterpriseId) is { } why) return Outcome<Filing>.Forbidden(why);
        if (await InScope(actor).AnyAsync(f => f.EnterpriseId == enterpriseId && f.Status != FilingStatus.Rejected, ct))
            return Outcome<Filing>.Conflict("本企业已有在办或已备案的项目，不能据此方案另行发起备案；请在已有的备案中修改");
        var started = await StartAsync(actor, enterpriseId, ct);
        if (!started.IsOk) return started;
        // Only what this programme's form asks and would accept (its targets may start at 二级): the rest is the enterprise's to fill.
        var asked = answers.Where(a => SectionOf(rules.Form, a.Key) is not null).ToDictionary(a => a.Key, a => a.Value);
        var refused = FilingValues.Check(rules.Form, started.Value!.Values.With(asked), complete: false).Keys;
        var known = asked.Where(a => !refused.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value);
        return await SaveAsync(actor, started.Value.Id, known, started.Value.Version, ct);
    }

    public async Task<Outcome<FilingView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (filing, conflict) = await ReadAsync(actor, id, ct);
        if (filing is null) return Outcome<FilingView>.NotFound();
        if (conflict is not null) return Outcome<FilingView>.Forbidden(conflict);
        return Outcome<FilingView>.Ok(await ViewOf(actor, filing, ct));
    }

    /// <summary>Whether <see cref="GetAsync"/> shows the filing to the actor: a page links it only then (the project's agency and
    /// audit firm do not read its filing).</summary>
    public async Task<bool> ReadsAsync(Actor actor, Guid id, CancellationToken ct = default) => await ReadableAsync(actor, id, ct) is not null;

    /// <summary>The filing, read without tracking, when the actor may read it (in scope and, for an expert, free of a conflict of
    /// interest). Whatever belongs to a filing (its submitted rounds, contracts, scans) is read only through this.</summary>
    public async Task<Filing?> ReadableAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        await ReadAsync(actor, id, ct) is { Filing: { } filing, Conflict: null } ? filing : null;

    /// <summary>The filing if in the actor's scope, and why an expert may not read it after all: an expert whose employer serves
    /// the enterprise reads nothing of it, whenever it was assigned (FilingService.Experts.cs).</summary>
    private async Task<(Filing? Filing, string? Conflict)> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var filing = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        return filing is null || actor.Role != Role.Expert ? (filing, null) : (filing, await ExpertConflictAsync(actor, filing, ct));
    }

    /// <summary>
    /// 保存草稿: the answers given replace theirs (an empty answer clears one); the enterprise fills every section, its provider
    /// those they fill together. Limits and formats are checked now, completeness on submission; a save read on an older version is refused unless it
    /// changes nothing (<see cref="FilingAnswers.Holds"/>).
    /// </summary>
    public async Task<Outcome<Filing>> SaveAsync(Actor actor, Guid id, IReadOnlyDictionary<string, string?> answers, int version, CancellationToken ct = default)
    {
        var filing = await InScope(actor).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null) return Outcome<Filing>.NotFound();
        var rules = RulesOf(actor)!;
        var serves = Serves(actor);
        if (FilingPolicy.Edit(actor, filing, null, serves) is { } why)
            return filing.IsEditable || actor.Role is not (Role.Enterprise or Role.ServiceProvider) ? Outcome<Filing>.Forbidden(why) : Outcome<Filing>.Conflict(why);
        var errors = new Dictionary<string, string>();
        foreach (var key in answers.Keys)
        {
            var section = SectionOf(rules.Form, key);
            if (section is not null && FilingPolicy.Edit(actor, filing, section, serves) is { } notYours) errors[key] = notYours;
        }
        foreach (var (key, message) in FilingValues.Check(rules.Form, filing.Values.With(answers), complete: false).Where(e => answers.ContainsKey(e.Key)))
            errors.TryAdd(key, message);
        if (errors.Count > 0) return Outcome<Filing>.Invalid(errors);
        if (filing.Version != version)
            return filing.Values.Holds(answers) ? Outcome<Filing>.Ok(filing) : Outcome<Filing>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<Filing>(id), What, ct));
        saving.Expect(filing, version);
        var district = await db.Enterprises.Where(e => e.Id == filing.EnterpriseId).Select(e => e.District).FirstAsync(ct);
        filing.Edit(answers, rules.Form, district, Now());
        return await saving.SaveAsync(filing, What, () => filing, ct);
    }

    /// <summary>Whether the actor is the provider of a filing it read through <see cref="InScope"/> (co-fills the shared sections):
    /// a provider reads only the filings it serves, assigned to the enterprise or named 乙方 in a 服务合同 (<see cref="ProviderWork"/>),
    /// so asking the database again would ask the scope twice.</summary>
    public static bool Serves(Actor actor) => actor.Role == Role.ServiceProvider && actor.OrganisationId is not null;

    /// <summary>The section a stored key belongs to.</summary>
    public static FilingSection? SectionOf(FilingForm form, string key) =>
        form.Sections.FirstOrDefault(s => s.Fields.Any(f => FilingValues.KeysOf(f).Contains(key)));

    private async Task<FilingView> ViewOf(Actor actor, Filing f, CancellationToken ct)
    {
        var programme = programmes.Get(f.ProgrammeId);
        var rules = programme.Filing!;
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == f.EnterpriseId, ct);
        var key = f.Id.ToString();
        var history = await db.StateTransitions.AsNoTracking().Where(t => t.EntityType == nameof(Filing) && t.EntityId == key)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        var versions = await db.FilingVersions.AsNoTracking().Where(v => v.FilingId == f.Id).OrderBy(v => v.Round)
            .Select(v => new FilingVersionInfo(v.Round, v.SubmittedAt, v.SubmittedByName)).ToListAsync(ct);
        // A submitted filing is read as it was submitted: a later 改造后 evaluation must not turn its level check red.
        var asOf = f.IsEditable ? null : versions.LastOrDefault()?.SubmittedAt;
        var contracts = await providers.ForAsync(f.Id, ct);
        var (checks, problems) = await ChecksAsync(programme, f, enterprise, ct, asOf, contracts);
        var tally = await TallyAsync(f, rules, ct);
        var serves = Serves(actor);
        return new FilingView(f, enterprise, programme, FilingPersonalData.Basics(rules.Form, FilingBasics.Read(rules.Form, enterprise, programme), actor),
            FilingPersonalData.Providers(contracts, actor),
            checks, asOf, problems, tally, history, versions, serves);
    }

    /// <summary>Eligibility as it stands, and everything that would refuse a submission now (missing answers and failed rules);
    /// with <paramref name="asOf"/>, the platform's assessments and the other filings as they were then; <paramref name="contracts"/>
    /// when the caller has read them already.</summary>
    private async Task<(IReadOnlyList<FilingCheck> Checks, IReadOnlyList<string> Problems)> ChecksAsync(Programme programme, Filing f, Enterprise enterprise,
        CancellationToken ct, DateTime? asOf = null, IReadOnlyList<FilingProvider>? contracts = null)
    {
        var rules = programme.Filing!;
        var lead = FilingValues.Text(f.Values, FilingKeys.ChainLead) is { } named ? await ChainLeadAsync(programme.Id, named, ct) : null;
        var filings = db.Filings.Where(x => x.EnterpriseId == f.EnterpriseId && x.Id != f.Id && x.Status != FilingStatus.Rejected);
        var assessments = db.Assessments.AsNoTracking().Where(a => a.EnterpriseId == f.EnterpriseId);
        if (asOf is { } then)
        {
            filings = filings.Where(x => x.CreatedAt <= then);
            assessments = assessments.Where(a => a.CreatedAt <= then);
        }
        var others = await filings.CountAsync(ct);
        var level = await assessments.OrderByDescending(a => a.AssessedOn).Select(a => (int?)a.Level).FirstOrDefaultAsync(ct);
        if (rules.SignedContractRequired) contracts ??= await providers.ForAsync(f.Id, ct);
        var checks = FilingEligibility.Check(programme, rules, enterprise, new EligibilityFacts(f.Values, lead, others, level, contracts));
        var missing = FilingValues.Check(rules.Form, f.Values, complete: true);
        var problems = missing.Select(m => m.Value).Concat(checks.Where(c => c.Blocking && !c.Passed).Select(c => $"{c.Name}：{c.Reason}")).ToList();
        return (checks, problems);
    }

    /// <summary>The chain-lead enterprise the form names, by USCC or exact name, in the same programme.</summary>
    private async Task<Enterprise?> ChainLeadAsync(string programmeId, string named, CancellationToken ct)
    {
        var text = named.Trim();
        var uscc = Uscc.Normalise(text);
        return await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.ProgrammeId == programmeId && (e.Uscc == uscc || e.Name == text), ct);
    }

    private async Task<ExpertTally> TallyAsync(Filing f, FilingRules rules, CancellationToken ct)
    {
        var reviews = await db.FilingExpertReviews.Where(r => r.FilingId == f.Id && r.Round == f.Round)
            .Select(r => r.SubmittedAt != null).ToListAsync(ct);
        return new ExpertTally(rules.ExpertsRequired, reviews.Count, reviews.Count(done => done));
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
