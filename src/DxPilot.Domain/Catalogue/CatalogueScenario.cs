using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Catalogue;

/// <summary>
/// 场景: one node of a programme's 3-level scenario tree (seed 002 附件1). Level 1 is fixed (1 产品生命周期数字化 … 4 智能管理决策数字化);
/// levels 2 and 3 are the seed's and a city may add, rename or retire them (附件1 注1). A level-3 scenario names the MIIT-2024
/// business scenarios (产品设计 … 决策支持) it raises, with the reasoning, so that a gap plan can be priced from the catalogue.
/// A retired node keeps its row: renames and retirements live in the audit trail, and nothing that referred to it dangles.
/// </summary>
public sealed class CatalogueScenario : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<CatalogueScenario>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    /// <summary>"2", "2.1", "2.1.1": the parent's code and a number, unique in the programme and never reused.</summary>
    [NotAudited] public string Code { get; private set; } = "";
    [NotAudited] public int Level { get; private set; }
    [NotAudited] public string? ParentCode { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>场景描述 (level 3).</summary>
    public string? Description { get; private set; }
    /// <summary>The MIIT-2024 business scenarios a level-3 scenario raises, '|'-separated with leading and trailing bars ("|产品设计|工艺设计|").</summary>
    public string MiitScenarios { get; private set; } = "||";
    /// <summary>Why it raises those (shown next to the mapping, editable with it).</summary>
    public string? MappingReason { get; private set; }
    /// <summary>Where it sits among its siblings.</summary>
    [NotAudited] public int SortOrder { get; private set; }
    /// <summary>停用: no longer offered for new needs and products; what referred to it keeps the reference.</summary>
    public DateTime? RetiredAt { get; private set; }
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private CatalogueScenario() { }

    public static CatalogueScenario Create(string programmeId, string code, string? parentCode, string name, string? description,
        IEnumerable<string> miitScenarios, string? mappingReason, int sortOrder, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = programmeId, Code = code, Level = ScenarioCodes.Level(code), ParentCode = parentCode,
        Name = name, Description = description, MiitScenarios = Bars.Join(miitScenarios), MappingReason = mappingReason,
        SortOrder = sortOrder, UpdatedAt = now,
    };

    public IReadOnlyList<string> MiitScenarioNames => Bars.Split(MiitScenarios);
    public bool IsRetired => RetiredAt is not null;
}
