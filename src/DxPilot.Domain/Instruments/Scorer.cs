using System.Numerics;
using System.Runtime.Intrinsics;

namespace DxPilot.Domain.Instruments;

/// <summary>Total and level of one sheet, from the hot path. <see cref="Units"/> are exact fixed-point points.</summary>
public readonly record struct SheetScore(long Units, int Level, long UnitsPerPoint)
{
    public decimal Total => Units / (decimal)UnitsPerPoint;
}

/// <summary>评分 the scoring engine, generic over an instrument. Pure: same sheet, same result.</summary>
public sealed class Scorer(Instrument instrument)
{
    private readonly Chunk[] _chunks = instrument.Chunks;
    private readonly long[] _table = instrument.ChunkTable;
    private readonly bool[] _constrained = instrument.ScenarioConstrained;
    // Bit i of block b set when scenario 16b + i is constrained.
    private readonly uint[] _constrainedBlocks = instrument.ScenarioConstrained.Chunk(16)
        .Select(block => block.Select((c, i) => c ? 1u << i : 0u).Aggregate(0u, (m, bit) => m | bit)).ToArray();
    private readonly LevelRule _rule = instrument.LevelRule;
    // The level rule as three arrays: for score bands the scenario minimums are 0, so one test serves every kind.
    private readonly long[] _minUnits = instrument.LevelRule.Levels.Select(l => instrument.ToUnits(l.MinScore)).ToArray();
    private readonly int[] _minScenarios = instrument.LevelRule.Levels.Select(l => instrument.LevelRule.Kind == LevelRuleKind.ScoreAndScenarios ? l.MinScenarios : 0).ToArray();
    private readonly int[] _minConstrained = instrument.LevelRule.Levels.Select(l => instrument.LevelRule.Kind == LevelRuleKind.ScoreAndScenarios ? l.MinConstrained : 0).ToArray();

    public Instrument Instrument { get; } = instrument;

    /// <summary>Checks and indexes a name-keyed sheet, reporting every problem (unknown names, letters not offered, "无" mixed, …).</summary>
    public SheetReading Read(AnswerSheet sheet) => SheetReader.Read(Instrument, sheet);

    /// <summary>Reads, validates and scores. No result when the sheet has errors (warnings do not stop it).</summary>
    public AssessmentOutcome Assess(AnswerSheet sheet)
    {
        var reading = Read(sheet);
        return new AssessmentOutcome(reading.IsValid ? Score(reading.Sheet) : null, reading.Problems);
    }

    /// <summary>The hot path: total and level only, no allocation. The sheet is trusted (see <see cref="Read"/>):
    /// bits of options a question does not have add nothing and scenario levels above 4 count as 4.</summary>
    public SheetScore ScoreQuick(IndexedSheet sheet)
    {
        // Fields copied to locals so the JIT keeps them in registers across the stores below.
        var choices = sheet.Choices;
        var table = _table;
        long total = 0;
        foreach (var c in _chunks)
            total += table[c.Offset + (int)((choices[c.Question] >> c.Shift) & ((1u << Instrument.ChunkBits) - 1))];
        Span<int> atOrAbove = stackalloc int[LevelRule.MaxLevel + 1];
        Span<int> constrainedAtOrAbove = stackalloc int[LevelRule.MaxLevel + 1];
        CountScenarios(sheet.ScenarioLevels, atOrAbove, constrainedAtOrAbove);
        var (minUnits, minScenarios, minConstrained) = (_minUnits, _minScenarios, _minConstrained);
        var level = minUnits.Length;
        while (level > 0 && !(total >= minUnits[level - 1] && atOrAbove[level] >= minScenarios[level - 1]
                              && constrainedAtOrAbove[level] >= minConstrained[level - 1]))
            level--;
        return new SheetScore(total, level, Instrument.UnitsPerPoint);
    }

