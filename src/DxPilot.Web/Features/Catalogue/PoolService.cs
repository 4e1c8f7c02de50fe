using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>One row of the pool's list.</summary>
public sealed record PoolRow(Guid Id, Guid OrganisationId, string OrganisationName, string Uscc, PoolStatus Status, string ContactName,
    DateTime? AppliedAt, DateTime? DecidedAt, int ShownProducts);

/// <summary>A membership as its page shows it: the application, the chain's history, and what the viewer may do with it now.</summary>
public sealed record PoolView(PoolMember Member, IReadOnlyList<StateTransition> History, bool Decides)
{
    public IReadOnlyList<Transition<PoolStatus, PoolTrigger, PoolMember>> Open(Actor viewer) =>
        Decides ? PoolWorkflow.Chain.Open(Member.Status, viewer).Where(t => t.Trigger != PoolTrigger.Reapply).ToList() : [];
}

/// <summary>The pool list's filter: a status and a search by name or USCC.</summary>
public sealed record PoolFilter(PoolStatus? Status, string? Search)
{
    public const int MaxSearch = 50;

    public static PoolFilter From(string? status, string? search) =>
        new(WorkflowNames.Parse<PoolStatus>(status ?? ""), QueryValue.Search(search, MaxSearch));

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        if (Status is { } st) parts.Add($"status={WorkflowNames.Of(st)}");
        if (Search is { } s) parts.Add($"search={Uri.EscapeDataString(s)}");
        if (page is { } p) parts.Add($"page={p}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>
/// 服务商资源池: a provider's application (its first, its edits, its new application after a refusal or removal), the city's
/// decisions through <see cref="PoolWorkflow"/>, and the pool as the bureaus and the think tank read it. Who may do what is
/// <see cref="ProductPolicy"/>'s; every decision is a StateTransition and every field edit an audit entry.
/// </summary>
public sealed class PoolService(DxPilotDbContext db, Saving saving, TimeProvider clock)
{
    public const int PageSize = 50;
    /// <summary>Below the products' 1000: a removal's reason is also written, after a short prefix, on each product it takes down.</summary>
    public const int MaxReasonCharacters = 500;
    private const string What = "入池申请";

    /// <summary>The provider's own membership of its programme, if it ever applied.</summary>
    public Task<PoolMember?> MembershipAsync(Actor actor, CancellationToken ct = default) =>
        actor.OrganisationId is { } org
            ? db.PoolMembers.AsNoTracking().FirstOrDefaultAsync(m => m.ProgrammeId == actor.ProgrammeId && m.OrganisationId == org, ct)
            : Task.FromResult<PoolMember?>(null);

    /// <summary>The application form as the provider finds it: its last application, or its organisation's name and USCC.</summary>
    public async Task<Outcome<(PoolApplicationForm Form, PoolMember? Member)>> FormAsync(Actor actor, CancellationToken ct = default)
    {
        if (ProductPolicy.Apply(actor) is { } refused) return Outcome<(PoolApplicationForm, PoolMember?)>.Forbidden(refused);
        if (await MembershipAsync(actor, ct) is { } m)
            return Outcome<(PoolApplicationForm, PoolMember?)>.Ok((new PoolApplicationForm(m.OrganisationName, m.Uscc, m.Address, m.LegalRepresentative,
                m.Qualifications, m.Cases, m.ContactName, m.ContactPhone, m.ContactEmail), m));
        var org = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == actor.OrganisationId, ct);
        return Outcome<(PoolApplicationForm, PoolMember?)>.Ok((new PoolApplicationForm(org.Name, org.Uscc, null, null, null, null, null, null, null), null));
    }

    /// <summary>
    /// 申请入池 or 修改申请: the first application makes the membership; later ones change its details from the version read, and
    /// after a refusal or a removal apply again (重新申请) in the same save.
    /// </summary>
    public async Task<Outcome<PoolMember>> ApplyAsync(Actor actor, PoolApplicationForm form, int? version, CancellationToken ct = default)
    {
        if (ProductPolicy.Apply(actor) is { } refused) return Outcome<PoolMember>.Forbidden(refused);
        var member = await db.PoolMembers.FirstOrDefaultAsync(m => m.ProgrammeId == actor.ProgrammeId && m.OrganisationId == actor.OrganisationId, ct);
        if (member is null)
        {
            var (created, errors) = PoolMember.Apply(actor, actor.OrganisationId!.Value, form, Now());
            if (created is null) return Outcome<PoolMember>.Invalid(errors);
            db.PoolMembers.Add(created);
            // Two tabs applying at once: the unique (programme, organisation) index keeps one; the other is told to reload.
            return await saving.SaveAsync(created, What, () => created, ct,
                () => Task.FromResult(Outcome<PoolMember>.Conflict("入池申请已由本单位另一位用户提交，请刷新页面查看。")));
        }
        if (version is { } read && read != member.Version)
            return Outcome<PoolMember>.Conflict(await saving.StaleMessageAsync(Domain.Auditing.AuditKey.Of<PoolMember>(member.Id), What, ct));
        var stored = member.Version;
        var problems = member.Edit(form, Now());
        if (problems.Count > 0) return Outcome<PoolMember>.Invalid(problems);
        if (member.Status is PoolStatus.Refused or PoolStatus.Removed)
        {
            var again = member.Apply(PoolTrigger.Reapply, actor, null, Now());
            if (again.Refusal is { } r) return Outcome<PoolMember>.Refused(r);
            db.StateTransitions.Add(again.Record!);
        }
        saving.Expect(member, stored);
        return await saving.SaveAsync(member, What, () => member, ct);
    }

    public async Task<Outcome<Page<PoolRow>>> ListAsync(Actor actor, PoolFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (!ProductPolicy.ReadsPool(actor)) return Outcome<Page<PoolRow>>.Forbidden("只有工信主管部门和第三方智库可以查看服务商资源池");
        var q = db.PoolMembers.AsNoTracking().Where(m => m.ProgrammeId == actor.ProgrammeId);
        if (filter.Status is { } st) q = q.Where(m => m.Status == st);
        if (filter.Search is { } s)
        {
            var uscc = Domain.Enterprises.Uscc.Normalise(s);
            q = q.Where(m => m.OrganisationName.Contains(s) || m.Uscc == uscc);
        }
        var total = await q.CountAsync(ct);
        pageNumber = Paging.Clamp(pageNumber, total, PageSize);
        var shown = ShownProducts.In(db, actor.ProgrammeId);
        // Waiting applications first (oldest first), then the rest by name.
        var rows = await q.OrderBy(m => m.Status == PoolStatus.Applied ? 0 : 1).ThenBy(m => m.Status == PoolStatus.Applied ? m.AppliedAt : null)
            .ThenBy(m => m.OrganisationName).ThenBy(m => m.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new PoolRow(m.Id, m.OrganisationId, m.OrganisationName, m.Uscc, m.Status, m.ContactName, m.AppliedAt, m.DecidedAt,
                shown.Count(p => p.ProviderId == m.OrganisationId)))
            .ToListAsync(ct);
        return Outcome<Page<PoolRow>>.Ok(new Page<PoolRow>(rows, total, pageNumber, PageSize));
    }

    /// <summary>One membership: the bureaus and the think tank read any of their programme, a provider its own; nobody else learns it exists.</summary>
    public async Task<Outcome<PoolView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var member = await db.PoolMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.ProgrammeId == actor.ProgrammeId, ct);
        if (member is null || !(ProductPolicy.ReadsPool(actor) || actor.Role == Role.ServiceProvider && actor.OrganisationId == member.OrganisationId))
            return Outcome<PoolView>.NotFound();
        var key = id.ToString();
        var history = await db.StateTransitions.AsNoTracking().Where(t => t.EntityType == nameof(PoolMember) && t.EntityId == key)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        return Outcome<PoolView>.Ok(new PoolView(member, history, actor.Role == Role.CityBureau));
    }

    /// <summary>The city's 同意入池, 不予入池, 暂停, 恢复, 移出 (and the provider's 重新申请), from the version read.</summary>
    public async Task<Outcome<PoolMember>> TransitionAsync(Actor actor, Guid id, PoolTrigger trigger, string? reason, int? version, CancellationToken ct = default)
    {
        if (CatalogueText.Problem(reason, "理由", MaxReasonCharacters, required: false) is { } badReason)
            return Outcome<PoolMember>.Invalid(new Dictionary<string, string> { ["reason"] = badReason });
        var member = await db.PoolMembers.FirstOrDefaultAsync(m => m.Id == id && m.ProgrammeId == actor.ProgrammeId, ct);
        var own = actor.Role == Role.ServiceProvider && actor.OrganisationId == member?.OrganisationId;
        if (member is null || !(ProductPolicy.ReadsPool(actor) || own)) return Outcome<PoolMember>.NotFound();
        if (version is { } read && read != member.Version)
            return Outcome<PoolMember>.Conflict(await saving.StaleMessageAsync(Domain.Auditing.AuditKey.Of<PoolMember>(member.Id), What, ct));
        var result = member.Apply(trigger, actor, reason, Now());
        if (result.Refusal is { } refused) return Outcome<PoolMember>.Refused(refused);
        saving.Expect(member, version ?? member.Version - 1);
        db.StateTransitions.Add(result.Record!);
        if (trigger == PoolTrigger.Remove) await TakeDownAllAsync(actor, member, reason!, ct);
        if (trigger == PoolTrigger.Admit) await RegisterUsccAsync(member, ct);
        return await saving.SaveAsync(member, What, () => member, ct);
    }

    /// <summary>
    /// An admitted provider whose 机构名录 entry has no 统一社会信用代码 takes the one its application stated (checked there):
    /// the documents that name the provider (the diagnosis agreement's 乙方) read the registry. A code the registry already
    /// gives this or another organisation is left as it is; the city corrects the registry on its own page.
    /// </summary>
    private async Task RegisterUsccAsync(PoolMember member, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstAsync(o => o.Id == member.OrganisationId, ct);
        if (organisation.Uscc is not null) return;
        if (await db.Organisations.AnyAsync(o => o.ProgrammeId == member.ProgrammeId && o.Uscc == member.Uscc, ct)) return;
        organisation.Uscc = member.Uscc;
    }

    /// <summary>
    /// 移出 is for good: the provider's approved products are taken down and those waiting for review returned, each with the
    /// removal's reason and its own record, in the same save, so that admitting it again later shows nothing unreviewed.
    /// (A suspension only hides them: reinstated, they are shown again as they were.)
    /// </summary>
    private async Task TakeDownAllAsync(Actor city, PoolMember member, string reason, CancellationToken ct)
    {
        var live = await db.CatalogueProducts.Where(p => p.ProgrammeId == member.ProgrammeId && p.ProviderId == member.OrganisationId
            && (p.Status == ProductStatus.Approved || p.Status == ProductStatus.UnderReview)).ToListAsync(ct);
        var why = $"服务商已移出资源池：{reason.Trim()}";
        foreach (var product in live)
        {
            var trigger = product.Status == ProductStatus.Approved ? ProductTrigger.TakeDown : ProductTrigger.Return;
            var taken = product.Apply(trigger, city, why, new ProductCase(product, false, []), Now());
            db.StateTransitions.Add(taken.OrThrow());
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
