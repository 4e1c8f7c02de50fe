using System.Globalization;
using System.Text.Json.Serialization;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;

namespace DxPilot.Domain.Awards;

/// <summary>符合 (green), 不符合 (red), 待评审判断 (a reviewer decides from the evidence).</summary>
public enum CriterionVerdict { Met = 1, NotMet = 2, ForReviewer = 3 }

/// <summary>One criterion's verdict with what it rests on, in the words the applicant and the reviewer read.</summary>
public sealed record CriterionCheck(string Key, string Label, CriterionVerdict Verdict, string Evidence);

/// <summary>What a criterion looks at.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriterionKind>))]
public enum CriterionKind
{
    /// <summary>A ratio at least <see cref="CriterionRule.MinPct"/> (生产设备数字化率 ≥ 60 %): from the agency's raw inputs (the
    /// accepted project's 改造后 assessment, else the enterprise's latest agency assessment; named in the evidence), else the
    /// option it chose when its band settles it, else the applicant's own figure for a reviewer to check.</summary>
    Rate = 1,
    /// <summary>At least N application scenarios, each mapped to a typical scenario.</summary>
    Scenarios = 2,
    /// <summary>The agency's 改造后 level at least N (and above the 改造前 level where the rule says so).</summary>
    Level = 3,
    /// <summary>Valid intellectual property since a year, or a quality tier on the enterprise's file.</summary>
    Innovation = 4,
    /// <summary>For the reviewer: the sections that carry its evidence are filled or not.</summary>
    Judged = 5,
    /// <summary>One of the modes, each with its criteria list (for the reviewer) and measured ratios (checked).</summary>
    Mode = 6,
    /// <summary>Figures before and after (创新经费占比 …): improved in at least one.</summary>
    Improvement = 7,
}

/// <summary>One criterion as the call declares it; which fields matter depends on <see cref="Kind"/>.</summary>
public sealed record CriterionRule(string Key, string Label, CriterionKind Kind, string? Source = null)
{
    public decimal? MinPct { get; init; }
    /// <summary>Rate: the raw inputs of the agency's assessment (names of the instrument) and the question whose option may settle it.</summary>
    public string? Numerator { get; init; }
    public string? Denominator { get; init; }
    public string? Question { get; init; }
    /// <summary>Rate: the figure that may stand in for it (联网率“或上云率”), entered by the applicant under <c>Key + ":alternative"</c>.</summary>
    public string? Alternative { get; init; }
    public int? MinCount { get; init; }
    public int? MinLevel { get; init; }
    public bool MustRise { get; init; }
    /// <summary>Level: the level that is 优先 (车间: 四级), shown, not required.</summary>
    public int? PreferredLevel { get; init; }
    public int? SinceYear { get; init; }
    /// <summary>Judged: the template sections whose text is the evidence.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];
    public IReadOnlyList<FactoryMode> Modes { get; init; } = [];
    public IReadOnlyList<FigureRule> Figures { get; init; } = [];
    /// <summary>The 证明材料 subjects that support this criterion, listed beside it for the reviewers.</summary>
    public IReadOnlyList<AwardEvidenceSubject> Evidence { get; init; } = [];

    /// <summary>Settled by the platform alone, so that its 不符合 stops submission: the scenarios mapped to typical scenarios are
    /// counted, the level is the agency's. The others rest on the applicant's own figures or a reviewer's judgement and stay for
    /// the review.</summary>
    public bool Objective => Kind is CriterionKind.Scenarios or CriterionKind.Level;

