using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>A product in a list, with its provider's name.</summary>
public sealed record ProductRow(CatalogueProduct Product, string ProviderName);

/// <summary>A product as its page shows it: its provider, whether that provider is in the pool now, its scenarios with their
/// names and MIIT mapping, the review history, and whether the viewer may change it.</summary>
public sealed record ProductView(CatalogueProduct Product, string ProviderName, bool ProviderAdmitted, IReadOnlyList<CatalogueScenario> Scenarios,
    IReadOnlyList<StateTransition> History, bool MayEdit)
{
    /// <summary>The buttons: the provider's on its own product, the city's on any.</summary>
    public IReadOnlyList<Transition<ProductStatus, ProductTrigger, ProductCase>> Open(Actor viewer) =>
        viewer.Role == Role.ServiceProvider && !MayEdit ? [] : ProductWorkflow.Chain.Open(Product.Status, viewer);
}

/// <summary>
/// 产品及解决方案: an admitted provider writes, submits, withdraws and revises its products; the city reviews (approves, returns,
/// takes down); everyone of the programme reads the shown ones (<see cref="ShownProducts"/>), the provider its own and the bureaus
/// and think tank all. Scope is <see cref="ProductPolicy"/>'s; a product outside it is not found.
/// </summary>
public sealed class ProductService(DxPilotDbContext db, Saving saving, ScenarioTreeSeeding tree, ProgrammeCatalog programmes, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int MaxReasonCharacters = 1000;
    private const string What = "产品";

    /// <summary>The programme's tree (seeded on first use) as it reads, each scenario followed by its children (siblings in their
    /// order), retired nodes included (a product may still name one).</summary>
    public async Task<IReadOnlyList<CatalogueScenario>> TreeAsync(string programmeId, CancellationToken ct = default)
    {
        await tree.EnsureAsync(programmeId, ct);
        var nodes = await db.CatalogueScenarios.AsNoTracking().Where(s => s.ProgrammeId == programmeId).ToListAsync(ct);
        var children = nodes.OrderBy(s => s.SortOrder).ThenBy(s => TreeService.Ordinal(s.Code)).ToLookup(s => s.ParentCode ?? "");
        var ordered = new List<CatalogueScenario>(nodes.Count);
        void Walk(string parent)
        {
            foreach (var s in children[parent]) { ordered.Add(s); Walk(s.Code); }
        }
        Walk("");
        return ordered;
    }

    /// <summary>What a product is checked against: the level-3 scenarios in use and retired, the pilot industries, the spend categories.</summary>
    public async Task<ProductContext> ContextAsync(string programmeId, CancellationToken ct = default)
    {
        var level3 = (await TreeAsync(programmeId, ct)).Where(s => s.Level == 3).ToList();
        var programme = programmes.Get(programmeId);
        return new ProductContext(level3.Where(s => !s.IsRetired).Select(s => s.Code).ToHashSet(), level3.Where(s => s.IsRetired).Select(s => s.Code).ToHashSet(),
            programme.Industries.Select(i => i.Key).ToHashSet(), programme.Money.SpendCategories.Select(c => c.Key).ToHashSet());
    }

    public async Task<Outcome<CatalogueProduct>> CreateAsync(Actor actor, ProductForm form, CancellationToken ct = default)
    {
        var membership = await MembershipAsync(actor, ct);
        if (ProductPolicy.Create(actor, membership) is { } refused) return Outcome<CatalogueProduct>.Forbidden(refused);
        var (product, errors) = CatalogueProduct.Create(actor.ProgrammeId, actor.OrganisationId!.Value, form, await ContextAsync(actor.ProgrammeId, ct), Now());
        if (product is null) return Outcome<CatalogueProduct>.Invalid(errors);
        db.CatalogueProducts.Add(product);
        return await saving.SaveAsync(product, What, () => product, ct, () => NameTaken(product.Name));
    }

    /// <summary>A provider's product names are unique in a programme (a unique index, so two requests at once cannot both add one).</summary>
    private static Task<Outcome<CatalogueProduct>> NameTaken(string name) =>
        Task.FromResult(Outcome<CatalogueProduct>.Invalid(new Dictionary<string, string> { ["name"] = $"本单位已有名为“{name}”的产品，请换一个名称或修改已有的产品" }));

    /// <summary>The provider's change to its own product, from the version read: another's product is refused (403) once it is readable
    /// at all, and not found before.</summary>
    /// <summary>When the provider last added a product: the new-product form's copy is let go once older than that (FormCopies).</summary>
    public async Task<DateTime?> LastAddedAtAsync(Actor actor, CancellationToken ct = default) =>
        actor.OrganisationId is { } org
            ? await db.CatalogueProducts.AsNoTracking().Where(p => p.ProgrammeId == actor.ProgrammeId && p.ProviderId == org).MaxAsync(p => (DateTime?)p.CreatedAt, ct)
            : null;

    public async Task<Outcome<CatalogueProduct>> EditAsync(Actor actor, Guid id, ProductForm form, int? version, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, id, tracked: true, ct) is not { } product) return Outcome<CatalogueProduct>.NotFound();
        if (ProductPolicy.Edit(actor, product) is { } refused) return Outcome<CatalogueProduct>.Forbidden(refused);
        if (version is { } read && read != product.Version)
            return Outcome<CatalogueProduct>.Conflict(await saving.StaleMessageAsync(Domain.Auditing.AuditKey.Of<CatalogueProduct>(product.Id), What, ct));
        var errors = product.Edit(form, await ContextAsync(product.ProgrammeId, ct), Now());
        if (errors.Count > 0) return Outcome<CatalogueProduct>.Invalid(errors);
        saving.Expect(product, version ?? product.Version - 1);
        return await saving.SaveAsync(product, What, () => product, ct, () => NameTaken(product.Name));
    }

    public async Task<Outcome<ProductView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, id, tracked: false, ct) is not { } product) return Outcome<ProductView>.NotFound();
        var provider = await db.Organisations.AsNoTracking().Where(o => o.Id == product.ProviderId).Select(o => o.Name).FirstAsync(ct);
        var codes = product.ScenarioCodes;
        var scenarios = (await TreeAsync(product.ProgrammeId, ct)).Where(s => codes.Contains(s.Code)).OrderBy(s => codes.ToList().IndexOf(s.Code)).ToList();
        var key = id.ToString();
        var history = await db.StateTransitions.AsNoTracking().Where(t => t.EntityType == nameof(CatalogueProduct) && t.EntityId == key)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        return Outcome<ProductView>.Ok(new ProductView(product, provider, await AdmittedAsync(product, ct), scenarios, history,
            ProductPolicy.Edit(actor, product) is null));
    }

    /// <summary>提交审核, 审核通过, 退回修改, 下架, 责令下架 from the version read. A provider acts on its own products only.</summary>
    public async Task<Outcome<CatalogueProduct>> TransitionAsync(Actor actor, Guid id, ProductTrigger trigger, string? reason, int? version,
        CancellationToken ct = default)
    {
        if (CatalogueText.Problem(reason, "理由", MaxReasonCharacters, required: false) is { } badReason)
            return Outcome<CatalogueProduct>.Invalid(new Dictionary<string, string> { ["reason"] = badReason });
        if (await ReadableAsync(actor, id, tracked: true, ct) is not { } product) return Outcome<CatalogueProduct>.NotFound();
        if (actor.Role == Role.ServiceProvider && ProductPolicy.Edit(actor, product) is { } notOwn) return Outcome<CatalogueProduct>.Forbidden(notOwn);
        if (version is { } read && read != product.Version)
            return Outcome<CatalogueProduct>.Conflict(await saving.StaleMessageAsync(Domain.Auditing.AuditKey.Of<CatalogueProduct>(product.Id), What, ct));
        var subject = new ProductCase(product, await AdmittedAsync(product, ct), await ProblemsAsync(product, ct));
        var result = product.Apply(trigger, actor, reason, subject, Now());
        if (result.Refusal is { } refused) return Outcome<CatalogueProduct>.Refused(refused);
        saving.Expect(product, version ?? product.Version - 1);
        db.StateTransitions.Add(result.Record!);
        return await saving.SaveAsync(product, What, () => product, ct);
    }

    /// <summary>The catalogue as shown, filtered, by name.</summary>
    public async Task<Page<ProductRow>> ShownAsync(Actor actor, ProductFilter filter, int pageNumber, CancellationToken ct = default)
    {
        await tree.EnsureAsync(actor.ProgrammeId, ct);
        return await PageAsync(filter.Apply(ShownProducts.In(db, actor.ProgrammeId), db.Organisations), pageNumber, ct);
    }

    /// <summary>A provider's own products in every status (its drafts too), the status filter applied.</summary>
    public async Task<Outcome<Page<ProductRow>>> MineAsync(Actor actor, ProductFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (actor is not { Role: Role.ServiceProvider, OrganisationId: { } org }) return Outcome<Page<ProductRow>>.Forbidden("只有服务商有本单位的产品列表");
        var q = db.CatalogueProducts.Where(p => p.ProgrammeId == actor.ProgrammeId && p.ProviderId == org);
        if (filter.Status is { } st) q = q.Where(p => p.Status == st);
        return Outcome<Page<ProductRow>>.Ok(await PageAsync(filter.Apply(q, db.Organisations), pageNumber, ct));
    }

    /// <summary>The review list of the bureaus and think tank: every product but the providers' drafts, the status filter applied
    /// (the queue is 待审核).</summary>
    public async Task<Outcome<Page<ProductRow>>> ReviewListAsync(Actor actor, ProductFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (!ProductPolicy.ReadsPool(actor)) return Outcome<Page<ProductRow>>.Forbidden("只有工信主管部门和第三方智库可以查看产品审核");
        var q = db.CatalogueProducts.Where(p => p.ProgrammeId == actor.ProgrammeId && p.Status != ProductStatus.Draft);
        if (filter.Status is { } st) q = q.Where(p => p.Status == st);
        return Outcome<Page<ProductRow>>.Ok(await PageAsync(filter.Apply(q, db.Organisations), pageNumber, ct));
    }

    private async Task<Page<ProductRow>> PageAsync(IQueryable<CatalogueProduct> q, int pageNumber, CancellationToken ct)
    {
        var total = await q.CountAsync(ct);
        pageNumber = Paging.Clamp(pageNumber, total, PageSize);
        var rows = await (from p in q.AsNoTracking()
                          join o in db.Organisations on p.ProviderId equals o.Id
                          orderby p.Name, p.Id
                          select new { p, o.Name }).Skip((pageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page<ProductRow>(rows.Select(r => new ProductRow(r.p, r.Name)).ToList(), total, pageNumber, PageSize);
    }

    private Task<PoolMember?> MembershipAsync(Actor actor, CancellationToken ct) =>
        actor.OrganisationId is { } org
            ? db.PoolMembers.AsNoTracking().FirstOrDefaultAsync(m => m.ProgrammeId == actor.ProgrammeId && m.OrganisationId == org, ct)
            : Task.FromResult<PoolMember?>(null);

    private Task<bool> AdmittedAsync(CatalogueProduct p, CancellationToken ct) =>
        db.PoolMembers.AnyAsync(m => m.ProgrammeId == p.ProgrammeId && m.OrganisationId == p.ProviderId && m.Status == PoolStatus.Admitted, ct);

    /// <summary>The product in the actor's programme if <see cref="ProductPolicy.Reads"/> lets them see it.</summary>
    private async Task<CatalogueProduct?> ReadableAsync(Actor actor, Guid id, bool tracked, CancellationToken ct)
    {
        var q = tracked ? db.CatalogueProducts : db.CatalogueProducts.AsNoTracking();
        var product = await q.FirstOrDefaultAsync(p => p.Id == id && p.ProgrammeId == actor.ProgrammeId, ct);
        return product is not null && ProductPolicy.Reads(actor, product, await AdmittedAsync(product, ct)) ? product : null;
    }

    /// <summary>What would refuse a submission: a scenario retired (or gone) since the product was written.</summary>
    private async Task<IReadOnlyList<string>> ProblemsAsync(CatalogueProduct p, CancellationToken ct)
    {
        var context = await ContextAsync(p.ProgrammeId, ct);
        return p.ScenarioCodes.Where(c => !context.ActiveScenarios.Contains(c))
            .Select(c => context.RetiredScenarios.Contains(c) ? $"三级场景“{c}”已停用，请修改后另选" : $"三级场景“{c}”不存在，请修改后另选").ToList();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
