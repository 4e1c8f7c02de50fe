using System.Numerics;

namespace DxPilot.Domain.Catalogue;

/// <summary>A product offered for a cover: its price in 万元 (a fixed price has low = high) and the items it covers.</summary>
public sealed record CoverOffer(Guid ProductId, string Name, string Provider, decimal PriceLowWan, decimal PriceHighWan, IReadOnlySet<string> Covers);

/// <summary>The cheapest set of offers covering every item some offer covers (<see cref="Chosen"/>, in the order given), its
/// totals, and the items no offer covers. <see cref="Complete"/> when there are none.</summary>
public sealed record CoverResult(bool Complete, IReadOnlyList<CoverOffer> Chosen, decimal TotalLowWan, decimal TotalHighWan, IReadOnlyList<string> Uncovered);

/// <summary>
/// 最省的产品组合: weighted set cover, solved exactly. The cost of an offer is the upper end of its price: a plan must not
/// promise less than the enterprise may have to pay. Among covers of least cost the fewest offers win, then the lowest total
/// low price, then the set whose offers come first in the order given (the earliest first offer, then the earliest second …).
/// <para>
/// Exact because it is a dynamic programme over every subset of the k ≤ 16 coverable items: dp[S] is the best cover of S,
/// and any cover of S holds an offer covering S's lowest item, so dp[S] = min over those offers o of o + dp[S \ o]. Before it,
/// offers are pruned without losing any optimum: offers covering nothing needed; for each coverage, all but the best offer;
/// offers a better one covers a superset of (swapping it in never makes a cover worse by the rules above).
/// Time O(n·c + k·2^k + 2^k·d), memory O(2^k + n): n offers of c items each, d offers left after pruning (d ≤ 2^k).
/// </para>
/// </summary>
public static class CheapestCover
{
    /// <summary>The most items one cover is computed for: the DP holds 2^k entries (65,536 at 16, the MIIT-2024 scenarios).</summary>
    public const int MaxItems = 16;

    public static CoverResult Find(IReadOnlyList<string> items, IReadOnlyList<CoverOffer> offers)
    {
        var needed = items.Distinct(StringComparer.Ordinal).ToList();
        CheckCount(needed.Count);
        foreach (var o in offers)
            if (o.PriceLowWan < 0 || o.PriceLowWan > o.PriceHighWan)
                throw new ArgumentException($"产品“{o.Name}”的价格有误：最低价须不小于0且不高于最高价", nameof(offers));

        var masks = CoverageMasks(needed, offers, out var coverable);
        var uncovered = needed.Where((_, i) => (coverable >> i & 1) == 0).ToList();
        var k = needed.Count - uncovered.Count;
        var candidates = Undominated(masks, offers, k);
        var chosen = InYuan(candidates, offers) is ({ } high, { } low)
            ? Cheapest(candidates, masks, high, low, k)
            : Cheapest(candidates, masks, offers.Select(o => o.PriceHighWan).ToArray(), offers.Select(o => o.PriceLowWan).ToArray(), k);
        var picked = chosen.Select(i => offers[i]).ToList();
        return new CoverResult(uncovered.Count == 0, picked, picked.Sum(o => o.PriceLowWan), picked.Sum(o => o.PriceHighWan), uncovered);
    }

    /// <summary>Refuses more than <see cref="MaxItems"/> items, before anything is built for them.</summary>
    public static void CheckCount(int items)
    {
        if (items > MaxItems)
            throw new ArgumentException($"一次最多为{MaxItems}个场景计算最省的产品组合，本次有{items}个，请减少场景后再算", nameof(items));
    }

