using DxPilot.Domain.Programmes;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Projects;

/// <summary>
/// 专项资金 worked by hand from the programmes' money rules (DOMAIN §1): Changchun min(50 % × audited eligible spend, 50万元), the whole
/// of it withheld from an enterprise excluded from central funds (seed 002 四（四） 不再重复支持); Hangzhou 40 % of the eligible spend,
/// all central money, no cap. Amounts are 万元 rounded down to the 0.01 ("最高不超过").
/// </summary>
public sealed class SubsidyTests
{
    private static readonly MoneyRules Changchun = ProgrammeFiles.ById("changchun-2025").Money;
    private static readonly MoneyRules Hangzhou = ProgrammeFiles.ById("hangzhou-2024").Money;

    private static SubsidyFacts Facts(decimal? eligibleYuan, int? level = 2, bool accepted = true, bool audited = true, bool excluded = false, int? target = 2) =>
        new(level, target, accepted, audited, eligibleYuan, excluded);

    [Theory]
    // 600,000.00元 = 60万元 × 50 % = 30.00万元, below the cap.
    [InlineData(600000.00, 30.00, false)]
    // 1,000,000.00元 = 100万元 × 50 % = 50.00万元, exactly the cap (not "above" it).
    [InlineData(1000000.00, 50.00, false)]
    // 1,234,567.89元 × 50 % = 61.73万元 > 50万元: the cap.
    [InlineData(1234567.89, 50.00, true)]
    // 12,345.67元 × 50 % = 0.6172835万元, rounded down to 0.61.
    [InlineData(12345.67, 0.61, false)]
    public void Changchun_pays_half_the_audited_eligible_spend_up_to_fifty_wan(decimal eligibleYuan, decimal expectedWan, bool capped)
    {
        var d = Subsidy.Decide(Changchun, Facts(eligibleYuan));
        Assert.True(d.Payable);
        Assert.Empty(d.Problems);
        Assert.Equal(expectedWan, d.AmountWan);
        Assert.Equal(capped, d.Capped);
        Assert.Equal(expectedWan, d.CentralWan + d.LocalWan);
    }

    [Fact]
    public void Hangzhou_pays_forty_per_cent_of_a_partly_eligible_spend_without_a_cap()
    {
        // Of 800,000.00元 invoiced the audit found 555,555.55元 eligible: × 40 % = 22.222222万元 → 22.22, all of it central money.
        var d = Subsidy.Decide(Hangzhou, Facts(555555.55m));
        Assert.Equal(22.22m, d.AmountWan);
        Assert.Equal(22.22m, d.CentralWan);
        Assert.Equal(0m, d.LocalWan);
        // 2,000万元 eligible: 800.00万元, no cap in Hangzhou's rules.
        Assert.Equal(800.00m, Subsidy.Decide(Hangzhou, Facts(20_000_000m)).AmountWan);
    }

    [Fact]
    public void An_excluded_enterprise_has_the_central_share_withheld_which_in_changchun_is_all_of_it()
    {
        var d = Subsidy.Decide(Changchun, Facts(600000m, excluded: true));
        Assert.Equal(0m, d.AmountWan);
        Assert.Equal(30.00m, d.WithheldWan);
        Assert.False(d.Payable);
        Assert.Contains(d.Problems, p => p.Contains("应补助金额为0") && p.Contains("中央资金部分30.00万元不再重复支持"));

        // A programme paying 60 % of its subsidy from central funds withholds that part only: 30.00 → 18.00 withheld, 12.00 paid.
        var mixed = new MoneyRules { SubsidyRatio = 0.5m, SubsidyCapWan = 50, CentralShare = 0.6m, SpendCategories = Changchun.SpendCategories };
        var m = Subsidy.Decide(mixed, Facts(600000m, excluded: true));
        Assert.Equal(12.00m, m.AmountWan);
        Assert.Equal(18.00m, m.WithheldWan);
        Assert.Equal(0m, m.CentralWan);
        Assert.Equal(12.00m, m.LocalWan);
        Assert.True(m.Payable);
    }

    [Fact]
    public void Level_one_after_transformation_is_named_and_no_amount_is_computed()
    {
        var d = Subsidy.Decide(Changchun, Facts(600000m, level: 1));
        Assert.Null(d.AmountWan);
        Assert.False(d.Payable);
        Assert.Equal(["改造后数字化水平：第三方评测为一级，未达到二级及以上"], d.Problems);
    }

    [Fact]
    public void Every_unmet_condition_is_named_at_once()
    {
        var d = Subsidy.Decide(Changchun, Facts(null, level: null, accepted: false, audited: false));
        Assert.Equal(["改造后数字化水平：尚无第三方评测机构出具的改造后评测", "项目验收：项目尚未通过验收", "专项审计：项目尚未完成专项审计"], d.Problems);
    }

    [Fact]
    public void Not_audited_alone_is_enough_to_refuse()
    {
        var d = Subsidy.Decide(Changchun, Facts(null, audited: false));
        Assert.Equal(["专项审计：项目尚未完成专项审计"], d.Problems);
    }

    [Fact]
    public void Where_the_programme_says_so_the_filing_target_must_be_reached_too()
    {
        var strict = new MoneyRules { SubsidyRatio = 0.5m, SubsidyCapWan = 50, CentralShare = 1, ReachTargetLevel = true, SpendCategories = Changchun.SpendCategories };
        Assert.Equal(["改造后数字化水平：第三方评测为二级，未达到备案的目标三级"], Subsidy.Decide(strict, Facts(600000m, level: 2, target: 3)).Problems);
        Assert.True(Subsidy.Decide(strict, Facts(600000m, level: 3, target: 3)).Payable);
        // Changchun's rules ask only for 二级.
        Assert.True(Subsidy.Decide(Changchun, Facts(600000m, level: 2, target: 3)).Payable);
    }

    [Theory]
    [InlineData("changchun-2025")]
    [InlineData("hangzhou-2024")]
    public void The_audit_counts_software_cloud_and_data_collection_hardware_but_not_office_pcs_maintenance_or_cabling(string programme)
    {
        var categories = ProgrammeFiles.ById(programme).Money.SpendCategories.ToDictionary(c => c.Key);
        Assert.All(new[] { "software", "cloud", "collection" }, k => Assert.True(categories[k].Eligible, k));
        Assert.All(new[] { "office", "maintenance", "cabling" }, k => Assert.False(categories[k].Eligible, k));
        Assert.Contains("网关", categories["collection"].Examples);
    }
}
