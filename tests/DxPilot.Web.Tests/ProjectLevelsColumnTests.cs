using DxPilot.Web.Features.Projects;

namespace DxPilot.Web.Tests;

/// <summary>The project list's 改造前→改造后 column: the 2024 levels' short names (一级 … 四级), and what is not known said in words.</summary>
public sealed class ProjectLevelsColumnTests
{
    [Theory]
    [InlineData(2, 3, "二级 → 三级")]
    [InlineData(2, null, "二级 → 待评测")]
    [InlineData(null, 3, "无改造前评测 → 三级")]
    [InlineData(null, null, "")]
    public void Each_pair_of_levels_reads_as_the_bureau_says_it(int? before, int? after, string shown) =>
        Assert.Equal(shown, ProjectList.Levels(before, after));
}
