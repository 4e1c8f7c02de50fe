using DxPilot.Domain.Text;

namespace DxPilot.Domain.Tests.Text;

/// <summary>Expected strings are copied from 《正确填写票据和结算凭证的基本规定》's own examples (first form where it gives two)
/// or written by hand from its rules; none was produced by running the writer.</summary>
public class CapitalAmountTests
{
    [Theory]
    // The regulation's examples, 第三条 (一) to (四), first forms.
    [InlineData("1409.50", "壹仟肆佰零玖元伍角")]
    [InlineData("6007.14", "陆仟零柒元壹角肆分")]
    [InlineData("1680.32", "壹仟陆佰捌拾元零叁角贰分")]
    [InlineData("107000.53", "壹拾万柒仟元零伍角叁分")]
    [InlineData("16409.02", "壹万陆仟肆佰零玖元零贰分")]
    [InlineData("325.04", "叁佰贰拾伍元零肆分")]
    // Seed 003 附件2: 整 after 元.
    [InlineData("123000", "壹拾贰万叁仟元整")]
    // Runs of zeros across the 万 and 亿 groups: one 零; none where the run ends at 万位/亿位 before a 千位 (三, first form).
    [InlineData("100000001", "壹亿零壹元整")]
    [InlineData("1000010000", "壹拾亿零壹万元整")]
    [InlineData("10000000000.10", "壹佰亿元零壹角")]
    [InlineData("1070000000", "壹拾亿柒仟万元整")]
    [InlineData("1000007000", "壹拾亿柒仟元整")]
    [InlineData("200000000", "贰亿元整")]
    [InlineData("10005", "壹万零伍元整")]
    [InlineData("10050", "壹万零伍拾元整")]
    [InlineData("100000", "壹拾万元整")]
    [InlineData("10", "壹拾元整")]
    [InlineData("20.05", "贰拾元零伍分")]
    [InlineData("20.50", "贰拾元零伍角")]
    [InlineData("1.10", "壹元壹角")]
    [InlineData("1.01", "壹元零壹分")]
    // Under one 元: no leading 零元.
    [InlineData("0.01", "壹分")]
    [InlineData("0.50", "伍角")]
    [InlineData("0.56", "伍角陆分")]
    // The largest amount allowed.
    [InlineData("99999999999.99", "玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    public void Writes_the_capitals_by_the_rules(string yuan, string expected) =>
        Assert.Equal(expected, CapitalAmount.Of(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A subsidy computed from an audit that found nothing eligible is 0: written as 零元整, though no one may type it.</summary>
    [Fact]
    public void A_computed_zero_is_written_but_not_taken_as_input()
    {
        Assert.Equal("人民币零元整", CapitalAmount.Rmb(0m));
        Assert.Equal("金额应大于0元", CapitalAmount.Problem(0m));
        Assert.Equal("金额应大于0元", CapitalAmount.Parse("0").Problem);
    }

    [Fact]
    public void Rmb_puts_the_currency_before_the_digits() => Assert.Equal("人民币壹拾贰万叁仟元整", CapitalAmount.Rmb(123000m));

    [Theory]
    [InlineData("-0.01", "金额应大于0元")]
    [InlineData("0.001", "金额最多保留两位小数（到分）")]
    [InlineData("12.345", "金额最多保留两位小数（到分）")]
    [InlineData("100000000000", "金额应小于1000亿元")]
    [InlineData("100000000000.00", "金额应小于1000亿元")]
    public void Refuses_what_cannot_be_written(string yuan, string reason)
    {
        var value = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(reason, CapitalAmount.Problem(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => CapitalAmount.Of(value));
        Assert.Equal(reason, CapitalAmount.Parse(yuan).Problem);
    }

    [Theory]
    [InlineData("123000.00", "123000.00")]
    [InlineData(" ¥1,409.5 ", "1409.5")]
    public void Parses_amounts_as_typed(string typed, string value) =>
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), CapitalAmount.Parse(typed).Yuan);

    [Theory]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("12.3.4")]
    [InlineData("")]
    public void Refuses_what_is_not_an_amount(string typed) => Assert.NotNull(CapitalAmount.Parse(typed).Problem);
}
