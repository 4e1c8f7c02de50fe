using DxPilot.Domain.Enterprises;

namespace DxPilot.Domain.Tests.Enterprises;

/// <summary>
/// 工信部联企业〔2011〕300号, 工业: X employees, Y revenue (万元).
/// Micro: X &lt; 20 or Y &lt; 300. Medium: X ≥ 300 and Y ≥ 2000. Large: X ≥ 1000 and Y ≥ 40000. Else small.
/// </summary>
public class SizeRuleTests
{
    [Theory]
    // 20 employees
    [InlineData(19, 5000, SizeClass.Micro)]
    [InlineData(20, 5000, SizeClass.Small)]
    // 300 万元
    [InlineData(100, 299, SizeClass.Micro)]
    [InlineData(100, 299.99, SizeClass.Micro)]
    [InlineData(100, 300, SizeClass.Small)]
    // medium needs both 300 people and 2000 万元
    [InlineData(299, 1999, SizeClass.Small)]
    [InlineData(299, 2000, SizeClass.Small)]
    [InlineData(300, 1999, SizeClass.Small)]
    [InlineData(300, 2000, SizeClass.Medium)]
    // large needs both 1000 people and 40000 万元
    [InlineData(999, 39999, SizeClass.Medium)]
    [InlineData(999, 40000, SizeClass.Medium)]
    [InlineData(1000, 39999, SizeClass.Medium)]
    [InlineData(1000, 40000, SizeClass.Large)]
    // "or" in the micro rule: one small measure is enough
    [InlineData(10, 50000, SizeClass.Micro)]
    [InlineData(5000, 100, SizeClass.Micro)]
    [InlineData(19, 299, SizeClass.Micro)]
    [InlineData(0, 0, SizeClass.Micro)]
    [InlineData(20, 300, SizeClass.Small)]
    public void Boundaries_follow_the_2011_rule(int employees, double revenueWan, SizeClass expected) =>
        Assert.Equal(expected, SizeRule.Classify(employees, (decimal)revenueWan));

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(10, -0.01)]
    [InlineData(-5, -5)]
    public void Negative_inputs_throw(int employees, double revenueWan) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SizeRule.Classify(employees, (decimal)revenueWan));

    [Theory]
    [InlineData(SizeClass.Micro, "微型", true)]
    [InlineData(SizeClass.Small, "小型", true)]
    [InlineData(SizeClass.Medium, "中型", true)]
    [InlineData(SizeClass.Large, "大型", false)]
    public void Labels_and_sme(SizeClass size, string label, bool sme)
    {
        Assert.Equal(label, size.Label());
        Assert.Equal(sme, size.IsSme());
    }

    [Fact]
    public void A_large_size_warns_by_where_it_came_from_and_an_sme_not_at_all()
    {
        Assert.StartsWith("按从业人员和营业收入测算为大型企业", SizeRule.Warning(SizeClass.Large, overridden: false));
        // The bureau set it: the warning neither calls it computed nor asks the bureau to adjust it.
        var set = SizeRule.Warning(SizeClass.Large, overridden: true)!;
        Assert.Equal("工信主管部门已认定为大型企业，不属于中小企业，不能参加本试点的改造项目备案。", set);
        Assert.Null(SizeRule.Warning(SizeClass.Medium, overridden: true));
        Assert.Null(SizeRule.Warning(null, overridden: false));
    }
}
