namespace DxPilot.Domain.Instruments;

/// <summary>评测结果: scores per question, sub-indicator (seed 002 表7) and dimension, scenario counts (表8), level (表6) and,
/// for every level not reached, why.</summary>
public sealed class ScoreResult
{
    public required Instrument Instrument { get; init; }
    /// <summary>The answers scored, kept for the gap planner.</summary>
    public required IndexedSheet Sheet { get; init; }
    public required decimal Total { get; init; }
    /// <summary>In instrument order (<see cref="Instrument.Questions"/>).</summary>
    public required IReadOnlyList<decimal> Questions { get; init; }
    public required IReadOnlyList<decimal> SubIndicators { get; init; }
    public required IReadOnlyList<decimal> Dimensions { get; init; }
    /// <summary>[n] = scenarios rated exactly n (0-4).</summary>
    public required IReadOnlyList<int> ScenariosAtLevel { get; init; }
    public required IReadOnlyList<int> ConstrainedAtLevel { get; init; }
    /// <summary>[n] = scenarios rated n or above; this is what the level rule counts.</summary>
    public IReadOnlyList<int> ScenariosAtOrAbove => AtOrAbove;
    public IReadOnlyList<int> ConstrainedAtOrAbove => ConstrainedAtOrAboveCounts;
    /// <summary>0 = 无等级, 1..4 = 一级(初始级) … 四级(协同级).</summary>
    public required int Level { get; init; }

    /// <summary>For every level not reached, why. Built on first use: bulk re-scoring does not pay for the Chinese text.</summary>
    public IReadOnlyList<LevelShortfall> Shortfalls =>
        _shortfalls ??= Instrument.LevelRule.Shortfalls(Total, TotalUnits, AtOrAbove, ConstrainedAtOrAboveCounts);

    private IReadOnlyList<LevelShortfall>? _shortfalls;
    internal long TotalUnits { get; init; }
    internal int[] AtOrAbove { get; init; } = [];
    internal int[] ConstrainedAtOrAboveCounts { get; init; } = [];

    public string LevelName => Instrument.LevelRule.NameOf(Level);

    public decimal SubIndicator(string name) => SubIndicators[Instrument.SubIndicators.Single(s => s.Name == name).Index];
    public decimal Dimension(string name) => Dimensions[Instrument.Dimensions.Single(d => d.Name == name).Index];
    public decimal Question(string name) => Questions[(Instrument.FindQuestion(name) ?? throw new KeyNotFoundException(name)).Index];
}

/// <summary>The outcome of assessing a name-keyed sheet: a result when the sheet is valid, and all problems found.</summary>
public sealed record AssessmentOutcome(ScoreResult? Result, IReadOnlyList<AssessmentProblem> Problems)
{
    public bool IsValid => Result is not null;
}
