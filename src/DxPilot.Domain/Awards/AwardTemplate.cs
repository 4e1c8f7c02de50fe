namespace DxPilot.Domain.Awards;

/// <summary>
/// 申报书模板: the sections in the template's order with their limits (不超过N字), the repeated scenario block (up to N scenarios,
/// each with its own limited fields and pictures), limits over several sections together (案例简介 = 名称 + 简述 ≤ 300; the
/// whole case ≤ 3500) and the pictures' limits.
/// </summary>
public sealed record AwardTemplate(string Title, IReadOnlyList<TemplateSection> Sections, ScenarioBlock? Scenarios = null,
    IReadOnlyList<CombinedLimit>? Totals = null, ImageRules? Images = null)
{
    public IReadOnlyList<CombinedLimit> AllTotals => Totals ?? [];

    public TemplateSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return ("title", "不能为空");
        for (var i = 0; i < Sections.Count; i++)
            foreach (var reason in Sections[i].Problems()) yield return ($"sections[{i}]", reason);
        foreach (var key in Sections.GroupBy(s => s.Key).Where(g => g.Count() > 1).Select(g => g.Key)) yield return ("sections", $"栏目“{key}”重复");
        // A part (四、工作计划 with its （一）（二）) holds consecutive sections only.
        var parts = Sections.Select((s, i) => (s.Part, i)).Where(p => p.Part is not null).GroupBy(p => p.Part);
        foreach (var part in parts.Where(g => g.Last().i - g.First().i + 1 != g.Count())) yield return ("sections", $"部分“{part.Key}”的栏目应相邻");
        if (Scenarios is { } block)
        {
            if (block.After is { } after && Section(after) is null) yield return ("scenarios.after", $"没有栏目“{after}”");
            if (block.Max < 1) yield return ("scenarios.max", "应至少为1");
            if (block.Min < 0 || block.Min > block.Max) yield return ("scenarios.min", $"应在0到{block.Max}之间");
            if (block.PicturesPerScenario < 0) yield return ("scenarios.picturesPerScenario", "不能为负数");
            for (var i = 0; i < block.Fields.Count; i++)
                foreach (var reason in block.Fields[i].Problems()) yield return ($"scenarios.fields[{i}]", reason);
        }
        for (var i = 0; i < AllTotals.Count; i++)
        {
            var total = AllTotals[i];
            if (total.MaxCharacters < 1) yield return ($"totals[{i}].maxCharacters", "应至少为1");
            foreach (var key in total.Sections)
                if (key != CombinedLimit.Everything && Section(key) is null) yield return ($"totals[{i}].sections", $"没有栏目“{key}”");
        }
        if (Images is { } img && (img.MaxCount < 0 || img.MaxWidth < 1 || img.MaxHeight < 1)) yield return ("images", "插图数量不能为负，宽高应至少为1像素");
    }
}

/// <summary>One section of the template: its heading, the template's hint (what to write), its limit in characters (null: none
/// stated) and whether submission needs it filled.</summary>
public sealed record TemplateSection(string Key, string Label, string? Hint = null, int? MaxCharacters = null, bool Required = true)
{
    /// <summary>The numbered part of the template the section sits in as its （一）（二）… (小灯塔: 四、工作计划); null: a part of its own.</summary>
    public string? Part { get; init; }
    /// <summary>Written for the county's summary table (链式: 案例简述（汇总表用）), not a part of the application as printed.</summary>
    public bool SummaryTableOnly { get; init; }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Key)) yield return "栏目的key不能为空";
        if (string.IsNullOrWhiteSpace(Label)) yield return "栏目名称不能为空";
        if (MaxCharacters is < 1) yield return $"栏目“{Label}”的字数上限应至少为1";
    }
}

/// <summary>The repeated 应用场景 block: at least <see cref="Min"/> and at most <see cref="Max"/> scenarios, each with its fields,
/// mapped to a typical scenario when <see cref="MapToTypical"/>, and up to N pictures each.</summary>
public sealed record ScenarioBlock(string Label, int Max, IReadOnlyList<TemplateSection> Fields, int Min = 0, int PicturesPerScenario = 0,
    bool MapToTypical = false)
{
    /// <summary>The section the block follows in the template (小灯塔: after 二、企业数字化基础); null: after the last section.</summary>
    public string? After { get; init; }
    /// <summary>The numbered part's heading the block prints under (小灯塔: 三、数字化应用系统建设); null: its label.</summary>
    public string? Part { get; init; }
}

/// <summary>A limit over several sections together; <see cref="Everything"/> covers every text of the application.</summary>
public sealed record CombinedLimit(string Label, IReadOnlyList<string> Sections, int MaxCharacters)
{
    public const string Everything = "*";
}

/// <summary>插图: at most N pictures, each at most W×H pixels as decoded (not as named).</summary>
public sealed record ImageRules(int MaxCount, int MaxWidth, int MaxHeight);
