namespace DxPilot.Domain.Instruments;

internal sealed partial class InstrumentCompiler
{
    private RawBands? CompileRawBands(RawBandsFile? r, List<Option> options, string path)
    {
        if (r is null) return null;
        var keys = options.Select(o => o.Key).ToHashSet();
        void Key(string? k, string p)
        {
            if (k is null || !keys.Contains(k)) Fail(p, $"“{k}”不是本题的选项");
        }
        var source = Required(r.Source, path + ".source");
        switch (r.Kind)
        {
            case "ratio":
                Required(r.Numerator, path + ".numerator");
                Required(r.Denominator, path + ".denominator");
                if (r.Bands.Count == 0) Fail(path + ".bands", "至少需要一个区间");
                for (var i = 0; i < r.Bands.Count; i++)
                {
                    Key(r.Bands[i].K, $"{path}.bands[{i}].k");
                    if (r.Bands[i].UpToPct is not { } up) Fail($"{path}.bands[{i}].upToPct", "不能为空");
                    else if (i > 0 && up <= (r.Bands[i - 1].UpToPct ?? decimal.MinValue)) Fail($"{path}.bands[{i}].upToPct", "区间上限应逐个增大");
                }
                return new RawBands(RawBandKind.Ratio, r.Numerator, r.Denominator,
                    r.Bands.Select(b => new Band(b.K ?? "", b.UpToPct ?? 0)).ToList(), [], [], null, null, null, source)
                    { PartOfWhole = r.PartOfWhole ?? false };
            case "trend":
                if (r.PartOfWhole is not null) Fail(path + ".partOfWhole", "只用于 ratio（分子是分母的一部分时），trend 不能使用");
                if (r.Current.Count is < 1 or > 2) Fail(path + ".current", "应为一个数值，或两个数值（分子、分母）");
                if (r.Previous.Count != r.Current.Count) Fail(path + ".previous", "应与 current 的个数相同");
                Key(r.Lower, path + ".lower");
                Key(r.Same, path + ".same");
                Key(r.Higher, path + ".higher");
                return new RawBands(RawBandKind.Trend, null, null, [], r.Current, r.Previous, r.Lower, r.Same, r.Higher, source);
            default:
                Fail(path + ".kind", "应为 ratio 或 trend");
                return null;
        }
    }

    private List<Scenario> CompileScenarios(List<ScenarioFile> files)
    {
        var result = new List<Scenario>();
        for (var i = 0; i < files.Count; i++)
        {
            var s = files[i];
            var p = $"$.scenarios[{i}]";
            if (s.Levels is not { Count: LevelRule.MaxLevel } || s.Levels.Any(string.IsNullOrWhiteSpace))
                Fail(p + ".levels", $"需要{LevelRule.MaxLevel}个等级描述（一级至四级）");
            result.Add(new Scenario(i, s.No, Required(s.Name, p + ".name"), Required(s.Group, p + ".group"), s.Constrained,
                s.Levels ?? [], Required(s.Source, p + ".source")));
        }
        foreach (var dup in result.GroupBy(s => s.Name).Where(g => g.Count() > 1))
            Fail("$.scenarios", $"应用场景名称“{dup.Key}”重复");
        return result;
    }

    private LevelRule? CompileLevelRule(LevelRuleFile? r, decimal total, List<Scenario> scenarios, long unitsPerPoint)
    {
        const string p = "$.levelRule";
        if (r is null) { Fail(p, "缺少等级规则（不分等级时写 {\"kind\": \"none\"}）"); return null; }
        var source = Required(r.Source, p + ".source");
        LevelRuleKind kind;
        switch (r.Kind)
        {
            case "scoreAndScenarios": kind = LevelRuleKind.ScoreAndScenarios; break;
            case "scoreBands": kind = LevelRuleKind.ScoreBands; break;
            case "none": kind = LevelRuleKind.None; break;
            default: Fail(p + ".kind", "应为 scoreAndScenarios、scoreBands 或 none"); return null;
        }
        if (kind == LevelRuleKind.None && r.Levels.Count > 0) Fail(p + ".levels", "不分等级时不能列出等级");
        if (kind != LevelRuleKind.None && r.Levels.Count is < 1 or > LevelRule.MaxLevel) Fail(p + ".levels", $"需要1至{LevelRule.MaxLevel}个等级");
        var constrained = scenarios.Count(s => s.Constrained);
        var levels = new List<LevelRequirement>();
        for (var i = 0; i < r.Levels.Count; i++)
        {
            var l = r.Levels[i];
            var lp = $"{p}.levels[{i}]";
            if (l.Level != i + 1) Fail(lp + ".level", $"应为{i + 1}（等级从1起依次排列）");
            if (l.MinScore is not { } min || min < 0 || min > total) Fail(lp + ".minScore", $"应在0至{LevelRule.Points(total)}分之间");
            else if (i > 0 && min < (r.Levels[i - 1].MinScore ?? 0)) Fail(lp + ".minScore", "不能低于下一级的分数线");
            if (kind == LevelRuleKind.ScoreAndScenarios)
            {
                if (l.MinScenarios is not { } k || k < 0 || k > scenarios.Count) Fail(lp + ".minScenarios", $"应在0至{scenarios.Count}之间（应用场景共{scenarios.Count}个）");
                if (l.MinConstrained is not { } c || c < 0 || c > constrained) Fail(lp + ".minConstrained", $"应在0至{constrained}之间（约束性场景共{constrained}个）");
                else if (c > (l.MinScenarios ?? 0)) Fail(lp + ".minConstrained", "不能多于 minScenarios");
            }
            if (l.MinScore is { } ms && ScaleOf(ms) > MaxScale) Fail(lp + ".minScore", "小数位过多");
            var name = Required(l.Name, lp + ".name");
            // A level is written one way everywhere (LevelNames); a file may add a title, not rename the level.
            if (name != "" && i < LevelRule.MaxLevel && name != LevelNames.Short(i + 1)) Fail(lp + ".name", $"应为“{LevelNames.Short(i + 1)}”");
            levels.Add(new LevelRequirement(i + 1, name, l.Title, l.MinScore ?? 0,
                l.MinScenarios ?? 0, l.MinConstrained ?? 0, l.Description));
        }
        return new LevelRule(kind, source, levels, unitsPerPoint) { Basis = Basis(r.Basis, p + ".basis") };
    }

    /// <summary>For every ChunkBits options of a question, the points of each combination of them ticked.</summary>
    private static (List<Chunk> Chunks, List<long> Table) ChunkTables(List<Question> questions, long unitsPerPoint)
    {
        var chunks = new List<Chunk>();
        var table = new List<long>();
        foreach (var q in questions)
            for (var shift = 0; shift < q.Options.Count; shift += Instrument.ChunkBits)
            {
                chunks.Add(new Chunk(q.Index, shift, table.Count));
                for (var bits = 0; bits < 1 << Instrument.ChunkBits; bits++)
                {
                    long sum = 0;
                    for (var b = 0; b < Instrument.ChunkBits && shift + b < q.Options.Count; b++)
                        if ((bits & (1 << b)) != 0) sum += (long)(q.Options[shift + b].Points * unitsPerPoint);
                    table.Add(sum);
                }
            }
        return (chunks, table);
    }

    /// <summary>The fewest decimals that write the value exactly (1.875 → 3); MaxScale + 1 when more are needed.</summary>
    private static int ScaleOf(decimal value)
    {
        for (var s = 0; s <= MaxScale; s++)
        {
            var scaled = value * (decimal)Math.Pow(10, s);
            if (scaled == decimal.Truncate(scaled)) return s;
        }
        return MaxScale + 1;
    }
}
