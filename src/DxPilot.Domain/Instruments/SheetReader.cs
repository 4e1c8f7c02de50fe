using System.Numerics;

namespace DxPilot.Domain.Instruments;

/// <summary>Checks a name-keyed <see cref="AnswerSheet"/> against an instrument and indexes it. Reports every problem, never throws.</summary>
internal static class SheetReader
{
    public static SheetReading Read(Instrument instrument, AnswerSheet answers)
    {
        var problems = new List<AssessmentProblem>();
        var sheet = instrument.NewSheet();
        var answered = new bool[instrument.Questions.Count];

        foreach (var (name, letters) in answers.Answers)
        {
            if (instrument.FindQuestion(name) is not { } q)
            {
                problems.Add(new(ProblemKind.UnknownQuestion, name, $"未知的题目“{name}”（{instrument.Name}中没有这道题）"));
                continue;
            }
            var mask = 0u;
            for (var l = 0; l < letters.Count; l++)
            {
                var i = q.OptionIndex(letters[l]);
                if (i < 0) problems.Add(new(ProblemKind.UnknownOption, name, $"题目“{name}”没有选项“{letters[l]}”，可选：{q.OptionKeys}"));
                else mask |= 1u << i;
            }
            // Most sheets are fine: the messages are built only for a combination that is wrong.
            if (BitOperations.PopCount(mask) > 1 && IsRefusedCombination(q, mask)) CheckCombination(q, mask, problems);
            sheet.Choices[q.Index] = mask;
            // An answer with a wrong letter is reported as such, not again as missing.
            answered[q.Index] = letters.Count > 0;
        }

        ReadRawInputs(instrument, answers.RawInputs, sheet, answered, problems);

        if (Array.IndexOf(answered, false) >= 0 && instrument.Questions.Where(q => !answered[q.Index]).Select(q => q.Name).ToList() is var missing)
            problems.Add(new(ProblemKind.MissingAnswers, string.Join("、", missing), $"以下{missing.Count}道题目未作答：{string.Join("、", missing)}"));

        var rated = new bool[instrument.Scenarios.Count];
        foreach (var (name, level) in answers.ScenarioLevels)
        {
            if (instrument.FindScenario(name) is not { } s)
            {
                problems.Add(new(ProblemKind.UnknownScenario, name, $"未知的应用场景“{name}”（{instrument.Name}中没有这个场景）"));
                continue;
            }
            rated[s.Index] = true;
            if (level is < 0 or > LevelRule.MaxLevel)
            {
                problems.Add(new(ProblemKind.ScenarioLevelOutOfRange, name, $"应用场景“{name}”的等级应为0至{LevelRule.MaxLevel}（0表示{LevelNames.NotReached}），收到{level}"));
                continue;
            }
            sheet.ScenarioLevels[s.Index] = (byte)level;
        }
        if (Array.IndexOf(rated, false) >= 0 && instrument.Scenarios.Where(s => !rated[s.Index]).Select(s => s.Name).ToList() is var unrated)
            problems.Add(new(ProblemKind.MissingScenarioLevels, string.Join("、", unrated), $"以下{unrated.Count}个应用场景未评定等级：{string.Join("、", unrated)}"));

        return new SheetReading(sheet, problems);
    }

    /// <summary>Several options on a single choice, or an exclusive option ("无") with another of its group. No allocation:
    /// this runs for every multi-choice answer of every sheet.</summary>
    private static bool IsRefusedCombination(Question q, uint mask)
    {
        if (q.Kind == QuestionKind.Single) return true;
        var options = q.Options;
        for (var i = 0; i < options.Count; i++)
        {
            if (!options[i].Exclusive || (mask & (1u << i)) == 0) continue;
            for (var j = 0; j < options.Count; j++)
                if (j != i && (mask & (1u << j)) != 0 && options[j].Group == options[i].Group) return true;
        }
        return false;
    }

    private static void CheckCombination(Question q, uint mask, List<AssessmentProblem> problems)
    {
        var ticked = q.Options.Where(o => (mask & (1u << o.Index)) != 0).ToList();
        if (q.Kind == QuestionKind.Single)
            problems.Add(new(ProblemKind.TooManyOptions, q.Name, $"题目“{q.Name}”是单选题，只能选一个选项，却选了{string.Join("、", ticked.Select(o => o.Key))}"));
        else
            foreach (var none in ticked.Where(o => o.Exclusive && ticked.Any(x => x != o && x.Group == o.Group)))
                problems.Add(new(ProblemKind.ExclusiveMixed, q.Name, $"题目“{q.Name}”：选项{none.Key}“{none.Text}”不能与其他选项同时勾选"));
    }

    /// <summary>Raw inputs give the band: an unanswered question takes it, a chosen band that differs is flagged.</summary>
    private static void ReadRawInputs(Instrument instrument, IReadOnlyDictionary<string, decimal> inputs, IndexedSheet sheet,
        bool[] answered, List<AssessmentProblem> problems)
    {
        if (inputs.Count == 0) return;
        var known = instrument.Questions.Where(q => q.RawBands is not null).SelectMany(q => q.RawBands!.InputNames).ToHashSet();
        foreach (var name in inputs.Keys.Where(n => !known.Contains(n)))
            problems.Add(new(ProblemKind.UnknownRawInput, name, $"未知的原始数据“{name}”，可填：{string.Join("、", known)}"));

        foreach (var q in instrument.Questions.Where(q => q.RawBands is not null))
        {
            var result = q.RawBands!.Derive(inputs, out var problem);
            if (problem is not null)
            {
                problems.Add(new(ProblemKind.InvalidRawInput, q.Name, $"题目“{q.Name}”的原始数据有误：{problem}"));
                // A question left for its raw inputs to answer is reported for those inputs, not again as unanswered.
                answered[q.Index] = true;
                continue;
            }
            if (result is not { } derived) continue;
            var index = q.OptionIndex(derived.Key);
            if (!answered[q.Index])
            {
                sheet.Choices[q.Index] = 1u << index;
                answered[q.Index] = true;
            }
            else if (sheet.Choices[q.Index] != 1u << index)
            {
                var chosen = string.Join("、", q.Options.Where(o => (sheet.Choices[q.Index] & (1u << o.Index)) != 0).Select(o => $"{o.Key}“{o.Text}”"));
                problems.Add(new(ProblemKind.RawInputContradiction, q.Name,
                    $"题目“{q.Name}”所选{chosen}与原始数据不符：{derived.Explanation}，应为{derived.Key}“{q.Options[index].Text}”"));
            }
        }
    }
}
