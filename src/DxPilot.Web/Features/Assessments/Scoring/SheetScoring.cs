using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Assessments;

namespace DxPilot.Web.Features.Assessments.Scoring;

/// <summary>A scored document, or every reason it could not be scored.</summary>
public sealed record ScoreOutcome(ScoreReport? Report, IReadOnlyList<InputProblem> Errors);

/// <summary>Scores one answer document against one instrument. The `score` verb and <c>POST /api/score/{instrument}</c>
/// both go through here, so they accept and refuse exactly the same documents. Nothing is stored.</summary>
public static class SheetScoring
{
    /// <summary>The scorer for an instrument id, or why there is none.</summary>
    public static (Scorer? Scorer, string? Refusal) ScorerFor(InstrumentCatalog catalog, string id)
    {
        var instrument = catalog.Find(id);
        if (instrument is null || instrument.EvidenceRule is not null)
        {
            var scorable = string.Join("、", catalog.All.Where(i => i.EvidenceRule is null).Select(i => i.Id).Order(StringComparer.Ordinal));
            // A benchmark item scores only with its description and pictures (seed 000), which an answer sheet does not carry.
            return instrument is null
                ? (null, $"未知的评测工具“{id}”，可用：{scorable}")
                : (null, $"评测工具“{id}”（{instrument.Name}）按佐证材料计分，须在平台上填写文字描述并上传图片，不能按答卷评分；可用：{scorable}");
        }
        return (catalog.ScorerFor(id), null);
    }

    public static ScoreOutcome Score(Scorer scorer, ReadOnlyMemory<byte> content)
    {
        var (document, problems) = ScoreDocument.Read(content);
        if (document is null) return new ScoreOutcome(null, problems);

        var instrument = scorer.Instrument;
        if (document.Instrument is { } named && named != instrument.Id)
            return new ScoreOutcome(null, [new("instrument", $"答卷的 instrument 为“{named}”，与所选评测工具“{instrument.Id}”不一致")]);

        var outcome = scorer.Assess(document.ToSheet());
        return outcome.Result is { } result
            ? new ScoreOutcome(ScoreReport.From(result, outcome.Problems.Where(p => p.IsWarning).Select(ToInput).ToList()), [])
            : new ScoreOutcome(null, outcome.Problems.Where(p => !p.IsWarning).Select(ToInput).ToList());
    }

    /// <summary>Where in the document the problem lies: the answer, scenario or raw input it names.</summary>
    private static InputProblem ToInput(AssessmentProblem p) => new(p.Kind switch
    {
        ProblemKind.MissingAnswers => "answers",
        ProblemKind.MissingScenarioLevels => "scenarios",
        ProblemKind.UnknownScenario or ProblemKind.ScenarioLevelOutOfRange => $"scenarios.{p.Item}",
        ProblemKind.UnknownRawInput => $"rawInputs.{p.Item}",
        ProblemKind.InvalidRawInput => "rawInputs",
        _ => $"answers.{p.Item}",
    }, p.Message);
}