    /// <summary>Each offer's coverage as a bit mask over the coverable items only (renumbered 0..k-1), so that every subset the
    /// DP visits can be covered; <paramref name="coverable"/> is over <paramref name="needed"/>'s own numbering.</summary>
    private static int[] CoverageMasks(List<string> needed, IReadOnlyList<CoverOffer> offers, out int coverable)
    {
        var bitOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < needed.Count; i++) bitOf[needed[i]] = i;
        var masks = new int[offers.Count];
        coverable = 0;
        for (var o = 0; o < offers.Count; o++)
        {
            foreach (var item in offers[o].Covers)
                if (bitOf.TryGetValue(item, out var bit)) masks[o] |= 1 << bit;
            coverable |= masks[o];
        }
        var renumbered = new int[needed.Count];
        for (int i = 0, next = 0; i < needed.Count; i++)
            if ((coverable >> i & 1) != 0) renumbered[i] = next++;
        for (var o = 0; o < offers.Count; o++)
        {
            var m = 0;
            for (var i = 0; i < needed.Count; i++)
                if ((masks[o] >> i & 1) != 0) m |= 1 << renumbered[i];
            masks[o] = m;
        }
        return masks;
    }

    /// <summary>Offer a is better than b: cheaper at the upper price, then at the lower, then earlier in the order given.
    /// Swapping a for b in a cover, where a covers at least what b does, never costs more, never adds an offer, never raises
    /// the low total and, all equal, moves the cover earlier in the order.</summary>
    private static bool Better(IReadOnlyList<CoverOffer> offers, int a, int b)
    {
        var (x, y) = (offers[a], offers[b]);
        return x.PriceHighWan != y.PriceHighWan ? x.PriceHighWan < y.PriceHighWan
            : x.PriceLowWan != y.PriceLowWan ? x.PriceLowWan < y.PriceLowWan
            : a < b;
    }

    /// <summary>The offers no better offer covers a superset of, in the order given: per coverage mask the best offer, then a
    /// sum-over-supersets pass giving, per mask, the best offer covering at least it.</summary>
    private static List<int> Undominated(int[] masks, IReadOnlyList<CoverOffer> offers, int k)
    {
        var size = 1 << k;
        var best = new int[size];
        Array.Fill(best, -1);
        for (var o = 0; o < masks.Length; o++)
            if (masks[o] != 0 && (best[masks[o]] < 0 || Better(offers, o, best[masks[o]]))) best[masks[o]] = o;

        var atLeast = (int[])best.Clone();
        for (var bit = 1; bit < size; bit <<= 1)
            for (var m = 0; m < size; m++)
                if ((m & bit) == 0 && atLeast[m | bit] is var o and >= 0 && (atLeast[m] < 0 || Better(offers, o, atLeast[m])))
                    atLeast[m] = o;

        var kept = new List<int>();
        for (var m = 1; m < size; m++)
        {
            if (best[m] < 0) continue;
            var dominated = false;
            for (var bit = 1; bit < size && !dominated; bit <<= 1)
                dominated = (m & bit) == 0 && atLeast[m | bit] is var o and >= 0 && Better(offers, o, best[m]);
            if (!dominated) kept.Add(best[m]);
        }
        kept.Sort();
        return kept;
    }

    /// <summary>Prices in whole 元 (0.0001万元) as integers when every candidate's is one and no cover can overflow, so that the
    /// DP adds and compares longs instead of decimals (about ten times faster, as exact); otherwise null and the DP keeps decimals.</summary>
    private static (long[] High, long[] Low)? InYuan(List<int> candidates, IReadOnlyList<CoverOffer> offers)
    {
        const decimal limit = 1e14m; // 100亿万元 a product; 16 of them stay far below long.MaxValue ≈ 9.2e18
        var (high, low) = (new long[offers.Count], new long[offers.Count]);
        foreach (var o in candidates)
        {
            var (h, l) = (offers[o].PriceHighWan * 10000m, offers[o].PriceLowWan * 10000m);
            if (h != decimal.Truncate(h) || l != decimal.Truncate(l) || h > limit) return null;
            (high[o], low[o]) = ((long)h, (long)l);
        }
        return (high, low);
    }

    /// <summary>dp over the subsets of the k coverable items (see the class), then the cover read back offer by offer: the
    /// earliest offer that some best cover of what remains contains.</summary>
    private static List<int> Cheapest<T>(List<int> candidates, int[] masks, T[] price, T[] lowPrice, int k) where T : INumber<T>
    {
        var size = 1 << k;
        var byLowestItem = new int[k][];
        for (var i = 0; i < k; i++) byLowestItem[i] = candidates.Where(o => (masks[o] >> i & 1) != 0).ToArray();

        var high = new T[size];
        var count = new int[size];
        var low = new T[size];
        Array.Fill(high, T.Zero);
        Array.Fill(low, T.Zero);
        for (var s = 1; s < size; s++)
        {
            var first = true;
            foreach (var o in byLowestItem[BitOperations.TrailingZeroCount(s)])
            {
                var rest = s & ~masks[o];
                var (h, c, l) = (high[rest] + price[o], count[rest] + 1, low[rest] + lowPrice[o]);
                if (first || h < high[s] || h == high[s] && (c < count[s] || c == count[s] && l < low[s]))
                    (high[s], count[s], low[s], first) = (h, c, l, false);
            }
        }

        var chosen = new List<int>();
        for (var remaining = size - 1; remaining != 0;)
        {
            foreach (var o in candidates)
            {
                if ((masks[o] & remaining) == 0) continue;
                var rest = remaining & ~masks[o];
                if (high[rest] + price[o] == high[remaining] && count[rest] + 1 == count[remaining] && low[rest] + lowPrice[o] == low[remaining])
                {
                    chosen.Add(o);
                    remaining = rest;
                    break;
                }
            }
        }
        return chosen;
    }
}
