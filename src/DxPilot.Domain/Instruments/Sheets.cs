namespace DxPilot.Domain.Instruments;

/// <summary>评测答卷 as a person fills it in: question name → option letters (one for single choice),
/// scenario name → level 0-4, and optional raw inputs (设备台数, 能耗, 营业收入 …) by name.</summary>
public sealed record AnswerSheet
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyDictionary<string, int> ScenarioLevels { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, decimal> RawInputs { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>The same answers pre-indexed for the hot path: <see cref="Choices"/>[q] has bit i set when option i of
/// question q is ticked; <see cref="ScenarioLevels"/>[s] is scenario s's level (0-4), in instrument order.</summary>
public sealed class IndexedSheet(uint[] choices, byte[] scenarioLevels)
{
    public uint[] Choices { get; } = choices;
    public byte[] ScenarioLevels { get; } = scenarioLevels;

    public IndexedSheet Clone() => new((uint[])Choices.Clone(), (byte[])ScenarioLevels.Clone());
}

public enum ProblemKind
{
    UnknownQuestion,
    UnknownOption,
    /// <summary>More than one option on a single-choice question.</summary>
    TooManyOptions,
    /// <summary>"无" ticked together with other options.</summary>
    ExclusiveMixed,
    UnknownScenario,
    ScenarioLevelOutOfRange,
    MissingAnswers,
    MissingScenarioLevels,
    UnknownRawInput,
    InvalidRawInput,
    /// <summary>A warning: the chosen band contradicts the raw inputs.</summary>
    RawInputContradiction,
}

/// <summary>One thing wrong with an answer sheet, naming the item, in Chinese. Warnings do not stop scoring.</summary>
public sealed record AssessmentProblem(ProblemKind Kind, string Item, string Message)
{
    public bool IsWarning => Kind == ProblemKind.RawInputContradiction;

    /// <summary>The errors among the problems (warnings left out) as one Chinese sentence, for a sheet that cannot be scored.</summary>
    public static string Errors(IEnumerable<AssessmentProblem> problems) =>
        string.Join("；", problems.Where(p => !p.IsWarning).Select(p => p.Message));
}

/// <summary>A sheet read against an instrument: the indexed form plus every problem found.</summary>
public sealed record SheetReading(IndexedSheet Sheet, IReadOnlyList<AssessmentProblem> Problems)
{
    public bool IsValid => Problems.All(p => p.IsWarning);
}
