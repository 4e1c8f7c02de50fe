using DxPilot.Domain.Instruments;

namespace DxPilot.Domain.Assessments;

/// <summary>改造前后对比: how a level or a score moved between the 改造前 and 改造后 assessments, in the words the result page
/// and the 数字化水平评测报告 both use.</summary>
public static class BeforeAfterChange
{
    /// <summary>提升2级, 持平, 下降1级: for the overall level and for a scenario's level alike.</summary>
    public static string Level(int before, int after) =>
        after > before ? $"提升{after - before}级" : after == before ? "持平" : $"下降{before - after}级";

    /// <summary>+8.5, 0, -1.25: the points gained or lost.</summary>
    public static string Points(decimal delta) => delta > 0 ? "+" + LevelRule.Points(delta) : LevelRule.Points(delta);
}