    public IEnumerable<string> Problems(AwardTemplate template, IReadOnlyList<TypicalScenario> typical)
    {
        if (string.IsNullOrWhiteSpace(Key) || string.IsNullOrWhiteSpace(Label)) yield return "条件的key和名称不能为空";
        switch (Kind)
        {
            case CriterionKind.Rate:
                if (MinPct is not (> 0 and <= 100)) yield return $"“{Label}”须声明0到100之间的minPct";
                if (Numerator is null != (Denominator is null)) yield return $"“{Label}”的numerator和denominator须同时声明";
                break;
            case CriterionKind.Scenarios:
                if (MinCount is not > 0) yield return $"“{Label}”须声明minCount";
                if (template.Scenarios is null) yield return $"“{Label}”所在方向的模板没有场景栏目";
                if (typical.Count == 0) yield return $"“{Label}”需要典型场景清单（typicalScenarios）";
                break;
            case CriterionKind.Level:
                if (MinLevel is not (>= 1 and <= 4)) yield return $"“{Label}”须声明1到4之间的minLevel";
                break;
            case CriterionKind.Innovation:
                if (SinceYear is not (>= 2000 and <= 2100)) yield return $"“{Label}”须声明sinceYear";
                break;
            case CriterionKind.Judged:
                foreach (var s in Sections.Where(s => template.Section(s) is null)) yield return $"“{Label}”引用的栏目“{s}”不在模板中";
                break;
            case CriterionKind.Mode:
                if (Modes.Count == 0) yield return $"“{Label}”须声明模式";
                foreach (var m in Modes)
                foreach (var r in m.Measured.Where(r => r.MinPct is not (> 0 and <= 100))) yield return $"模式“{m.Label}”的“{r.Label}”须声明0到100之间的minPct";
                break;
            case CriterionKind.Improvement:
                if (Figures.Count == 0) yield return $"“{Label}”须声明指标";
                foreach (var f in Figures.Where(f => f.Share && f.Unit != "%")) yield return $"“{f.Label}”是比重（share），单位须为%";
                break;
            default:
                yield return $"不认识的条件类型“{Kind}”";
                break;
        }
    }
}

/// <summary>A 车间/工厂 mode (离散型 …) with the seed's criteria list and the ratios it measures (流程型: 自动数采率 ≥ 90 %).</summary>
public sealed record FactoryMode(string Key, string Label, IReadOnlyList<string> Items, IReadOnlyList<MeasuredRate> Measured);

public sealed record MeasuredRate(string Key, string Label, decimal? MinPct);

/// <summary>One figure of the 创新能力 capabilities (创新经费占主营业务收入比重 …), its unit and the capability it belongs to.
/// <see cref="YesNo"/>: a yes/no fact of the implementation period (附件1-3 研发机构 "实施期内是否新建研发机构"), entered once as
/// 1 (是) or 0 (否) with no before; 是 is its improvement.</summary>
public sealed record FigureRule(string Key, string Label, string Capability, string Unit)
{
    public bool YesNo { get; init; }
    /// <summary>A share of a whole (…占主营业务收入比重), so between 0 and 100 %; a ratio such as 技术引进经费与研发经费的比值 may pass 100.</summary>
    public bool Share { get; init; }
}

/// <summary>
/// What the criteria look at, gathered by the application's service from the platform's own rows: the agency's 改造后
/// assessment (raw inputs and options), the levels of the agency's evaluation and of the 改造前 assessment, the enterprise's
/// file, and what the applicant entered (figures, intellectual property, mode, texts).
/// </summary>
public sealed record AwardFacts
{
    public Instrument? Instrument { get; init; }
    public IReadOnlyDictionary<string, decimal> RawInputs { get; init; } = new Dictionary<string, decimal>();
    /// <summary>The agency's options by question name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>The assessment the raw inputs and options come from, as the evidence names it ("评测机构（某检测中心）2025年7月16日
    /// 改造后评测"): the accepted project's 改造后 assessment, else the enterprise's latest assessment by an agency.</summary>
    public string? AssessmentSource { get; init; }
    public int? LevelBefore { get; init; }
    public int? LevelAfter { get; init; }
    /// <summary>The agency that evaluated and accepted the transformation, named beside its levels.</summary>
    public string? Agency { get; init; }
    public QualityTier QualityTier { get; init; }
    public IReadOnlyList<IpRight> IntellectualProperty { get; init; } = [];
    /// <summary>The applicant's own figures by criterion or figure key (a percentage for a rate).</summary>
    public IReadOnlyDictionary<string, decimal> Entered { get; init; } = new Dictionary<string, decimal>();
    /// <summary>The applicant's figures before the transformation, for improvements.</summary>
    public IReadOnlyDictionary<string, decimal> EnteredBefore { get; init; } = new Dictionary<string, decimal>();
    public string? Mode { get; init; }
    public AwardText Text { get; init; } = new();
}

