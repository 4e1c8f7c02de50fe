using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Programmes;
using DxPilot.Infrastructure.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The map's filters: one pilot industry (its key) and, for the city and the think tank, one district.</summary>
public sealed record DemandFilter(string? Industry, string? District)
{
    public static readonly DemandFilter None = new(null, null);

    /// <summary>As the query string writes it: an empty value ("全部") is no filter.</summary>
    public static DemandFilter From(string? industry, string? district) => new(Value(industry), Value(district));

    private static string? Value(string? text) => QueryValue.Text(text)?.Trim() is { Length: > 0 } t ? t : null;

    public string ToQueryString(string? extra = null)
    {
        var parts = new List<string>();
        if (Industry is not null) parts.Add($"industry={Uri.EscapeDataString(Industry)}");
        if (District is not null) parts.Add($"district={Uri.EscapeDataString(District)}");
        if (extra is not null) parts.Add(extra);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>One level-3 scenario's row: enterprises with a need in it per pilot industry (by key), and the shown products serving
/// it (fitting the industry asked, when one is) with their providers.</summary>
public sealed record DemandRow(string Level1, string Level2, string Code, string Name, bool Retired, IReadOnlyDictionary<string, int> Enterprises,
    int Products, int Providers)
{
    public int Demand => Enterprises.Values.Sum();
    /// <summary>有需求无供给.</summary>
    public bool Unserved => Demand > 0 && Products == 0;
}

/// <summary>供需地图 as the actor may see it: the industries (columns), the rows in the tree's order, and where the filters put it.</summary>
public sealed record DemandMap(IReadOnlyList<PilotIndustry> Industries, IReadOnlyList<DemandRow> Rows, DemandFilter Filter, string ScopeName)
{
    public IEnumerable<DemandRow> Unserved => Rows.Where(r => r.Unserved).OrderByDescending(r => r.Demand).ThenBy(r => r.Code, StringComparer.Ordinal);
}

/// <summary>An enterprise behind a count of the map: its need in the scenario.</summary>
public sealed record DemandEnterprise(Guid EnterpriseId, string Name, string District, string IndustryKey, string Problem, NeedPriority Priority, decimal? BudgetWan);

/// <summary>
/// 供需地图: needs per level-3 scenario and pilot industry against the products on offer, for the city and the think tank (the whole
/// programme, or one district) and a district bureau (its own enterprises). Computed on every read: the demand side from the counts
/// the database keeps with every saved need (<see cref="DemandCount"/>, a few thousand rows however many needs there are), the
/// supply side from the shown products' scenarios and providers (docs/catalogue-match.md). The enterprises behind a count are a paged list of
/// their own, from the needs themselves.
/// </summary>
public sealed class DemandMapService(DxPilotDbContext db, ScenarioTreeSeeding tree, ProgrammeCatalog programmes)
{
    public const int PageSize = 50;
    public const int MaxSearch = 50;

    /// <summary>The map is the bureaus' and the think tank's (a district its own enterprises' needs); others get no answer (404).</summary>
    public static bool Reads(Actor a) => a.Role is Role.CityBureau or Role.ThinkTank || a.Role == Role.DistrictBureau && a.District is not null;

    public async Task<Outcome<DemandMap>> MapAsync(Actor actor, DemandFilter asked, CancellationToken ct = default)
    {
        if (!Reads(actor)) return Outcome<DemandMap>.NotFound();
        var programme = programmes.Get(actor.ProgrammeId);
        if (Check(programme, actor, asked) is { } problem) return Outcome<DemandMap>.Invalid(problem);
        var filter = Scoped(actor, asked);
        await tree.EnsureAsync(programme.Id, ct);
        return Outcome<DemandMap>.Ok(await ComputeAsync(programme, filter, ct));
    }

    private async Task<DemandMap> ComputeAsync(Programme programme, DemandFilter filter, CancellationToken ct)
    {
        var nodes = await db.CatalogueScenarios.AsNoTracking().Where(s => s.ProgrammeId == programme.Id)
            .Select(s => new { s.Code, s.ParentCode, s.Level, s.Name, s.SortOrder, s.RetiredAt }).ToListAsync(ct);
        var kept = db.DemandCounts.AsNoTracking().Where(c => c.ProgrammeId == programme.Id);
        if (filter.District is { } district) kept = kept.Where(c => c.District == district);
        if (filter.Industry is { } key) kept = kept.Where(c => c.IndustryKey == key);
        // An enterprise is in one district, so the districts' counts add up without counting anyone twice.
        var demand = await kept.GroupBy(c => new { c.ScenarioCode, c.IndustryKey })
            .Select(g => new { g.Key.ScenarioCode, g.Key.IndustryKey, Enterprises = g.Sum(c => c.Enterprises) })
            .ToListAsync(ct);
        var shown = ShownProducts.In(db, programme.Id);
        if (filter.Industry is { } industry)
        {
            var bar = Bars.Member(industry).Trim('%');
            shown = shown.Where(p => p.Industries == "||" || p.Industries.Contains(bar));
        }
        // Each shown product's scenarios and provider, counted here: a product lists 1-3 scenarios, so this is a few thousand short
        // rows, where crossing the tree's scenarios with the products in SQL tests every pair (54 × 8,858 substrings nationally).
        var supply = new Dictionary<string, Supply>();
        await foreach (var offer in shown.Select(p => new { p.Scenarios, p.ProviderId }).AsAsyncEnumerable().WithCancellation(ct))
            foreach (var code in Bars.Split(offer.Scenarios))
            {
                if (!supply.TryGetValue(code, out var counted)) supply[code] = counted = new Supply();
                counted.Products++;
                counted.Providers.Add(offer.ProviderId);
            }

        var cells = demand.ToLookup(d => d.ScenarioCode);
        // The tree's order: level 1, then its level 2s, then their level 3s, each by its place among its siblings.
        var children = nodes.ToLookup(n => n.ParentCode ?? "");
        var rows = new List<DemandRow>();
        foreach (var one in children[""].OrderBy(n => n.SortOrder))
        foreach (var two in children[one.Code].OrderBy(n => n.SortOrder))
        foreach (var three in children[two.Code].OrderBy(n => n.SortOrder))
        {
            var counts = cells[three.Code].ToDictionary(c => c.IndustryKey, c => c.Enterprises);
            // A retired scenario stays on the map only while needs still name it.
            if (three.RetiredAt is not null && counts.Count == 0) continue;
            var offer = supply.GetValueOrDefault(three.Code);
            rows.Add(new DemandRow(one.Name, two.Name, three.Code, three.Name, three.RetiredAt is not null, counts, offer?.Products ?? 0, offer?.Providers.Count ?? 0));
        }
        var industries = programme.Industries.Where(i => filter.Industry is null || i.Key == filter.Industry).ToList();
        return new DemandMap(industries, rows, filter, filter.District ?? programme.Whole);
    }

    /// <summary>The shown products serving one scenario, and their providers.</summary>
    private sealed class Supply
    {
        public int Products;
        public readonly HashSet<Guid> Providers = [];
    }

    /// <summary>The enterprises in scope with a need in <paramref name="code"/> (of the filter's industry and district), by name.</summary>
    public async Task<Outcome<(string ScenarioName, Page<DemandEnterprise> Page)>> EnterprisesAsync(Actor actor, string code, DemandFilter asked, string? search,
        int page, CancellationToken ct = default)
    {
        if (!Reads(actor)) return Outcome<(string, Page<DemandEnterprise>)>.NotFound();
        var programme = programmes.Get(actor.ProgrammeId);
        if (Check(programme, actor, asked) is { } problem) return Outcome<(string, Page<DemandEnterprise>)>.Invalid(problem);
        var filter = Scoped(actor, asked);
        await tree.EnsureAsync(programme.Id, ct);
        var scenario = await db.CatalogueScenarios.AsNoTracking().Where(s => s.ProgrammeId == programme.Id && s.Code == code && s.Level == 3)
            .Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (scenario is null) return Outcome<(string, Page<DemandEnterprise>)>.NotFound();

        var q = Needs(db, programme.Id, filter).Where(x => x.Need.ScenarioCode == code);
        if (QueryValue.Search(search, MaxSearch) is { } term)
        {
            q = q.Where(x => x.Enterprise.Name.Contains(term) || (x.Enterprise.Uscc != null && x.Enterprise.Uscc.Contains(term)) || x.Need.Problem.Contains(term));
        }
        var total = await q.CountAsync(ct);
        var number = Paging.Clamp(page, total, PageSize);
        var items = await q.OrderBy(x => x.Enterprise.Name).ThenBy(x => x.Need.Priority).ThenBy(x => x.Need.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(x => new DemandEnterprise(x.Enterprise.Id, x.Enterprise.Name, x.Enterprise.District, x.Enterprise.IndustryKey, x.Need.Problem,
                x.Need.Priority, x.Need.BudgetWan))
            .ToListAsync(ct);
        return Outcome<(string, Page<DemandEnterprise>)>.Ok((scenario, new Page<DemandEnterprise>(items, total, number, PageSize)));
    }

    private sealed class NeedOf
    {
        public required EnterpriseNeed Need { get; init; }
        public required Domain.Enterprises.Enterprise Enterprise { get; init; }
    }

    /// <summary>The programme's needs with their enterprises, narrowed to the filter's district and industry.</summary>
    private static IQueryable<NeedOf> Needs(DxPilotDbContext db, string programmeId, DemandFilter filter)
    {
        var q = from n in db.EnterpriseNeeds.AsNoTracking()
                join e in db.Enterprises.AsNoTracking() on n.EnterpriseId equals e.Id
                where n.ProgrammeId == programmeId && e.ProgrammeId == programmeId
                select new NeedOf { Need = n, Enterprise = e };
        if (filter.District is { } district) q = q.Where(x => x.Enterprise.District == district);
        if (filter.Industry is { } industry) q = q.Where(x => x.Enterprise.IndustryKey == industry);
        return q;
    }

    /// <summary>A district bureau sees its own district whatever it asks; the others the district they ask for, or all.</summary>
    private static DemandFilter Scoped(Actor actor, DemandFilter asked) =>
        actor.Role == Role.DistrictBureau ? asked with { District = actor.District } : asked;

    private static Dictionary<string, string>? Check(Programme programme, Actor actor, DemandFilter asked)
    {
        var errors = new Dictionary<string, string>();
        if (asked.Industry is { } i && programme.Industries.All(x => x.Key != i)) errors["industry"] = $"本试点没有“{i}”这一试点行业";
        if (asked.District is { } d && actor.Role != Role.DistrictBureau && !programme.HasDistrict(d)) errors["district"] = $"本试点没有“{d}”这一县（市、区）";
        return errors.Count == 0 ? null : errors;
    }
}
