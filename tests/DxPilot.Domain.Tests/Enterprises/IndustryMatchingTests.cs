using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Enterprises;

/// <summary>Pilot industries of the real programme files (config/programmes/hangzhou-2024.json, changchun-2025.json).</summary>
public class IndustryMatchingTests
{
    private static readonly DateOnly Today = new(2025, 7, 16);

    [Theory]
    [InlineData("hangzhou-2024", "3670", "汽车零部件")]
    [InlineData("hangzhou-2024", "3581", "生物医药及健康")]
    [InlineData("hangzhou-2024", "2710", "生物医药及健康")]
    [InlineData("hangzhou-2024", "3921", "通信设备制造")]
    [InlineData("hangzhou-2024", "3922", "通信设备制造")]
    [InlineData("changchun-2025", "3670", "汽车零部件配件制造")]
    [InlineData("changchun-2025", "3711", "轨道交通高端装备制造")]
    [InlineData("changchun-2025", "3720", "轨道交通高端装备制造")]
    public void Code_finds_its_pilot_industry(string programme, string code, string expectedKey)
    {
        var p = ProgrammeFiles.ById(programme);
        Assert.Equal(expectedKey, p.IndustryForCode(code)?.Key);
        Assert.Equal(expectedKey, p.FindIndustry(code)?.Key);
    }

    [Theory]
    [InlineData("hangzhou-2024", "3910")] // 计算机制造: not a pilot industry anywhere
    [InlineData("changchun-2025", "3910")]
    [InlineData("changchun-2025", "3921")] // 通信设备 is Hangzhou's, not Changchun's
    [InlineData("changchun-2025", "3581")] // 医疗仪器 is Hangzhou's
    [InlineData("hangzhou-2024", "3711")]  // 轨道交通 is Changchun's
    public void Code_outside_the_programme_has_no_industry(string programme, string code)
    {
        var p = ProgrammeFiles.ById(programme);
        Assert.Null(p.IndustryForCode(code));
        Assert.Null(p.FindIndustry(code));
    }

    [Theory]
    [InlineData("hangzhou-2024", "汽车零部件", "汽车零部件")]            // key
    [InlineData("hangzhou-2024", "汽车零部件及配件制造", "汽车零部件")]    // full name
    [InlineData("hangzhou-2024", "生物医药", "生物医药及健康")]            // alias
    [InlineData("hangzhou-2024", "医疗仪器设备及器械制造", "生物医药及健康")] // alias
    [InlineData("hangzhou-2024", "通信设备制造业", "通信设备制造")]        // alias
    [InlineData("hangzhou-2024", " 通信设备制造 ", "通信设备制造")]        // stray spaces
    [InlineData("changchun-2025", "汽车零部件", "汽车零部件配件制造")]     // alias in Changchun
    [InlineData("changchun-2025", "轨道交通装备制造", "轨道交通高端装备制造")]
    public void Name_key_or_alias_finds_the_industry(string programme, string text, string expectedKey) =>
        Assert.Equal(expectedKey, ProgrammeFiles.ById(programme).FindIndustry(text)?.Key);

    [Theory]
    [InlineData("hangzhou-2024", "计算机制造")]
    [InlineData("changchun-2025", "通信设备制造")]
    [InlineData("hangzhou-2024", "")]
    public void Unknown_name_finds_nothing(string programme, string text) =>
        Assert.Null(ProgrammeFiles.ById(programme).FindIndustry(text));

    [Theory]
    [InlineData("367")]
    [InlineData("36700")]
    [InlineData("36A0")]
    [InlineData("3６7")]
    public void Malformed_code_is_refused_by_the_validator(string code)
    {
        var r = EnterpriseValidator.Validate(ValidForm.Hangzhou(f => f.IndustryCode = code), ProgrammeFiles.Hangzhou, Today);
        Assert.False(r.IsValid);
        Assert.Null(r.Details);
        var msg = Assert.Contains(nameof(EnterpriseForm.IndustryCode), r.Errors);
        Assert.True(Chinese.IsChinese(msg), msg);
        Assert.Contains("4位", msg);
    }

    [Fact]
    public void Full_width_code_is_accepted_as_the_half_width_code()
    {
        var r = EnterpriseValidator.Validate(ValidForm.Hangzhou(f => f.IndustryCode = "３６７０"), ProgrammeFiles.Hangzhou, Today);
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal("3670", r.Details!.IndustryCode);
    }

    [Fact]
    public void Code_of_a_non_pilot_industry_is_refused_by_the_validator()
    {
        var r = EnterpriseValidator.Validate(ValidForm.Hangzhou(f => { f.IndustryCode = "3910"; f.Industry = null; }), ProgrammeFiles.Hangzhou, Today);
        var msg = Assert.Contains(nameof(EnterpriseForm.IndustryCode), r.Errors);
        Assert.Contains("3910", msg);
        Assert.Contains("不属于", msg);
    }

    [Fact]
    public void Code_of_another_industry_than_the_chosen_one_is_refused()
    {
        // 3581 is 生物医药及健康 in Hangzhou, the form says 汽车零部件.
        var r = EnterpriseValidator.Validate(ValidForm.Hangzhou(f => { f.Industry = "汽车零部件"; f.IndustryCode = "3581"; }), ProgrammeFiles.Hangzhou, Today);
        Assert.False(r.IsValid);
        var msg = Assert.Contains(nameof(EnterpriseForm.IndustryCode), r.Errors);
        Assert.True(Chinese.IsChinese(msg), msg);
        Assert.Contains("生物医药及健康", msg);
        Assert.Contains("汽车零部件", msg);
    }

    [Theory]
    [InlineData("hangzhou-2024", null, "3581", "生物医药及健康")]
    [InlineData("hangzhou-2024", "通信设备制造", "3921", "通信设备制造")]
    [InlineData("hangzhou-2024", "生物医药", null, "生物医药及健康")]
    [InlineData("changchun-2025", "轨道交通高端装备制造", "3711", "轨道交通高端装备制造")]
    [InlineData("changchun-2025", null, "3720", "轨道交通高端装备制造")]
    [InlineData("changchun-2025", "汽车零部件", "3670", "汽车零部件配件制造")]
    public void Validator_stores_the_industry_key(string programme, string? industry, string? code, string expectedKey)
    {
        var p = ProgrammeFiles.ById(programme);
        var form = ValidForm.Hangzhou(f => { f.Industry = industry; f.IndustryCode = code; f.District = p.Districts.Names[0]; });
        var r = EnterpriseValidator.Validate(form, p, Today);
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(expectedKey, r.Details!.IndustryKey);
        Assert.Equal(code, r.Details.IndustryCode);
    }
}
