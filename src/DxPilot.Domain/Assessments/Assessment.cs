using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;

using DxPilot.Domain.Instruments;

namespace DxPilot.Domain.Assessments;

/// <summary>评测阶段 (DOMAIN §3): a self-test, the diagnosis before transformation, or the evaluation after it.</summary>
public enum AssessmentStage
{
    /// <summary>自测</summary>
    SelfTest = 1,
    /// <summary>改造前（诊断）</summary>
    Before = 2,
    /// <summary>改造后（评测）</summary>
    After = 3,
}

/// <summary>评测主体: who answered the sheet.</summary>
public enum AssessorKind
{
    /// <summary>企业自评</summary>
    Enterprise = 1,
    /// <summary>服务商（诊断时）</summary>
    ServiceProvider = 2,
    /// <summary>第三方评测机构</summary>
    EvaluationAgency = 3,
}

public static class AssessmentLabels
{
    public static string Label(this AssessmentStage s) => s switch
    {
        AssessmentStage.SelfTest => "自测",
        AssessmentStage.Before => "改造前",
        AssessmentStage.After => "改造后",
        _ => "",
    };

    public static string Label(this AssessorKind k) => k switch
    {
        AssessorKind.Enterprise => "企业自评",
        AssessorKind.ServiceProvider => "服务商诊断",
        AssessorKind.EvaluationAgency => "第三方评测机构",
        _ => "",
    };
}

/// <summary>The answers as the assessor gave them, keyed by the instrument's names (so they survive a new instrument
/// version that reorders items), with an evidence note per question or scenario.</summary>
public sealed class AssessmentAnswers : IAuditedDocument
{
    public Dictionary<string, List<string>> Choices { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Scenarios { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, decimal> RawInputs { get; set; } = new(StringComparer.Ordinal);
    /// <summary>佐证说明: what the assessor saw or was shown, by question or scenario name.</summary>
    public Dictionary<string, string> Evidence { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How <see cref="AuditFields"/> names a scenario's, a raw input's and an evidence note's line (before the name).</summary>
    public const string ScenarioField = "场景:", RawInputField = "原始数据:", EvidenceField = "佐证:";

    /// <summary>One line per answered question (its letters), scenario, raw input and evidence note.</summary>
    public IReadOnlyDictionary<string, string> AuditFields()
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (q, letters) in Choices) fields[q] = string.Join("、", letters);
        foreach (var (s, level) in Scenarios) fields[ScenarioField + s] = level.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in RawInputs) fields[RawInputField + name] = value.ToString(CultureInfo.InvariantCulture);
        foreach (var (item, note) in Evidence) fields[EvidenceField + item] = note;
        return fields;
    }

    public AnswerSheet ToSheet() => new()
    {
        Answers = Choices.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value, StringComparer.Ordinal),
        ScenarioLevels = Scenarios,
        RawInputs = RawInputs,
    };
}

