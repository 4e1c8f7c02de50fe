using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>What became of a saved plan's product since: taken down (not approved now, or its provider suspended or removed), or
/// priced differently now (the catalogue's wording of the new price); null when it is offered as it was.</summary>
public sealed record PlanLineChange(bool TakenDown, string? PriceNow);

/// <summary>A share of the plan as its page lists it.</summary>
public sealed record PlanShareRow(Guid ProviderId, string ProviderName, string SharedByName, DateTime SharedAt, DateTime? OpenedAt, DateTime? WithdrawnAt,
    string? WithdrawnByName);

/// <summary>A provider the enterprise may share the plan with, and why (方案中的服务商 / 为本企业服务).</summary>
public sealed record PlanShareCandidate(Guid ProviderId, string Name, string Why);

/// <summary>A saved plan as its page shows it: the snapshot, the enterprise, what changed since per product, the shares, and what the
/// reader may do (<see cref="RecomputeUrl"/> is null when the reader cannot open the live plan of its assessment).</summary>
public sealed record SavedPlanView(SavedPlan Plan, string EnterpriseName, IReadOnlyDictionary<Guid, PlanLineChange> Changes,
    IReadOnlyList<PlanShareRow> Shares, IReadOnlyList<PlanShareCandidate> Candidates, bool MayShare, bool MayFile, string? RecomputeUrl)
{
    public IReadOnlyList<SavedPlanLine> TakenDown => Plan.Lines.Where(l => Changes.GetValueOrDefault(l.ProductId)?.TakenDown == true).ToList();
}

/// <summary>A saved plan as a list shows it.</summary>
public sealed record SavedPlanRow(Guid Id, string Title, Guid EnterpriseId, string EnterpriseName, int TargetLevel, decimal TotalLowWan, decimal TotalHighWan,
    decimal OwnShareLowWan, decimal OwnShareHighWan, bool Complete, string CreatedByName, DateTime CreatedAt, IReadOnlyList<string> SharedWith);

/// <summary>An enterprise's saved plans, one page of them.</summary>
public sealed record EnterprisePlans(Guid EnterpriseId, string EnterpriseName, Page<SavedPlanRow> Plans);

