using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Enterprises;

public class EnterpriseValidatorTests
{
    private static readonly DateOnly Today = new(2025, 7, 16);

    private static EnterpriseValidator.Result Validate(Action<EnterpriseForm>? change = null) =>
        EnterpriseValidator.Validate(ValidForm.Hangzhou(change), ProgrammeFiles.Hangzhou, Today);

    private static void Set(EnterpriseForm f, string field, string? value) =>
        typeof(EnterpriseForm).GetProperty(field)!.SetValue(f, value);

    [Fact]
    public void Complete_valid_form_gives_typed_details()
    {
        var r = Validate();
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Empty(r.Errors);
        var d = r.Details!;
        Assert.Equal("杭州热威汽车零部件有限公司", d.Name);
        Assert.Equal("93330106MA2CDE4F6T", d.Uscc);
        Assert.Equal("滨江区", d.District);
        Assert.Equal("杭州市滨江区长河街道", d.RegisteredAddress);
        Assert.Equal("张三", d.LegalRepresentative);
        Assert.Equal("李四", d.ContactName);
        Assert.Equal("13800000000/0571-85257095", d.ContactPhone);
        Assert.Equal(new DateOnly(2015, 6, 30), d.FoundedOn);
        Assert.Equal(Ownership.Private, d.Ownership);
        Assert.True(d.AboveScale);
        Assert.Equal(QualityTier.Specialised, d.QualityTier);
        Assert.Equal("汽车零部件", d.IndustryKey);
        Assert.Equal("3670", d.IndustryCode);
        Assert.Equal(120, d.Employees);
        Assert.Equal(8, d.DigitalStaff);
        Assert.Equal(110, d.InsuredEmployees);
        Assert.Equal("汽车电加热器", d.MainProducts);
        Assert.Equal(8500.50m, d.RevenueWan);
        Assert.Equal(-12m, d.ProfitWan);
        Assert.Equal(150m, d.DigitalInvestmentWan);
        Assert.False(d.LittleGiantCentralFunded);
        Assert.False(d.Pilot2022);
        Assert.Equal(CreditStatus.Good, d.CreditStatus);
        Assert.Equal("专业从事汽车零部件研发与制造。", d.Intro);
    }

    [Fact]
    public void Uscc_is_stored_in_canonical_form()
    {
        var r = Validate(f => f.Uscc = "９３３３０１０６ｍａ２ｃｄｅ４ｆ６ｔ");
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal("93330106MA2CDE4F6T", r.Details!.Uscc);
    }

    [Theory]
    [InlineData("待补充")]
    [InlineData(" 待补充 ")]
    [InlineData("")]
    [InlineData(null)]
    public void Pending_or_blank_uscc_means_no_uscc(string? cell)
    {
        var r = Validate(f => f.Uscc = cell);
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Null(r.Details!.Uscc);
    }

    [Theory]
    [InlineData(nameof(EnterpriseForm.Uscc), "93330106MA2CDE4F6U", "校验")]
    [InlineData(nameof(EnterpriseForm.Uscc), "93330106MA2CDE4F6", "18位")]
    [InlineData(nameof(EnterpriseForm.Name), "", "企业名称")]
    [InlineData(nameof(EnterpriseForm.District), "西城区", "西城区")]
    [InlineData(nameof(EnterpriseForm.District), "", "县（市、区）")]
    [InlineData(nameof(EnterpriseForm.Industry), "计算机制造", "计算机制造")]
    [InlineData(nameof(EnterpriseForm.Employees), "-5", "负数")]
    [InlineData(nameof(EnterpriseForm.Employees), "12.5", "整数")]
    [InlineData(nameof(EnterpriseForm.Employees), "很多", "整数")]
    [InlineData(nameof(EnterpriseForm.InsuredEmployees), "-1", "负数")]
    [InlineData(nameof(EnterpriseForm.RevenueWan), "abc", "abc")]
    [InlineData(nameof(EnterpriseForm.RevenueWan), "-100", "负数")]
    [InlineData(nameof(EnterpriseForm.DigitalInvestmentWan), "一百", "数字")]
    [InlineData(nameof(EnterpriseForm.DigitalStaff), "121", "不能多于从业人员")]
    [InlineData(nameof(EnterpriseForm.ContactPhone), "12345", "联系电话")]
    [InlineData(nameof(EnterpriseForm.ContactPhone), "13800000000/12345", "联系电话")]
    [InlineData(nameof(EnterpriseForm.FoundedOn), "2025-07-17", "不能晚于今天")]
    [InlineData(nameof(EnterpriseForm.FoundedOn), "2030年1月1日", "不能晚于今天")]
    [InlineData(nameof(EnterpriseForm.FoundedOn), "去年", "无法识别")]
    [InlineData(nameof(EnterpriseForm.Ownership), "个体户", "企业性质")]
    [InlineData(nameof(EnterpriseForm.AboveScale), "不知道", "是")]
    [InlineData(nameof(EnterpriseForm.Pilot2022), "也许", "是")]
    public void Bad_input_gets_a_chinese_field_error(string field, string value, string expectedInMessage)
    {
        var r = Validate(f => Set(f, field, value));
        Assert.False(r.IsValid);
        Assert.Null(r.Details);
        var msg = Assert.Contains(field, r.Errors);
        Assert.True(Chinese.IsChinese(msg), msg);
        Assert.Contains(expectedInMessage, msg);
    }

