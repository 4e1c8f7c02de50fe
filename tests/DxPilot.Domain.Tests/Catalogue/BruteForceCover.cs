using DxPilot.Domain.Catalogue;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>The cheapest cover by trying every subset of the offers (up to 14 of them): the rules written out with no cleverness,
/// to hold <see cref="CheapestCover"/> to. Returns the best cover's offers (indices in the order given) under the tie rules —
/// least upper-price total, fewest offers, least lower-price total, then the sorted indices compared one by one — and how many
/// covers share its least cost.</summary>
public static class BruteForceCover
{
    public sealed record Best(IReadOnlyList<int> Offers, decimal TotalHighWan, decimal TotalLowWan, int CoversOfLeastCost, IReadOnlyList<string> Uncovered);

    public static Best Solve(IReadOnlyList<string> items, IReadOnlyList<CoverOffer> offers)
    {
        if (offers.Count > 14) throw new ArgumentException("brute force is for 14 offers or fewer");
        var needed = items.Distinct().ToList();
        var coverable = needed.Where(i => offers.Any(o => o.Covers.Contains(i))).ToHashSet();
        List<int>? best = null;
        (decimal High, int Count, decimal Low) bestKey = default;
        var leastCostCovers = 0;
        for (var subset = 0; subset < 1 << offers.Count; subset++)
        {
            var picked = Enumerable.Range(0, offers.Count).Where(i => (subset >> i & 1) != 0).ToList();
            if (!coverable.All(item => picked.Any(i => offers[i].Covers.Contains(item)))) continue;
            var key = (picked.Sum(i => offers[i].PriceHighWan), picked.Count, picked.Sum(i => offers[i].PriceLowWan));
            if (best is not null && key.Item1 == bestKey.High) leastCostCovers++;
            else if (best is null || key.Item1 < bestKey.High) leastCostCovers = 1;
            if (best is null || Before(key, picked, bestKey, best)) (best, bestKey) = (picked, key);
        }
        return new Best(best!, bestKey.High, bestKey.Low, leastCostCovers, needed.Where(i => !coverable.Contains(i)).ToList());
    }

    private static bool Before((decimal High, int Count, decimal Low) a, List<int> aSet, (decimal High, int Count, decimal Low) b, List<int> bSet)
    {
        if (a.High != b.High) return a.High < b.High;
        if (a.Count != b.Count) return a.Count < b.Count;
        if (a.Low != b.Low) return a.Low < b.Low;
        for (var i = 0; i < aSet.Count; i++)
            if (aSet[i] != bSet[i]) return aSet[i] < bSet[i];
        return false;
    }
}
