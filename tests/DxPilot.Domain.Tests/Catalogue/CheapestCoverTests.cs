using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>
/// 最省的产品组合 (issue 13 item 5): the cover of least upper-price total over the scenarios some product covers; ties to the
/// fewest products, then the least lower-price total, then the products' order as given; scenarios nobody covers named.
/// Held to a brute force over every subset on generated catalogues, and to hand-worked cases.
/// </summary>
public sealed class CheapestCoverTests
{
    private static readonly string[] Miit =
        ["产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控", "质量管理", "设备管理",
         "安全生产", "能耗管理", "采购管理", "仓储物流", "财务管理", "人力资源", "协同办公", "决策支持"];

    private static CoverOffer Offer(string name, decimal high, params string[] covers) => Offer(name, high, high, covers);

    private static CoverOffer Offer(string name, decimal low, decimal high, params string[] covers) =>
        new(Guid.NewGuid(), name, "长春某数字科技有限公司", low, high, covers.ToHashSet());

    private static List<string> Names(CoverResult r) => r.Chosen.Select(o => o.Name).ToList();

    [Fact]
    public void On_two_thousand_generated_catalogues_the_cover_is_the_one_brute_force_finds_under_the_same_rules()
    {
        var random = new Random(20261127);
        var tiedCases = 0;
        for (var n = 0; n < 2000; n++)
        {
            var items = Miit.OrderBy(_ => random.Next()).Take(random.Next(1, 9)).ToList();
            // Offers may also cover scenarios not needed (from the rest of the 16), so some cover nothing that is.
            var offers = Enumerable.Range(0, random.Next(0, 13)).Select(i =>
            {
                var covers = Miit.Take(random.Next(2) == 0 ? 16 : 0).Concat(items).Distinct().OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToHashSet();
                // Prices on a 0.5万 grid from 0.5 to 5 so that equal totals happen; a third are ranges.
                var high = random.Next(1, 11) * 0.5m;
                var low = random.Next(3) == 0 ? random.Next(1, (int)(high * 2) + 1) * 0.5m : high;
                return new CoverOffer(Guid.NewGuid(), $"产品{i:00}", $"服务商{random.Next(4)}", low, high, covers);
            }).ToList();
            // One case in ten has a price finer than a 元 (0.0001万), which the DP must add as decimals.
            if (n % 10 == 0 && offers.Count > 0) offers[0] = offers[0] with { PriceHighWan = offers[0].PriceHighWan + 0.00001m };

            var cover = CheapestCover.Find(items, offers);
            var brute = BruteForceCover.Solve(items, offers);
            var context = $"case {n}: items {string.Join(",", items)}; offers {string.Join("; ", offers.Select(o => $"{o.PriceLowWan}-{o.PriceHighWan}:{string.Join(",", o.Covers)}"))}";

            Assert.True(brute.TotalHighWan == cover.TotalHighWan, context);
            Assert.True(brute.Offers.SequenceEqual(cover.Chosen.Select(c => offers.IndexOf(c))), context);
            Assert.Equal(brute.Uncovered, cover.Uncovered);
            Assert.Equal(brute.Uncovered.Count == 0, cover.Complete);
            var covered = cover.Chosen.SelectMany(c => c.Covers).ToHashSet();
            Assert.All(items.Except(cover.Uncovered), item => Assert.Contains(item, covered));
            Assert.Equal(cover.Chosen.Sum(c => c.PriceLowWan), cover.TotalLowWan);
            if (brute.CoversOfLeastCost > 1) tiedCases++;
        }
        // The tie rules were exercised, not only the cost.
        Assert.True(tiedCases > 100, $"only {tiedCases} cases had several covers of least cost");
    }

    [Fact]
    public void One_product_covering_several_scenarios_beats_single_ones_that_cost_more_together_and_loses_to_them_when_they_cost_less()
    {
        var mes = Offer("MES", 10m, "计划排程", "生产管控");
        var aps = Offer("APS", 6m, "计划排程");
        var board = Offer("看板", 6m, "生产管控");
        // 10 < 6 + 6
        Assert.Equal(["MES"], Names(CheapestCover.Find(["计划排程", "生产管控"], [aps, mes, board])));

        var dearMes = mes with { PriceLowWan = 12.5m, PriceHighWan = 12.5m };
        // 12.5 > 6 + 6 = 12: the two single ones, in the order given.
        var r = CheapestCover.Find(["计划排程", "生产管控"], [aps, dearMes, board]);
        Assert.Equal(["APS", "看板"], Names(r));
        Assert.Equal(12m, r.TotalHighWan);
    }

