namespace DxPilot.Domain.Instruments;

/// <summary>How a level is written, everywhere (seed 002 表6 and 表8). The short names are the same for every instrument,
/// the MIIT platform's self-test and a scenario's rating; a full name such as 二级（规范级） adds the title its instrument
/// file gives (<see cref="LevelRequirement.DisplayName"/>).</summary>
public static class LevelNames
{
    /// <summary>An enterprise below 一级: 表6 "如企业无法满足最低级一级相关要求，则归类为无等级".</summary>
    public const string None = "无等级";

    /// <summary>A scenario rated below its 一级 description. 表8 has no column for it; the words follow 表6 "等级需达到一级".</summary>
    public const string NotReached = "未达到一级";

    private static readonly string[] Names = [None, "一级", "二级", "三级", "四级"];

    /// <summary>无等级, 一级 … 四级.</summary>
    public static string Short(int level) => Names[Checked(level)];

    /// <summary>A scenario's rating: 未达到一级, 一级 … 四级.</summary>
    public static string Scenario(int level) => Checked(level) == 0 ? NotReached : Names[level];

    private static int Checked(int level) => level is >= 0 and <= LevelRule.MaxLevel
        ? level
        : throw new ArgumentOutOfRangeException(nameof(level), level, $"等级应为0至{LevelRule.MaxLevel}");
}
