using System.Text.Json;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>The verdict on one stored assessment: a new result to write, nothing to do, or why its answers cannot be scored.</summary>
internal readonly record struct RescoreOutcome(RescoredAssessment? Change, string? Failure);

/// <summary>Re-scores one stored answer sheet under the current instrument version. Thread-safe: pages are scored in parallel.</summary>
/// <remarks>The documents go through the model's own value converters, so the result text is exactly what
/// <see cref="Assessment.ApplyResult"/> followed by SaveChanges would store.</remarks>
internal sealed class SheetRescoring
{
    private readonly Scorer _scorer;
    private readonly ValueConverter _answers;
    private readonly ValueConverter _result;

    public SheetRescoring(Scorer scorer, IModel model)
    {
        _scorer = scorer;
        var entity = model.FindEntityType(typeof(Assessment))!;
        _answers = entity.FindProperty(nameof(Assessment.Answers))!.GetValueConverter()!;
        _result = entity.FindProperty(nameof(Assessment.Result))!.GetValueConverter()!;
    }

    public RescoreOutcome Rescore(StoredAssessmentRow row)
    {
        AssessmentAnswers answers;
        try
        {
            answers = (AssessmentAnswers)_answers.ConvertFromProvider(row.Answers)!;
        }
        catch (JsonException ex)
        {
            return new(null, $"保存的答卷无法读取（{ex.Message}）");
        }

        var reading = _scorer.Read(answers.ToSheet());
        if (!reading.IsValid)
            return new(null, AssessmentProblem.Errors(reading.Problems));

        var result = _scorer.Score(reading.Sheet);
        var text = (string)_result.ConvertToProvider(AssessmentResultSnapshot.From(result, reading.Problems))!;
        var same = row.InstrumentVersion == _scorer.Instrument.Version && row.Score == result.Total && row.Level == result.Level && row.Result == text;
        return same ? default : new(new RescoredAssessment(row.Id, row.Version, result.Total, result.Level, text), null);
    }
}