    [Fact]
    public void At_equal_cost_the_fewest_products_win_then_the_lower_low_total_then_the_order_given()
    {
        // 8 = 4 + 4: one product rather than two.
        var suite = Offer("套件", 8m, "质量管理", "设备管理");
        var qms = Offer("QMS", 4m, "质量管理");
        var eam = Offer("EAM", 4m, "设备管理");
        Assert.Equal(["套件"], Names(CheapestCover.Find(["质量管理", "设备管理"], [qms, eam, suite])));

        // Both cost at most 8; 云QMS may cost as little as 5, QMS only 6: the lower low total.
        var qmsRange = Offer("QMS", 6m, 8m, "质量管理");
        var cloud = Offer("云QMS", 5m, 8m, "质量管理");
        Assert.Equal(["云QMS"], Names(CheapestCover.Find(["质量管理"], [qmsRange, cloud])));

        // All equal: the first in the order given, whichever that is.
        var a = Offer("甲", 3m, "能耗管理");
        var b = Offer("乙", 3m, "能耗管理");
        Assert.Equal(["甲"], Names(CheapestCover.Find(["能耗管理"], [a, b])));
        Assert.Equal(["乙"], Names(CheapestCover.Find(["能耗管理"], [b, a])));
    }

    [Fact]
    public void The_cost_is_the_upper_end_of_a_range_so_a_fixed_price_below_it_wins_over_a_lower_starting_range()
    {
        // 5-20万 may cost 20; a fixed 15万 costs 15.
        var range = Offer("智能仓储方案", 5m, 20m, "仓储物流");
        var fixedPrice = Offer("WMS", 15m, "仓储物流");
        var r = CheapestCover.Find(["仓储物流"], [range, fixedPrice]);
        Assert.Equal(["WMS"], Names(r));
        Assert.Equal((15m, 15m), (r.TotalLowWan, r.TotalHighWan));

        // Two ranges chosen together: totals add end by end, 2-3 + 4.5-7 = 6.5-10.
        var r2 = CheapestCover.Find(["财务管理", "人力资源"], [Offer("财务云", 2m, 3m, "财务管理"), Offer("HR云", 4.5m, 7m, "人力资源")]);
        Assert.Equal((6.5m, 10m), (r2.TotalLowWan, r2.TotalHighWan));
    }

    [Fact]
    public void A_scenario_no_product_covers_is_named_and_the_rest_still_covered_at_least_cost()
    {
        var r = CheapestCover.Find(["生产管控", "能耗管理", "设备管理"], [Offer("MES", 10m, "生产管控", "设备管理"), Offer("EAM", 3m, "设备管理"), Offer("看板", 4m, "生产管控")]);
        Assert.False(r.Complete);
        Assert.Equal(["能耗管理"], r.Uncovered);
        // 3 + 4 = 7 < 10
        Assert.Equal(["EAM", "看板"], Names(r));
        Assert.Equal(7m, r.TotalHighWan);

        var none = CheapestCover.Find(["能耗管理"], []);
        Assert.False(none.Complete);
        Assert.Equal(["能耗管理"], none.Uncovered);
        Assert.Empty(none.Chosen);
    }

    [Fact]
    public void An_empty_need_is_covered_by_nothing_at_no_cost()
    {
        var r = CheapestCover.Find([], [Offer("MES", 10m, "生产管控")]);
        Assert.True(r.Complete);
        Assert.Empty(r.Chosen);
        Assert.Empty(r.Uncovered);
        Assert.Equal((0m, 0m), (r.TotalLowWan, r.TotalHighWan));
    }

    [Fact]
    public void Products_covering_nothing_needed_and_repeated_scenarios_change_nothing()
    {
        var r = CheapestCover.Find(["采购管理", "采购管理"], [Offer("CRM", 1m, "营销管理"), Offer("SRM", 9m, "采购管理")]);
        Assert.Equal(["SRM"], Names(r));
        Assert.True(r.Complete);
    }

    [Fact]
    public void All_sixteen_scenarios_are_solved_and_a_seventeenth_is_refused_in_chinese()
    {
        // Sixteen single products of 1万 each against one suite of 15.5万 covering them all: the suite.
        var singles = Miit.Select(m => Offer(m + "系统", 1m, m)).ToList();
        var suite = Offer("一体化平台", 15.5m, Miit);
        var r = CheapestCover.Find(Miit, [.. singles, suite]);
        Assert.Equal(["一体化平台"], Names(r));
        // Without the suite: all sixteen, 16万.
        Assert.Equal(16m, CheapestCover.Find(Miit, singles).TotalHighWan);

        var e = Assert.Throws<ArgumentException>(() => CheapestCover.Find([.. Miit, "研发创新"], singles));
        Assert.True(Chinese.IsChinese(e.Message));
        Assert.Contains("最多为16个场景", e.Message);
        Assert.Contains("本次有17个", e.Message);
    }

    [Fact]
    public void A_price_whose_low_end_exceeds_its_high_end_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => CheapestCover.Find(["生产管控"], [Offer("MES", 12m, 10m, "生产管控")]));
        Assert.Contains("产品“MES”的价格有误", e.Message);
    }
}
