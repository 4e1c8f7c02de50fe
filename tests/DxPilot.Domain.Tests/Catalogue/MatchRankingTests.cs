using DxPilot.Domain.Catalogue;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>The match's ranking on hand-made cases: points per criterion as the weights say, over-budget below within-budget,
/// the reasons in Chinese, and ties broken by price, name and id whatever order the candidates come in.</summary>
public sealed class MatchRankingTests
{
    private const string Industry = "汽车零部件配件制造";

    private static readonly MatchNeed Scheduling = new("2.1.1", "数字化排产与优化", NeedPriority.High, 30m);
    private static readonly MatchNeed Quality = new("2.3.1", "质量检测数字化", NeedPriority.Medium, null);
    private static readonly MatchNeed Energy = new("2.6.1", "能耗监测", NeedPriority.Low, 10m);

    private static MatchCandidate Product(string name, string[] scenarios, decimal low, decimal? high = null, string[]? industries = null,
        double? rating = null, int forms = 0, int satisfied = 0, bool serves = false, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), name, Guid.NewGuid(), "服务商", scenarios, industries ?? [], low, high ?? low, rating, forms, satisfied, serves);

    [Fact]
    public void Each_criterion_earns_its_named_points_and_says_why()
    {
        var aps = Product("排产APS", ["2.1.1", "9.9.9"], 20m, 28m, [Industry, "电子元器件制造"], rating: 84, forms: 4, satisfied: 3, serves: true);
        var match = Assert.Single(MatchRanking.Rank([Scheduling, Quality], Industry, [aps]));

        Assert.Equal(["2.1.1"], match.CoveredScenarios);
        Assert.Equal(new MatchScores(40, 15, 15, 8.4, 7.5, 10), match.Scores);
        Assert.Equal(95.9, match.Scores.Total, 6);
        Assert.Null(match.OverBudgetWan);
        Assert.Equal("覆盖需求：数字化排产与优化（高）；适用本行业；在预算30.00万元内；智库评价84.0分；诊断满意度：4家企业评价，3家满意；已为本企业提供诊断服务",
            match.Why);
    }

    [Fact]
    public void Needs_weigh_by_priority_and_a_scenario_asked_twice_counts_once_at_its_highest()
    {
        var again = Scheduling with { Priority = NeedPriority.Low, BudgetWan = 10m };
        var wide = Product("全厂套件", ["2.1.1", "2.3.1", "2.6.1"], 35m);
        var match = Assert.Single(MatchRanking.Rank([again, Scheduling, Quality, Energy], Industry, [wide]));
        Assert.Equal(MatchRanking.High + MatchRanking.Medium + MatchRanking.Low, match.Scores.Coverage);
        // The covered needs' budgets add up: 10 + 30 (2.1.1) + 10 (2.6.1) = 50; 2.3.1 stated none.
        Assert.Equal(MatchRanking.WithinBudget, match.Scores.Budget);
        Assert.Contains("在预算50.00万元内", match.Reasons);
        Assert.StartsWith("覆盖需求：数字化排产与优化（高）、质量检测数字化（中）、能耗监测（低）", match.Why);
    }

    [Fact]
    public void Over_budget_ranks_below_within_budget_and_says_by_how_much()
    {
        var within = Product("排产甲", ["2.1.1"], 30m);
        var straddles = Product("排产乙", ["2.1.1"], 25m, 36m);
        var over = Product("排产丙", ["2.1.1"], 36m);
        var farOver = Product("排产丁", ["2.1.1"], 90m);
        var ranked = MatchRanking.Rank([Scheduling], Industry, [farOver, over, straddles, within]);

        Assert.Equal(["排产甲", "排产乙", "排产丙", "排产丁"], ranked.Select(m => m.Product.Name));
        Assert.Equal(MatchRanking.WithinBudget, ranked[0].Scores.Budget);
        Assert.Equal(0, ranked[1].Scores.Budget);
        Assert.Contains("价格区间跨越预算30.00万元（最高超出6.00万元）", ranked[1].Reasons);
        // 6 over a budget of 30 is a fifth of it: a fifth of the 15 points lost.
        Assert.Equal(-3, ranked[2].Scores.Budget, 6);
        Assert.Equal(6m, ranked[2].OverBudgetWan);
        Assert.Contains("超出预算6.00万元（预算30.00万元）", ranked[2].Reasons);
        // Twice the budget and more loses all of it, no more.
        Assert.Equal(-MatchRanking.OverBudget, ranked[3].Scores.Budget);
        Assert.Equal(60m, ranked[3].OverBudgetWan);
    }

    [Fact]
    public void Without_a_stated_budget_the_price_neither_helps_nor_hurts()
    {
        var match = Assert.Single(MatchRanking.Rank([Quality], Industry, [Product("视觉质检", ["2.3.1"], 500m)]));
        Assert.Equal(0, match.Scores.Budget);
        Assert.Null(match.OverBudgetWan);
        Assert.DoesNotContain(match.Reasons, r => r.Contains("预算"));
    }

    [Fact]
    public void A_product_for_other_industries_only_ranks_below_one_for_this_industry_or_all()
    {
        var named = Product("排产乙", ["2.1.1"], 10m, industries: [Industry]);
        var all = Product("排产甲", ["2.1.1"], 12m);
        var other = Product("排产丙", ["2.1.1"], 5m, industries: ["电子元器件制造"]);
        var ranked = MatchRanking.Rank([Scheduling], Industry, [other, all, named]);

        Assert.Equal(["排产乙", "排产甲", "排产丙"], ranked.Select(m => m.Product.Name));
        Assert.Equal([15d, 15, 0], ranked.Select(m => m.Scores.Industry));
        Assert.Equal(["适用本行业", "适用各行业", "未列明适用本行业"], ranked.Select(m => m.Reasons[1]));
    }

    [Fact]
    public void More_and_higher_needs_covered_rank_first()
    {
        var high = Product("排产", ["2.1.1"], 100m, industries: ["电子元器件制造"]);
        var mediumWithEverything = Product("质检", ["2.3.1"], 1m, rating: 100, forms: 1, satisfied: 1, serves: true);
        var both = Product("套件", ["2.1.1", "2.3.1"], 100m, industries: ["电子元器件制造"]);
        var ranked = MatchRanking.Rank([Scheduling, Quality], Industry, [high, mediumWithEverything, both]);
        // 套件 40 + 25 − 15 = 50; 质检 25 + 15 + 10 + 10 + 10 = 70; 排产 40 − 15 = 25.
        Assert.Equal(["质检", "套件", "排产"], ranked.Select(m => m.Product.Name));
        Assert.Equal([70d, 50, 25], ranked.Select(m => Math.Round(m.Scores.Total, 6)));
    }

    [Fact]
    public void Products_serving_none_of_the_needs_are_not_listed()
    {
        Assert.Empty(MatchRanking.Rank([Scheduling], Industry, [Product("能耗", ["2.6.1"], 5m)]));
        Assert.Empty(MatchRanking.Rank([], Industry, [Product("排产", ["2.1.1"], 5m)]));
    }

    [Fact]
    public void Ties_go_to_the_lower_price_then_the_name_then_the_id_in_any_input_order()
    {
        var first = new Guid("00000000-0000-0000-0000-000000000001");
        var second = new Guid("00000000-0000-0000-0000-000000000002");
        var candidates = new[]
        {
            Product("乙方案", ["2.1.1"], 12m), Product("甲方案", ["2.1.1"], 12m, id: second), Product("甲方案", ["2.1.1"], 12m, id: first),
            Product("丙方案", ["2.1.1"], 8m),
        };
        var expected = new[] { ("丙方案", candidates[3].ProductId), ("乙方案", candidates[0].ProductId), ("甲方案", first), ("甲方案", second) }
            .OrderBy(x => x.Item1 == "丙方案" ? 0 : 1).ThenBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2).ToList();
        foreach (var order in new MatchCandidate[][] { candidates, Enumerable.Reverse(candidates).ToArray(), [candidates[2], candidates[0], candidates[3], candidates[1]] })
            Assert.Equal(expected, MatchRanking.Rank([Scheduling], Industry, order).Select(m => (m.Product.Name, m.Product.ProductId)));
    }
}
