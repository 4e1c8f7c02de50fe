using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>What an enterprise proposes for the fields a bureau vouches for, with its reason.</summary>
public sealed class BureauFieldChangeInput
{
    public string? Name { get; set; }
    public string? Uscc { get; set; }
    public string? QualityTier { get; set; }
    public string? AboveScale { get; set; }
    public string? Industry { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A pending proposal as a bureau's list shows it.</summary>
/// <summary>A proposal waiting for a bureau, with what it would change (<see cref="BureauFieldChange.Against"/>).</summary>
public sealed record PendingBureauFieldChange(Guid Id, Guid EnterpriseId, string EnterpriseName, string District, string ProposedName,
    IReadOnlyList<ProposedFieldChange> Changes, DateTime ProposedAt);

/// <summary>
/// 企业信息变更: the enterprise proposes, a bureau in scope confirms (the file changes) or returns it. Pages and the API both
/// come here; scope is <see cref="EnterprisePolicy"/>, the steps are <see cref="BureauFieldChangeWorkflow"/>, and each step is
/// audited by the interceptor (the proposal, the file's fields, and the transition record).
/// </summary>
public sealed class BureauFieldChangeService(DxPilotDbContext db, EnterpriseService enterprises, ProgrammeCatalog programmes, Saving saving,
    TimeProvider clock)
{
    public const int MaxReasonCharacters = 500;

    public async Task<Outcome<BureauFieldChange>> ProposeAsync(Actor actor, Guid enterpriseId, BureauFieldChangeInput input, CancellationToken ct = default)
    {
        var enterprise = await enterprises.GetAsync(actor, enterpriseId, ct);
        if (enterprise is null) return Outcome<BureauFieldChange>.NotFound();
        if (EnterprisePolicy.ProposeBureauFields(actor, enterprise) is { } refused) return Outcome<BureauFieldChange>.Forbidden(refused);
        if (await PendingFor(enterpriseId).AnyAsync(ct))
            return Outcome<BureauFieldChange>.Conflict("已有一份变更申请在等待主管部门确认，请待其确认或退回后再申请");

        var form = enterprise.ToForm();
        form.Name = input.Name; form.Uscc = input.Uscc; form.QualityTier = input.QualityTier; form.AboveScale = input.AboveScale; form.Industry = input.Industry;
        var result = EnterpriseValidator.Validate(form, programmes.Get(actor.ProgrammeId), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var errors = result.IsValid ? new Dictionary<string, string>() : new Dictionary<string, string>(result.Errors);
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors[nameof(input.Reason)] = "请填写变更理由，如：已办理工商变更登记";
        else if (reason.Length > MaxReasonCharacters) errors[nameof(input.Reason)] = $"变更理由不超过{MaxReasonCharacters}字";
        if (errors.Count > 0) return Outcome<BureauFieldChange>.Invalid(errors);
        var details = result.Details!;
        if (BureauFieldChange.ChangesNothing(enterprise, details))
            return Outcome<BureauFieldChange>.Invalid(new Dictionary<string, string> { [nameof(input.Name)] = "申请的内容与现有档案相同，无需变更" });
        // The same neutral message as registration: it names no other enterprise.
        if (details.Uscc is not null && details.Uscc != enterprise.Uscc && await UsccTaken(enterprise, details.Uscc, ct))
            return Outcome<BureauFieldChange>.Invalid(new Dictionary<string, string> { [nameof(input.Uscc)] = "该统一社会信用代码已在本试点登记" });

        var change = BureauFieldChange.Propose(enterprise, details, reason!, actor, Now());
        db.BureauFieldChanges.Add(change);
        return await saving.SaveAsync(change, "该变更申请", () => change, ct);
    }

    /// <summary>确认 or 退回, by a bureau whose scope holds the enterprise; <paramref name="version"/> is the proposal's as read.</summary>
    public async Task<Outcome<BureauFieldChange>> DecideAsync(Actor actor, Guid changeId, BureauFieldChangeTrigger trigger, string? reason, int? version,
        CancellationToken ct = default)
    {
        var change = await db.BureauFieldChanges.FirstOrDefaultAsync(c => c.Id == changeId && c.ProgrammeId == actor.ProgrammeId, ct);
        var enterprise = change is null ? null : await enterprises.GetAsync(actor, change.EnterpriseId, ct);
        if (change is null || enterprise is null) return Outcome<BureauFieldChange>.NotFound();
        if (EnterprisePolicy.DecideBureauFields(actor, enterprise) is { } refused) return Outcome<BureauFieldChange>.Forbidden(refused);
        if (reason?.Trim().Length > MaxReasonCharacters)
            return Outcome<BureauFieldChange>.Invalid(new Dictionary<string, string> { ["reason"] = $"理由不超过{MaxReasonCharacters}字" });
        if (trigger == BureauFieldChangeTrigger.Confirm && change.Uscc is not null && change.Uscc != enterprise.Uscc && await UsccTaken(enterprise, change.Uscc, ct))
            return Outcome<BureauFieldChange>.Conflict("申请的统一社会信用代码已在本试点登记，不能确认；请退回并说明");

        var (changeRead, enterpriseRead) = (change.Version, enterprise.Version);
        var result = change.Decide(trigger, enterprise, actor, reason, Now());
        if (result.Refusal is { } no)
            return Outcome<BureauFieldChange>.Refused(no);
        saving.Expect(change, version ?? changeRead);
        if (enterprise.Version != enterpriseRead) saving.Expect(enterprise, enterpriseRead);
        db.StateTransitions.Add(result.Record!);
        return await saving.SaveAsync(change, "该变更申请", () => change, ct,
            onDuplicate: () => Task.FromResult(Outcome<BureauFieldChange>.Conflict("申请的统一社会信用代码刚刚已被登记，不能确认；请退回并说明")));
    }

    /// <summary>The enterprise's proposal waiting for a bureau, if any.</summary>
    public async Task<BureauFieldChange?> PendingAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default) =>
        await enterprises.GetAsync(actor, enterpriseId, ct) is null ? null : await PendingFor(enterpriseId).FirstOrDefaultAsync(ct);

    /// <summary>The enterprise's newest proposal, waiting or decided (for its file's page: the one waiting, or when the last was made).</summary>
    public async Task<BureauFieldChange?> LatestAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default) =>
        await enterprises.GetAsync(actor, enterpriseId, ct) is null ? null
            : await db.BureauFieldChanges.AsNoTracking().Where(c => c.EnterpriseId == enterpriseId)
                .OrderByDescending(c => c.ProposedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Pending proposals the actor may decide, oldest first (a bureau's list).</summary>
    public async Task<Page<PendingBureauFieldChange>> PendingListAsync(Actor actor, int page, CancellationToken ct = default)
    {
        const int pageSize = 20;
        var q = Decidable(actor);
        var total = await q.CountAsync(ct);
        page = Paging.Clamp(page, total, pageSize);
        var read = await q.AsNoTracking().OrderBy(x => x.Change.ProposedAt).ThenBy(x => x.Change.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        var items = read.Select(x => new PendingBureauFieldChange(x.Change.Id, x.Enterprise.Id, x.Enterprise.Name, x.Enterprise.District, x.Change.Name,
            [.. x.Change.Against(x.Enterprise)], x.Change.ProposedAt)).ToList();
        return new Page<PendingBureauFieldChange>(items, total, page, pageSize);
    }

    /// <summary>For a home page's to-do list: how many proposals wait for this actor, and since when the oldest has.</summary>
    public async Task<(int Count, DateTime? OldestProposedAt)> PendingSummaryAsync(Actor actor, CancellationToken ct = default)
    {
        var q = Decidable(actor);
        return (await q.CountAsync(ct), await q.MinAsync(x => (DateTime?)x.Change.ProposedAt, ct));
    }

    private IQueryable<Pending> Decidable(Actor actor)
    {
        // Only bureaus decide; an enterprise's scope holds its own file, but not the right to confirm its own proposal.
        var bureau = actor.IsBureau;
        return from c in db.BureauFieldChanges
               join e in enterprises.InScope(actor) on c.EnterpriseId equals e.Id
               where bureau && c.Status == BureauFieldChangeStatus.Pending
               select new Pending { Change = c, Enterprise = e };
    }

    private IQueryable<BureauFieldChange> PendingFor(Guid enterpriseId) =>
        db.BureauFieldChanges.Where(c => c.EnterpriseId == enterpriseId && c.Status == BureauFieldChangeStatus.Pending);

    private Task<bool> UsccTaken(Enterprise e, string uscc, CancellationToken ct) =>
        db.Enterprises.AnyAsync(x => x.ProgrammeId == e.ProgrammeId && x.Uscc == uscc && x.Id != e.Id, ct);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private sealed class Pending
    {
        public BureauFieldChange Change { get; init; } = default!;
        public Enterprise Enterprise { get; init; } = default!;
    }
}
