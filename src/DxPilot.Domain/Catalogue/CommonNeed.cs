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
}
