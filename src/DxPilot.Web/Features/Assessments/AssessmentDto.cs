using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;

namespace DxPilot.Web.Features.Assessments;

/// <summary>An assessment as the API returns it: answers, the stored result with the version it was computed under, and the gap plan.</summary>
public sealed record AssessmentDto(
    Guid Id, Guid EnterpriseId, string Instrument, string InstrumentVersion, string? CurrentInstrumentVersion,
    AssessmentStage Stage, string StageName, AssessorKind AssessorKind, string AssessorName, DateOnly AssessedOn,
    decimal Score, int Level, string LevelName,
    IReadOnlyDictionary<string, decimal> Dimensions, IReadOnlyDictionary<string, decimal> SubIndicators,
    IReadOnlyList<int> ScenariosAtLevel, IReadOnlyList<int> ConstrainedAtLevel,
    IReadOnlyList<string> Shortfalls, IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, List<string>> Answers, IReadOnlyDictionary<string, int> Scenarios,
    IReadOnlyDictionary<string, decimal> RawInputs, IReadOnlyDictionary<string, string> Evidence,
    GapPlanDto? Gap, string? GapUnavailable, int Version, DateTime ScoredAt)
{
    public static AssessmentDto From(AssessmentReport report)
    {
        var a = report.Assessment;
        var r = a.Result;
        return new AssessmentDto(a.Id, a.EnterpriseId, a.InstrumentId, a.InstrumentVersion, report.Instrument?.Version,
            a.Stage, a.Stage.Label(), a.AssessorKind, a.AssessorName, a.AssessedOn, a.Score, a.Level, r.LevelName,
            r.Dimensions, r.SubIndicators, r.ScenariosAtLevel, r.ConstrainedAtLevel, r.Shortfalls, r.Warnings,
            a.Answers.Choices, a.Answers.Scenarios, a.Answers.RawInputs, a.Answers.Evidence,
            report.Gap is { } g ? GapPlanDto.From(g) : null, report.GapUnavailable, a.Version, a.ScoredAt);
    }
}

public sealed record GapPlanDto(int TargetLevel, bool AlreadyReached, bool Reachable, string Summary, IReadOnlyList<GapChangeDto> Changes)
{
    public static GapPlanDto From(GapPlan g) => new(g.TargetLevel, g.AlreadyReached, g.Reachable, g.Summary,
        g.Changes.Select(c => new GapChangeDto(c.Kind == GapChangeKind.Answer ? "answer" : "scenario", c.Item, c.PointsAdded, c.Constrained, c.Explanation)).ToList());
}

public sealed record GapChangeDto(string Kind, string Item, decimal PointsAdded, bool Constrained, string Explanation);