/// <summary>知识产权: its kind (发明专利 …), number and the date it was granted or registered; valid unless it expired.</summary>
public sealed record IpRight(string Kind, string Number, DateOnly GrantedOn, DateOnly? ExpiresOn = null);

/// <summary>Each criterion of a direction checked from <see cref="AwardFacts"/>; pure, so it runs as the applicant types.</summary>
public static class AwardCriteria
{
    public static IReadOnlyList<CriterionCheck> Check(AwardDirection direction, AwardFacts facts, IReadOnlyList<TypicalScenario> typical, DateOnly today) =>
        direction.Criteria.Select(c => Check(c, direction.Template, facts, typical, today)).ToList();

    /// <summary>What stops submission among a direction's checks: each objective criterion not met, with what it rests on
    /// (seed 004 附件1-1: "应用场景不少于 4 个", "数字化水平等级达到三级及以上，且等级有明显提升").</summary>
    public static IEnumerable<string> SubmissionProblems(AwardDirection direction, IReadOnlyList<CriterionCheck> checks) =>
        from c in checks
        join r in direction.Criteria on c.Key equals r.Key
        where r.Objective && c.Verdict == CriterionVerdict.NotMet
        select $"不符合“{c.Label}”：{c.Evidence}";

    public static CriterionCheck Check(CriterionRule rule, AwardTemplate template, AwardFacts facts, IReadOnlyList<TypicalScenario> typical, DateOnly today) =>
        rule.Kind switch
        {
            CriterionKind.Rate => Rate(rule, facts),
            CriterionKind.Scenarios => Scenarios(rule, facts, typical),
            CriterionKind.Level => Level(rule, facts),
            CriterionKind.Innovation => Innovation(rule, facts, today),
            CriterionKind.Judged => Judged(rule, template, facts),
            CriterionKind.Mode => Mode(rule, facts),
            CriterionKind.Improvement => Improvement(rule, facts),
            _ => new(rule.Key, rule.Label, CriterionVerdict.ForReviewer, "本条件由评审判断"),
        };

    private static CriterionCheck Rate(CriterionRule rule, AwardFacts facts)
    {
        var check = PlatformRate(rule, facts);
        // 或上云率: a ratio the platform finds short may still be met by the alternative, which a reviewer checks.
        if (check.Verdict != CriterionVerdict.Met && rule.Alternative is { } alt && facts.Entered.TryGetValue(rule.Key + AlternativeSuffix, out var other)
            && other >= rule.MinPct!.Value)
            return check with { Verdict = CriterionVerdict.ForReviewer, Evidence = $"{check.Evidence}；企业填报{alt}{Pct(other)}%，待评审核实佐证" };
        return check;
    }

    public const string AlternativeSuffix = ":alternative";

    private static CriterionCheck PlatformRate(CriterionRule rule, AwardFacts facts)
    {
        var min = rule.MinPct!.Value;
        var need = $"须不低于{Pct(min)}%";
        var source = facts.AssessmentSource ?? "评测机构改造后评测";
        if (rule.Numerator is { } num && rule.Denominator is { } den
            && facts.RawInputs.TryGetValue(num, out var n) && facts.RawInputs.TryGetValue(den, out var d) && d > 0 && n >= 0)
        {
            var pct = n / d * 100m;
            return new(rule.Key, rule.Label, pct >= min ? CriterionVerdict.Met : CriterionVerdict.NotMet,
                $"{source}原始数据：{num} {Number(n)} ÷ {den} {Number(d)} = {Pct(pct)}%，{need}");
        }
        if (rule.Question is { } q && facts.Instrument?.FindQuestion(q) is { RawBands.Kind: RawBandKind.Ratio } question
            && facts.Choices.TryGetValue(q, out var letters) && letters.Count == 1 && Band(question, letters[0]) is var (lower, upper, text))
        {
            // (lower, upper]: settled when the whole band is on one side of the minimum.
            if (lower >= min) return new(rule.Key, rule.Label, CriterionVerdict.Met, $"{source}选项{letters[0]}“{text}”，{need}");
            if (upper < min) return new(rule.Key, rule.Label, CriterionVerdict.NotMet, $"{source}选项{letters[0]}“{text}”，{need}");
        }
        if (facts.Entered.TryGetValue(rule.Key, out var entered))
            return entered >= min
                ? new(rule.Key, rule.Label, CriterionVerdict.ForReviewer, $"企业填报{Pct(entered)}%（评测数据不足以判断），{need}，待评审核实佐证")
                : new(rule.Key, rule.Label, CriterionVerdict.NotMet, $"企业填报{Pct(entered)}%，{need}");
        return new(rule.Key, rule.Label, CriterionVerdict.NotMet, $"没有评测原始数据，企业也未填报，{need}");
    }

