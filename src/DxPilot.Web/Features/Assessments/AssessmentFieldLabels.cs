using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;

namespace DxPilot.Web.Features.Assessments;

/// <summary>Chinese names of an assessment's audited fields. Answer changes are already keyed by the instrument's item names.</summary>
public static class AssessmentFieldLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(Assessment.InstrumentId)] = "评测工具",
        [nameof(Assessment.InstrumentVersion)] = "计算所用版本",
        [nameof(Assessment.Stage)] = "评测阶段",
        [nameof(Assessment.AssessorKind)] = "评测主体",
        [nameof(Assessment.AssessorName)] = "评测人",
        [nameof(Assessment.AssessedOn)] = "评测日期",
        [nameof(Assessment.Score)] = "综合得分",
        [nameof(Assessment.Level)] = "等级",
    };

    public static string Label(string field) => Labels.GetValueOrDefault(field) ?? field;

    public static string? Value(string field, string? value) => field switch
    {
        nameof(Assessment.Stage) when Enum.TryParse<AssessmentStage>(value, out var s) => s.Label(),
        nameof(Assessment.AssessorKind) when Enum.TryParse<AssessorKind>(value, out var k) => k.Label(),
        nameof(Assessment.Level) when int.TryParse(value, out var l) => LevelNames.Short(l),
        _ => value,
    };
}
