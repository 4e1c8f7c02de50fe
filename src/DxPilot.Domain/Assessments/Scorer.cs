using System.Numerics;

namespace DxPilot.Domain.Assessments;

/// <summary>Total and level of one sheet, from the hot path. <see cref="Units"/> are exact fixed-point points.</summary>
public readonly record struct SheetScore(long Units, int Level, long UnitsPerPoint)
{
    public decimal Total => Units / (decimal)UnitsPerPoint;
}

/// <summary>评分 the scoring engine, generic over an instrument. Pure: same sheet, same result.</summary>
public sealed class Scorer(Instrument instrument)
{
    private readonly long[] _units = instrument.OptionUnits;
    private readonly int[] _start = instrument.OptionStart;
    private readonly uint[] _valid = instrument.ValidMask;
    private readonly bool[] _constrained = instrument.ScenarioConstrained;
    private readonly LevelRule _rule = instrument.LevelRule;

    public Instrument Instrument { get; } = instrument;

    /// <summary>Checks and indexes a name-keyed sheet, reporting every problem (unknown names, letters not offered, "无" mixed, …).</summary>
    public SheetReading Read(AnswerSheet sheet) => SheetReader.Read(Instrument, sheet);

    /// <summary>Reads, validates and scores. No result when the sheet has errors (warnings do not stop it).</summary>
    public Assessment Assess(AnswerSheet sheet)
    {
        var reading = Read(sheet);
        return new Assessment(reading.IsValid ? Score(reading.Sheet) : null, reading.Problems);
    }

    /// <summary>The hot path: total and level only, no allocation. The sheet is trusted (see <see cref="Read"/>);
    /// bits of options a question does not have are ignored and scenario levels above 4 count as 4.</summary>
    public SheetScore ScoreQuick(IndexedSheet sheet)
    {
        var choices = sheet.Choices;
        long total = 0;
        for (var q = 0; q < _valid.Length; q++)
        {
            var mask = choices[q] & _valid[q];
            var start = _start[q];
            while (mask != 0)
            {
                total += _units[start + BitOperations.TrailingZeroCount(mask)];
                mask &= mask - 1;
            }
        }
        Span<int> atOrAbove = stackalloc int[LevelRule.MaxLevel + 1];
        Span<int> constrainedAtOrAbove = stackalloc int[LevelRule.MaxLevel + 1];
        CountScenarios(sheet.ScenarioLevels, atOrAbove, constrainedAtOrAbove);
        return new SheetScore(total, _rule.Determine(total, atOrAbove, constrainedAtOrAbove), Instrument.UnitsPerPoint);
    }

    /// <summary>The full breakdown: per question, sub-indicator, dimension, scenario counts, level and reasons.</summary>
    public ScoreResult Score(IndexedSheet sheet)
    {
        var questionUnits = new long[_valid.Length];
        var subUnits = new long[Instrument.SubIndicators.Count];
        var dimUnits = new long[Instrument.Dimensions.Count];
        long total = 0;
        for (var q = 0; q < _valid.Length; q++)
        {
            var mask = sheet.Choices[q] & _valid[q];
            long sum = 0;
            for (; mask != 0; mask &= mask - 1) sum += _units[_start[q] + BitOperations.TrailingZeroCount(mask)];
            questionUnits[q] = sum;
            var sub = Instrument.QuestionSubIndicator[q];
            subUnits[sub] += sum;
            dimUnits[Instrument.SubIndicatorDimension[sub]] += sum;
            total += sum;
        }
        var exact = new int[LevelRule.MaxLevel + 1];
        var exactConstrained = new int[LevelRule.MaxLevel + 1];
        foreach (var (level, s) in sheet.ScenarioLevels.Select((l, s) => (Math.Min((int)l, LevelRule.MaxLevel), s)))
        {
            exact[level]++;
            if (_constrained[s]) exactConstrained[level]++;
        }
        var atOrAbove = new int[LevelRule.MaxLevel + 1];
        var constrainedAtOrAbove = new int[LevelRule.MaxLevel + 1];
        CountScenarios(sheet.ScenarioLevels, atOrAbove, constrainedAtOrAbove);
        var points = Instrument.ToPoints(total);
        return new ScoreResult
        {
            Instrument = Instrument,
            Sheet = sheet.Clone(),
            Total = points,
            Questions = questionUnits.Select(Instrument.ToPoints).ToArray(),
            SubIndicators = subUnits.Select(Instrument.ToPoints).ToArray(),
            Dimensions = dimUnits.Select(Instrument.ToPoints).ToArray(),
            ScenariosAtLevel = exact,
            ConstrainedAtLevel = exactConstrained,
            ScenariosAtOrAbove = atOrAbove,
            ConstrainedAtOrAbove = constrainedAtOrAbove,
            Level = _rule.Determine(total, atOrAbove, constrainedAtOrAbove),
            Shortfalls = _rule.Shortfalls(points, total, atOrAbove, constrainedAtOrAbove),
        };
    }

    /// <summary>Fills [n] = scenarios rated n or above (all, and constrained only).</summary>
    private void CountScenarios(byte[] levels, Span<int> atOrAbove, Span<int> constrainedAtOrAbove)
    {
        for (var s = 0; s < levels.Length; s++)
        {
            var level = Math.Min((int)levels[s], LevelRule.MaxLevel);
            atOrAbove[level]++;
            if (_constrained[s]) constrainedAtOrAbove[level]++;
        }
        for (var n = LevelRule.MaxLevel - 1; n >= 0; n--)
        {
            atOrAbove[n] += atOrAbove[n + 1];
            constrainedAtOrAbove[n] += constrainedAtOrAbove[n + 1];
        }
    }
}
