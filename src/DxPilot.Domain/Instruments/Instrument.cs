namespace DxPilot.Domain.Instruments;

/// <summary>评测工具 an evaluation instrument (MIIT 2024, MIIT 2022, Heilongjiang benchmark), compiled from its JSON file
/// into flat arrays so that scoring a sheet is a few array reads and integer additions.</summary>
/// <remarks>Points are held as fixed-point integers ("units") at the finest decimal scale the file uses
/// (2024: 0.001, 2022: 0.0001), so sums are exact and need no <c>decimal</c> arithmetic in the hot path.</remarks>
public sealed class Instrument
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Name { get; init; }
    /// <summary>Where every number comes from, for maintainers (it cites our reference files; never shown to users).</summary>
    public required string Source { get; init; }
    /// <summary>依据 shown to users: official document names only; null when the file gives none.</summary>
    public string? Basis { get; init; }
    public required decimal TotalPoints { get; init; }
    public required IReadOnlyList<Dimension> Dimensions { get; init; }
    public required IReadOnlyList<SubIndicator> SubIndicators { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }
    public required IReadOnlyList<Scenario> Scenarios { get; init; }
    public required LevelRule LevelRule { get; init; }
    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    public EvidenceRule? EvidenceRule { get; init; }
    public OverviewRule? Overview { get; init; }
    public IReadOnlyList<Precondition> Preconditions { get; init; } = [];

    /// <summary>Units per point: 10^scale.</summary>
    public required long UnitsPerPoint { get; init; }
    public required int Scale { get; init; }

    // Hot-path tables. A question's option bits are read ChunkBits at a time and ChunkTable[chunk.Offset + bits] holds the
    // points of those ticked options: one table read per chunk (17 for the 2024 sheet) and no branch per option.
    // Bits of options a question does not have add nothing.
    internal const int ChunkBits = 6;
    internal Chunk[] Chunks { get; init; } = [];
    internal long[] ChunkTable { get; init; } = [];
    internal int[] QuestionSubIndicator { get; init; } = [];
    internal int[] SubIndicatorDimension { get; init; } = [];
    internal bool[] ScenarioConstrained { get; init; } = [];
    internal int ConstrainedCount { get; init; }

    private readonly Dictionary<string, int> _questionIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _scenarioIndex = new(StringComparer.Ordinal);

    internal void BuildIndexes()
    {
        for (var i = 0; i < Questions.Count; i++) _questionIndex[Questions[i].Name] = i;
        for (var i = 0; i < Scenarios.Count; i++) _scenarioIndex[Scenarios[i].Name] = i;
    }

    public Question? FindQuestion(string name) => _questionIndex.TryGetValue(name, out var i) ? Questions[i] : null;
    public Scenario? FindScenario(string name) => _scenarioIndex.TryGetValue(name, out var i) ? Scenarios[i] : null;

    /// <summary>Exact: the units are the decimal's integer part at this instrument's scale (no division).</summary>
    public decimal ToPoints(long units) =>
        units >= 0 ? new decimal((int)units, (int)(units >> 32), 0, false, (byte)Scale) : -ToPoints(-units);
    public long ToUnits(decimal points) => (long)decimal.Round(points * UnitsPerPoint, 0, MidpointRounding.AwayFromZero);

    /// <summary>An empty pre-indexed sheet for this instrument (nothing answered, every scenario at 0).</summary>
    public IndexedSheet NewSheet() => new(new uint[Questions.Count], new byte[Scenarios.Count]);
}

/// <summary>Bits [Shift, Shift + ChunkBits) of question <see cref="Question"/>'s choice mask, looked up at <see cref="Offset"/>.</summary>
internal readonly record struct Chunk(int Question, int Shift, int Offset);

/// <summary>一级指标 dimension, e.g. 数字化基础.</summary>
public sealed record Dimension(int Index, string Name, decimal Points, string Source);

/// <summary>二级指标 sub-indicator, e.g. 设备系统 (the nine columns of seed 002 表7).</summary>
public sealed record SubIndicator(int Index, string Name, decimal Points, int DimensionIndex, string Source);

public enum QuestionKind
{
    /// <summary>单选</summary>
    Single,
    /// <summary>多选</summary>
    Multi,
}

/// <summary>题目 a scored question; answers are keyed by <see cref="Name"/> (e.g. 网络建设) and option letter.</summary>
public sealed record Question(
    int Index, int? No, string Name, QuestionKind Kind, string Text, string? Help, decimal Points,
    int SubIndicatorIndex, string Source, IReadOnlyList<Option> Options, RawBands? RawBands,
    EvidenceRequirement? Evidence, IReadOnlyList<string> LostOptionNotes)
{
    public int OptionIndex(string key)
    {
        for (var i = 0; i < Options.Count; i++)
            if (Options[i].Key == key) return i;
        return -1;
    }

    public string OptionKeys => string.Join("、", Options.Select(o => o.Key));
}

/// <summary>选项. <see cref="Exclusive"/> marks "无"/"以上均无", which cannot be ticked with others of its group.</summary>
public sealed record Option(int Index, string Key, string Text, decimal Points, bool Exclusive, string? Group);

/// <summary>文字描述 / 证明材料 the evidence a benchmark item expects.</summary>
public sealed record EvidenceRequirement(string Text, string Materials);

/// <summary>数字化经营应用场景, rated 0-4 by its four level descriptions. 约束性 = constrained.</summary>
public sealed record Scenario(int Index, int? No, string Name, string Group, bool Constrained, IReadOnlyList<string> Levels, string Source);

/// <summary>An assumption the instrument makes where the official text is silent (2022 option scoring).</summary>
public sealed record Assumption(string Id, string Text, string Source);

public sealed record EvidenceRule(bool RequiresText, int MinPictures, string Source);

public sealed record OverviewRule(int MinCharacters, string Source);

/// <summary>前置条件, each a hard stop. Parameters the check needs come from the file (<see cref="Titles"/>: the recognitions an
/// applicant may declare, each to be proven by its recognition document).</summary>
public sealed record Precondition(string Id, string Name, string Text, string Source,
    DateOnly? RegisteredBefore, IReadOnlyList<int> RevenueYears, int? MinLevel, IReadOnlyList<int> Years)
{
    public IReadOnlyList<string> Titles { get; init; } = [];
}
