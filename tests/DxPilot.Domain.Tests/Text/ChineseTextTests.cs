using DxPilot.Domain.Text;

namespace DxPilot.Domain.Tests.Text;

public class ChineseTextTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("数字化转型", 5)]
    [InlineData("杭州ABC", 5)]
    [InlineData("🚗", 1)]                       // surrogate pair
    [InlineData("数字化🚗", 4)]
    [InlineData("👨‍👩‍👧", 1)]                   // ZWJ family: one grapheme
    [InlineData("👍🏽", 1)]                      // skin-tone modifier
    [InlineData("e\u0301", 1)]                  // e + combining acute
    [InlineData("（全角）", 4)]
    [InlineData("𠀀", 1)]                       // CJK Extension B (outside the BMP)
    public void Counts_characters_as_a_person_sees_them(string? text, int expected) =>
        Assert.Equal(expected, ChineseText.CountCharacters(text));

    // Word's 字符数（不计空格）: every grapheme but spaces, tabs, line breaks and the full-width space.
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData(" \t\r\n\u3000", 0)]
    [InlineData("数字化 转型", 5)]
    [InlineData("a b\r\nc", 3)]
    [InlineData("\u3000\u3000全角空格开头", 6)]
    [InlineData("MES系统，上线！", 9)]
    [InlineData("👨‍👩‍👧 🚗", 2)]
    [InlineData("e\u0301 𠀀", 2)]
    public void Counts_written_characters_without_whitespace(string? text, int expected) =>
        Assert.Equal(expected, ChineseText.CountWrittenCharacters(text));

    [Fact]
    public void Date_is_written_the_chinese_way() =>
        Assert.Equal("2025年7月16日", ChineseText.Date(new DateOnly(2025, 7, 16)));

    [Fact]
    public void An_exports_minute_is_written_the_chinese_way() =>
        Assert.Equal("2025年7月6日09时05分", ChineseText.Minute(new DateTime(2025, 7, 6, 9, 5, 59)));

    [Theory]
    [InlineData(1234.5, "1,234.50")]
    [InlineData(0, "0.00")]
    [InlineData(50, "50.00")]
    public void Wan_has_two_decimals(double amount, string expected) =>
        Assert.Equal(expected, ChineseText.Wan((decimal)amount));

    [Fact]
    public void Wan_of_nothing_is_empty() => Assert.Equal("", ChineseText.Wan(null));

    [Theory]
    [InlineData(756000, "75.60万元（756,000.00元）")]
    [InlineData(12345678.91, "1,234.57万元（12,345,678.91元）")]
    [InlineData(49.99, "0.00万元（49.99元）")]
    public void An_invoice_total_is_in_wan_with_the_yuan_beside(double yuan, string expected) =>
        Assert.Equal(expected, ChineseText.WanOfYuan((decimal)yuan));
}

public class MaskingTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("15314639386", "153****9386")]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("1234", "****")]
    public void Phone_is_masked(string? phone, string expected) =>
        Assert.Equal(expected, Masking.Phone(phone));

    [Theory]
    [InlineData("13812345678")]
    [InlineData("0571-85257095")]
    [InlineData("85257095")]
    [InlineData("8525709")]   // 7-digit landline
    [InlineData("12345")]
    public void Masked_phone_keeps_its_length_and_hides_at_least_four_characters(string phone)
    {
        var masked = Masking.Phone(phone);
        Assert.Equal(phone.Length, masked.Length);
        Assert.True(masked.Count(c => c == '*') >= 4, masked);
        Assert.NotEqual(phone, masked);
    }

    [Fact]
    public void Landline_keeps_the_last_four_digits()
    {
        var masked = Masking.Phone("0571-85257095");
        Assert.EndsWith("7095", masked);
        Assert.DoesNotContain("8525", masked);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(6, "六")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(23, "二十三")]
    public void Numeral_writes_counts_as_the_seeds_do(int n, string expected) => Assert.Equal(expected, ChineseText.Numeral(n));
}
