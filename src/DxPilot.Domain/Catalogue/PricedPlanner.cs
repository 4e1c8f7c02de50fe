using DxPilot.Domain.Instruments;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Projects;

namespace DxPilot.Domain.Catalogue;

/// <summary>An admitted provider's approved product as the plan sees it: price in 万元 (fixed: low = high), whether tax is
/// included, its spend category for the subsidy and the level-3 catalogue scenarios it serves.</summary>
public sealed record CatalogueOffer(Guid ProductId, string Name, string ProviderName, Guid ProviderId, decimal PriceLowWan, decimal PriceHighWan,
    bool TaxIncluded, string SpendCategoryKey, IReadOnlyList<string> Level3Codes);

/// <summary>A level-3 catalogue scenario mapped to a MIIT scenario of the plan, by code and name (2.2.1 生产过程监控).</summary>
public sealed record MappedScenario(string Code, string Name);

/// <summary>A MIIT scenario the gap plan raises: the catalogue scenarios mapped to it, the chosen products serving it, up to
/// <see cref="PricedPlanner.Alternatives"/> other products (cheapest first), or why there is none to buy.</summary>
public sealed record PlannedScenario(string MiitScenario, bool Constrained, IReadOnlyList<MappedScenario> CatalogueScenarios,
    IReadOnlyList<CatalogueOffer> Chosen, IReadOnlyList<CatalogueOffer> Alternatives, string? NoProduct);

/// <summary>A chosen product, the plan's scenarios it serves, and whether its spend counts for the subsidy (the category's name,
/// or that the programme does not list it).</summary>
public sealed record PlannedProduct(CatalogueOffer Offer, IReadOnlyList<string> Serves, bool Eligible, string SpendCategory);

/// <summary>A provider of chosen products.</summary>
public sealed record PlanProvider(Guid ProviderId, string Name);

/// <summary>The money of the plan at one end of its prices: the total, the part eligible for the subsidy, the subsidy the
/// programme's rules would pay on it (the decision, with its basis) and what is left for the enterprise to pay.</summary>
public sealed record PlanShare(decimal TotalWan, decimal EligibleWan, SubsidyDecision Subsidy, decimal SubsidyWan, decimal OwnShareWan)
{
    /// <summary>How the subsidy was reached, or why there is none.</summary>
    public string Basis => Subsidy.Conditions.All(c => c.Met) ? Subsidy.Basis : string.Join("；", Subsidy.Problems);
}

/// <summary>
/// 报价方案: the gap plan's scenarios to raise (constrained first) with the products that cover them at least cost, the totals
/// at the low and the high end of the prices (<see cref="AtHighPrice"/> is the one to promise), the providers, and the
/// improvements that need no purchase (the gap plan's question changes).
/// </summary>
public sealed record PricedPlan(int TargetLevel, bool Complete, IReadOnlyList<PlannedScenario> Scenarios, IReadOnlyList<PlannedProduct> Products,
    IReadOnlyList<PlanProvider> Providers, PlanShare AtLowPrice, PlanShare AtHighPrice, bool SomePricesExcludeTax, IReadOnlyList<GapChange> WithoutPurchase);

/// <summary>From a gap plan to the cheapest set of approved products that raises its scenarios, and what the enterprise pays of
/// it after the programme's subsidy. Pure: the caller loads the catalogue's mapping and its admitted, approved products.</summary>
public static class PricedPlanner
{
    public const int Alternatives = 3;

    /// <summary>The order the cover's last tie-break falls back to: by name, ordinally (the same on every database, whatever its
    /// collation), then by product for equal names.</summary>
    private static readonly Comparer<CatalogueOffer> ByName = Comparer<CatalogueOffer>.Create((a, b) =>
        string.CompareOrdinal(a.Name, b.Name) is var c and not 0 ? c : a.ProductId.CompareTo(b.ProductId));

    /// <summary>Cheaper first, as the cover counts cost: the upper price, then the lower, then <see cref="ByName"/>.</summary>
    private static readonly Comparer<CatalogueOffer> Cheaper = Comparer<CatalogueOffer>.Create((a, b) =>
        a.PriceHighWan != b.PriceHighWan ? a.PriceHighWan.CompareTo(b.PriceHighWan)
        : a.PriceLowWan != b.PriceLowWan ? a.PriceLowWan.CompareTo(b.PriceLowWan)
        : ByName.Compare(a, b));

