using BenchmarkDotNet.Attributes;
using DxPilot.Domain.Instruments;

namespace DxPilot.Bench.Scoring;

/// <summary>Per-sheet cost of scoring a 2024 sheet: hand-written straight-line scorer (baseline) vs the generic engine.
/// Run with <c>BenchmarkRunner.Run&lt;ScoringBenchmarks&gt;(args)</c>; results are per sheet (OperationsPerInvoke).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScoringBenchmarks
{
    private const int Sheets = 1024;
    private const int NamedSheets = 64;

    private Scorer _scorer = null!;
    private IndexedSheet[] _sheets = [];
    private AnswerSheet[] _named = [];

    [GlobalSetup]
    public void Setup()
    {
        var instrument = InstrumentLoader.Load(Path.Combine(Repo.Root, "config", "instruments", "miit-2024.json"));
        _scorer = new Scorer(instrument);
        var random = new Random(20240910);
        _sheets = Enumerable.Range(0, Sheets).Select(_ => RandomSheet(instrument, random)).ToArray();
        _named = _sheets.Take(NamedSheets).Select(s => ToNamed(instrument, s)).ToArray();
        foreach (var s in _sheets)
        {
            var generic = _scorer.ScoreQuick(s);
            if ((generic.Units, generic.Level) != HandwrittenMiit2024Scorer.Score(s))
                throw new InvalidOperationException("hand-written and generic scorers disagree; the comparison would be meaningless");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sheets)]
    public long Handwritten()
    {
        long sum = 0;
        foreach (var s in _sheets) { var (units, level) = HandwrittenMiit2024Scorer.Score(s); sum += units + level; }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Sheets)]
    public long GenericQuick()
    {
        long sum = 0;
        foreach (var s in _sheets) { var r = _scorer.ScoreQuick(s); sum += r.Units + r.Level; }
        return sum;
    }

    /// <summary>Full breakdown (9 sub-indicators, 3 dimensions, scenario counts, Chinese reasons): what a result page needs.</summary>
    [Benchmark(OperationsPerInvoke = Sheets)]
    public decimal GenericFullBreakdown()
    {
        decimal sum = 0;
        foreach (var s in _sheets) sum += _scorer.Score(s).Total;
        return sum;
    }

    /// <summary>From question names and letters: validation, indexing and full scoring.</summary>
    [Benchmark(OperationsPerInvoke = NamedSheets)]
    public int GenericNameKeyed()
    {
        var sum = 0;
        foreach (var s in _named) sum += _scorer.Assess(s).Result!.Level;
        return sum;
    }

    private static IndexedSheet RandomSheet(Instrument instrument, Random random)
    {
        var sheet = instrument.NewSheet();
        foreach (var q in instrument.Questions)
        {
            if (q.Kind == QuestionKind.Single) { sheet.Choices[q.Index] = 1u << random.Next(q.Options.Count); continue; }
            var none = q.Options.First(o => o.Exclusive);
            var mask = q.Options.Where(o => !o.Exclusive && random.Next(2) == 0).Aggregate(0u, (m, o) => m | (1u << o.Index));
            sheet.Choices[q.Index] = mask == 0 ? 1u << none.Index : mask;
        }
        for (var s = 0; s < sheet.ScenarioLevels.Length; s++) sheet.ScenarioLevels[s] = (byte)random.Next(5);
        return sheet;
    }

    private static AnswerSheet ToNamed(Instrument instrument, IndexedSheet sheet) => new()
    {
        Answers = instrument.Questions.ToDictionary(q => q.Name,
            q => (IReadOnlyList<string>)q.Options.Where(o => (sheet.Choices[q.Index] & (1u << o.Index)) != 0).Select(o => o.Key).ToList()),
        ScenarioLevels = instrument.Scenarios.ToDictionary(s => s.Name, s => (int)sheet.ScenarioLevels[s.Index]),
    };
}
