using System.Globalization;
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
    /// <summary>Why the city put a retired scenario back in use (恢复使用), the last time it did; the audit trail keeps each one.</summary>
    public string? ReinstatementReason { get; private set; }

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

    public const int MaxNameCharacters = 30;
    public const int MaxDescriptionCharacters = 1000;
    public const int MaxReasonCharacters = 500;
    private const string LevelOneFixed = "一级场景固定为附件1的四类（产品生命周期、生产过程、产业链供应链、智能管理决策数字化），不能增加、改名或停用";

    /// <summary>
    /// 新增场景: a level-2 under a level-1 or a level-3 under a level-2, numbered its parent's code and the next number after every
    /// child it ever had (retired ones keep theirs, so a number is never given twice). <paramref name="code"/> is for an import that
    /// names its own: it must be a child code of the parent that no node has held.
    /// </summary>
    public static (CatalogueScenario? Node, IReadOnlyDictionary<string, string> Errors) AddUnder(CatalogueScenario parent,
        IReadOnlyCollection<CatalogueScenario> children, ScenarioForm form, IReadOnlySet<string> miitScenarios, DateTime now, string? code = null)
    {
        var errors = new Dictionary<string, string>();
        if (parent.Level >= 3) errors[""] = "三级场景下不能再增加场景（场景最多三级）";
        else if (parent.IsRetired) errors[""] = $"上级场景“{parent.Label}”已停用，不能在其下增加场景";
        var next = children.Select(c => int.Parse(c.Code[(parent.Code.Length + 1)..], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
        code ??= $"{parent.Code}.{next}";
        if (!ScenarioCodes.IsChildCode(code, parent.Code)) errors["code"] = $"场景编号“{code}”应为上级编号“{parent.Code}”加序号";
        else if (children.Any(c => c.Code == code)) errors["code"] = $"场景编号“{code}”已被使用";
        var node = new CatalogueScenario
        {
            Id = Guid.CreateVersion7(), ProgrammeId = parent.ProgrammeId, Code = code, Level = parent.Level + 1, ParentCode = parent.Code,
            SortOrder = children.Select(c => c.SortOrder).DefaultIfEmpty(0).Max() + 1, UpdatedAt = now,
        };
        foreach (var (k, v) in node.Take(form with { Name = form.Name ?? "" }, children, miitScenarios)) errors.TryAdd(k, v);
        return errors.Count > 0 ? (null, errors) : (node, errors);
    }

    /// <summary>改名, 场景描述, 对应评测场景及理由: a field left null stays as it is. Level 1 is fixed; only a level-3 scenario has a
    /// description and a mapping. The audit trail keeps each change with its before and after.</summary>
    public IReadOnlyDictionary<string, string> Edit(ScenarioForm form, IReadOnlyCollection<CatalogueScenario> siblings, IReadOnlySet<string> miitScenarios,
        DateTime now)
    {
        if (Level == 1) return new Dictionary<string, string> { [""] = LevelOneFixed };
        if (IsRetired) return new Dictionary<string, string> { [""] = $"场景“{Label}”已停用，不能修改" };
        var errors = Take(form, siblings, miitScenarios);
        if (errors.Count > 0) return errors;
        UpdatedAt = now;
        Version++;
        return errors;
    }

    /// <summary>
    /// 停用: refused where it would leave something pointing at a scenario no longer offered — a level-2 with level-3 scenarios in
    /// use, a level-3 that products, enterprises' needs or common needs refer to (each counted, so that the city knows what to move
    /// first). Level 1 is fixed.
    /// </summary>
    public string? Retire(ScenarioUse use, DateTime now)
    {
        if (Level == 1) return LevelOneFixed;
        if (IsRetired) return $"场景“{Label}”已停用";
        if (use.ActiveChildren > 0) return $"“{Label}”下还有{use.ActiveChildren}个在用的三级场景，请先停用它们";
        var refs = new[] { (use.Products, "个产品及解决方案"), (use.Needs, "条企业需求"), (use.CommonNeeds, "条行业共性需求") }
            .Where(r => r.Item1 > 0).Select(r => $"{r.Item1}{r.Item2}").ToList();
        if (refs.Count > 0) return $"“{Label}”仍被{string.Join("、", refs)}引用，停用会使它们失去所属场景；请先将它们改到其他场景或删除后再停用";
        RetiredAt = now;
        UpdatedAt = now;
        Version++;
        return null;
    }

    /// <summary>
    /// 恢复使用: a retired level-2 or level-3 scenario offered again for new needs and products, with the city's reason. Refused
    /// under a retired parent (the parent comes back first) and while a sibling in use has taken its name (that one is renamed
    /// first, since two scenarios in use under one parent never share a name).
    /// </summary>
    public IReadOnlyDictionary<string, string> Reinstate(string? reason, CatalogueScenario parent, IReadOnlyCollection<CatalogueScenario> siblings, DateTime now)
    {
        string? refused = null;
        if (!IsRetired) refused = $"场景“{Label}”未停用，无需恢复";
        else if (parent.IsRetired) refused = $"上级场景“{parent.Label}”已停用，请先恢复上级场景";
        else if (siblings.FirstOrDefault(s => s.Id != Id && !s.IsRetired && s.Name == Name) is { } twin)
            refused = $"同级在用的场景“{twin.Label}”与它同名，请先将其改名后再恢复";
        if (refused is not null) return new Dictionary<string, string> { [""] = refused };
        if (CatalogueText.Problem(reason, "恢复理由", MaxReasonCharacters) is { } problem) return new Dictionary<string, string> { ["reason"] = problem };
        RetiredAt = null;
        ReinstatementReason = CatalogueText.Clean(reason);
        UpdatedAt = now;
        Version++;
        return new Dictionary<string, string>();
    }

    /// <summary>"2.1.1 计划排程".</summary>
    public string Label => $"{Code} {Name}";

    private Dictionary<string, string> Take(ScenarioForm form, IReadOnlyCollection<CatalogueScenario> siblings, IReadOnlySet<string> miitScenarios)
    {
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim();
        if (name is not null)
        {
            if (CatalogueText.Problem(name, "场景名称", MaxNameCharacters) is { } problem) errors["name"] = problem;
            else if (name.Contains('\n') || name.Contains('\r')) errors["name"] = "场景名称应为一行";
            else if (siblings.FirstOrDefault(s => s.Id != Id && !s.IsRetired && s.Name == name) is { } twin) errors["name"] = $"同级已有场景“{twin.Label}”";
        }
        var detail = form.Description is not null || form.MiitScenarios is not null || form.MappingReason is not null;
        if (detail && Level != 3) errors[""] = "只有三级场景有场景描述和对应的评测业务场景";
        if (form.Description is not null && CatalogueText.Problem(form.Description, "场景描述", MaxDescriptionCharacters, required: false) is { } d)
            errors["description"] = d;
        var miit = form.MiitScenarios?.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (miit?.FirstOrDefault(m => !miitScenarios.Contains(m)) is { } unknown)
            errors["miitScenarios"] = $"“{unknown}”不是2024版评测的业务场景，可选：{string.Join("、", miitScenarios)}";
        var reason = form.MappingReason is null ? MappingReason : CatalogueText.Clean(form.MappingReason);
        if (form.MappingReason is not null && CatalogueText.Problem(form.MappingReason, "对应理由", MaxReasonCharacters, required: false) is { } r)
            errors["mappingReason"] = r;
        else if ((miit ?? MiitScenarioNames.ToList()).Count > 0 && reason is null)
            errors["mappingReason"] = "请说明该三级场景为何对应这些评测业务场景";
        if (errors.Count > 0) return errors;
        if (name is not null) Name = name;
        if (form.Description is not null) Description = CatalogueText.Clean(form.Description);
        if (miit is not null) MiitScenarios = Bars.Join(miit);
        if (form.MappingReason is not null) MappingReason = reason;
        return errors;
    }
}

/// <summary>A scenario as the city writes it; null leaves a field as it is (an empty text clears it).</summary>
public sealed record ScenarioForm(string? Name, string? Description = null, IReadOnlyList<string>? MiitScenarios = null, string? MappingReason = null);

/// <summary>What refers to a scenario now: its level-3 children in use, and (level 3) the products, enterprises' needs and
/// common needs filed under it.</summary>
public sealed record ScenarioUse(int ActiveChildren, int Products, int Needs, int CommonNeeds);