    /// <summary>The full breakdown: per question, sub-indicator, dimension, scenario counts, level and (on demand) reasons.</summary>
    public ScoreResult Score(IndexedSheet sheet)
    {
        var questionUnits = new long[Instrument.Questions.Count];
        foreach (var c in _chunks)
            questionUnits[c.Question] += _table[c.Offset + (int)((sheet.Choices[c.Question] >> c.Shift) & ((1u << Instrument.ChunkBits) - 1))];
        var subUnits = new long[Instrument.SubIndicators.Count];
        var dimUnits = new long[Instrument.Dimensions.Count];
        long total = 0;
        for (var q = 0; q < questionUnits.Length; q++)
        {
            var sub = Instrument.QuestionSubIndicator[q];
            subUnits[sub] += questionUnits[q];
            dimUnits[Instrument.SubIndicatorDimension[sub]] += questionUnits[q];
            total += questionUnits[q];
        }
        var atOrAbove = new int[LevelRule.MaxLevel + 1];
        var constrainedAtOrAbove = new int[LevelRule.MaxLevel + 1];
        CountScenarios(sheet.ScenarioLevels, atOrAbove, constrainedAtOrAbove);
        var exact = new int[LevelRule.MaxLevel + 1];
        var exactConstrained = new int[LevelRule.MaxLevel + 1];
        for (var n = 0; n <= LevelRule.MaxLevel; n++)
        {
            exact[n] = atOrAbove[n] - (n < LevelRule.MaxLevel ? atOrAbove[n + 1] : 0);
            exactConstrained[n] = constrainedAtOrAbove[n] - (n < LevelRule.MaxLevel ? constrainedAtOrAbove[n + 1] : 0);
        }
        var level = _rule.Determine(total, atOrAbove, constrainedAtOrAbove);
        return new ScoreResult
        {
            Instrument = Instrument,
            Sheet = sheet.Clone(),
            TotalUnits = total,
            Total = Instrument.ToPoints(total),
            Questions = Points(questionUnits),
            SubIndicators = Points(subUnits),
            Dimensions = Points(dimUnits),
            ScenariosAtLevel = exact,
            ConstrainedAtLevel = exactConstrained,
            AtOrAbove = atOrAbove,
            ConstrainedAtOrAboveCounts = constrainedAtOrAbove,
            Level = level,
        };
    }

    private decimal[] Points(long[] units)
    {
        var points = new decimal[units.Length];
        for (var i = 0; i < units.Length; i++) points[i] = Instrument.ToPoints(units[i]);
        return points;
    }

    /// <summary>Fills [n] = scenarios rated n or above (all, and constrained only); levels above 4 count as 4.
    /// Sixteen scenarios at a time: one vector compare per level gives a bit per scenario, and a popcount counts them.</summary>
    private void CountScenarios(byte[] levels, Span<int> atOrAbove, Span<int> constrainedAtOrAbove)
    {
        var blocks = _constrainedBlocks;
        var s = 0;
        for (var b = 0; s + 16 <= levels.Length && b < blocks.Length; b++, s += 16)
        {
            var v = Vector128.Create(levels.AsSpan(s, 16));
            var constrained = blocks[b];
            for (var n = 1; n <= LevelRule.MaxLevel; n++)
            {
                var reached = Vector128.GreaterThanOrEqual(v, Vector128.Create((byte)n)).ExtractMostSignificantBits();
                atOrAbove[n] += BitOperations.PopCount(reached);
                constrainedAtOrAbove[n] += BitOperations.PopCount(reached & constrained);
            }
        }
        for (; s < levels.Length && s < _constrained.Length; s++)
        {
            var c = _constrained[s] ? 1 : 0;
            for (var n = 1; n <= Math.Min((int)levels[s], LevelRule.MaxLevel); n++)
            {
                atOrAbove[n]++;
                constrainedAtOrAbove[n] += c;
            }
        }
        atOrAbove[0] = levels.Length;
        constrainedAtOrAbove[0] = Instrument.ConstrainedCount;
    }
}
