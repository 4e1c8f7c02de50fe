namespace DxPilot.Domain.Catalogue;

/// <summary>
/// The scenario tree every programme starts from (config/catalogue/scenario-tree.json: seed 002 附件1 with the mapping of each
/// level-3 scenario to the MIIT-2024 business scenarios and its reasoning, and the industries' common needs the seed gives).
/// A programme's own tree lives in the database from its first use and the city edits it there.
/// </summary>
public sealed class ScenarioTreeTemplate
{
    /// <summary>The four level-1 scenarios of 附件1, which no programme may delete or rename (附件1 注1: 一级场景请勿删减).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> LevelOne =
        [("1", "产品生命周期数字化"), ("2", "生产过程数字化"), ("3", "产业链供应链数字化"), ("4", "智能管理决策数字化")];

    public required string Id { get; init; }
    public required string Source { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<TemplateNode> Tree { get; init; }

    /// <summary>Every node, parents before children, with its parent's code and its place among its siblings.</summary>
    public IEnumerable<(TemplateNode Node, string? ParentCode, int Order)> Nodes()
    {
        IEnumerable<(TemplateNode, string?, int)> Walk(IReadOnlyList<TemplateNode> nodes, string? parent) =>
            nodes.SelectMany((n, i) => new[] { (n, parent, i + 1) }.Concat(Walk(n.Children, n.Code)));
        return Walk(Tree, null);
    }

    /// <summary>What a loader must refuse, with the JSON path: level 1 not the seed's four, a code that is not its parent's
    /// code and a number, a duplicate code, more than 3 levels, an unknown MIIT-2024 scenario.</summary>
    public IEnumerable<(string Path, string Reason)> Problems(IReadOnlySet<string> miitScenarios)
    {
        var levelOne = Tree.Select(n => (n.Code, n.Name)).ToList();
        if (!levelOne.SequenceEqual(LevelOne))
            yield return ("$.tree", $"一级场景应为{string.Join("、", LevelOne.Select(l => $"{l.Code} {l.Name}"))}");
        var seen = new HashSet<string>();
        foreach (var (node, parent, _) in Nodes())
        {
            var path = $"$.tree[{node.Code}]";
            if (!seen.Add(node.Code)) yield return (path, $"场景编号“{node.Code}”重复");
            if (!ScenarioCodes.IsChildCode(node.Code, parent)) yield return (path, $"场景编号“{node.Code}”应为上级编号加序号");
            if (string.IsNullOrWhiteSpace(node.Name)) yield return (path + ".name", "不能为空");
            var level = ScenarioCodes.Level(node.Code);
            if (level > 3) yield return (path, "场景最多三级");
            if (level < 3 && (node.MiitScenarios.Count > 0 || node.CommonNeeds.Count > 0))
                yield return (path, "只有三级场景对应评测业务场景和行业共性需求");
            foreach (var m in node.MiitScenarios.Where(m => !miitScenarios.Contains(m)))
                yield return (path + ".miitScenarios", $"“{m}”不是2024版评测的业务场景");
        }
    }
}

public sealed record TemplateNode(string Code, string Name)
{
    public string? Description { get; init; }
    public IReadOnlyList<string> MiitScenarios { get; init; } = [];
    public string? MappingReason { get; init; }
    public IReadOnlyList<TemplateCommonNeed> CommonNeeds { get; init; } = [];
    public IReadOnlyList<TemplateNode> Children { get; init; } = [];
}

/// <summary>A common need as the seed writes it, for the pilot industry named by its key in the programme file.</summary>
public sealed record TemplateCommonNeed(string Industry, string Text);

/// <summary>Scenario codes: "2", "2.1", "2.1.1".</summary>
public static class ScenarioCodes
{
    public static int Level(string code) => code.Count(c => c == '.') + 1;

    public static string? Parent(string code) => code.LastIndexOf('.') is var i and > 0 ? code[..i] : null;

    /// <summary>Whether <paramref name="code"/> is <paramref name="parent"/>'s code (none at level 1) followed by a positive number.</summary>
    public static bool IsChildCode(string code, string? parent)
    {
        var last = parent is null ? code : code.StartsWith(parent + ".", StringComparison.Ordinal) ? code[(parent.Length + 1)..] : null;
        return last is { Length: > 0 and <= 3 } && last.All(char.IsAsciiDigit) && last[0] != '0';
    }
}
