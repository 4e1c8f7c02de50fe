using System.Text.Json.Serialization;
using DxPilot.Domain.Instruments;

namespace DxPilot.Web.Features.Assessments.Scoring;

/// <summary>评分结果 as the command line prints it and <c>POST /api/score/{instrument}</c> returns it: the total, the level,
/// the points of each dimension, sub-indicator (seed 002 表7) and question, the scenario counts (表8), why each higher
/// level was not reached, and warnings such as a chosen band that contradicts the raw inputs.</summary>
public sealed record ScoreReport
{
    /// <summary>The answer file scored (command line only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? File { get; init; }
    public required string Instrument { get; init; }
    public required string InstrumentVersion { get; init; }
    public required decimal Score { get; init; }
    /// <summary>0 = 无等级, 1..4 = 一级 … 四级.</summary>
    public required int Level { get; init; }
    public required string LevelName { get; init; }
    public required IReadOnlyDictionary<string, decimal> Dimensions { get; init; }
    public required IReadOnlyDictionary<string, decimal> SubIndicators { get; init; }
    public required IReadOnlyDictionary<string, decimal> Questions { get; init; }
    public required ScenarioCounts ScenarioCounts { get; init; }
    /// <summary>For every level not reached, why ("三级未达到：约束性场景达到三级的只有4个，需要5个").</summary>
    public required IReadOnlyList<LevelShortfall> Shortfalls { get; init; }
    public required IReadOnlyList<InputProblem> Warnings { get; init; }

    public static ScoreReport From(ScoreResult result, IReadOnlyList<InputProblem> warnings)
    {
        var instrument = result.Instrument;
        return new ScoreReport
        {
            Instrument = instrument.Id,
            InstrumentVersion = instrument.Version,
            Score = Plain(result.Total),
            Level = result.Level,
            LevelName = result.LevelName,
            Dimensions = instrument.Dimensions.ToDictionary(d => d.Name, d => Plain(result.Dimensions[d.Index])),
            SubIndicators = instrument.SubIndicators.ToDictionary(s => s.Name, s => Plain(result.SubIndicators[s.Index])),
            Questions = instrument.Questions.ToDictionary(q => q.Name, q => Plain(result.Questions[q.Index])),
            ScenarioCounts = new ScenarioCounts(result.ScenariosAtLevel, result.ConstrainedAtLevel, result.ScenariosAtOrAbove, result.ConstrainedAtOrAbove),
            Shortfalls = result.Shortfalls,
            Warnings = warnings,
        };
    }

    /// <summary>Points carry the instrument's fixed scale (100.000); dividing by a 1 with 28 decimals drops the trailing
    /// zeros, so the JSON reads 100 and 42.25.</summary>
    private static decimal Plain(decimal points) => points / 1.0000000000000000000000000000m;
}

/// <summary>Scenario counts by level, indexed 0-4: rated exactly n, and rated n or above (what the level rule counts);
/// each for all scenarios and for the constrained (约束性) ones.</summary>
public sealed record ScenarioCounts(
    IReadOnlyList<int> AtLevel, IReadOnlyList<int> ConstrainedAtLevel, IReadOnlyList<int> AtOrAbove, IReadOnlyList<int> ConstrainedAtOrAbove);