    /// <summary>Tree order of codes: 1.2.1 before 1.10.1.</summary>
    private static readonly Comparer<string> CodeOrder = Comparer<string>.Create((a, b) =>
    {
        var (x, y) = (a.Split('.'), b.Split('.'));
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = int.TryParse(x[i], out var m) && int.TryParse(y[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    });

    /// <summary>Why no plan can be made for this target, or null: it must lie above the current level and at most 四级.</summary>
    public static string? Validate(int currentLevel, int targetLevel) =>
        targetLevel > LevelRule.MaxLevel ? $"目标等级最高为{LevelNames.Short(LevelRule.MaxLevel)}"
        : targetLevel <= currentLevel ? $"目标等级须高于当前等级（当前为{LevelNames.Short(currentLevel)}）"
        : null;

    /// <param name="miitByLevel3">Per level-3 catalogue scenario (by code), the MIIT-2024 business scenarios it raises.</param>
    /// <param name="level3Names">Per level-3 code, its name.</param>
    /// <param name="offers">The admitted providers' approved products.</param>
    /// <param name="excludedFromCentralFunds">The enterprise is excluded from central funds (小巨人 with central funds, 2022 pilot):
    /// the programme's central share of the subsidy is withheld, as at approval.</param>
    /// <param name="pinned">Products the enterprise chose itself (改用此产品): kept in the plan whatever they cost, the cheapest
    /// cover found for the scenarios they leave; a pinned product that serves none of the scenarios, or is no longer offered, is ignored.</param>
    public static PricedPlan Plan(GapPlan gap, IReadOnlyDictionary<string, IReadOnlyList<string>> miitByLevel3, IReadOnlyDictionary<string, string> level3Names,
        IReadOnlyList<CatalogueOffer> offers, MoneyRules money, bool excludedFromCentralFunds, IReadOnlySet<Guid>? pinned = null)
    {
        // Constrained first (the level rule counts them separately), each group in the gap plan's order.
        var raised = gap.Changes.Where(c => c.Kind == GapChangeKind.Scenario).DistinctBy(c => c.Item).OrderByDescending(c => c.Constrained).ToList();
        var needed = raised.Select(c => c.Item).ToList();
        CheapestCover.CheckCount(needed.Count);
        var bitOf = needed.Select((item, bit) => (item, bit)).ToDictionary(x => x.item, x => x.bit, StringComparer.Ordinal);
        var level3ByMiit = miitByLevel3.OrderBy(m => m.Key, CodeOrder)
            .SelectMany(m => m.Value.Where(bitOf.ContainsKey).Select(miit => (Miit: miit, Code: m.Key)))
            .ToLookup(x => x.Miit, x => x.Code, StringComparer.Ordinal);

        // What each offer covers as a bit mask over the needed scenarios. Only the cheapest offer of a coverage can be in the
        // cheapest cover (CheapestCover drops the others too), so only those — a few hundred of 10,000 — are handed over, in the
        // order its last tie-break falls back to.
        var level3Mask = miitByLevel3.ToDictionary(m => m.Key, m => m.Value.Aggregate(0, (mask, miit) => bitOf.TryGetValue(miit, out var b) ? mask | 1 << b : mask));
        var masks = new int[offers.Count];
        var cheapestOf = new Dictionary<int, CatalogueOffer>();
        for (var i = 0; i < offers.Count; i++)
        {
            foreach (var code in offers[i].Level3Codes) masks[i] |= level3Mask.GetValueOrDefault(code);
            if (masks[i] != 0 && (!cheapestOf.TryGetValue(masks[i], out var best) || Cheaper.Compare(offers[i], best) < 0)) cheapestOf[masks[i]] = offers[i];
        }
        var kept = Enumerable.Range(0, offers.Count).Where(i => masks[i] != 0 && pinned?.Contains(offers[i].ProductId) == true)
            .Select(i => (Offer: offers[i], Mask: masks[i])).ToList();
        var keptMask = kept.Aggregate(0, (mask, k) => mask | k.Mask);
        var rest = needed.Where((_, bit) => (keptMask >> bit & 1) == 0).ToHashSet(StringComparer.Ordinal);
        var serving = cheapestOf.Where(c => (c.Key & ~keptMask) != 0).OrderBy(c => c.Value, ByName).Select(c => (Offer: c.Value, Mask: c.Key,
            Cover: new CoverOffer(c.Value.ProductId, c.Value.Name, c.Value.ProviderName, c.Value.PriceLowWan, c.Value.PriceHighWan,
                needed.Where((item, bit) => (c.Key >> bit & 1) != 0 && rest.Contains(item)).ToHashSet(StringComparer.Ordinal)))).ToList();
        var cover = CheapestCover.Find(needed.Where(rest.Contains).ToList(), serving.Select(s => s.Cover).ToList());
        var coverIds = cover.Chosen.Select(c => c.ProductId).ToHashSet();
        var chosen = kept.Concat(serving.Where(s => coverIds.Contains(s.Offer.ProductId)).Select(s => (s.Offer, s.Mask))).ToList();
        var chosenIds = chosen.Select(c => c.Offer.ProductId).ToHashSet();
        var alternatives = CheapestOthers(offers, masks, chosenIds, needed.Count);

        var scenarios = raised.Select((change, bit) =>
        {
            var codes = level3ByMiit[change.Item].Select(code => new MappedScenario(code, level3Names.GetValueOrDefault(code, code))).ToList();
            var serves = chosen.Where(s => (s.Mask >> bit & 1) != 0).Select(s => s.Offer).ToList();
            var none = serves.Count > 0 ? null
                : codes.Count == 0 ? "无可选产品：目录中尚无对应此场景的三级场景"
                : $"无可选产品：对应的三级场景（{string.Join("、", codes.Select(c => c.Name))}）尚无审核通过的产品";
            return new PlannedScenario(change.Item, change.Constrained, codes, serves, alternatives[bit], none);
        }).ToList();

        var products = chosen.Select(s =>
        {
            var category = money.SpendCategories.FirstOrDefault(c => c.Key == s.Offer.SpendCategoryKey);
            return new PlannedProduct(s.Offer, needed.Where((_, bit) => (s.Mask >> bit & 1) != 0).ToList(),
                category?.Eligible ?? false, category?.Name ?? "未列入本试点的支出类别");
        }).ToList();
        var providers = products.Select(p => new PlanProvider(p.Offer.ProviderId, p.Offer.ProviderName)).DistinctBy(p => p.ProviderId).ToList();

        PlanShare Share(Func<CatalogueOffer, decimal> price)
        {
            var total = products.Sum(p => price(p.Offer));
            var eligible = products.Where(p => p.Eligible).Sum(p => price(p.Offer));
            // The facts of a project that reached its target, was accepted and audited with this spend: the plan's best case.
            var decision = Subsidy.Decide(money, new SubsidyFacts(gap.TargetLevel, gap.TargetLevel, true, true, eligible * 10000m, excludedFromCentralFunds));
            var subsidy = decision.AmountWan ?? 0m;
            return new PlanShare(total, eligible, decision, subsidy, total - subsidy);
        }

        return new PricedPlan(gap.TargetLevel, cover.Complete, scenarios, products, providers, Share(o => o.PriceLowWan), Share(o => o.PriceHighWan),
            products.Any(p => !p.Offer.TaxIncluded), gap.Changes.Where(c => c.Kind == GapChangeKind.Answer).ToList());
    }

    /// <summary>Per scenario (bit), the <see cref="Alternatives"/> cheapest offers serving it other than the chosen ones: one pass
    /// keeping a short list each rather than a sort of the catalogue per scenario.</summary>
    private static List<CatalogueOffer>[] CheapestOthers(IReadOnlyList<CatalogueOffer> offers, int[] masks, HashSet<Guid> chosen, int scenarios)
    {
        var best = Enumerable.Range(0, scenarios).Select(_ => new List<CatalogueOffer>(Alternatives + 1)).ToArray();
        for (var i = 0; i < offers.Count; i++)
        {
            if (masks[i] == 0 || chosen.Contains(offers[i].ProductId)) continue;
            for (var bit = 0; bit < scenarios; bit++)
            {
                if ((masks[i] >> bit & 1) == 0) continue;
                var list = best[bit];
                var at = list.FindIndex(x => Cheaper.Compare(offers[i], x) < 0);
                if (at < 0) at = list.Count;
                if (at >= Alternatives) continue;
                list.Insert(at, offers[i]);
                if (list.Count > Alternatives) list.RemoveAt(Alternatives);
            }
        }
        return best;
    }
}
