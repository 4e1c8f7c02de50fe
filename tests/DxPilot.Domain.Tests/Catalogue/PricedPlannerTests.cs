using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>
/// 报价方案 (issue 13 item 5): the gap plan's scenarios, constrained first, mapped to catalogue scenarios, covered by the cheapest
/// approved products, with alternatives, the reasons where nothing can be bought, and the question changes that need no purchase.
/// The subsidy tests are in <see cref="PricedPlanSubsidyTests"/>.
/// </summary>
public sealed class PricedPlannerTests
{
    private static readonly MoneyRules Changchun = ProgrammeFiles.Changchun.Money;

    internal static readonly Dictionary<string, IReadOnlyList<string>> MiitByLevel3 = new()
        {
            ["2.1.1"] = ["计划排程"], ["2.2.1"] = ["生产管控"], ["2.2.2"] = ["生产管控", "计划排程"], ["2.4.1"] = ["质量管理"],
            ["3.1.1"] = ["仓储物流"], ["4.1.1"] = ["协同办公"], ["2.10.1"] = ["生产管控"],
        };

    internal static readonly Dictionary<string, string> Level3Names = new()
        {
            ["2.1.1"] = "生产计划与调度", ["2.2.1"] = "生产过程监控", ["2.2.2"] = "制造执行", ["2.4.1"] = "质量检测",
            ["3.1.1"] = "智能仓储", ["4.1.1"] = "移动办公", ["2.10.1"] = "车间看板",
        };

    internal static readonly Guid Provider1 = Guid.NewGuid(), Provider2 = Guid.NewGuid();

    internal static CatalogueOffer Offer(string name, decimal low, decimal high, string category, params string[] level3) =>
        new(Guid.NewGuid(), name, "长春智造科技有限公司", Provider1, low, high, true, category, level3);

    internal static GapChange Scenario(string name, bool constrained) =>
        new(GapChangeKind.Scenario, name, 0, constrained, $"场景“{name}”：由一级提升到三级", ["一级"], ["三级"]);

    internal static GapPlan Gap(int target, params GapChange[] changes) => new(target, false, true, changes, "", new IndexedSheet([], []));

    private static readonly GapChange Question = new(GapChangeKind.Answer, "数据采集", 4, false, "题目“数据采集”：现有（无）；需新增设备运行数据，加4分", [], ["设备运行数据"]);

    [Theory]
    [InlineData(2, 3, null)]
    [InlineData(0, 1, null)]
    [InlineData(3, 4, null)]
    [InlineData(2, 2, "目标等级须高于当前等级（当前为二级）")]
    [InlineData(2, 1, "目标等级须高于当前等级（当前为二级）")]
    [InlineData(0, 0, "目标等级须高于当前等级（当前为无等级）")]
    [InlineData(4, 4, "目标等级须高于当前等级（当前为四级）")]
    [InlineData(3, 5, "目标等级最高为四级")]
    public void A_target_must_lie_above_the_current_level_and_at_most_four(int current, int target, string? refusal) =>
        Assert.Equal(refusal, PricedPlanner.Validate(current, target));

    [Fact]
    public void Constrained_scenarios_come_first_each_with_its_catalogue_scenarios_the_product_serving_it_and_three_cheaper_alternatives()
    {
        var mes = Offer("MES制造执行系统", 40m, 40m, "software", "2.2.2");
        var offers = new[]
        {
            mes,
            Offer("APS排程", 15m, 15m, "software", "2.1.1"),
            Offer("车间看板", 30m, 30m, "software", "2.2.1", "2.10.1"),
            Offer("QMS", 20m, 20m, "cloud", "2.4.1") with { ProviderId = Provider2, ProviderName = "吉林云数信息技术有限公司" },
            Offer("质检A", 22m, 22m, "cloud", "2.4.1"),
            Offer("质检B", 21m, 21m, "cloud", "2.4.1"),
            Offer("质检C", 23m, 23m, "cloud", "2.4.1"),
            Offer("质检平台", 18m, 25m, "cloud", "2.4.1"),
            Offer("办公电脑", 1m, 1m, "office", "4.1.1"),
        };
        // The gap plan lists 计划排程 (not constrained) first; the plan puts the constrained ones first, in the gap plan's order.
        var plan = PricedPlanner.Plan(Gap(3, Scenario("计划排程", false), Scenario("生产管控", true), Scenario("质量管理", true), Question),
            MiitByLevel3, Level3Names, offers, Changchun, false);

        Assert.Equal(["生产管控", "质量管理", "计划排程"], plan.Scenarios.Select(s => s.MiitScenario));
        Assert.Equal([true, true, false], plan.Scenarios.Select(s => s.Constrained));
        Assert.True(plan.Complete);

        // MES (40) covers 生产管控 and 计划排程 for less than 车间看板 + APS (30 + 15 = 45); QMS at 20 is the cheapest for 质量管理.
        Assert.Equal(["MES制造执行系统", "QMS"], plan.Products.Select(p => p.Offer.Name).OrderBy(n => n, StringComparer.Ordinal));
        var control = plan.Scenarios[0];
        // Catalogue scenarios in tree order: 2.2.1 before 2.2.2 before 2.10.1.
        Assert.Equal([new MappedScenario("2.2.1", "生产过程监控"), new("2.2.2", "制造执行"), new("2.10.1", "车间看板")], control.CatalogueScenarios);
        Assert.Equal([mes], control.Chosen);
        Assert.Equal(["车间看板"], control.Alternatives.Select(a => a.Name));
        Assert.Null(control.NoProduct);
        Assert.Equal([mes], plan.Scenarios[2].Chosen);
        Assert.Equal(["APS排程"], plan.Scenarios[2].Alternatives.Select(a => a.Name));
        // Four other products serve 质量管理: the three cheapest at their upper price, 21 < 22 < 23 (质检平台 may cost 25).
        Assert.Equal(["质检B", "质检A", "质检C"], plan.Scenarios[1].Alternatives.Select(a => a.Name));

        Assert.Equal(["生产管控", "计划排程"], plan.Products.Single(p => p.Offer == mes).Serves);
        Assert.Equal(60m, plan.AtHighPrice.TotalWan);
        Assert.Equal([new PlanProvider(Provider1, "长春智造科技有限公司"), new(Provider2, "吉林云数信息技术有限公司")], plan.Providers);
        Assert.False(plan.SomePricesExcludeTax);
        // The question change is an improvement to make, not a product to buy.
        Assert.Equal([Question], plan.WithoutPurchase);
    }