    [Theory]
    [InlineData(nameof(EnterpriseForm.ProfitWan), "-99999999999", "利润“-99999999999”过小，不能低于-100000000万元，请核对单位（万元）")]
    [InlineData(nameof(EnterpriseForm.ProfitWan), "99999999999", "利润“99999999999”过大，不能超过100000000万元，请核对单位（万元）")]
    [InlineData(nameof(EnterpriseForm.RevenueWan), "100,000,001万元", "营业收入“100,000,001万元”过大，不能超过100000000万元，请核对单位（万元）")]
    // More digits than a decimal holds are a number still.
    [InlineData(nameof(EnterpriseForm.DigitalInvestmentWan), "1000000000000000000000000000000", "数字化累计投入“1000000000000000000000000000000”过大，不能超过100000000万元，请核对单位（万元）")]
    [InlineData(nameof(EnterpriseForm.RevenueWan), "-1000000000000000000000000000000", "营业收入不能为负数")]
    [InlineData(nameof(EnterpriseForm.Employees), "99999999999", "从业人员“99999999999”过大，不能超过10000000人，请核对")]
    [InlineData(nameof(EnterpriseForm.InsuredEmployees), "99999999999999999999999999999999人", "参保人数“99999999999999999999999999999999人”过大，不能超过10000000人，请核对")]
    [InlineData(nameof(EnterpriseForm.DigitalStaff), "-99999999999999999999999999999999", "数字化人员不能为负数")]
    public void A_number_out_of_range_is_said_to_be_out_of_range_not_to_be_no_number(string field, string value, string expected)
    {
        var r = Validate(f => Set(f, field, value));
        Assert.Equal(expected, Assert.Contains(field, r.Errors));
    }

    [Theory]
    [InlineData(nameof(EnterpriseForm.ProfitWan), "1.5亿", "利润应为以万元计的数字，“1.5亿”不是数字")]
    [InlineData(nameof(EnterpriseForm.ProfitWan), "--5", "利润应为以万元计的数字，“--5”不是数字")]
    [InlineData(nameof(EnterpriseForm.RevenueWan), "1e12", "营业收入应为以万元计的数字，“1e12”不是数字")]
    [InlineData(nameof(EnterpriseForm.Employees), "一百", "从业人员应为整数人数，“一百”不是整数")]
    [InlineData(nameof(EnterpriseForm.Employees), "12.5", "从业人员应为整数人数，“12.5”不是整数")]
    public void A_text_that_is_not_a_number_keeps_saying_so(string field, string value, string expected)
    {
        var r = Validate(f => Set(f, field, value));
        Assert.Equal(expected, Assert.Contains(field, r.Errors));
    }

    [Theory]
    [InlineData(nameof(EnterpriseForm.ProfitWan), "-100000000", -100_000_000)]
    [InlineData(nameof(EnterpriseForm.RevenueWan), "100000000", 100_000_000)]
    public void The_bounds_themselves_are_accepted(string field, string value, decimal expected)
    {
        var r = Validate(f => Set(f, field, value));
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(expected, field == nameof(EnterpriseForm.ProfitWan) ? r.Details!.ProfitWan : r.Details!.RevenueWan);
    }

    [Fact]
    public void Ten_million_people_is_accepted_and_one_more_is_not()
    {
        Assert.Equal(10_000_000, Validate(f => { f.Employees = "10000000"; f.RevenueWan = "50000000"; }).Details?.Employees);
        Assert.Contains(nameof(EnterpriseForm.Employees), Validate(f => f.Employees = "10000001").Errors);
    }

    [Fact]
    public void Profit_above_revenue_and_more_insured_than_employees_are_not_refused()
    {
        // Investment income or a subsidy can make a profit larger than revenue; 参保人数 is counted in December
        // (seed 002 附件4 “2023年12月企业参保人数”), 从业人员 need not be.
        var r = Validate(f => { f.RevenueWan = "100"; f.ProfitWan = "150"; f.Employees = "120"; f.InsuredEmployees = "130"; });
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
    }

    [Fact]
    public void Unknown_district_message_lists_the_programmes_districts()
    {
        var r = Validate(f => f.District = "朝阳区"); // a Changchun (and Beijing) district, not Hangzhou's
        var msg = Assert.Contains(nameof(EnterpriseForm.District), r.Errors);
        Assert.Contains("杭州市", msg);
        foreach (var d in new[] { "上城区", "滨江区", "萧山区", "桐庐县", "建德市" }) Assert.Contains(d, msg);
    }

