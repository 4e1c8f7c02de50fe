using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Assessments;

namespace DxPilot.Web.Features.Assessments;

/// <summary>What an assessment shows beyond its stored result (DOMAIN §3.4 "评完即止" no more): the gap to a target level,
/// planned on the answers scored under the instrument version loaded now.</summary>
public sealed class AssessmentReport
{
    public required Assessment Assessment { get; init; }
    /// <summary>The instrument as loaded now; null when its file was removed.</summary>
    public Instrument? Instrument { get; init; }
    /// <summary>The answers scored now; null when they no longer fit the instrument.</summary>
    public ScoreResult? Live { get; init; }
    public GapPlan? Gap { get; init; }
    /// <summary>Why there is no gap plan, when there is none.</summary>
    public string? GapUnavailable { get; init; }

    /// <summary>The stored result was computed under another version than the one loaded now.</summary>
    public bool Outdated => Instrument is not null && Instrument.Version != Assessment.InstrumentVersion;

    /// <summary>The next level above the one reached (the gap worth showing first); the top level when already there.</summary>
    public static int DefaultTarget(Assessment a) => Math.Clamp(a.Level + 1, 1, LevelRule.MaxLevel);

    public static AssessmentReport For(Assessment a, InstrumentCatalog instruments, int? target = null)
    {
        var scorer = instruments.ScorerFor(a.InstrumentId);
        if (scorer is null)
            return new AssessmentReport { Assessment = a, GapUnavailable = $"评测工具“{a.InstrumentId}”已不在配置中，无法分析差距" };
        var outcome = scorer.Assess(a.Answers.ToSheet());
        if (outcome.Result is null)
            return new AssessmentReport
            {
                Assessment = a, Instrument = scorer.Instrument,
                GapUnavailable = $"已保存的答卷不符合当前的{scorer.Instrument.Version}版评测工具，无法分析差距：" +
                                 AssessmentProblem.Errors(outcome.Problems),
            };
        var level = Math.Clamp(target ?? DefaultTarget(a), 1, scorer.Instrument.LevelRule.Levels.Count);
        return new AssessmentReport
        {
            Assessment = a, Instrument = scorer.Instrument, Live = outcome.Result, Gap = GapPlanner.Plan(outcome.Result, level),
        };
    }
}
