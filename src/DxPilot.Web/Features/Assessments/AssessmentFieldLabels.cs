using DxPilot.Domain.Assessments;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Assessments;

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

    /// <summary>Values as a reader knows them: the instrument by its official name (not its file's id), dates as 2025年7月16日,
    /// stages, assessors and levels in Chinese.</summary>
    public static Func<string, string?, string?> Values(InstrumentCatalog instruments) => (field, value) => field switch
    {
        nameof(Assessment.InstrumentId) when instruments.Find(value) is { } instrument => instrument.Name,
        nameof(Assessment.AssessedOn) when FieldChange.Date(value) is { } d => ChineseText.Date(d),
        nameof(Assessment.Stage) when Enum.TryParse<AssessmentStage>(value, out var s) => s.Label(),
        nameof(Assessment.AssessorKind) when Enum.TryParse<AssessorKind>(value, out var k) => k.Label(),
        nameof(Assessment.Level) when int.TryParse(value, out var l) => LevelNames.Short(l),
        _ => value,
    };
}