/// <summary>The computed result as stored: enough to show tables 表7/表8 and the level without the instrument version
/// it was computed under (which a later file may replace).</summary>
public sealed class AssessmentResultSnapshot
{
    public Dictionary<string, decimal> Dimensions { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, decimal> SubIndicators { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, decimal> Questions { get; set; } = new(StringComparer.Ordinal);
    /// <summary>[n] = scenarios rated exactly n (0-4), all and constrained.</summary>
    public List<int> ScenariosAtLevel { get; set; } = [];
    public List<int> ConstrainedAtLevel { get; set; } = [];
    public string LevelName { get; set; } = "";
    /// <summary>For every level not reached, why.</summary>
    public List<string> Shortfalls { get; set; } = [];
    public List<string> Warnings { get; set; } = [];

    public static AssessmentResultSnapshot From(ScoreResult r, IEnumerable<AssessmentProblem> warnings)
    {
        var i = r.Instrument;
        return new AssessmentResultSnapshot
        {
            Dimensions = i.Dimensions.ToDictionary(d => d.Name, d => r.Dimensions[d.Index], StringComparer.Ordinal),
            SubIndicators = i.SubIndicators.ToDictionary(s => s.Name, s => r.SubIndicators[s.Index], StringComparer.Ordinal),
            Questions = i.Questions.ToDictionary(q => q.Name, q => r.Questions[q.Index], StringComparer.Ordinal),
            ScenariosAtLevel = r.ScenariosAtLevel.ToList(),
            ConstrainedAtLevel = r.ConstrainedAtLevel.ToList(),
            LevelName = r.LevelName,
            Shortfalls = r.Shortfalls.Select(s => s.Reason).ToList(),
            Warnings = warnings.Where(w => w.IsWarning).Select(w => w.Message).ToList(),
        };
    }
}

/// <summary>评测记录: one assessment on an enterprise's file, with the instrument version its result was computed under.</summary>
public sealed class Assessment : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<Assessment>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid EnterpriseId { get; private set; }
    public string InstrumentId { get; private set; } = "";
    public string InstrumentVersion { get; private set; } = "";
    public AssessmentStage Stage { get; private set; }
    public AssessorKind AssessorKind { get; private set; }
    /// <summary>The provider or agency that assessed; null for a self-test.</summary>
    [NotAudited] public Guid? OrganisationId { get; private set; }
    [NotAudited] public string AssessorUserId { get; private set; } = "";
    public string AssessorName { get; private set; } = "";
    public DateOnly AssessedOn { get; private set; }
    public AssessmentAnswers Answers { get; private set; } = new();
    public decimal Score { get; private set; }
    /// <summary>0 = 无等级 … 4 = 四级.</summary>
    public int Level { get; private set; }
    [NotAudited] public AssessmentResultSnapshot Result { get; private set; } = new();
    [NotAudited] public DateTime ScoredAt { get; private set; }
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private Assessment() { }

    /// <summary>Records a scored assessment. The result must come from scoring <paramref name="answers"/> with <paramref name="instrument"/>.</summary>
    public static Assessment Record(string programmeId, Guid enterpriseId, Instrument instrument, AssessmentStage stage, Actor assessor,
        AssessorKind kind, DateOnly assessedOn, AssessmentAnswers answers, ScoreResult result, IEnumerable<AssessmentProblem> warnings, DateTime now)
    {
        var a = new Assessment
        {
            Id = Guid.CreateVersion7(), ProgrammeId = programmeId, EnterpriseId = enterpriseId, InstrumentId = instrument.Id,
            Stage = stage, AssessorKind = kind, OrganisationId = kind == AssessorKind.Enterprise ? null : assessor.OrganisationId,
            AssessorUserId = assessor.UserId, AssessorName = assessor.Name, CreatedAt = now,
        };
        a.Revise(assessedOn, answers, result, warnings, now);
        return a;
    }

    /// <summary>Replaces the answers with a new, already scored set.</summary>
    public void Revise(DateOnly assessedOn, AssessmentAnswers answers, ScoreResult result, IEnumerable<AssessmentProblem> warnings, DateTime now)
    {
        AssessedOn = assessedOn;
        Answers = answers;
        ApplyResult(result, warnings, now);
    }

    /// <summary>Re-scoring under the current instrument version: the answers stay, the result and its version change.</summary>
    public void ApplyResult(ScoreResult result, IEnumerable<AssessmentProblem> warnings, DateTime now)
    {
        if (result.Instrument.Id != InstrumentId) throw new InvalidOperationException($"评测工具不一致：{result.Instrument.Id} ≠ {InstrumentId}");
        InstrumentVersion = result.Instrument.Version;
        Score = result.Total;
        Level = result.Level;
        Result = AssessmentResultSnapshot.From(result, warnings);
        ScoredAt = now;
        UpdatedAt = now;
        Version++;
    }
}
