using DxPilot.Domain.Instruments;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Support;

/// <summary>The real instrument files of config/instruments.</summary>
internal static class OfficialInstruments
{
    public static readonly string Folder = Path.Combine(RepositoryFiles.Config, "instruments");

    public static readonly Instrument Miit2024 = InstrumentLoader.Load(Path.Combine(Folder, "miit-2024.json"));
    public static readonly Instrument Miit2022 = InstrumentLoader.Load(Path.Combine(Folder, "miit-2022.json"));
    public static readonly Instrument Heilongjiang = InstrumentLoader.Load(Path.Combine(Folder, "hlj-benchmark.json"));

    /// <summary>A 2024 sheet: every question answered with the given letters, every scenario at the given level.</summary>
    public static AnswerSheet Sheet2024(Func<Question, IReadOnlyList<string>> answer, Func<Scenario, int> level) => new()
    {
        Answers = Miit2024.Questions.ToDictionary(q => q.Name, answer),
        ScenarioLevels = Miit2024.Scenarios.ToDictionary(s => s.Name, level),
    };

    /// <summary>Every non-exclusive option of a multi question, the top option of a single one.</summary>
    public static IReadOnlyList<string> Best(Question q) => q.Kind == QuestionKind.Multi
        ? q.Options.Where(o => !o.Exclusive).Select(o => o.Key).ToList()
        : [q.Options.MaxBy(o => o.Points)!.Key];

    /// <summary>The zero option: "无" / the lowest band.</summary>
    public static IReadOnlyList<string> Worst(Question q) => [q.Options.MinBy(o => o.Points)!.Key];
}