    [Fact]
    public void On_generated_catalogues_the_plan_buys_what_brute_force_finds_over_the_whole_catalogue_ordered_by_name()
    {
        var random = new Random(1313);
        var miit = new[] { "产品设计", "计划排程", "生产管控", "质量管理", "设备管理", "仓储物流" };
        var codes = Enumerable.Range(1, 8).Select(i => $"2.{i}.1").ToList();
        for (var n = 0; n < 300; n++)
        {
            var map = codes.ToDictionary(c => c, IReadOnlyList<string> (_) => miit.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList());
            var names = codes.ToDictionary(c => c, c => $"场景{c}");
            // Few distinct names and prices on a 0.5万 grid, so that products tie on price and on name.
            var offers = Enumerable.Range(0, random.Next(0, 13)).Select(_ => Offer($"方案{"甲乙丙"[random.Next(3)]}", 0, random.Next(1, 9) * 0.5m,
                "software", codes.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray())).Select(o => o with { PriceLowWan = o.PriceHighWan })
                .ToList();
            var raised = miit.OrderBy(_ => random.Next()).Take(random.Next(1, 6)).Select(m => Scenario(m, random.Next(2) == 0)).ToList();

            var plan = PricedPlanner.Plan(Gap(3, [.. raised]), map, names, offers, Changchun, false);

            // The rules on the whole catalogue: every product, ordered by name then id, covering what its scenarios map to.
            var items = raised.OrderByDescending(c => c.Constrained).Select(c => c.Item).ToList();
            var ordered = offers.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.ProductId).ToList();
            var covers = ordered.Select(o => new CoverOffer(o.ProductId, o.Name, o.ProviderName, o.PriceLowWan, o.PriceHighWan,
                o.Level3Codes.SelectMany(c => map[c]).ToHashSet())).ToList();
            var brute = BruteForceCover.Solve(items, covers);
            Assert.Equal(brute.Offers.Select(i => ordered[i].ProductId).Order(), plan.Products.Select(p => p.Offer.ProductId).Order());
            Assert.Equal(brute.Uncovered.Count == 0, plan.Complete);
            foreach (var s in plan.Scenarios)
            {
                var others = covers.Where(c => c.Covers.Contains(s.MiitScenario) && !plan.Products.Any(p => p.Offer.ProductId == c.ProductId))
                    .OrderBy(c => c.PriceHighWan).ThenBy(c => c.PriceLowWan).Take(PricedPlanner.Alternatives).Select(c => c.ProductId);
                Assert.Equal(others, s.Alternatives.Select(a => a.ProductId));
            }
        }
    }

    [Fact]
    public void A_scenario_without_a_catalogue_scenario_or_without_an_approved_product_says_which_and_the_rest_is_still_planned()
    {
        var plan = PricedPlanner.Plan(Gap(3, Scenario("能耗管理", true), Scenario("仓储物流", true), Scenario("质量管理", true)),
            MiitByLevel3, Level3Names, [Offer("QMS", 20m, 20m, "cloud", "2.4.1"), Offer("未知场景的产品", 1m, 1m, "software", "9.9.9")], Changchun, false);

        Assert.False(plan.Complete);
        var energy = plan.Scenarios[0];
        Assert.Empty(energy.CatalogueScenarios);
        Assert.Empty(energy.Chosen);
        Assert.Equal("无可选产品：目录中尚无对应此场景的三级场景", energy.NoProduct);
        Assert.Equal("无可选产品：对应的三级场景（智能仓储）尚无审核通过的产品", plan.Scenarios[1].NoProduct);
        Assert.Equal(["QMS"], plan.Scenarios[2].Chosen.Select(c => c.Name));
        Assert.Equal(["QMS"], plan.Products.Select(p => p.Offer.Name));
        Assert.Equal(20m, plan.AtHighPrice.TotalWan);
    }

    [Fact]
    public void Equal_products_are_chosen_by_name_whatever_order_the_catalogue_gives_them_in()
    {
        // Same price, same coverage: the planner orders products by name, ordinally, so 乙 (U+4E59) comes before 甲 (U+7532).
        var a = Offer("甲方案", 10m, 10m, "software", "2.4.1");
        var b = Offer("乙方案", 10m, 10m, "software", "2.4.1");
        var first = PricedPlanner.Plan(Gap(3, Scenario("质量管理", true)), MiitByLevel3, Level3Names, [a, b], Changchun, false);
        var second = PricedPlanner.Plan(Gap(3, Scenario("质量管理", true)), MiitByLevel3, Level3Names, [b, a], Changchun, false);
        Assert.Equal(["乙方案"], first.Products.Select(p => p.Offer.Name));
        Assert.Equal(["乙方案"], second.Products.Select(p => p.Offer.Name));
        Assert.Equal(["甲方案"], second.Scenarios[0].Alternatives.Select(o => o.Name));
    }

    [Fact]
    public void A_product_priced_without_tax_is_flagged()
    {
        var offer = Offer("QMS", 20m, 20m, "cloud", "2.4.1") with { TaxIncluded = false };
        Assert.True(PricedPlanner.Plan(Gap(3, Scenario("质量管理", true)), MiitByLevel3, Level3Names, [offer], Changchun, false).SomePricesExcludeTax);
    }

    [Fact]
    public void The_gap_plan_of_a_real_2024_result_is_priced_scenario_by_scenario_in_its_order_constrained_first()
    {
        // Every question at its best, every scenario at 一级: 三级 needs scenarios raised and no question changed.
        var result = new Scorer(OfficialInstruments.Miit2024).Assess(OfficialInstruments.Sheet2024(OfficialInstruments.Best, _ => 1)).Result!;
        var gap = GapPlanner.Plan(result, 3);
        var raised = gap.Changes.Where(c => c.Kind == GapChangeKind.Scenario).ToList();
        Assert.NotEmpty(raised);

        var plan = PricedPlanner.Plan(gap, MiitByLevel3, Level3Names, [Offer("MES制造执行系统", 40m, 40m, "software", "2.2.2")], Changchun, false);
        Assert.Equal(raised.OrderByDescending(c => c.Constrained).Select(c => c.Item), plan.Scenarios.Select(s => s.MiitScenario));
        Assert.Empty(plan.WithoutPurchase);
    }

    [Fact]
    public void A_pinned_product_stays_in_the_plan_and_the_cheapest_cover_is_found_for_what_it_leaves()
    {
        var mes = Offer("MES制造执行系统", 40m, 40m, "software", "2.2.2");
        var aps = Offer("APS排程", 15m, 15m, "software", "2.1.1");
        var board = Offer("车间看板", 30m, 30m, "software", "2.2.1");
        var qms = Offer("QMS", 20m, 20m, "cloud", "2.4.1");
        var gap = Gap(3, Scenario("生产管控", true), Scenario("质量管理", true), Scenario("计划排程", false));
        Assert.Equal(["MES制造执行系统", "QMS"], PricedPlanner.Plan(gap, MiitByLevel3, Level3Names, [mes, aps, board, qms], Changchun, false)
            .Products.Select(p => p.Offer.Name).Order(StringComparer.Ordinal));

        // 车间看板 pinned covers 生产管控 only: 计划排程 is left, APS (15) covers it for less than MES (40); 30 + 15 + 20 = 65.
        var plan = PricedPlanner.Plan(gap, MiitByLevel3, Level3Names, [mes, aps, board, qms], Changchun, false, new HashSet<Guid> { board.ProductId });
        Assert.True(plan.Complete);
        Assert.Equal(["APS排程", "QMS", "车间看板"], plan.Products.Select(p => p.Offer.Name).Order(StringComparer.Ordinal));
        Assert.Equal(65m, plan.AtHighPrice.TotalWan);
        Assert.Contains(mes, plan.Scenarios[0].Alternatives);

        // A pinned product the catalogue no longer offers, or one serving none of the scenarios, changes nothing.
        var gone = PricedPlanner.Plan(gap, MiitByLevel3, Level3Names, [mes, aps, board, qms], Changchun, false, new HashSet<Guid> { Guid.NewGuid() });
        Assert.Equal(60m, gone.AtHighPrice.TotalWan);
    }
}
