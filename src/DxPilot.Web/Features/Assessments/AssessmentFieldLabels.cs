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

    /// <summary>A question is named as the instrument names it; scenarios, raw inputs and evidence notes (stored as 场景:名称 …,
    /// <see cref="AssessmentAnswers.AuditFields"/>) say which they are after the name.</summary>
    public static string Label(string field) => Labels.GetValueOrDefault(field) ?? field switch
    {
        _ when field.StartsWith(ScenarioPrefix, StringComparison.Ordinal) => $"{field[ScenarioPrefix.Length..]}（场景）",
        _ when field.StartsWith(RawPrefix, StringComparison.Ordinal) => $"{field[RawPrefix.Length..]}（原始数据）",
        _ when field.StartsWith(EvidencePrefix, StringComparison.Ordinal) => $"{field[EvidencePrefix.Length..]}（佐证说明）",
        _ => field,
    };

    private const string ScenarioPrefix = AssessmentAnswers.ScenarioField, RawPrefix = AssessmentAnswers.RawInputField,
        EvidencePrefix = AssessmentAnswers.EvidenceField;

    /// <summary>Values as a reader knows them: the instrument by its official name (not its file's id), dates as 2025年7月16日,
    /// stages, assessors and levels in Chinese, a question's letters with their options' words as the 答卷明细 shows them
    /// ("B. …"; a letter <paramref name="instrument"/> does not have stays a letter), a scenario's level by its name.</summary>
    public static Func<string, string?, string?> Values(InstrumentCatalog instruments, Instrument? instrument) => (field, value) => field switch
    {
        _ when value is null => null,
        _ when field.StartsWith(ScenarioPrefix, StringComparison.Ordinal) && int.TryParse(value, out var level) && level is >= 0 and <= LevelRule.MaxLevel
            => LevelNames.Scenario(level),
        _ when instrument?.FindQuestion(field) is { } question => string.Join("；", value.Split('、').Select(key =>
            question.Options.FirstOrDefault(o => o.Key == key) is { } option ? $"{option.Key}. {option.Text}" : key)),
        nameof(Assessment.InstrumentId) when instruments.Find(value) is { } instrument => instrument.Name,
        nameof(Assessment.AssessedOn) when FieldChange.Date(value) is { } d => ChineseText.Date(d),
        nameof(Assessment.Stage) when Enum.TryParse<AssessmentStage>(value, out var s) => s.Label(),
        nameof(Assessment.AssessorKind) when Enum.TryParse<AssessorKind>(value, out var k) => k.Label(),
        nameof(Assessment.Level) when int.TryParse(value, out var l) => LevelNames.Short(l),
        _ => value,
    };
}
