using System.Globalization;

namespace DxPilot.Domain.Instruments;

public enum LevelRuleKind
{
    /// <summary>Score and scenario counts (2024, seed 002 表6).</summary>
    ScoreAndScenarios,
    /// <summary>Score bands only (2022: 20/40/60/80).</summary>
    ScoreBands,
    /// <summary>Score only, no level (Heilongjiang benchmark).</summary>
    None,
}

/// <summary>What level N demands. For score bands only <see cref="MinScore"/> counts.</summary>
public sealed record LevelRequirement(int Level, string Name, string? Title, decimal MinScore, int MinScenarios, int MinConstrained, string? Description)
{
    /// <summary>一级（初始级）</summary>
    public string DisplayName => Title is null ? Name : $"{Name}（{Title}）";
}

/// <summary>等级判定 the level rule of an instrument.</summary>
public sealed class LevelRule
{
    public const int MaxLevel = 4;

    public LevelRule(LevelRuleKind kind, string source, IReadOnlyList<LevelRequirement> levels, long unitsPerPoint)
    {
        Kind = kind;
        Source = source;
        Levels = levels;
        _minUnits = levels.Select(l => (long)(l.MinScore * unitsPerPoint)).ToArray();
        _minScenarios = levels.Select(l => l.MinScenarios).ToArray();
        _minConstrained = levels.Select(l => l.MinConstrained).ToArray();
    }

    public LevelRuleKind Kind { get; }
    /// <summary>Where the levels come from, for maintainers (cites our reference files; never shown to users).</summary>
    public string Source { get; }
    /// <summary>The official table of levels as users read it; null when the file gives none.</summary>
    public string? Basis { get; init; }
    /// <summary>Requirements for levels 1..n in ascending order.</summary>
    public IReadOnlyList<LevelRequirement> Levels { get; }

    private readonly long[] _minUnits;
    private readonly int[] _minScenarios;
    private readonly int[] _minConstrained;

    public LevelRequirement? Requirement(int level) => level >= 1 && level <= Levels.Count ? Levels[level - 1] : null;

    /// <summary>The display name of a level: 无等级 for 0, otherwise e.g. 三级（集成级）.</summary>
    public string NameOf(int level) => Requirement(level)?.DisplayName ?? LevelNames.None;

    /// <summary>Whether level N is met. <paramref name="atOrAbove"/>[n] = scenarios rated ≥ n, same for constrained.</summary>
    internal bool Meets(int level, long totalUnits, ReadOnlySpan<int> atOrAbove, ReadOnlySpan<int> constrainedAtOrAbove)
    {
        var i = level - 1;
        if (totalUnits < _minUnits[i]) return false;
        return Kind != LevelRuleKind.ScoreAndScenarios
               || (atOrAbove[level] >= _minScenarios[i] && constrainedAtOrAbove[level] >= _minConstrained[i]);
    }

    /// <summary>The highest level met; 0 = 无等级.</summary>
    internal int Determine(long totalUnits, ReadOnlySpan<int> atOrAbove, ReadOnlySpan<int> constrainedAtOrAbove)
    {
        for (var level = Levels.Count; level >= 1; level--)
            if (Meets(level, totalUnits, atOrAbove, constrainedAtOrAbove)) return level;
        return 0;
    }

    /// <summary>For every level not met, why, in Chinese: "三级未达到：约束性场景达到三级的只有4个，需要5个".</summary>
    internal IReadOnlyList<LevelShortfall> Shortfalls(decimal total, long totalUnits, ReadOnlySpan<int> atOrAbove, ReadOnlySpan<int> constrainedAtOrAbove)
    {
        var result = new List<LevelShortfall>();
        foreach (var req in Levels)
        {
            if (Meets(req.Level, totalUnits, atOrAbove, constrainedAtOrAbove)) continue;
            var parts = new List<string>();
            if (total < req.MinScore) parts.Add($"总分{Points(total)}分，需要{Points(req.MinScore)}分");
            if (Kind == LevelRuleKind.ScoreAndScenarios)
            {
                if (atOrAbove[req.Level] < req.MinScenarios)
                    parts.Add($"应用场景达到{req.Name}的只有{atOrAbove[req.Level]}个，需要{req.MinScenarios}个");
                if (constrainedAtOrAbove[req.Level] < req.MinConstrained)
                    parts.Add($"约束性场景达到{req.Name}的只有{constrainedAtOrAbove[req.Level]}个，需要{req.MinConstrained}个");
            }
            result.Add(new LevelShortfall(req.Level, $"{req.Name}未达到：{string.Join("；", parts)}"));
        }
        return result;
    }

    /// <summary>Points as a person writes them: 38, 38.5, 1.875.</summary>
    public static string Points(decimal points) => points.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Why a level was not reached.</summary>
public sealed record LevelShortfall(int Level, string Reason);
