namespace DxPilot.Domain.Instruments;

// The JSON shape of config/instruments/*.json, as read. InstrumentCompiler checks it and turns it into an Instrument.
// Points are either given ("points") or derived from a weight cascade ("weightPct", the 2022 questionnaire).

public sealed class InstrumentFile
{
    public string? Id { get; init; }
    public string? Version { get; init; }
    public string? Name { get; init; }
    public string? Source { get; init; }
    /// <summary>依据 as users read it: the official documents only (<see cref="Source"/> also cites our reference files).</summary>
    public string? Basis { get; init; }
    public decimal? TotalPoints { get; init; }
    public List<AssumptionFile> Assumptions { get; init; } = [];
    public List<DimensionFile>? Dimensions { get; init; }
    public List<ScenarioFile> Scenarios { get; init; } = [];
    public LevelRuleFile? LevelRule { get; init; }
    public EvidenceRuleFile? EvidenceRule { get; init; }
    public OverviewFile? Overview { get; init; }
    public List<PreconditionFile> Preconditions { get; init; } = [];
    public List<string> Notes { get; init; } = [];
}

public sealed class AssumptionFile
{
    public string? Id { get; init; }
    public string? Text { get; init; }
    public string? Source { get; init; }
}

public sealed class DimensionFile
{
    public string? Name { get; init; }
    public decimal? Points { get; init; }
    public decimal? WeightPct { get; init; }
    public string? Source { get; init; }
    public List<SubIndicatorFile>? SubIndicators { get; init; }
}

public sealed class SubIndicatorFile
{
    public string? Name { get; init; }
    public decimal? Points { get; init; }
    public decimal? WeightPct { get; init; }
    public string? Source { get; init; }
    public List<QuestionFile>? Questions { get; init; }
}

public sealed class QuestionFile
{
    public int? No { get; init; }
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public string? Text { get; init; }
    public string? Help { get; init; }
    public decimal? Points { get; init; }
    public decimal? WeightPct { get; init; }
    public string? Source { get; init; }
    public OptionScoringFile? OptionScoring { get; init; }
    public List<OptionFile>? Options { get; init; }
    public RawBandsFile? RawBands { get; init; }
    public List<LostOptionFile> LostOptions { get; init; } = [];
    public EvidenceFile? Evidence { get; init; }
}

/// <summary>How option points follow from the question's points when the file does not give them one by one.</summary>
public sealed class OptionScoringFile
{
    /// <summary>"equalSteps" (single choice) or "equalShare" (multi choice, per group).</summary>
    public string? Method { get; init; }
    public bool Descending { get; init; }
    public string? Assumption { get; init; }
}

public sealed class OptionFile
{
    public string? K { get; init; }
    public string? Text { get; init; }
    public decimal? Points { get; init; }
    public bool Exclusive { get; init; }
    /// <summary>Sub-list of a multi-choice question (2022 Q16); "无" is exclusive only inside its group.</summary>
    public string? Group { get; init; }
    public string? Note { get; init; }
}

public sealed class LostOptionFile
{
    public string? After { get; init; }
    public string? Before { get; init; }
    public string? Note { get; init; }
}

public sealed class EvidenceFile
{
    public string? Text { get; init; }
    public string? Materials { get; init; }
}

public sealed class RawBandsFile
{
    /// <summary>"ratio": numerator/denominator in % → band; "trend": current vs previous value (or ratio) → lower/same/higher.</summary>
    public string? Kind { get; init; }
    public string? Numerator { get; init; }
    public string? Denominator { get; init; }
    /// <summary>Ratio only: the numerator counts a part of what the denominator counts (设备中实现数字化的), so it cannot exceed it.</summary>
    public bool? PartOfWhole { get; init; }
    public List<BandFile> Bands { get; init; } = [];
    public List<string> Current { get; init; } = [];
    public List<string> Previous { get; init; } = [];
    public string? Lower { get; init; }
    public string? Same { get; init; }
    public string? Higher { get; init; }
    public string? Source { get; init; }
}

public sealed class BandFile
{
    public string? K { get; init; }
    public decimal? UpToPct { get; init; }
}

public sealed class ScenarioFile
{
    public int? No { get; init; }
    public string? Name { get; init; }
    public string? Group { get; init; }
    public bool Constrained { get; init; }
    public List<string>? Levels { get; init; }
    public string? Source { get; init; }
}

public sealed class LevelRuleFile
{
    /// <summary>"scoreAndScenarios" (2024), "scoreBands" (2022) or "none" (score only).</summary>
    public string? Kind { get; init; }
    public string? Source { get; init; }
    /// <summary>The official table the levels come from, as users read it.</summary>
    public string? Basis { get; init; }
    public List<LevelFile> Levels { get; init; } = [];
}

public sealed class LevelFile
{
    public int? Level { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public decimal? MinScore { get; init; }
    public int? MinScenarios { get; init; }
    public int? MinConstrained { get; init; }
    public string? Description { get; init; }
}

public sealed class EvidenceRuleFile
{
    public bool RequiresText { get; init; }
    public int MinPictures { get; init; }
    public string? Source { get; init; }
}

public sealed class OverviewFile
{
    public int MinCharacters { get; init; }
    public string? Source { get; init; }
}

public sealed class PreconditionFile
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Text { get; init; }
    public string? Source { get; init; }
    public DateOnly? RegisteredBefore { get; init; }
    public List<int> RevenueYears { get; init; } = [];
    public int? MinLevel { get; init; }
    public List<int> Years { get; init; } = [];
    public List<string> Titles { get; init; } = [];
}
