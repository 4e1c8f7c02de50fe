using DxPilot.Domain.Text;

namespace DxPilot.Domain.Awards;

/// <summary>What the applicant wrote in the 申报书: the sections by key and the scenarios in order. A draft keeps anything.</summary>
public sealed class AwardText
{
    public Dictionary<string, string?> Sections { get; set; } = new(StringComparer.Ordinal);
    public List<ScenarioText> Scenarios { get; set; } = [];

    public string? this[string key] => Sections.GetValueOrDefault(key);
}

/// <summary>One 应用场景: the typical scenario it is mapped to (its number in the list) and its fields by key.</summary>
public sealed class ScenarioText
{
    public int? TypicalScenario { get; set; }
    public Dictionary<string, string?> Fields { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One broken limit or missing part: where (a path the page puts the message beside) and the message in Chinese.</summary>
public sealed record TextProblem(string Path, string Message);

/// <summary>
/// The template's limits applied to a text. Characters are counted as a person counts them (one per grapheme: a CJK character,
/// a letter, a digit or an emoji is 1; the text's leading and trailing blanks are not counted). A draft is refused only what no
/// draft may hold (control characters, a field beyond <see cref="DraftCap"/>); submission is refused every limit broken and every
/// required part missing, each named.
/// </summary>
public static class AwardLimits
{
    /// <summary>What one field of a draft may hold at most, whatever the template's limit: a draft keeps a text too long to submit
    /// so that nothing typed is lost, but not a pasted book.</summary>
    public const int DraftCap = 20_000;

    public static int Count(string? text) => ChineseText.CountCharacters(text?.Trim());

    /// <summary>The live counter: "123/500字" (or "123字" without a limit).</summary>
    public static string Counter(string? text, int? max) => max is { } m ? $"{Count(text)}/{m}字" : $"{Count(text)}字";

    /// <summary>What a draft may not hold.</summary>
    public static IReadOnlyList<TextProblem> DraftProblems(AwardTemplate template, AwardText text)
    {
        var problems = new List<TextProblem>();
        foreach (var (path, label, value, _) in Fields(template, text))
        {
            if (ControlCharacters.In(value, multiline: true)) problems.Add(new(path, ControlCharacters.Message(label)));
            else if (Count(value) > DraftCap) problems.Add(new(path, $"{label}超过{DraftCap}字，草稿也无法保存"));
        }
        if (template.Scenarios is { } block && text.Scenarios.Count > block.Max)
            problems.Add(new("scenarios", $"{block.Label}最多{block.Max}个（现有{text.Scenarios.Count}个）"));
        return problems;
    }

    /// <summary>Every limit broken and every required part missing, in the template's order.</summary>
    public static IReadOnlyList<TextProblem> SubmissionProblems(AwardTemplate template, AwardText text, IReadOnlyCollection<int>? typicalNumbers = null)
    {
        var problems = DraftProblems(template, text).ToList();
        foreach (var (path, label, value, section) in Fields(template, text))
        {
            var count = Count(value);
            if (count == 0 && section.Required) problems.Add(new(path, $"请填写{label}"));
            else if (section.MaxCharacters is { } max && count > max) problems.Add(new(path, $"{label}不超过{max}字（现有{count}字，超出{count - max}字）"));
        }
        if (template.Scenarios is { } block)
        {
            if (text.Scenarios.Count < block.Min) problems.Add(new("scenarios", $"{block.Label}至少{block.Min}个（现有{text.Scenarios.Count}个）"));
            if (block.MapToTypical)
                for (var i = 0; i < text.Scenarios.Count; i++)
                {
                    var mapped = text.Scenarios[i].TypicalScenario;
                    if (mapped is null) problems.Add(new($"scenarios[{i}].typicalScenario", $"场景{i + 1}：请选择对应的典型场景"));
                    else if (typicalNumbers is not null && !typicalNumbers.Contains(mapped.Value))
                        problems.Add(new($"scenarios[{i}].typicalScenario", $"场景{i + 1}：典型场景清单中没有第{mapped}项"));
                }
        }
        foreach (var total in template.AllTotals)
        {
            var count = Combined(template, text, total);
            if (count > total.MaxCharacters) problems.Add(new("totals", $"{total.Label}合计不超过{total.MaxCharacters}字（现有{count}字，超出{count - total.MaxCharacters}字）"));
        }
        return problems;
    }

    /// <summary>The characters of the sections a combined limit covers.</summary>
    public static int Combined(AwardTemplate template, AwardText text, CombinedLimit total) =>
        total.Sections.Contains(CombinedLimit.Everything)
            ? Fields(template, text).Sum(f => Count(f.Value))
            : total.Sections.Sum(key => Count(text[key]));

    /// <summary>Every field of the text the template knows, with its path and its label as the messages name it.</summary>
    private static IEnumerable<(string Path, string Label, string? Value, TemplateSection Section)> Fields(AwardTemplate template, AwardText text)
    {
        foreach (var s in template.Sections) yield return ($"sections.{s.Key}", s.Label, text[s.Key], s);
        if (template.Scenarios is not { } block) yield break;
        for (var i = 0; i < text.Scenarios.Count; i++)
            foreach (var f in block.Fields)
                yield return ($"scenarios[{i}].{f.Key}", $"场景{i + 1}的{f.Label}", text.Scenarios[i].Fields.GetValueOrDefault(f.Key), f);
    }
}
