namespace DxPilot.Domain.Instruments;

public enum GapChangeKind
{
    /// <summary>Raise a question's answer to higher-point options.</summary>
    Answer,
    /// <summary>Raise a scenario's level.</summary>
    Scenario,
}

/// <summary>One change the plan asks for, with what it adds, explained in Chinese. <paramref name="Have"/> and
/// <paramref name="Need"/> are in the instrument's own words: for a multi-choice question what the enterprise already has
/// and what it would add; for a single-choice question its answer now and the answer to reach; for a scenario its level
/// now and the level to reach with that level's description.</summary>
public sealed record GapChange(GapChangeKind Kind, string Item, decimal PointsAdded, bool Constrained, string Explanation,
    IReadOnlyList<string> Have, IReadOnlyList<string> Need);

/// <summary>差距分析 the smallest set of changes that reaches a target level, and the level the changed sheet would reach.</summary>
public sealed record GapPlan(int TargetLevel, bool AlreadyReached, bool Reachable, IReadOnlyList<GapChange> Changes, string Summary, IndexedSheet ChangedSheet);

/// <summary>Plans the fewest changes (questions changed + scenarios raised) from a result to a target level.
/// Deterministic: ties go to the instrument's order.</summary>
public static class GapPlanner
{
    public static GapPlan Plan(ScoreResult result, int targetLevel)
    {
        var instrument = result.Instrument;
        var rule = instrument.LevelRule;
        var req = rule.Requirement(targetLevel)
                  ?? throw new ArgumentOutOfRangeException(nameof(targetLevel), $"{instrument.Name}没有第{targetLevel}级");
        var sheet = result.Sheet.Clone();
        if (result.Level >= targetLevel)
            return new GapPlan(targetLevel, true, true, [], $"已达到{req.DisplayName}", sheet);

        var changes = new List<GapChange>();
        var notes = new List<string>();
        var reachable = PlanScore(result, req, sheet, changes, notes);
        if (rule.Kind == LevelRuleKind.ScoreAndScenarios) reachable &= PlanScenarios(result, req, sheet, changes, notes);

        var after = new Scorer(instrument).ScoreQuick(sheet);
        var summary = reachable
            ? $"要达到{req.DisplayName}：{string.Join("；", notes)}。按此改进后为{rule.NameOf(after.Level)}，总分{LevelRule.Points(after.Total)}分"
            : $"无法达到{req.DisplayName}：{string.Join("；", notes)}";
        return new GapPlan(targetLevel, false, reachable, changes, summary, sheet);
    }

    /// <summary>Fewest questions: take the largest possible gains first; the last one raised only as far as needed.</summary>
    private static bool PlanScore(ScoreResult result, LevelRequirement req, IndexedSheet sheet, List<GapChange> changes, List<string> notes)
    {
        var instrument = result.Instrument;
        var missing = req.MinScore - result.Total;
        if (missing <= 0) return true;
        var candidates = instrument.Questions
            .Select(q => (Question: q, Gain: q.Points - result.Questions[q.Index]))
            .Where(c => c.Gain > 0)
            .OrderByDescending(c => c.Gain).ThenBy(c => c.Question.Index)
            .ToList();
        if (candidates.Sum(c => c.Gain) < missing)
        {
            notes.Add($"总分{LevelRule.Points(result.Total)}分，全部题目选到最高也只有{LevelRule.Points(result.Total + candidates.Sum(c => c.Gain))}分，需要{LevelRule.Points(req.MinScore)}分");
            return false;
        }
        var remaining = missing;
        var count = 0;
        foreach (var (q, gain) in candidates)
        {
            if (remaining <= 0) break;
            var isLast = remaining <= gain;
            var (mask, added) = Raise(q, sheet.Choices[q.Index], result.Questions[q.Index], isLast ? remaining : gain);
            changes.Add(AnswerChange(q, sheet.Choices[q.Index], mask, added));
            sheet.Choices[q.Index] = mask;
            remaining -= added;
            count++;
        }
        notes.Add($"总分{LevelRule.Points(result.Total)}分，还差{LevelRule.Points(missing)}分，需改进{count}道题");
        return true;
    }

