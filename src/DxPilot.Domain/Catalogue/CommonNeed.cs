using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Catalogue;

/// <summary>行业共性需求: what enterprises of one pilot industry commonly need in one level-3 scenario, pre-listed for an
/// enterprise of that industry when it states its own needs (seed 002 附件1 "问题及需求分析（含行业共性需求与企业个性需求）").</summary>
public sealed class CommonNeed : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<CommonNeed>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public string ScenarioCode { get; private set; } = "";
    /// <summary>The pilot industry's key in the programme file.</summary>
    [NotAudited] public string IndustryKey { get; private set; } = "";
    public string Text { get; private set; } = "";
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private CommonNeed() { }

    public static CommonNeed Create(string programmeId, string scenarioCode, string industryKey, string text, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = programmeId, ScenarioCode = scenarioCode, IndustryKey = industryKey, Text = text,
        UpdatedAt = now,
    };

    public const int MaxCharacters = 1000;

    /// <summary>The city's common need for one pilot industry in one level-3 scenario in use, or why it cannot be kept.</summary>
    public static (CommonNeed? Need, string? Refusal) Write(string programmeId, string scenarioCode, string industryKey, string? text,
        IReadOnlySet<string> activeLevelThree, IReadOnlySet<string> industries, DateTime now)
    {
        if (!activeLevelThree.Contains(scenarioCode)) return (null, $"三级场景“{scenarioCode}”不存在或已停用");
        if (!industries.Contains(industryKey)) return (null, $"“{industryKey}”不是本试点的细分行业");
        if (CatalogueText.Problem(text, "行业共性需求", MaxCharacters) is { } problem) return (null, problem);
        return (Create(programmeId, scenarioCode, industryKey, text!.Trim(), now), null);
    }

    public string? Edit(string? text, DateTime now)
    {
        if (CatalogueText.Problem(text, "行业共性需求", MaxCharacters) is { } problem) return problem;
        Text = text!.Trim();
        UpdatedAt = now;
        Version++;
        return null;
    }
}