    [Fact]
    public void Same_district_is_valid_in_the_programme_that_has_it()
    {
        var r = EnterpriseValidator.Validate(
            ValidForm.Hangzhou(f => { f.District = "朝阳区"; f.Industry = "轨道交通高端装备制造"; f.IndustryCode = "3711"; }),
            ProgrammeFiles.Changchun, Today);
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
    }

    [Fact]
    public void Unknown_industry_message_lists_the_pilot_industries()
    {
        var r = Validate(f => { f.Industry = "纺织业"; f.IndustryCode = null; });
        var msg = Assert.Contains(nameof(EnterpriseForm.Industry), r.Errors);
        Assert.Contains("汽车零部件", msg);
        Assert.Contains("生物医药及健康", msg);
        Assert.Contains("通信设备制造", msg);
    }

    [Fact]
    public void Missing_industry_and_code_is_refused()
    {
        var r = Validate(f => { f.Industry = null; f.IndustryCode = null; });
        var msg = Assert.Contains(nameof(EnterpriseForm.Industry), r.Errors);
        Assert.True(Chinese.IsChinese(msg), msg);
    }

    [Fact]
    public void Digital_staff_equal_to_employees_is_accepted()
    {
        var r = Validate(f => { f.Employees = "120"; f.DigitalStaff = "120"; });
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
    }

    [Fact]
    public void Several_bad_fields_are_all_reported()
    {
        var r = Validate(f => { f.District = "西城区"; f.Employees = "-1"; f.RevenueWan = "abc"; f.ContactPhone = "12345"; });
        Assert.Equal(
            new[] { nameof(EnterpriseForm.ContactPhone), nameof(EnterpriseForm.District), nameof(EnterpriseForm.Employees), nameof(EnterpriseForm.RevenueWan) },
            r.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("0571-85257095")]
    [InlineData("13800000000")]
    [InlineData("13800000000/0571-85257095")]
    [InlineData("85257095")]
    [InlineData("85257095/15314639386")] // as seed 003 writes the bureau's contact
    public void Phone_formats_that_pass(string phone)
    {
        var r = Validate(f => f.ContactPhone = phone);
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(phone, r.Details!.ContactPhone);
    }

    [Fact]
    public void Founding_date_today_is_accepted() =>
        Assert.Equal(Today, Validate(f => f.FoundedOn = "2025-07-16").Details?.FoundedOn);

    [Theory]
    [InlineData("2015年6月30日")]
    [InlineData("2015/6/30")]
    [InlineData("20150630")]
    [InlineData("2015.06.30")]
    public void Founding_date_formats(string text) =>
        Assert.Equal(new DateOnly(2015, 6, 30), Validate(f => f.FoundedOn = text).Details?.FoundedOn);

    [Fact]
    public void Intro_of_500_cjk_characters_is_accepted()
    {
        var intro = new string('数', 500);
        var r = Validate(f => f.Intro = intro);
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal(intro, r.Details!.Intro);
    }

    [Fact]
    public void Intro_of_501_cjk_characters_is_refused()
    {
        var r = Validate(f => f.Intro = new string('数', 501));
        var msg = Assert.Contains(nameof(EnterpriseForm.Intro), r.Errors);
        Assert.Contains("500", msg);
        Assert.Contains("501", msg);
    }

    [Fact]
    public void Emoji_counts_as_one_character_in_the_intro()
    {
        // 499 CJK + one emoji (2 UTF-16 units, 4 UTF-8 bytes) = 500 characters as a person sees them.
        var ok = Validate(f => f.Intro = new string('数', 499) + "🚗");
        Assert.True(ok.IsValid, string.Join("; ", ok.Errors));

        var tooLong = Validate(f => f.Intro = new string('数', 500) + "🚗");
        var msg = Assert.Contains(nameof(EnterpriseForm.Intro), tooLong.Errors);
        Assert.Contains("501", msg);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("√", true)]
    public void Exclusion_flags_are_read(string cell, bool expected)
    {
        var r = Validate(f => { f.LittleGiantCentralFunded = cell; f.Pilot2022 = cell; });
        Assert.Equal(expected, r.Details!.LittleGiantCentralFunded);
        Assert.Equal(expected, r.Details.Pilot2022);
    }

    [Theory]
    [InlineData("专精特新“小巨人”", QualityTier.LittleGiant)]
    [InlineData("创新型中小企业", QualityTier.Innovative)]
    [InlineData("无", QualityTier.None)]
    public void Quality_tier_labels(string cell, QualityTier expected) =>
        Assert.Equal(expected, Validate(f => f.QualityTier = cell).Details?.QualityTier);
}