    /// <summary>The option's band as (lower exclusive, upper inclusive, its text); null when the option is not a band.</summary>
    private static (decimal Lower, decimal Upper, string Text)? Band(Question question, string letter)
    {
        var bands = question.RawBands!.Bands;
        for (var i = 0; i < bands.Count; i++)
            if (bands[i].Key == letter)
                return (i == 0 ? 0m : bands[i - 1].UpToPct, bands[i].UpToPct, question.Options.FirstOrDefault(o => o.Key == letter)?.Text ?? letter);
        return null;
    }

    private static CriterionCheck Scenarios(CriterionRule rule, AwardFacts facts, IReadOnlyList<TypicalScenario> typical)
    {
        var known = typical.ToDictionary(t => t.Number);
        var mapped = facts.Text.Scenarios.Select(s => s.TypicalScenario is { } n && known.TryGetValue(n, out var t) ? t : null).ToList();
        var valid = mapped.OfType<TypicalScenario>().ToList();
        var listed = valid.Count == 0 ? "" : "：" + string.Join("、", valid.Select(t => $"{t.Number}.{t.Name}"));
        var unmapped = mapped.Count - valid.Count;
        var evidence = $"已填{mapped.Count}个场景，其中{valid.Count}个对应典型场景{listed}" + (unmapped > 0 ? $"；{unmapped}个未对应典型场景" : "") + $"，须不少于{rule.MinCount}个";
        return new(rule.Key, rule.Label, valid.Count >= rule.MinCount ? CriterionVerdict.Met : CriterionVerdict.NotMet, evidence);
    }

    private static CriterionCheck Level(CriterionRule rule, AwardFacts facts)
    {
        var min = rule.MinLevel!.Value;
        if (facts.LevelAfter is not { } after)
            return new(rule.Key, rule.Label, CriterionVerdict.NotMet, "没有评测机构的改造后评测等级");
        var before = facts.LevelBefore;
        var said = $"评测机构{(facts.Agency is { Length: > 0 } agency ? $"（{agency}）" : "")}改造后评测{LevelNames.Short(after)}" + (before is { } b ? $"，改造前{LevelNames.Short(b)}" : "，改造前等级未记录");
        var preferred = rule.PreferredLevel is { } p ? (after >= p ? $"；达到{LevelNames.Short(p)}，优先评定" : $"；{LevelNames.Short(p)}优先评定") : "";
        if (after < min) return new(rule.Key, rule.Label, CriterionVerdict.NotMet, $"{said}，须达到{LevelNames.Short(min)}及以上{preferred}");
        if (rule.MustRise && before is null) return new(rule.Key, rule.Label, CriterionVerdict.ForReviewer, $"{said}，等级是否提升待评审核实{preferred}");
        if (rule.MustRise && after <= before) return new(rule.Key, rule.Label, CriterionVerdict.NotMet, $"{said}，等级未提升{preferred}");
        return new(rule.Key, rule.Label, CriterionVerdict.Met, said + (rule.MustRise ? "，等级有提升" : "") + preferred);
    }

