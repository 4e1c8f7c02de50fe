using DxPilot.Domain.Projects;

namespace DxPilot.Domain.Tests.Projects;

/// <summary>An imported acceptance result's levels: each 一级 to 四级; a passed one at 二级 or above (seed 004 附件4 offers only
/// 二级/三级/四级 "根据验收评测达到的数字化水平等级", seed 002 三（二）3 二级及以上) and higher than before.</summary>
public class AcceptanceResultTests
{
    [Theory]
    [InlineData(1, 2, true, null)]
    [InlineData(2, 4, true, null)]
    [InlineData(1, 1, true, "验收结论为通过的，改造后等级应达到二级及以上")]
    [InlineData(2, 2, true, "改造后等级（二级）应高于改造前等级（二级）")]
    [InlineData(3, 2, true, "改造后等级（二级）应高于改造前等级（三级）")]
    [InlineData(0, 2, true, "改造前等级应为一级至四级")]
    [InlineData(2, 5, true, "改造后等级应为一级至四级")]
    // 不通过: the levels are recorded as the agency gave them, improved or not.
    [InlineData(3, 3, false, null)]
    [InlineData(1, 1, false, null)]
    [InlineData(1, 5, false, "改造后等级应为一级至四级")]
    public void A_passed_result_is_at_level_two_or_more_and_higher_than_before(int before, int after, bool passed, string? problem)
    {
        Assert.Equal(problem is null ? [] : [problem], AcceptanceResult.LevelProblems(before, after, passed));
    }

    [Theory]
    [InlineData("一级", 1)]
    [InlineData("四级", 4)]
    [InlineData(" 2 ", 2)]
    [InlineData("3级", 3)]
    [InlineData("五级", null)]
    [InlineData("0", null)]
    [InlineData("无等级", null)]
    [InlineData("", null)]
    public void A_level_cell_reads_as_the_agency_writes_it(string cell, int? level) => Assert.Equal(level, AcceptanceResult.ReadLevel(cell));

    [Theory]
    [InlineData("通过", true)]
    [InlineData("合格", true)]
    [InlineData("不通过", false)]
    [InlineData("不合格", false)]
    [InlineData("待定", null)]
    public void A_conclusion_is_passed_or_not(string cell, bool? passed) => Assert.Equal(passed, AcceptanceResult.ReadConclusion(cell));

    [Fact]
    public void Importing_the_same_values_again_differs_in_nothing_and_a_changed_level_does()
    {
        var facts = new AcceptanceFacts(new DateOnly(2025, 6, 20), 2, 3, "河北省数字化评测中心", null, true, null);
        var result = AcceptanceResult.Record("shijiazhuang-2025", Guid.NewGuid(), "正定县", " 原料药车间数字化改造 ", facts, "a.xlsx", DateTime.UtcNow);
        Assert.Equal("原料药车间数字化改造", result.ProjectName);
        Assert.False(result.Differs(facts with { AgencyName = " 河北省数字化评测中心 ", Remark = "  " }));
        Assert.True(result.Differs(facts with { LevelAfter = 4 }));
        Assert.True(result.Differs(facts with { Passed = false }));
    }
}
