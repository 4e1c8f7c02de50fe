using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Tests.Support;
using static DxPilot.Domain.Tests.Catalogue.PricedPlannerTests;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>
/// The enterprise's own share of a priced plan, worked by hand from Changchun's money rules (config/programmes/changchun-2025.json,
/// DOMAIN §1): subsidy = min(50 % × eligible spend, 50万元), rounded down to the 0.01万元; eligible spend is 软件、云服务、数据采集与
/// 传输设备, not 办公电脑及外设 or 运维服务; centralShare 1, so an enterprise excluded from central funds gets none of it.
/// The plan assumes the project reaches its target, is accepted and audited with the plan's spend.
/// </summary>
public sealed class PricedPlanSubsidyTests
{
    private static readonly MoneyRules Changchun = ProgrammeFiles.Changchun.Money;

    private static PricedPlan Plan(bool excluded = false, int target = 3, params CatalogueOffer[] offers) =>
        PricedPlanner.Plan(Gap(target, Scenario("生产管控", true), Scenario("质量管理", true), Scenario("协同办公", false)), MiitByLevel3, Level3Names, offers, Changchun, excluded);

    [Fact]
    public void Sixty_eligible_in_a_plan_of_seventy_pays_thirty_and_leaves_forty_to_the_enterprise()
    {
        // MES 40 (软件) + QMS 20 (云服务) = 60 eligible; 办公终端 10 (办公电脑及外设) is not. Total 70.
        // Subsidy 50 % × 60 = 30.00 ≤ 50; own share 70 − 30 = 40.00.
        var plan = Plan(offers: [Offer("MES制造执行系统", 40m, 40m, "software", "2.2.1"), Offer("QMS", 20m, 20m, "cloud", "2.4.1"),
            Offer("移动办公终端", 10m, 10m, "office", "4.1.1")]);
        var high = plan.AtHighPrice;
        Assert.Equal(70.00m, high.TotalWan);
        Assert.Equal(60.00m, high.EligibleWan);
        Assert.Equal(30.00m, high.SubsidyWan);
        Assert.Equal(40.00m, high.OwnShareWan);
        Assert.False(high.Subsidy.Capped);
        Assert.Equal("审定合规投入60.00万元×50%＝30.00万元", high.Basis);

        var office = plan.Products.Single(p => p.Offer.Name == "移动办公终端");
        Assert.False(office.Eligible);
        Assert.Equal("办公电脑及外设", office.SpendCategory);
        Assert.All(plan.Products.Where(p => p != office), p => Assert.True(p.Eligible));
    }

    [Fact]
    public void One_hundred_and_thirty_eligible_is_capped_at_fifty()
    {
        // 50 % × 130 = 65 > 50: the cap, 50.00; own share 130 − 50 = 80.00.
        var high = Plan(offers: [Offer("MES制造执行系统", 90m, 90m, "software", "2.2.1"), Offer("质量检测网关", 40m, 40m, "collection", "2.4.1")]).AtHighPrice;
        Assert.Equal(130.00m, high.EligibleWan);
        Assert.Equal(50.00m, high.SubsidyWan);
        Assert.True(high.Subsidy.Capped);
        Assert.Equal(80.00m, high.OwnShareWan);
        Assert.Contains("超过每家企业上限50.00万元，按上限计", high.Basis);
    }

    [Fact]
    public void An_enterprise_excluded_from_central_funds_gets_nothing_in_changchun_and_the_basis_says_why()
    {
        // 50 % × 60 = 30.00, all of it central money (centralShare 1), withheld: subsidy 0.00, own share the whole 60.00.
        var high = Plan(excluded: true, offers: [Offer("MES制造执行系统", 40m, 40m, "software", "2.2.1"), Offer("QMS", 20m, 20m, "cloud", "2.4.1")]).AtHighPrice;
        Assert.Equal(0.00m, high.SubsidyWan);
        Assert.Equal(60.00m, high.OwnShareWan);
        Assert.Equal(30.00m, high.Subsidy.WithheldWan);
        Assert.Contains("中央资金部分30.00万元不再重复支持", high.Basis);
    }

    [Fact]
    public void A_range_price_gives_a_subsidy_and_a_share_at_each_end()
    {
        // MES 20-40万 (软件): low end 50 % × 20 = 10.00, share 10.00; high end 50 % × 40 = 20.00, share 20.00.
        var plan = Plan(offers: [Offer("MES制造执行系统", 20m, 40m, "software", "2.2.1")]);
        Assert.Equal((20m, 10.00m, 10.00m), (plan.AtLowPrice.TotalWan, plan.AtLowPrice.SubsidyWan, plan.AtLowPrice.OwnShareWan));
        Assert.Equal((40m, 20.00m, 20.00m), (plan.AtHighPrice.TotalWan, plan.AtHighPrice.SubsidyWan, plan.AtHighPrice.OwnShareWan));
    }

    [Fact]
    public void The_subsidy_is_rounded_down_to_the_hundredth_and_the_enterprise_pays_the_rest()
    {
        // 50 % × 33.33 = 16.665 → 16.66 ("最高不超过": never rounded up); own share 33.33 − 16.66 = 16.67.
        var high = Plan(offers: [Offer("QMS", 33.33m, 33.33m, "cloud", "2.4.1")]).AtHighPrice;
        Assert.Equal(16.66m, high.SubsidyWan);
        Assert.Equal(16.67m, high.OwnShareWan);
    }

    [Fact]
    public void Office_computers_maintenance_and_an_unknown_category_are_not_eligible()
    {
        // 办公电脑 5 (office) + 驻场运维 8 (maintenance) + 新型设备 7 (a key the programme does not list): nothing eligible, no subsidy,
        // the enterprise pays all 20.
        var plan = Plan(offers: [Offer("办公电脑", 5m, 5m, "office", "4.1.1"), Offer("驻场运维", 8m, 8m, "maintenance", "2.2.1"),
            Offer("新型设备", 7m, 7m, "hardware", "2.4.1")]);
        Assert.All(plan.Products, p => Assert.False(p.Eligible));
        Assert.Equal("未列入本试点的支出类别", plan.Products.Single(p => p.Offer.Name == "新型设备").SpendCategory);
        Assert.Equal((20m, 0m, 0m, 20m), (plan.AtHighPrice.TotalWan, plan.AtHighPrice.EligibleWan, plan.AtHighPrice.SubsidyWan, plan.AtHighPrice.OwnShareWan));
    }

    [Fact]
    public void A_target_below_the_programmes_minimum_level_gets_no_subsidy_and_says_so()
    {
        // Changchun pays only from 二级 on: a plan to 一级 is all the enterprise's (20.00).
        var high = Plan(target: 1, offers: [Offer("QMS", 20m, 20m, "cloud", "2.4.1")]).AtHighPrice;
        Assert.Equal(0m, high.SubsidyWan);
        Assert.Equal(20m, high.OwnShareWan);
        Assert.Contains("未达到二级及以上", high.Basis);
        Assert.True(Chinese.IsChinese(high.Basis));
    }
}