/// <summary>
/// 已保存的采购方案: saving the plan as shown (recomputed here from the assessment, target and pins, never from posted figures),
/// the enterprise's and the shared lists, a plan with what changed since, sharing with providers, and 据此发起备案 from it. Reading
/// is <see cref="NeedPolicy.ReadsPlan"/>; pages and the API both come here.
/// </summary>
public sealed class SavedPlanService(DxPilotDbContext db, PricedPlanService live, EnterpriseService enterprises, AssessmentService assessments,
    FilingService filings, Saving saving, ShownTime time, TimeProvider clock)
{
    public const int PageSize = 50;
    private const string What = "该方案";

    /// <summary>保存此方案: the live plan of the assessment for this target and pins, as the actor would see it now.</summary>
    public async Task<Outcome<SavedPlan>> SaveAsync(Actor actor, Guid enterpriseId, Guid assessmentId, int? target, IReadOnlyCollection<Guid> pins,
        string? title, CancellationToken ct = default)
    {
        var computed = await live.ForAssessmentAsync(actor, assessmentId, target, pins, ct);
        if (computed.Value is not { } v) return new Outcome<SavedPlan>(computed.Kind, null, computed.Errors, computed.Message);
        if (v.Enterprise.Id != enterpriseId) return Outcome<SavedPlan>.NotFound();
        if (NeedPolicy.SavePlan(actor, enterpriseId, await ServesAsync(actor, enterpriseId, ct)) is { } why) return Outcome<SavedPlan>.Forbidden(why);
        var named = string.IsNullOrWhiteSpace(title) ? SavedPlan.DefaultTitle(v.Plan.TargetLevel, time.Today()) : title;
        if (SavedPlan.CheckTitle(named) is { } bad) return Outcome<SavedPlan>.Invalid(new Dictionary<string, string> { ["title"] = bad });
        var plan = v.Snapshot(actor, named, Now());
        db.SavedPlans.Add(plan);
        return await saving.SaveAsync(plan, What, () => plan, ct);
    }

    /// <summary>Whether the page offers 保存此方案 to the actor (<see cref="NeedPolicy.SavePlan"/>).</summary>
    public async Task<bool> MaySaveAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default) =>
        NeedPolicy.SavePlan(actor, enterpriseId, await ServesAsync(actor, enterpriseId, ct)) is null;

    /// <summary>An enterprise's saved plans the actor reads, newest first, searched by title; 404 when the enterprise is not in scope
    /// or its plans are none of the actor's business (<see cref="NeedPolicy.Reads"/>: an evaluation agency or audit firm assigned to it).</summary>
    public async Task<Outcome<EnterprisePlans>> ForEnterpriseAsync(Actor actor, Guid enterpriseId, int page, string? search, CancellationToken ct = default)
    {
        var name = await enterprises.InScope(actor).Where(e => e.Id == enterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct);
        if (name is null || !NeedPolicy.Reads(actor, inScope: true)) return Outcome<EnterprisePlans>.NotFound();
        var q = Readable(actor).Where(p => p.EnterpriseId == enterpriseId);
        if (QueryValue.Search(search) is { } s) q = q.Where(p => p.Title.Contains(s));
        return Outcome<EnterprisePlans>.Ok(new EnterprisePlans(enterpriseId, name, await PageOf(q, page, ct)));
    }

    /// <summary>/plans: the saved plans the actor reads, newest first, searched by the enterprise's name; with
    /// <paramref name="sharedWithMe"/> a provider's list keeps only the plans enterprises shared with it.</summary>
    public async Task<Page<SavedPlanRow>> ListAsync(Actor actor, bool sharedWithMe, int page, string? search, CancellationToken ct = default)
    {
        var q = Readable(actor);
        if (sharedWithMe) q = q.Where(p => db.SavedPlanShares.Any(s => s.PlanId == p.Id && s.ProviderId == actor.OrganisationId && s.WithdrawnAt == null));
        if (QueryValue.Search(search) is { } s) q = q.Where(p => db.Enterprises.Any(e => e.Id == p.EnterpriseId && e.Name.Contains(s)));
        return await PageOf(q, page, ct);
    }

    /// <summary>A saved plan with what changed since saving. A provider opening a plan shared with it ends its to-do.</summary>
    public async Task<Outcome<SavedPlanView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, id, ct) is not { } plan) return Outcome<SavedPlanView>.NotFound();
        if (actor.Role == Role.ServiceProvider)
        {
            var unopened = await db.SavedPlanShares.Where(s => s.PlanId == id && s.ProviderId == actor.OrganisationId && s.WithdrawnAt == null && s.OpenedAt == null)
                .ToListAsync(ct);
            foreach (var share in unopened) share.Opened(Now());
            if (unopened.Count > 0) await db.SaveChangesAsync(ct);
        }
        return Outcome<SavedPlanView>.Ok(await ViewOf(actor, plan, ct));
    }

    /// <summary>分享给服务商: a provider of the plan's products, or one assigned to serve the enterprise.</summary>
    public async Task<Outcome<SavedPlanShare>> ShareAsync(Actor actor, Guid id, Guid providerId, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, id, ct) is not { } plan) return Outcome<SavedPlanShare>.NotFound();
        if (NeedPolicy.SharePlan(actor, plan.EnterpriseId) is { } why) return Outcome<SavedPlanShare>.Forbidden(why);
        var provider = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == providerId && o.ProgrammeId == plan.ProgrammeId && o.Kind == OrganisationKind.ServiceProvider, ct);
        var serves = provider is not null && await db.Assignments.AnyAsync(a => a.OrganisationId == providerId && a.EnterpriseId == plan.EnterpriseId, ct);
        if (NeedPolicy.ShareWith(provider is not null && plan.ProviderIds.Contains(providerId), serves) is { } whom)
            return Outcome<SavedPlanShare>.Invalid(new Dictionary<string, string> { ["providerId"] = whom });
        if (await db.SavedPlanShares.AnyAsync(s => s.PlanId == id && s.ProviderId == providerId && s.WithdrawnAt == null, ct))
            return Outcome<SavedPlanShare>.Conflict($"方案已分享给{provider!.Name}");
        var share = SavedPlanShare.With(plan, providerId, provider!.Name, actor, Now());
        db.SavedPlanShares.Add(share);
        return await saving.SaveAsync(plan, What, () => share, ct);
    }

    /// <summary>撤回分享: the provider no longer reads the plan; the share stays on record as withdrawn.</summary>
    public async Task<Outcome<SavedPlanShare>> WithdrawAsync(Actor actor, Guid id, Guid providerId, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, id, ct) is not { } plan) return Outcome<SavedPlanShare>.NotFound();
        if (NeedPolicy.SharePlan(actor, plan.EnterpriseId) is { } why) return Outcome<SavedPlanShare>.Forbidden(why);
        var share = await db.SavedPlanShares.FirstOrDefaultAsync(s => s.PlanId == id && s.ProviderId == providerId && s.WithdrawnAt == null, ct);
        if (share is null) return Outcome<SavedPlanShare>.Conflict("该方案当前没有分享给这家服务商");
        share.Withdraw(actor, Now());
        return await saving.SaveAsync(plan, What, () => share, ct);
    }

    /// <summary>修改方案名称, refused when someone renamed it since <paramref name="version"/>.</summary>
    public async Task<Outcome<SavedPlan>> RenameAsync(Actor actor, Guid id, string? title, int version, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, id, ct) is not { } plan) return Outcome<SavedPlan>.NotFound();
        if (NeedPolicy.SharePlan(actor, plan.EnterpriseId) is { } why) return Outcome<SavedPlan>.Forbidden(why);
        if (plan.Version != version) return Outcome<SavedPlan>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<SavedPlan>(id), What, ct));
        saving.Expect(plan, version);
        if (plan.Rename(title, Now()) is { } bad) return Outcome<SavedPlan>.Invalid(new Dictionary<string, string> { ["title"] = bad });
        return await saving.SaveAsync(plan, What, () => plan, ct);
    }

    /// <summary>据此发起备案 from the plan as saved; refused while a product of it is taken down (the draft would name what cannot be
    /// bought), and as <see cref="FilingService.StartFromPlanAsync"/> refuses.</summary>
    public async Task<Outcome<Filing>> FileAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, id, ct) is not { } plan) return Outcome<Filing>.NotFound();
        if (filings.RulesOf(actor) is null) return Outcome<Filing>.NotFound();
        if (FilingPolicy.Start(actor, plan.EnterpriseId) is { } why) return Outcome<Filing>.Forbidden(why);
        var changes = await ChangesAsync(plan, ct);
        var gone = plan.Lines.Where(l => changes.GetValueOrDefault(l.ProductId)?.TakenDown == true).Select(l => l.Name).ToList();
        if (gone.Count > 0)
            return Outcome<Filing>.Conflict($"方案中的产品已下架：{string.Join("、", gone)}。请重新计算方案、另选产品后再据此发起备案");
        return await filings.StartFromPlanAsync(actor, plan.EnterpriseId, PricedPlanFiling.Answers(plan), ct);
    }

    /// <summary>The saved plans the actor reads: the query form of <see cref="NeedPolicy.ReadsPlan"/>.</summary>
    /// <summary>Who reads the plans of every file in its scope (a provider reads only those it made or was shared).</summary>
    private static bool ReadsPlansOfFilesInScope(Role r) => r is Role.Enterprise or Role.CityBureau or Role.DistrictBureau or Role.ThinkTank;

    /// <summary>Where the actor finds the plans it reads, with the link's words; null for a role that reads none.</summary>
    public static (string Href, string Label)? PlansLink(Actor a) => a switch
    {
        { Role: Role.Enterprise, EnterpriseId: { } own } => ($"/enterprises/{own}/plans", "本企业保存的采购方案"),
        { Role: Role.ServiceProvider } => ("/plans?shared=mine", "企业分享的采购方案"),
        _ when ReadsPlansOfFilesInScope(a.Role) => ("/plans", "企业保存的采购方案"),
        _ => null,
    };

    private IQueryable<SavedPlan> Readable(Actor a)
    {
        var q = db.SavedPlans.Where(p => p.ProgrammeId == a.ProgrammeId);
        var files = enterprises.InScope(a).Select(e => e.Id);
        return a.Role switch
        {
            var r when ReadsPlansOfFilesInScope(r) => q.Where(p => files.Contains(p.EnterpriseId)),
            Role.ServiceProvider when a.OrganisationId is { } org => q.Where(p => p.CreatedByOrganisationId == org
                || db.SavedPlanShares.Any(s => s.PlanId == p.Id && s.ProviderId == org && s.WithdrawnAt == null)),
            _ => q.Where(p => false),
        };
    }

    private async Task<SavedPlan?> ReadableAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var plan = await db.SavedPlans.FirstOrDefaultAsync(p => p.Id == id && p.ProgrammeId == actor.ProgrammeId, ct);
        if (plan is null) return null;
        var inScope = actor.Role != Role.ServiceProvider && await enterprises.InScope(actor).AnyAsync(e => e.Id == plan.EnterpriseId, ct);
        var sharedOrSaved = actor.Role == Role.ServiceProvider && actor.OrganisationId is { } org && (plan.CreatedByOrganisationId == org
            || await db.SavedPlanShares.AnyAsync(s => s.PlanId == id && s.ProviderId == org && s.WithdrawnAt == null, ct));
        return NeedPolicy.ReadsPlan(actor, inScope, sharedOrSaved) ? plan : null;
    }

    private async Task<SavedPlanView> ViewOf(Actor actor, SavedPlan plan, CancellationToken ct)
    {
        var enterpriseName = await db.Enterprises.Where(e => e.Id == plan.EnterpriseId).Select(e => e.Name).SingleAsync(ct);
        var changes = await ChangesAsync(plan, ct);
        var shares = await db.SavedPlanShares.AsNoTracking().Where(s => s.PlanId == plan.Id).OrderBy(s => s.SharedAt)
            .Select(s => new PlanShareRow(s.ProviderId, s.ProviderName, s.SharedByName, s.SharedAt, s.OpenedAt, s.WithdrawnAt, s.WithdrawnByName)).ToListAsync(ct);
        var mayShare = NeedPolicy.SharePlan(actor, plan.EnterpriseId) is null;
        var candidates = mayShare ? await CandidatesAsync(plan, ct) : [];
        var still = plan.Lines.Where(l => changes.GetValueOrDefault(l.ProductId)?.TakenDown != true).Select(l => l.ProductId);
        var recompute = await assessments.GetAsync(actor, plan.AssessmentId, ct) is null ? null
            : $"/assessments/{plan.AssessmentId}/plan?target={plan.TargetLevel}" + string.Concat(still.Select(p => $"&pin={p}"));
        var mayFile = filings.RulesOf(actor) is not null && FilingPolicy.Start(actor, plan.EnterpriseId) is null;
        return new SavedPlanView(plan, enterpriseName, changes, shares, candidates, mayShare, mayFile, recompute);
    }

    /// <summary>Each product compared with the catalogue as everyone sees it now (<see cref="ShownProducts"/>).</summary>
    private async Task<Dictionary<Guid, PlanLineChange>> ChangesAsync(SavedPlan plan, CancellationToken ct)
    {
        var ids = plan.Lines.Select(l => l.ProductId).ToList();
        var shown = await ShownProducts.In(db, plan.ProgrammeId).AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var changes = new Dictionary<Guid, PlanLineChange>();
        foreach (var line in plan.Lines)
        {
            if (!shown.TryGetValue(line.ProductId, out var now)) changes[line.ProductId] = new PlanLineChange(true, null);
            else if (now.PriceLowWan != line.PriceLowWan || now.PriceHighWan != line.PriceHighWan || now.TaxIncluded != line.TaxIncluded)
                changes[line.ProductId] = new PlanLineChange(false, now.PriceText);
        }
        return changes;
    }

    /// <summary>The providers the plan may be shared with: its products' providers, then those assigned to serve the enterprise.</summary>
    private async Task<List<PlanShareCandidate>> CandidatesAsync(SavedPlan plan, CancellationToken ct)
    {
        var inPlan = plan.ProviderIds;
        var serving = await db.Assignments.Where(a => a.EnterpriseId == plan.EnterpriseId && a.Kind == OrganisationKind.ServiceProvider)
            .Select(a => a.OrganisationId).ToListAsync(ct);
        var all = inPlan.Concat(serving).Distinct().ToList();
        var names = await db.Organisations.Where(o => all.Contains(o.Id) && o.Kind == OrganisationKind.ServiceProvider).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return all.Where(names.ContainsKey).Select(id => new PlanShareCandidate(id, names[id],
            inPlan.Contains(id) && serving.Contains(id) ? "方案中的服务商，为本企业服务" : inPlan.Contains(id) ? "方案中的服务商" : "为本企业服务")).ToList();
    }

    private async Task<Page<SavedPlanRow>> PageOf(IQueryable<SavedPlan> q, int page, CancellationToken ct)
    {
        var total = await q.CountAsync(ct);
        var number = Paging.Clamp(page, total, PageSize);
        var rows = await q.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip((number - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id, p.Title, p.EnterpriseId, Enterprise = db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? "", p.TargetLevel,
                p.TotalLowWan, p.TotalHighWan, p.OwnShareLowWan, p.OwnShareHighWan, p.Complete, p.CreatedByName, p.CreatedAt,
            }).AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var shared = (await db.SavedPlanShares.Where(s => ids.Contains(s.PlanId) && s.WithdrawnAt == null).OrderBy(s => s.SharedAt)
            .Select(s => new { s.PlanId, s.ProviderName }).ToListAsync(ct)).ToLookup(s => s.PlanId, s => s.ProviderName);
        return new Page<SavedPlanRow>(rows.Select(r => new SavedPlanRow(r.Id, r.Title, r.EnterpriseId, r.Enterprise, r.TargetLevel, r.TotalLowWan, r.TotalHighWan,
            r.OwnShareLowWan, r.OwnShareHighWan, r.Complete, r.CreatedByName, r.CreatedAt, shared[r.Id].ToList())).ToList(), total, number, PageSize);
    }

    private async Task<bool> ServesAsync(Actor actor, Guid enterpriseId, CancellationToken ct) =>
        actor.Role == Role.ServiceProvider && actor.OrganisationId is { } org
        && await db.Assignments.AnyAsync(a => a.OrganisationId == org && a.EnterpriseId == enterpriseId, ct);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
