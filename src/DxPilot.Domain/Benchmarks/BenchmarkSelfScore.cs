using DxPilot.Domain.Instruments;

namespace DxPilot.Domain.Benchmarks;

/// <summary>One self-score item (自评项) as the enterprise answers it: 是/否 plus its 文字描述 and the number of pictures (图片证明).</summary>
public sealed record BenchmarkItemAnswer(bool Yes, string? Description, int PictureCount);

/// <summary>An item's points and, when a "是" earns nothing, why (<see cref="Lacks"/>: 文字描述, 图片证明 or both).</summary>
public sealed record BenchmarkItemScore(Question Item, bool Yes, decimal Points, string? Reason)
{
    public IReadOnlyList<string> Lacks { get; init; } = [];
}

public sealed record BenchmarkScore(
    decimal Total, IReadOnlyList<decimal> SubIndicators, IReadOnlyList<decimal> Dimensions,
    IReadOnlyList<BenchmarkItemScore> Items, IReadOnlyList<AssessmentProblem> Problems);

/// <summary>示范标杆自评得分 (Heilongjiang, seed 000): an item answered 是 scores only with a text description and
/// at least the instrument's minimum of pictures; otherwise 0.</summary>
public static class BenchmarkSelfScore
{
    /// <param name="answers">By item number (1-30).</param>
    public static BenchmarkScore Score(Instrument instrument, IReadOnlyDictionary<int, BenchmarkItemAnswer> answers)
    {
        var rule = instrument.EvidenceRule ?? throw new InvalidOperationException($"{instrument.Name}没有佐证规则（evidenceRule）");
        var problems = new List<AssessmentProblem>();
        foreach (var no in answers.Keys.Where(no => instrument.Questions.All(q => q.No != no)))
            problems.Add(new(ProblemKind.UnknownQuestion, $"第{no}项", $"没有第{no}项（共{instrument.Questions.Count}项）"));
        var missing = instrument.Questions.Where(q => q.No is not { } no || !answers.ContainsKey(no)).Select(q => q.Name).ToList();
        if (missing.Count > 0)
            problems.Add(new(ProblemKind.MissingAnswers, string.Join("、", missing), $"以下{missing.Count}项未作答（按“否”计0分）：{string.Join("、", missing)}"));

        var sheet = instrument.NewSheet();
        var items = new List<BenchmarkItemScore>();
        foreach (var q in instrument.Questions)
        {
            var answer = q.No is { } n ? answers.GetValueOrDefault(n) : null;
            var lacks = answer is { Yes: true } ? Lacking(answer, rule) : [];
            var earns = answer is { Yes: true } && lacks.Count == 0;
            sheet.Choices[q.Index] = 1u << q.OptionIndex(earns ? "是" : "否");
            items.Add(new BenchmarkItemScore(q, answer?.Yes ?? false, earns ? q.Points : 0, lacks.Count > 0 ? Shortfall(q, lacks, rule) : null) { Lacks = lacks });
        }
        var result = new Scorer(instrument).Score(sheet);
        return new BenchmarkScore(result.Total, result.SubIndicators, result.Dimensions, items, problems);
    }

    private static List<string> Lacking(BenchmarkItemAnswer a, EvidenceRule rule)
    {
        var lacks = new List<string>();
        if (rule.RequiresText && string.IsNullOrWhiteSpace(a.Description)) lacks.Add("文字描述");
        if (a.PictureCount < rule.MinPictures) lacks.Add("图片证明");
        return lacks;
    }

    private static string Shortfall(Question q, List<string> lacks, EvidenceRule rule)
    {
        var said = lacks.Select(l => l == "文字描述" ? $"文字描述（{q.Evidence?.Text}）" : $"图片证明（至少{rule.MinPictures}张；{q.Evidence?.Materials}）");
        return $"{q.Name}选择“是”但缺少{string.Join("和", said)}，计0分";
    }
}
