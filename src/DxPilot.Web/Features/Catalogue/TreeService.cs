using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>A programme's tree as everyone reads it: every node in order (retired ones marked), the common needs per level-3 scenario,
/// how many shown products and enterprises' needs each level-3 has, each node's changes after its creation (newest first), and
/// what the city may choose from.</summary>
public sealed record TreeView(IReadOnlyList<CatalogueScenario> Nodes, ILookup<string, CommonNeed> CommonNeeds,
    IReadOnlyDictionary<string, int> Products, IReadOnlyDictionary<string, int> Needs, ILookup<string, AuditEntry> History,
    IReadOnlyList<(string Key, string Name)> Industries, IReadOnlyList<string> MiitScenarios, bool MayEdit)
{
    public IEnumerable<CatalogueScenario> ChildrenOf(string? code) => Nodes.Where(n => n.ParentCode == code).OrderBy(n => n.SortOrder);
    public string IndustryName(string key) => Industries.FirstOrDefault(i => i.Key == key).Name ?? key;
}

/// <summary>The level-3 codes of a programme: in use, and retired (what a product or need form is checked against).</summary>
public sealed record LevelThree(IReadOnlySet<string> Active, IReadOnlySet<string> Retired);

/// <summary>
/// 场景清单: everyone signed in to a programme reads its tree; the city adds level-2/3 scenarios, renames them, edits a level-3's
/// description and MIIT-2024 mapping, retires what nothing refers to, and writes the industries' common needs
/// (<see cref="NeedPolicy.EditTree"/>). The rules are <see cref="CatalogueScenario"/>'s; every change goes through
/// <see cref="Saving"/> from the version the city read, and the audit trail keeps it.
/// </summary>
public sealed class TreeService(DxPilotDbContext db, ScenarioTreeSeeding seeding, ProgrammeCatalog programmes, InstrumentCatalog instruments,
    Saving saving, TimeProvider clock)
{
    private const string What = "该场景";
    private const string CommonWhat = "该行业共性需求";

    public IReadOnlyList<string> MiitScenarios =>
        instruments.Find(ScenarioTreeFile.InstrumentId)?.Scenarios.Select(s => s.Name).ToList() ?? [];

    public async Task<TreeView> TreeAsync(Actor actor, CancellationToken ct = default)
    {
        await seeding.EnsureAsync(actor.ProgrammeId, ct);
        var p = actor.ProgrammeId;
        var nodes = await db.CatalogueScenarios.AsNoTracking().Where(s => s.ProgrammeId == p).ToListAsync(ct);
        nodes = nodes.OrderBy(n => Ordinal(n.Code)).ToList();
        var common = await db.CommonNeeds.AsNoTracking().Where(c => c.ProgrammeId == p).OrderBy(c => c.IndustryKey).ThenBy(c => c.Id).ToListAsync(ct);
        var shown = await ShownProducts.In(db, p).Select(x => x.Scenarios).ToListAsync(ct);
        var products = shown.SelectMany(Bars.Split).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var needs = await db.EnterpriseNeeds.Where(n => n.ProgrammeId == p).GroupBy(n => n.ScenarioCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ids = nodes.ToDictionary(n => n.Id.ToString(), n => n.Code);
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ProgrammeId == p && a.EntityType == nameof(CatalogueScenario) && a.Action == AuditAction.Updated)
            .OrderByDescending(a => a.Sequence).Take(2000).ToListAsync(ct);
        var industries = programmes.Get(p).Industries.Select(i => (i.Key, i.Name)).ToList();
        return new TreeView(nodes, common.ToLookup(c => c.ScenarioCode), products, needs,
            changes.Where(c => ids.ContainsKey(c.EntityId)).ToLookup(c => ids[c.EntityId]), industries, MiitScenarios,
            NeedPolicy.EditTree(actor) is null);
    }

    public async Task<LevelThree> LevelThreeAsync(string programmeId, CancellationToken ct = default)
    {
        await seeding.EnsureAsync(programmeId, ct);
        var codes = await db.CatalogueScenarios.Where(s => s.ProgrammeId == programmeId && s.Level == 3)
            .Select(s => new { s.Code, s.RetiredAt }).ToListAsync(ct);
        return new LevelThree(codes.Where(c => c.RetiredAt == null).Select(c => c.Code).ToHashSet(),
            codes.Where(c => c.RetiredAt != null).Select(c => c.Code).ToHashSet());
    }

    /// <summary>新增: a level-2 under a level-1 or a level-3 under a level-2; <paramref name="code"/> only when an import names it.</summary>
    public async Task<Outcome<CatalogueScenario>> AddAsync(Actor actor, string? parentCode, ScenarioForm form, CancellationToken ct = default,
        string? code = null)
    {
        if (NeedPolicy.EditTree(actor) is { } why) return Outcome<CatalogueScenario>.Forbidden(why);
        await seeding.EnsureAsync(actor.ProgrammeId, ct);
        var parent = await Find(actor.ProgrammeId, parentCode?.Trim(), ct);
        if (parent is null)
            return Outcome<CatalogueScenario>.Invalid(new Dictionary<string, string> { ["parentCode"] = $"上级场景“{parentCode}”不存在，请选择一级或二级场景" });
        var children = await db.CatalogueScenarios.Where(s => s.ProgrammeId == actor.ProgrammeId && s.ParentCode == parent.Code).ToListAsync(ct);
        var (node, errors) = CatalogueScenario.AddUnder(parent, children, form, MiitScenarios.ToHashSet(), Now(), code);
        if (node is null) return Outcome<CatalogueScenario>.Invalid(errors);
        db.CatalogueScenarios.Add(node);
        // Two cities' windows adding under one parent at once: the unique (programme, code) index lets one in.
        return await saving.SaveAsync(node, What, () => node, ct, onDuplicate: () => Task.FromResult(Outcome<CatalogueScenario>.Conflict(
            $"保存失败：“{parent.Label}”下刚刚已新增了场景“{node.Code}”。请刷新页面后再新增。")));
    }

    /// <summary>改名、场景描述、对应评测场景及理由, from the version the city read.</summary>
    public async Task<Outcome<CatalogueScenario>> EditAsync(Actor actor, string code, ScenarioForm form, int version, CancellationToken ct = default)
    {
        if (NeedPolicy.EditTree(actor) is { } why) return Outcome<CatalogueScenario>.Forbidden(why);
        if (await Find(actor.ProgrammeId, code, ct) is not { } node) return Outcome<CatalogueScenario>.NotFound();
        if (node.Version != version) return Outcome<CatalogueScenario>.Conflict(await saving.StaleMessageAsync(Key(node), What, ct));
        saving.Expect(node, version);
        var siblings = await db.CatalogueScenarios.Where(s => s.ProgrammeId == actor.ProgrammeId && s.ParentCode == node.ParentCode).ToListAsync(ct);
        var errors = node.Edit(form, siblings, MiitScenarios.ToHashSet(), Now());
        if (errors.Count > 0) return Outcome<CatalogueScenario>.Invalid(errors);
        return await saving.SaveAsync(node, What, () => node, ct);
    }

    /// <summary>停用, refused while anything refers to it (<see cref="CatalogueScenario.Retire"/> counts them).</summary>
    public async Task<Outcome<CatalogueScenario>> RetireAsync(Actor actor, string code, int version, CancellationToken ct = default)
    {
        if (NeedPolicy.EditTree(actor) is { } why) return Outcome<CatalogueScenario>.Forbidden(why);
        if (await Find(actor.ProgrammeId, code, ct) is not { } node) return Outcome<CatalogueScenario>.NotFound();
        if (node.Version != version) return Outcome<CatalogueScenario>.Conflict(await saving.StaleMessageAsync(Key(node), What, ct));
        saving.Expect(node, version);
        var p = actor.ProgrammeId;
        var member = Bars.Member(node.Code);
        var use = new ScenarioUse(
            await db.CatalogueScenarios.CountAsync(s => s.ProgrammeId == p && s.ParentCode == node.Code && s.RetiredAt == null, ct),
            // A withdrawn product keeps its scenarios as history; submitting it again is refused for a retired one (ProductForm).
            await db.CatalogueProducts.CountAsync(x => x.ProgrammeId == p && x.Status != ProductStatus.Withdrawn && EF.Functions.Like(x.Scenarios, member), ct),
            await db.EnterpriseNeeds.CountAsync(n => n.ProgrammeId == p && n.ScenarioCode == node.Code, ct),
            await db.CommonNeeds.CountAsync(c => c.ProgrammeId == p && c.ScenarioCode == node.Code, ct));
        if (node.Retire(use, Now()) is { } refused) return Outcome<CatalogueScenario>.Conflict(refused);
        return await saving.SaveAsync(node, What, () => node, ct);
    }

    /// <summary>恢复使用, with the city's reason, refused under a retired parent (<see cref="CatalogueScenario.Reinstate"/>).</summary>
    public async Task<Outcome<CatalogueScenario>> ReinstateAsync(Actor actor, string code, string? reason, int version, CancellationToken ct = default)
    {
        if (NeedPolicy.EditTree(actor) is { } why) return Outcome<CatalogueScenario>.Forbidden(why);
        if (await Find(actor.ProgrammeId, code, ct) is not { } node) return Outcome<CatalogueScenario>.NotFound();
        if (node.Version != version) return Outcome<CatalogueScenario>.Conflict(await saving.StaleMessageAsync(Key(node), What, ct));
        saving.Expect(node, version);
        if (node.ParentCode is null) return Outcome<CatalogueScenario>.Conflict($"场景“{node.Label}”未停用，无需恢复");
        var siblings = await db.CatalogueScenarios.Where(s => s.ProgrammeId == actor.ProgrammeId && s.ParentCode == node.ParentCode).ToListAsync(ct);
        var parent = (await Find(actor.ProgrammeId, node.ParentCode, ct))!;
        var errors = node.Reinstate(reason, parent, siblings, Now());
        if (errors.TryGetValue("", out var refused)) return Outcome<CatalogueScenario>.Conflict(refused);
        if (errors.Count > 0) return Outcome<CatalogueScenario>.Invalid(errors);
        return await saving.SaveAsync(node, What, () => node, ct);
    }

    /// <summary>A common need of one pilot industry in one level-3 scenario in use.</summary>
    public async Task<Outcome<CommonNeed>> AddCommonNeedAsync(Actor actor, string code, string? industryKey, string? text, CancellationToken ct = default)
    {
        if (NeedPolicy.EditTree(actor) is { } why) return Outcome<CommonNeed>.Forbidden(why);
        var levelThree = await LevelThreeAsync(actor.ProgrammeId, ct);
        var industries = programmes.Get(actor.ProgrammeId).Industries.Select(i => i.Key).ToHashSet();
        var (need, refused) = CommonNeed.Write(actor.ProgrammeId, code, industryKey?.Trim() ?? "", text, levelThree.Active, industries, Now());
        if (need is null) return Outcome<CommonNeed>.Invalid(new Dictionary<string, string> { ["text"] = refused! });
        db.CommonNeeds.Add(need);
        return await saving.SaveAsync(need, CommonWhat, () => need, ct);
    }

    public async Task<Outcome<CommonNeed>> EditCommonNeedAsync(Actor actor, Guid id, string? text, int version, CancellationToken ct = default)
    {
        if (NeedPolicy.EditTree(actor) is { } why) return Outcome<CommonNeed>.Forbidden(why);
        if (await db.CommonNeeds.FirstOrDefaultAsync(c => c.Id == id && c.ProgrammeId == actor.ProgrammeId, ct) is not { } need) return Outcome<CommonNeed>.NotFound();
        if (need.Version != version) return Outcome<CommonNeed>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<CommonNeed>(id), CommonWhat, ct));
        saving.Expect(need, version);
        if (need.Edit(text, Now()) is { } refused) return Outcome<CommonNeed>.Invalid(new Dictionary<string, string> { ["text"] = refused });
        return await saving.SaveAsync(need, CommonWhat, () => need, ct);
    }

    /// <summary>删除: the row goes; the audit trail keeps its text as it was.</summary>
    public async Task<Outcome<CommonNeed>> RemoveCommonNeedAsync(Actor actor, Guid id, int version, CancellationToken ct = default)
    {
        if (NeedPolicy.EditTree(actor) is { } why) return Outcome<CommonNeed>.Forbidden(why);
        if (await db.CommonNeeds.FirstOrDefaultAsync(c => c.Id == id && c.ProgrammeId == actor.ProgrammeId, ct) is not { } need) return Outcome<CommonNeed>.NotFound();
        if (need.Version != version) return Outcome<CommonNeed>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<CommonNeed>(id), CommonWhat, ct));
        saving.Expect(need, version);
        db.CommonNeeds.Remove(need);
        return await saving.SaveAsync(need, CommonWhat, () => need, ct);
    }

    /// <summary>"2.10" after "2.9": codes sorted by their numbers.</summary>
    public static string Ordinal(string code) => string.Join('.', code.Split('.').Select(n => n.PadLeft(3, '0')));

    private Task<CatalogueScenario?> Find(string programmeId, string? code, CancellationToken ct) =>
        db.CatalogueScenarios.FirstOrDefaultAsync(s => s.ProgrammeId == programmeId && s.Code == code, ct);

    private static AuditKey Key(CatalogueScenario s) => ((IAudited)s).AuditKey;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