    /// <summary>The cheapest answer of q that adds at least <paramref name="needed"/> points: the lowest sufficient option
    /// of a single-choice question; the fewest extra ticks (highest points first) of a multi-choice one.</summary>
    private static (uint Mask, decimal Added) Raise(Question q, uint current, decimal currentPoints, decimal needed)
    {
        if (q.Kind == QuestionKind.Single)
        {
            var target = q.Options.Where(o => o.Points - currentPoints >= needed).OrderBy(o => o.Points).ThenBy(o => o.Index).First();
            return (1u << target.Index, target.Points - currentPoints);
        }
        var mask = current;
        var added = 0m;
        foreach (var o in q.Options.Where(o => !o.Exclusive && (mask & (1u << o.Index)) == 0).OrderByDescending(o => o.Points).ThenBy(o => o.Index))
        {
            if (added >= needed) break;
            // Ticking an item un-ticks the "无" of its group.
            foreach (var none in q.Options.Where(x => x.Exclusive && x.Group == o.Group)) mask &= ~(1u << none.Index);
            mask |= 1u << o.Index;
            added += o.Points;
        }
        return (mask, added);
    }

    /// <summary>Fewest scenarios: constrained ones first (the rule counts them separately), each the nearest to the target.</summary>
    private static bool PlanScenarios(ScoreResult result, LevelRequirement req, IndexedSheet sheet, List<GapChange> changes, List<string> notes)
    {
        var instrument = result.Instrument;
        var n = req.Level;
        var needConstrained = Math.Max(0, req.MinConstrained - result.ConstrainedAtOrAbove[n]);
        var needAll = Math.Max(0, req.MinScenarios - result.ScenariosAtOrAbove[n]);
        if (needConstrained == 0 && needAll == 0) return true;
        var below = instrument.Scenarios.Where(s => sheet.ScenarioLevels[s.Index] < n)
            .OrderByDescending(s => s.Constrained).ThenByDescending(s => sheet.ScenarioLevels[s.Index]).ThenBy(s => s.Index).ToList();
        var constrainedBelow = below.Count(s => s.Constrained);
        if (constrainedBelow < needConstrained || below.Count < Math.Max(needAll, needConstrained))
        {
            notes.Add($"应用场景不足：达到{req.Name}的场景需要{req.MinScenarios}个（约束性{req.MinConstrained}个），即使全部提升也不够");
            return false;
        }
        var picked = below.Take(Math.Max(needAll, needConstrained)).ToList();
        foreach (var s in picked)
        {
            var from = sheet.ScenarioLevels[s.Index];
            var kind = s.Constrained ? "约束性场景" : "场景";
            changes.Add(new GapChange(GapChangeKind.Scenario, s.Name, 0, s.Constrained,
                $"{kind}“{s.Name}”：由{LevelNames.Scenario(from)}提升到{LevelNames.Scenario(n)}，达到{req.Name}的场景+1{(s.Constrained ? "（约束性+1）" : "")}；{req.Name}要求：{s.Levels[n - 1]}",
                [LevelNames.Scenario(from)], [$"{LevelNames.Scenario(n)}：{s.Levels[n - 1]}"]));
            sheet.ScenarioLevels[s.Index] = (byte)n;
        }
        notes.Add($"达到{req.Name}的场景有{result.ScenariosAtOrAbove[n]}个（约束性{result.ConstrainedAtOrAbove[n]}个），需要{req.MinScenarios}个（约束性{req.MinConstrained}个），需提升{picked.Count}个场景");
        return true;
    }

    /// <summary>The change in the options' own words, never their letters: a reader of "由B、F改为B、C、D" has to look each
    /// letter up. A multi-choice question keeps what is ticked and adds to it (现有 … 需新增 …); a single-choice one moves
    /// from one answer to another (现为 … 需达到 …).</summary>
    private static GapChange AnswerChange(Question q, uint before, uint after, decimal added)
    {
        List<string> Texts(uint mask, bool withNone = true) =>
            q.Options.Where(o => (mask & (1u << o.Index)) != 0 && (withNone || !o.Exclusive)).Select(o => o.Text).ToList();
        var points = LevelRule.Points(added);
        if (q.Kind == QuestionKind.Single)
        {
            var now = Texts(before) is [var one] ? one : "未作答";
            var target = Texts(after)[0];
            return new GapChange(GapChangeKind.Answer, q.Name, added, false,
                $"题目“{q.Name}”：现为“{now}”，需达到“{target}”，加{points}分", [now], [target]);
        }
        // A ticked "无" is dropped by the plan, so it is not something the enterprise has.
        var have = Texts(before & after, withNone: false);
        var need = Texts(after & ~before);
        return new GapChange(GapChangeKind.Answer, q.Name, added, false,
            $"题目“{q.Name}”：现有{(have.Count == 0 ? "（无）" : string.Join("、", have))}；需新增{string.Join("、", need)}，加{points}分", have, need);
    }
}
