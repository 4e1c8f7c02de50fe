using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Enterprises;

/// <summary>
/// GB 32100-2015 vectors. Expected values were NOT produced by this code base:
/// - "real" codes are published codes of real organisations, each re-checked with an independent Python
///   implementation of the standard (alphabet 0123456789ABCDEFGHJKLMNPQRTUWXY, weights 3^(i-1) mod 31,
///   check = (31 − Σ mod 31) mod 31);
/// - "constructed" codes have their first 17 characters chosen by hand and the 18th computed by that Python.
/// </summary>
public class UsccTests
{
    [Theory]
    [InlineData("91330100799655058B")] // real: 阿里巴巴（中国）有限公司, 工商 (9) / 企业 (1)
    [InlineData("914403001922038216")] // real: 华为技术有限公司, check char is a digit
    [InlineData("91440300708461136T")] // real: 深圳市腾讯计算机系统有限公司
    [InlineData("12330100470116681D")] // constructed: 1 机构编制
    [InlineData("11100000000013127D")] // constructed: 1 机构编制, 北京 division 100000
    [InlineData("51330100MJ8707829J")] // constructed: 5 民政
    [InlineData("A1330100MA0000012J")] // constructed: A 宗教
    [InlineData("N2330100MA2H3K4L5F")] // constructed: N 农业
    [InlineData("Y1330100MA2H3K4L5A")] // constructed: Y 其他
    [InlineData("93330106MA2CDE4F6T")] // constructed: 9 工商, letters in the organisation code
    public void Valid_codes_parse_unchanged(string code)
    {
        Assert.True(Uscc.TryParse(code, out var u, out var error), error);
        Assert.Null(error);
        Assert.Equal(code, u!.Value.Value);
        Assert.Equal(code, Uscc.Parse(code).ToString());
    }

    [Theory]
    [InlineData("91330100799655058", 'B')]
    [InlineData("91440300192203821", '6')]
    [InlineData("91440300708461136", 'T')]
    [InlineData("12330100470116681", 'D')]
    [InlineData("N2330100MA2H3K4L5", 'F')]
    [InlineData("Y1330100MA2H3K4L5", 'A')]
    public void Check_character_matches_independent_computation(string first17, char expected) =>
        Assert.Equal(expected, Uscc.CheckCharacter(first17));

    [Theory]
    [InlineData("91330100799655058C")] // check should be B
    [InlineData("91330100799655058A")]
    [InlineData("914403001922038217")] // check should be 6
    [InlineData("91440300708461136U")] // check should be T
    [InlineData("N2330100MA2H3K4L5E")] // check should be F
    public void Wrong_check_character_is_refused_in_chinese(string code)
    {
        Assert.False(Uscc.TryParse(code, out var u, out var error));
        Assert.Null(u);
        Assert.True(Chinese.IsChinese(error), error);
        Assert.Contains("校验", error);
    }

    [Fact]
    public void Wrong_check_message_names_the_expected_character()
    {
        Assert.False(Uscc.TryParse("91330100799655058C", out _, out var error));
        Assert.Contains("B", error);
        Assert.Contains("C", error);
    }

    [Theory]
    [InlineData("91330100799655058I", 18, 'I')]
    [InlineData("O1330100799655058B", 1, 'O')]
    [InlineData("9133010079965505SB", 17, 'S')]
    [InlineData("91330100V99655058B", 9, 'V')]
    [InlineData("913301007996Z5058B", 13, 'Z')]
    [InlineData("91330100799655058#", 18, '#')]
    public void Forbidden_character_is_refused_with_its_position(string code, int position, char bad)
    {
        Assert.False(Uscc.TryParse(code, out var u, out var error));
        Assert.Null(u);
        Assert.True(Chinese.IsChinese(error), error);
        Assert.Contains($"第{position}位", error);
        Assert.Contains(bad.ToString(), error);
    }

    [Theory]
    [InlineData("91330100799655058", 17)]
    [InlineData("91330100799655058BB", 19)]
    [InlineData("9133010079965505", 16)]
    public void Wrong_length_is_refused(string code, int length)
    {
        Assert.False(Uscc.TryParse(code, out var u, out var error));
        Assert.Null(u);
        Assert.True(Chinese.IsChinese(error), error);
        Assert.Contains("18位", error);
        Assert.Contains(length.ToString(), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    [InlineData(null)]
    public void Empty_is_refused(string? code)
    {
        Assert.False(Uscc.TryParse(code, out var u, out var error));
        Assert.Null(u);
        Assert.True(Chinese.IsChinese(error), error);
    }

    [Fact]
    public void Legal_alphabet_character_that_is_not_an_authority_is_refused()
    {
        // B13301007996550589: check character computed independently (Python), so only position 1 is wrong.
        Assert.False(Uscc.TryParse("B13301007996550589", out _, out var error));
        Assert.True(Chinese.IsChinese(error), error);
        Assert.Contains("第1位", error);
    }

    [Fact]
    public void Parse_throws_format_exception_with_the_chinese_reason()
    {
        var ex = Assert.Throws<FormatException>(() => Uscc.Parse("91330100799655058C"));
        Assert.Contains("校验", ex.Message);
    }

    [Theory]
    [InlineData("９１３３０１００７９９６５５０５８Ｂ", "91330100799655058B")]   // full-width
    [InlineData("９１３３０１００７９９６５５０５８ｂ", "91330100799655058B")]   // full-width lower case
    [InlineData("91330100799655058b", "91330100799655058B")]               // lower case
    [InlineData("91440300708461136t", "91440300708461136T")]
    [InlineData("9133 0100 7996 5505 8B", "91330100799655058B")]           // embedded spaces
    [InlineData(" 91330100799655058B\t", "91330100799655058B")]
    [InlineData("9144\u30000300\u30007084\u300061136T", "91440300708461136T")] // ideographic spaces
    [InlineData("n2330100ma2h3k4l5f", "N2330100MA2H3K4L5F")]
    public void Full_width_lower_case_and_spaces_are_normalised(string input, string canonical)
    {
        Assert.Equal(canonical, Uscc.Normalise(input));
        Assert.True(Uscc.TryParse(input, out var u, out var error), error);
        Assert.Equal(canonical, u!.Value.Value);
    }

    [Fact]
    public void Two_spellings_of_one_code_are_equal()
    {
        Assert.Equal(Uscc.Parse("91330100799655058B"), Uscc.Parse("９１３３０１００７９９６５５０５８ｂ"));
    }
}
