using DxPilot.Domain.Filings;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Filings;

/// <summary>版本比较: field by field in the form's order, as a person reads each answer.</summary>
public sealed class FilingDiffTests
{
    private static readonly FilingForm Changchun = ProgrammeFiles.Changchun.Filing!.Form;
    private static readonly Dictionary<string, string> NoBasics = [];

    [Fact]
    public void Only_changed_fields_are_listed_with_their_section_and_both_answers_as_read()
    {
        var v1 = new Dictionary<string, string>
        {
            ["projectName"] = "底盘部件数字化改造", ["needsBasic"] = "设备系统\n业务系统", ["investment"] = "80", ["period.start"] = "2025-01",
            ["period.end"] = "2025-06", ["effects.降本.after"] = "单件成本下降5%",
        };
        var v2 = new Dictionary<string, string>(v1)
        {
            ["needsBasic"] = "设备系统\n数据资源", ["period.end"] = "2025-09", ["effects.降本.after"] = "单件成本下降8%",
        };
        var changes = FilingDiff.Between(Changchun, v1, new Dictionary<string, string> { ["name"] = "甲公司" }, [], v2,
            new Dictionary<string, string> { ["name"] = "甲公司（已更名）" }, []);
        Assert.Equal(
        [
            new FilingChange("一、基本情况（试点企业改造前填写）", "企业名称", "甲公司", "甲公司（已更名）"),
            new FilingChange("二、数字化改造需求（试点企业与数字化服务商共同填写）", "数字化转型基础需求（多选）", "设备系统、业务系统", "设备系统、数据资源"),
            new FilingChange("三、数字化改造情况及预期成效（试点企业与数字化服务商共同填写）", "改造项目起止时间", "2025年1月至2025年6月", "2025年1月至2025年9月"),
            new FilingChange("三、数字化改造情况及预期成效（试点企业与数字化服务商共同填写）", "数字化改造预期成效·降本（改造后）", "单件成本下降5%", "单件成本下降8%"),
        ], changes);
    }

    [Fact]
    public void A_provider_added_between_rounds_is_a_change_of_the_providers_table()
    {
        var p = new FilingProvider("长春数智服务有限公司", null, null, "王经理", "13900000000", "数字化改造服务合同", "HT-01", new DateOnly(2025, 1, 5), 123000m,
            "MES实施", Signed: true);
        var changes = FilingDiff.Between(Changchun, NoBasics, NoBasics, [], NoBasics, NoBasics, [p]);
        var change = Assert.Single(changes);
        Assert.Equal("合作的服务商信息（第1家）", change.Label);
        Assert.Equal("", change.Before);
        Assert.Equal("长春数智服务有限公司，王经理，13900000000，数字化改造服务合同，HT-01，2025年1月5日，123,000.00元，MES实施，已签合同", change.After);
    }
}
