using DxPilot.Domain.Filings;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Filings;

/// <summary>The forms' limits as the seeds state them (附件1: 实施方案 字数1000以内, 企业数字化基础简介 500以内; 附件4: 项目建设内容
/// 1500以内), counted as a person counts, and the formats of amounts and periods.</summary>
public sealed class FilingValuesTests
{
    private static readonly FilingForm Hangzhou = ProgrammeFiles.Hangzhou.Filing!.Form;
    private static readonly FilingForm Changchun = ProgrammeFiles.Changchun.Filing!.Form;

    private static Dictionary<string, string> Check(FilingForm form, Dictionary<string, string> values, bool complete = false) =>
        FilingValues.Check(form, values, complete);

    [Fact]
    public void The_plan_limit_is_the_programme_s_counting_CJK_and_emoji_as_one()
    {
        Assert.Empty(Check(Hangzhou, new() { ["plan"] = new string('数', 999) + "😀" }));
        Assert.Equal("项目实施方案及内容不超过1000字，现为1001字", Check(Hangzhou, new() { ["plan"] = new string('数', 1000) + "😀" })["plan"]);
        Assert.Empty(Check(Changchun, new() { ["plan"] = new string('数', 1500) }));
        Assert.Equal("项目建设内容不超过1500字，现为1501字", Check(Changchun, new() { ["plan"] = new string('数', 1501) })["plan"]);
    }

    [Theory]
    [InlineData("0.01", null)]
    [InlineData("120.5", null)]
    [InlineData("0", "应大于0")]
    [InlineData("-3", "应大于0")]
    [InlineData("1.234", "最多保留两位小数")]
    [InlineData("一百", "应为数字")]
    public void Investment_is_a_positive_amount_in_万元_with_two_decimals_at_most(string text, string? error)
    {
        var errors = Check(Hangzhou, new() { ["investment"] = text });
        if (error is null) Assert.Empty(errors);
        else Assert.Contains(error, errors["investment"]);
    }

    [Fact]
    public void A_period_ends_in_or_after_its_first_month()
    {
        Assert.Empty(Check(Hangzhou, new() { ["period.start"] = "2025-03", ["period.end"] = "2025-03" }));
        Assert.Equal("项目实施期限的结束年月早于开始年月", Check(Hangzhou, new() { ["period.start"] = "2025-03", ["period.end"] = "2025-02" })["period.end"]);
        Assert.Contains("应写作", Check(Hangzhou, new() { ["period.start"] = "2025年3月" })["period.start"]);
    }

    [Fact]
    public void Choices_come_from_the_form_and_其他_needs_its_text()
    {
        Assert.Empty(Check(Hangzhou, new() { ["scenarios"] = "研发设计\n其他", ["scenarios.other"] = "能源管理" }));
        Assert.Equal("应用场景（可多选）没有选项“元宇宙”", Check(Hangzhou, new() { ["scenarios"] = "元宇宙" })["scenarios"]);
        Assert.Equal("选择“其他”时请写明应用场景（可多选）的内容", Check(Hangzhou, new() { ["scenarios"] = "其他" }, complete: true)["scenarios.other"]);
        Assert.Equal("未选择“其他”，不能填写其他内容", Check(Hangzhou, new() { ["scenarios"] = "销售", ["scenarios.other"] = "x" })["scenarios.other"]);
        Assert.Equal("企业改造后目标数字化水平只能选一项", Check(Hangzhou, new() { ["targetLevel"] = "2\n3" })["targetLevel"]);
    }

    [Fact]
    public void A_draft_may_be_incomplete_a_submission_may_not_and_unknown_keys_are_refused()
    {
        Assert.Empty(Check(Hangzhou, []));
        var missing = Check(Hangzhou, [], complete: true);
        Assert.Equal("请填写项目名称", missing["projectName"]);
        Assert.Equal("请阅读并确认申报资料真实性声明", missing["declaration"]);
        Assert.Equal("请填写项目实施期限的开始年月", missing["period.start"]);
        // Read from the enterprise file, never typed: not even a key of the answers.
        Assert.Equal("备案申请表中没有“name”这一项", Check(Hangzhou, new() { ["name"] = "别的企业" })["name"]);
        Assert.Contains("请填写创新方面改造前的成效", Check(Changchun, [], complete: true)["effects.创新.before"]);
    }

    [Fact]
    public void Both_programme_forms_have_what_the_rules_read_and_a_broken_form_is_refused_with_its_path()
    {
        Assert.Empty(Hangzhou.Problems());
        Assert.Empty(Changchun.Problems());
        var broken = new FilingForm
        {
            Title = "表", Sections = [new FilingSection { Title = "一", Fields = [new FilingField { Key = "plan", Label = "方案", Kind = FieldKind.LongText }] }],
        };
        var problems = broken.Problems().ToList();
        Assert.Contains(("sections[0].fields[0].maxChars", "文字字段须写明字数上限"), problems);
        Assert.Contains(problems, p => p.Reason.StartsWith("缺少字段“projectName”"));
    }
}