    private static CriterionCheck Innovation(CriterionRule rule, AwardFacts facts, DateOnly today)
    {
        if (facts.QualityTier != QualityTier.None)
            return new(rule.Key, rule.Label, CriterionVerdict.Met, $"企业档案：{facts.QualityTier.Label()}");
        var since = new DateOnly(rule.SinceYear!.Value, 1, 1);
        var valid = facts.IntellectualProperty.Where(ip => ip.GrantedOn >= since && ip.GrantedOn <= today && (ip.ExpiresOn is null || ip.ExpiresOn >= today)).ToList();
        if (valid.Count > 0)
            return new(rule.Key, rule.Label, CriterionVerdict.ForReviewer,
                $"企业填报{rule.SinceYear}年以来有效知识产权{valid.Count}项（{string.Join("、", valid.Take(3).Select(ip => $"{ip.Kind}{ip.Number}"))}{(valid.Count > 3 ? "等" : "")}），待评审核实证书");
        return new(rule.Key, rule.Label, CriterionVerdict.NotMet, $"企业档案无创新型中小企业、专精特新等称号，也未填报{rule.SinceYear}年以来获得的有效知识产权");
    }

    private static CriterionCheck Judged(CriterionRule rule, AwardTemplate template, AwardFacts facts)
    {
        var empty = rule.Sections.Where(s => AwardLimits.Count(facts.Text[s]) == 0).Select(s => template.Section(s)?.Label ?? s).ToList();
        return empty.Count == 0
            ? new(rule.Key, rule.Label, CriterionVerdict.ForReviewer, rule.Sections.Count == 0 ? "由评审判断" : "已填写相关内容，由评审判断")
            : new(rule.Key, rule.Label, CriterionVerdict.NotMet, $"未填写：{string.Join("、", empty)}");
    }

    private static CriterionCheck Mode(CriterionRule rule, AwardFacts facts)
    {
        if (facts.Mode is null || rule.Modes.FirstOrDefault(m => m.Key == facts.Mode) is not { } mode)
            return new(rule.Key, rule.Label, CriterionVerdict.NotMet, $"请选择一种模式：{string.Join("、", rule.Modes.Select(m => m.Label))}");
        var parts = new List<string>();
        var failed = false;
        var missing = false;
        foreach (var m in mode.Measured)
        {
            if (!facts.Entered.TryGetValue(m.Key, out var v)) { missing = true; parts.Add($"{m.Label}未填报（须达到{Pct(m.MinPct!.Value)}%以上）"); continue; }
            var ok = v >= m.MinPct!.Value;
            failed |= !ok;
            parts.Add($"{m.Label}{Pct(v)}%（须达到{Pct(m.MinPct.Value)}%以上）");
        }
        var listed = $"{mode.Label}，要素{mode.Items.Count}项由评审对照判断" + (parts.Count > 0 ? "；" + string.Join("；", parts) : "");
        return new(rule.Key, rule.Label, failed || missing ? CriterionVerdict.NotMet : CriterionVerdict.ForReviewer, listed);
    }

    private static CriterionCheck Improvement(CriterionRule rule, AwardFacts facts)
    {
        var lines = new List<string>();
        var improved = new HashSet<string>();
        foreach (var f in rule.Figures)
        {
            if (f.YesNo)
            {
                if (!facts.Entered.TryGetValue(f.Key, out var answer)) continue;
                if (answer > 0) improved.Add(f.Capability);
                lines.Add($"{f.Label}：{(answer > 0 ? "是" : "否")}");
                continue;
            }
            if (!facts.EnteredBefore.TryGetValue(f.Key, out var before) || !facts.Entered.TryGetValue(f.Key, out var after)) continue;
            var change = after - before;
            if (change > 0) improved.Add(f.Capability);
            lines.Add($"{f.Label}：{Number(before)}{f.Unit}→{Number(after)}{f.Unit}（{(change > 0 ? "+" : "")}{Number(change)}）");
        }
        if (lines.Count == 0) return new(rule.Key, rule.Label, CriterionVerdict.NotMet, "未填报改造前后的创新指标");
        var capabilities = rule.Figures.Select(f => f.Capability).Distinct().ToList();
        var summary = improved.Count == 0 ? "各项能力均未提升" : $"提升的能力：{string.Join("、", capabilities.Where(improved.Contains))}";
        return new(rule.Key, rule.Label, improved.Count > 0 ? CriterionVerdict.Met : CriterionVerdict.NotMet,
            $"{summary}（企业填报，以审计报告为准）；{string.Join("；", lines)}");
    }

    private static string Pct(decimal v) => decimal.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
    private static string Number(decimal v) => decimal.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
