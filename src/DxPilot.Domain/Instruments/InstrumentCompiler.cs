namespace DxPilot.Domain.Instruments;

/// <summary>Checks an <see cref="InstrumentFile"/> and resolves every option's points; collects all problems with their JSON paths.</summary>
internal sealed partial class InstrumentCompiler
{
    private const int MaxScale = 6;
    private const int MaxOptions = 32; // one bit per option in IndexedSheet

    public List<(string Path, string Reason)> Problems { get; } = [];

    private void Fail(string path, string reason) => Problems.Add((path, reason));

    private string Required(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value)) { Fail(path, "不能为空"); return ""; }
        return value.Trim();
    }

    // Words that only make sense to us: file names, the seed numbering, JSON keys.
    private static readonly System.Text.RegularExpressions.Regex OurOwnWords =
        new(@"\.(json|md|txt|pdf)\b|seed|DOMAIN|reference/|[a-z]+_[a-z_]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>A 依据 users read: official document names, nothing of our files.</summary>
    private string? Basis(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (OurOwnWords.Match(value) is { Success: true } m)
            Fail(path, $"只写官方文件名称（如《…》、文号），不写“{m.Value}”这类内部文件或字段名；出处写在 source 中");
        return value.Trim();
    }

    public Instrument? Compile(InstrumentFile f)
    {
        var id = Required(f.Id, "$.id");
        var version = Required(f.Version, "$.version");
        var name = Required(f.Name, "$.name");
        var source = Required(f.Source, "$.source");
        var basis = Basis(f.Basis, "$.basis");
        if (f.TotalPoints is not > 0) Fail("$.totalPoints", "必须大于0");
        var total = f.TotalPoints ?? 0;
        var assumptionIds = f.Assumptions.Select(a => a.Id).ToHashSet();
        for (var i = 0; i < f.Assumptions.Count; i++)
        {
            Required(f.Assumptions[i].Id, $"$.assumptions[{i}].id");
            Required(f.Assumptions[i].Text, $"$.assumptions[{i}].text");
            Required(f.Assumptions[i].Source, $"$.assumptions[{i}].source");
        }

        var dims = new List<Dimension>();
        var subs = new List<SubIndicator>();
        var questions = new List<Question>();
        if (f.Dimensions is not { Count: > 0 }) Fail("$.dimensions", "至少需要一个一级指标");
        else
        {
            var dimPoints = Shares(f.Dimensions.Select(d => (d.Points, d.WeightPct)).ToList(), total, "$.dimensions", "一级指标");
            for (var di = 0; di < f.Dimensions.Count; di++)
            {
                var d = f.Dimensions[di];
                var dp = $"$.dimensions[{di}]";
                dims.Add(new Dimension(di, Required(d.Name, dp + ".name"), dimPoints[di], Required(d.Source, dp + ".source")));
                if (d.SubIndicators is not { Count: > 0 }) { Fail(dp + ".subIndicators", "至少需要一个二级指标"); continue; }
                var subPoints = Shares(d.SubIndicators.Select(s => (s.Points, s.WeightPct)).ToList(), dimPoints[di], dp + ".subIndicators", "二级指标");
                for (var si = 0; si < d.SubIndicators.Count; si++)
                {
                    var s = d.SubIndicators[si];
                    var sp = $"{dp}.subIndicators[{si}]";
                    var subIndex = subs.Count;
                    subs.Add(new SubIndicator(subIndex, Required(s.Name, sp + ".name"), subPoints[si], di, Required(s.Source, sp + ".source")));
                    if (s.Questions is not { Count: > 0 }) { Fail(sp + ".questions", "至少需要一道题目"); continue; }
                    var qPoints = Shares(s.Questions.Select(q => (q.Points, q.WeightPct)).ToList(), subPoints[si], sp + ".questions", "题目");
                    for (var qi = 0; qi < s.Questions.Count; qi++)
                        questions.Add(CompileQuestion(s.Questions[qi], $"{sp}.questions[{qi}]", questions.Count, qPoints[qi], subIndex, assumptionIds));
                }
            }
        }
        foreach (var dup in questions.GroupBy(q => q.Name).Where(g => g.Count() > 1))
            Fail("$.dimensions", $"题目名称“{dup.Key}”重复（答案按题目名称对应，名称必须唯一）");

        var scenarios = CompileScenarios(f.Scenarios);
        var scale = Math.Max(questions.SelectMany(q => q.Options).Select(o => ScaleOf(o.Points)).DefaultIfEmpty(0).Max(),
            Math.Max(ScaleOf(total), f.LevelRule?.Levels.Select(l => ScaleOf(l.MinScore ?? 0)).DefaultIfEmpty(0).Max() ?? 0));
        var unitsPerPoint = (long)Math.Pow(10, scale);
        var rule = CompileLevelRule(f.LevelRule, total, scenarios, unitsPerPoint);
        var preconditions = f.Preconditions.Select((p, i) => new Precondition(
            Required(p.Id, $"$.preconditions[{i}].id"), Required(p.Name, $"$.preconditions[{i}].name"),
            Required(p.Text, $"$.preconditions[{i}].text"), Required(p.Source, $"$.preconditions[{i}].source"),
            p.RegisteredBefore, p.RevenueYears, p.MinLevel, p.Years) { Titles = p.Titles }).ToList();
        if (f.EvidenceRule is { } er) Required(er.Source, "$.evidenceRule.source");
        if (f.Overview is { } ov) Required(ov.Source, "$.overview.source");
        if (Problems.Count > 0 || rule is null) return null;

        var (chunks, table) = ChunkTables(questions, unitsPerPoint);
        var instrument = new Instrument
        {
            Id = id, Version = version, Name = name, Source = source, Basis = basis, TotalPoints = total,
            Dimensions = dims, SubIndicators = subs, Questions = questions, Scenarios = scenarios, LevelRule = rule,
            Assumptions = f.Assumptions.Select(a => new Assumption(a.Id!, a.Text!, a.Source!)).ToList(),
            Notes = f.Notes,
            EvidenceRule = f.EvidenceRule is { } e ? new EvidenceRule(e.RequiresText, e.MinPictures, e.Source!) : null,
            Overview = f.Overview is { } o ? new OverviewRule(o.MinCharacters, o.Source!) : null,
            Preconditions = preconditions,
            Scale = scale, UnitsPerPoint = unitsPerPoint,
            Chunks = chunks.ToArray(),
            ChunkTable = table.ToArray(),
            QuestionSubIndicator = questions.Select(q => q.SubIndicatorIndex).ToArray(),
            SubIndicatorDimension = subs.Select(s => s.DimensionIndex).ToArray(),
            ScenarioConstrained = scenarios.Select(s => s.Constrained).ToArray(),
            ConstrainedCount = scenarios.Count(s => s.Constrained),
        };
        instrument.BuildIndexes();
        return instrument;
    }

    /// <summary>Resolves children's points: given directly (must add up to the parent) or as weights in % (must add up to 100).
    /// A lone child with neither gets all of the parent.</summary>
    private decimal[] Shares(List<(decimal? Points, decimal? WeightPct)> children, decimal parent, string path, string what)
    {
        var result = new decimal[children.Count];
        var byWeight = children.Any(c => c.WeightPct is not null);
        for (var i = 0; i < children.Count; i++)
        {
            var (points, weight) = children[i];
            var p = byWeight ? $"{path}[{i}].weightPct" : $"{path}[{i}].points";
            if (points is not null && weight is not null) Fail($"{path}[{i}]", "points 与 weightPct 只能给一个");
            else if (byWeight && weight is null) Fail(p, "同级已按权重给分，这里也需要 weightPct");
            else if (!byWeight && points is null && children.Count > 1) Fail(p, "需要 points 或 weightPct");
            var value = byWeight ? parent * (weight ?? 0) / 100m : points ?? parent;
            if (value < 0) Fail(p, "不能为负数");
            result[i] = value;
        }
        if (byWeight && children.Sum(c => c.WeightPct ?? 0) is var w && w != 100m)
            Fail(path, $"{what}权重合计{LevelRule.Points(w)}%，应为100%");
        else if (!byWeight && result.Sum() is var sum && sum != parent)
            Fail(path, $"{what}分值合计{LevelRule.Points(sum)}分，与上级的{LevelRule.Points(parent)}分不一致");
        return result;
    }

    private Question CompileQuestion(QuestionFile q, string path, int index, decimal points, int subIndex, HashSet<string?> assumptions)
    {
        var name = Required(q.Name, path + ".name");
        var kind = q.Kind == "multi" ? QuestionKind.Multi : QuestionKind.Single;
        if (q.Kind is not ("single" or "multi")) Fail(path + ".kind", "应为 single（单选）或 multi（多选）");
        var text = Required(q.Text, path + ".text");
        var source = Required(q.Source, path + ".source");
        var files = q.Options ?? [];
        if (files.Count < 2) Fail(path + ".options", "至少需要两个选项");
        if (files.Count > MaxOptions) Fail(path + ".options", $"选项不能超过{MaxOptions}个");
        foreach (var dup in files.GroupBy(o => o.K).Where(g => g.Count() > 1))
            Fail(path + ".options", $"选项字母“{dup.Key}”重复");

        var optionPoints = OptionPoints(q, kind, points, path, assumptions);
        var options = new List<Option>();
        for (var i = 0; i < files.Count; i++)
        {
            var o = files[i];
            var op = $"{path}.options[{i}]";
            var pts = optionPoints[i];
            if (pts < 0) Fail(op + ".points", "不能为负数");
            if (o.Exclusive && pts != 0) Fail(op + ".points", "互斥的“无”选项只能为0分");
            if (ScaleOf(pts) > MaxScale) Fail(op + ".points", $"分值{pts}的小数位超过{MaxScale}位，请在文件中直接写出分值");
            options.Add(new Option(i, Required(o.K, op + ".k"), Required(o.Text, op + ".text"), pts, o.Exclusive, o.Group));
        }
        CheckOptionTotal(kind, options, points, path);
        var raw = CompileRawBands(q.RawBands, options, path + ".rawBands");
        var evidence = q.Evidence is { } e ? new EvidenceRequirement(Required(e.Text, path + ".evidence.text"), Required(e.Materials, path + ".evidence.materials")) : null;
        var lost = q.LostOptions.Select(l => $"{l.After}与{l.Before}之间：{l.Note}").ToList();
        return new Question(index, q.No, name, kind, text, q.Help, points, subIndex, source, options, raw, evidence, lost);
    }

    private decimal[] OptionPoints(QuestionFile q, QuestionKind kind, decimal points, string path, HashSet<string?> assumptions)
    {
        var files = q.Options ?? [];
        var result = files.Select(o => o.Points ?? 0).ToArray();
        if (q.OptionScoring is not { } rule)
        {
            for (var i = 0; i < files.Count; i++)
                if (files[i].Points is null) Fail($"{path}.options[{i}].points", "缺少分值（或在题目上给出 optionScoring）");
            return result;
        }
        if (rule.Assumption is not null && !assumptions.Contains(rule.Assumption))
            Fail(path + ".optionScoring.assumption", $"找不到假设“{rule.Assumption}”");
        for (var i = 0; i < files.Count; i++)
            if (files[i].Points is not null) Fail($"{path}.options[{i}].points", "已按 optionScoring 计分，不要再写分值");
        var named = Enumerable.Range(0, files.Count).Where(i => !files[i].Exclusive).ToList();
        if (rule.Method == "equalSteps" && kind == QuestionKind.Single)
        {
            if (rule.Descending) named.Reverse();
            // With a "以上均无" option the named ones are 1/m..m/m; without, the first named option is the 0 step.
            var steps = named.Count == files.Count ? named.Count - 1 : named.Count;
            var first = named.Count == files.Count ? 0 : 1;
            for (var s = 0; s < named.Count; s++) result[named[s]] = points * (s + first) / steps;
        }
        else if (rule.Method == "equalShare" && kind == QuestionKind.Multi)
        {
            var groups = named.GroupBy(i => files[i].Group).ToList();
            foreach (var g in groups)
                foreach (var i in g) result[i] = points / (groups.Count * g.Count());
        }
        else Fail(path + ".optionScoring.method", "单选题用 equalSteps，多选题用 equalShare");
        return result;
    }

    private void CheckOptionTotal(QuestionKind kind, List<Option> options, decimal points, string path)
    {
        if (options.Count == 0) return;
        var max = kind == QuestionKind.Single ? options.Max(o => o.Points) : options.Where(o => !o.Exclusive).Sum(o => o.Points);
        if (max != points)
            Fail(path + ".options", $"{(kind == QuestionKind.Single ? "最高选项" : "全部选项合计")}{LevelRule.Points(max)}分，与本题{LevelRule.Points(points)}分不一致");
    }
}
