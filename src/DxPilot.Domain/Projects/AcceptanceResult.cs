using DxPilot.Domain.Auditing;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Projects;

/// <summary>
/// 验收结果: a third-party acceptance of one enterprise's transformation project, as the city imports it where the programme runs
/// no filing or acceptance chain on the platform (Shijiazhuang: seed 004 only asks that the applicant "已完成数字化转型项目建设并通过验收").
/// It is the same fact a <see cref="Project"/> records when the chain runs on the platform (its 验收日期, the agency's 改造前/改造后
/// levels, the agency), so it lives beside it. One record per enterprise and project name: importing it again updates it, and
/// every earlier value stays in the audit trail.
/// </summary>
public sealed class AcceptanceResult : IAudited
{
    public const int MaxProjectNameCharacters = 100;
    public const int MaxAgencyNameCharacters = 100;
    public const int MaxRemarkCharacters = 500;

    /// <summary>The lowest 改造后 level a passed acceptance may carry: seed 004 附件4's application table offers only
    /// "根据验收评测达到的数字化水平等级：□二级 □三级 □四级", and seed 002 三（二）3 asks the transformation to reach 二级及以上.</summary>
    public const int MinPassedLevelAfter = 2;

    AuditKey IAudited.AuditKey => AuditKey.Of<AcceptanceResult>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid EnterpriseId { get; private set; }
    /// <summary>The enterprise's county when imported, so that a district bureau reads its own.</summary>
    [NotAudited] public string District { get; private set; } = "";
    [NotAudited] public string ProjectName { get; private set; } = "";
    public DateOnly AcceptedOn { get; private set; }
    public int LevelBefore { get; private set; }
    public int LevelAfter { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string? AgencyUscc { get; private set; }
    /// <summary>验收结论: 通过 (true) or 不通过.</summary>
    public bool Passed { get; private set; }
    public string? Remark { get; private set; }
    /// <summary>The sheet it last came from.</summary>
    public string SourceFile { get; private set; } = "";
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private AcceptanceResult() { }

    /// <summary>Why these levels cannot be an acceptance result (each 一级 to 四级; a passed one at 二级 or above and higher than
    /// before, seed 004 附件1-1 "等级有明显提升"); empty when they can.</summary>
    public static IReadOnlyList<string> LevelProblems(int before, int after, bool passed)
    {
        var problems = new List<string>();
        if (before is < 1 or > LevelRule.MaxLevel) problems.Add("改造前等级应为一级至四级");
        if (after is < 1 or > LevelRule.MaxLevel) problems.Add("改造后等级应为一级至四级");
        if (problems.Count > 0 || !passed) return problems;
        if (after < MinPassedLevelAfter) problems.Add($"验收结论为通过的，改造后等级应达到{LevelNames.Short(MinPassedLevelAfter)}及以上");
        else if (after <= before) problems.Add($"改造后等级（{LevelNames.Short(after)}）应高于改造前等级（{LevelNames.Short(before)}）");
        return problems;
    }

    /// <summary>A first result for this enterprise and project (the values were checked by <see cref="LevelProblems"/>).</summary>
    public static AcceptanceResult Record(string programmeId, Guid enterpriseId, string district, string projectName, AcceptanceFacts facts,
        string sourceFile, DateTime now)
    {
        var result = new AcceptanceResult
        {
            Id = Guid.CreateVersion7(), ProgrammeId = programmeId, EnterpriseId = enterpriseId, District = district, ProjectName = projectName.Trim(),
            CreatedAt = now,
        };
        result.Update(facts, sourceFile, now);
        return result;
    }

    /// <summary>Whether <paramref name="facts"/> differ from what is on record (the file's name aside).</summary>
    public bool Differs(AcceptanceFacts facts) => Normalised(facts) != Facts;

    public AcceptanceFacts Facts => new(AcceptedOn, LevelBefore, LevelAfter, AgencyName, AgencyUscc, Passed, Remark);

    /// <summary>The imported values replace the recorded ones.</summary>
    public void Update(AcceptanceFacts facts, string sourceFile, DateTime now)
    {
        facts = Normalised(facts);
        (AcceptedOn, LevelBefore, LevelAfter, Passed) = (facts.AcceptedOn, facts.LevelBefore, facts.LevelAfter, facts.Passed);
        (AgencyName, AgencyUscc, Remark) = (facts.AgencyName, facts.AgencyUscc, facts.Remark);
        SourceFile = sourceFile;
        UpdatedAt = now;
        Version++;
    }

    private static AcceptanceFacts Normalised(AcceptanceFacts f) => f with
    {
        AgencyName = f.AgencyName.Trim(),
        AgencyUscc = string.IsNullOrWhiteSpace(f.AgencyUscc) ? null : f.AgencyUscc.Trim(),
        Remark = string.IsNullOrWhiteSpace(f.Remark) ? null : f.Remark.Trim(),
    };

    public string Conclusion => Passed ? "通过" : "不通过";

    /// <summary>The cell of 验收结论 read: 通过 or 不通过 (合格/不合格 as some agencies write it); null when neither.</summary>
    public static bool? ReadConclusion(string? text) => text?.Trim() switch
    {
        "通过" or "合格" or "通过验收" => true,
        "不通过" or "不合格" or "未通过" => false,
        _ => null,
    };

    /// <summary>A level cell read: 一级 … 四级, or the digit 1-4 (with or without 级); null when it is neither.</summary>
    public static int? ReadLevel(string? text)
    {
        var t = text?.Trim().Replace(" ", "");
        if (string.IsNullOrEmpty(t)) return null;
        for (var level = 1; level <= LevelRule.MaxLevel; level++)
            if (t == LevelNames.Short(level) || t == $"{level}" || t == $"{level}级") return level;
        return null;
    }

    /// <summary>A text cell's problem: control characters or more than <paramref name="max"/> characters as a person counts them.</summary>
    public static string? TextProblem(string label, string? text, int max) =>
        ControlCharacters.In(text, multiline: true) ? ControlCharacters.Message(label)
        : ChineseText.CountCharacters(text?.Trim()) is var n && n > max ? $"{label}不超过{max}字，现为{n}字"
        : null;
}

/// <summary>What an acceptance result says beside its enterprise and project: the date, the agency's two levels, the agency, the conclusion.</summary>
public sealed record AcceptanceFacts(DateOnly AcceptedOn, int LevelBefore, int LevelAfter, string AgencyName, string? AgencyUscc, bool Passed, string? Remark);
