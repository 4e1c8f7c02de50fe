using System.Text.Json.Serialization;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;

namespace DxPilot.Web.Features.Assessments;

/// <summary>An assessment as a form or the API submits it: names and letters as the instrument writes them.</summary>
public sealed record AssessmentInput
{
    public string? Instrument { get; init; }
    public AssessmentStage? Stage { get; init; }
    /// <summary>评测日期 yyyy-MM-dd.</summary>
    public string? AssessedOn { get; init; }
    [JsonConverter(typeof(AnswerLettersConverter))]
    public Dictionary<string, List<string>> Answers { get; init; } = [];
    public Dictionary<string, int> Scenarios { get; init; } = [];
    public Dictionary<string, decimal> RawInputs { get; init; } = [];
    /// <summary>佐证说明 by question or scenario name.</summary>
    public Dictionary<string, string> Evidence { get; init; } = [];
    /// <summary>The version read, for edits (optimistic concurrency).</summary>
    public int? Version { get; init; }

    public AssessmentAnswers ToAnswers() => new()
    {
        Choices = Answers.ToDictionary(a => a.Key, a => a.Value.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList(), StringComparer.Ordinal),
        Scenarios = new(Scenarios, StringComparer.Ordinal),
        RawInputs = new(RawInputs, StringComparer.Ordinal),
        Evidence = Evidence.Where(e => !string.IsNullOrWhiteSpace(e.Value)).ToDictionary(e => e.Key, e => e.Value.Trim(), StringComparer.Ordinal),
    };

    /// <summary>The form as the draft left it; the version is the one the draft was typed over.</summary>
    public static AssessmentInput From(AssessmentDraft d) => new()
    {
        Instrument = d.InstrumentId,
        Stage = d.Stage,
        AssessedOn = d.AssessedOn,
        Answers = d.Answers.Choices.ToDictionary(c => c.Key, c => c.Value.ToList()),
        Scenarios = new(d.Answers.Scenarios),
        RawInputs = new(d.Answers.RawInputs),
        Evidence = new(d.Answers.Evidence),
        Version = d.BasedOnVersion,
    };

    public static AssessmentInput From(Assessment a) => new()
    {
        Instrument = a.InstrumentId,
        Stage = a.Stage,
        AssessedOn = a.AssessedOn.ToString("yyyy-MM-dd"),
        Answers = a.Answers.Choices.ToDictionary(c => c.Key, c => c.Value.ToList()),
        Scenarios = new(a.Answers.Scenarios),
        RawInputs = new(a.Answers.RawInputs),
        Evidence = new(a.Answers.Evidence),
        Version = a.Version,
    };
}
