using DxPilot.Domain.Instruments;

namespace DxPilot.Web.Features.Assessments;

/// <summary>Levels as the pages write them: a scenario's rating (0 = 未达到一级) and an assessment's level in short (0 = 无等级).</summary>
public static class LevelLabels
{
    private static readonly string[] Scenario = ["未达到一级", "一级", "二级", "三级", "四级"];

    public static string ScenarioLevel(int level) => level is >= 0 and <= LevelRule.MaxLevel ? Scenario[level] : "";

    public static string AssessmentLevel(int level) => level == 0 ? LevelRule.NoLevel : $"{level}级";
}
