using System.Globalization;

namespace DxPilot.Domain.Instruments;

public enum RawBandKind
{
    /// <summary>numerator / denominator × 100 % falls into a band, e.g. 设备数字化率 from device counts.</summary>
    Ratio,
    /// <summary>current vs previous value (or ratio of two inputs) is lower / the same / higher, e.g. 人均营业收入.</summary>
    Trend,
}

/// <summary>A band of a ratio question: the option for values up to and including <see cref="UpToPct"/> (above the previous band's bound).</summary>
public sealed record Band(string Key, decimal UpToPct);

/// <summary>Raw inputs (台数, 能耗, 营业收入 …) from which the answer of a question follows.</summary>
public sealed record RawBands(
    RawBandKind Kind, string? Numerator, string? Denominator, IReadOnlyList<Band> Bands,
    IReadOnlyList<string> Current, IReadOnlyList<string> Previous, string? Lower, string? Same, string? Higher, string Source)
{
    /// <summary>Ratio only: the numerator is a part of the denominator (实现数字化的生产设备 of 生产设备), so a numerator above the
    /// denominator is a typing error, not a rate above 100 %. Without it (数字化投入 / 营业收入) a ratio above the last band takes the last band.</summary>
    public bool PartOfWhole { get; init; }

    public IEnumerable<string> InputNames => Kind == RawBandKind.Ratio ? [Numerator!, Denominator!] : Current.Concat(Previous);

    /// <summary>The option the raw inputs give, with how it was computed; null when an input is missing.
    /// <paramref name="problem"/> is set when the inputs cannot be used (negative, zero divisor, a part larger than its whole).</summary>
    public (string Key, string Explanation)? Derive(IReadOnlyDictionary<string, decimal> inputs, out string? problem)
    {
        problem = null;
        if (InputNames.Any(n => !inputs.ContainsKey(n))) return null;
        foreach (var n in InputNames)
            if (inputs[n] < 0) { problem = $"“{n}”不能为负数"; return null; }

        if (Kind == RawBandKind.Ratio)
        {
            var den = inputs[Denominator!];
            if (den == 0) { problem = $"“{Denominator}”为0，无法计算比例"; return null; }
            var num = inputs[Numerator!];
            if (PartOfWhole && num > den) { problem = $"“{Numerator}”（{Number(num)}）大于“{Denominator}”（{Number(den)}），请核对"; return null; }
            var pct = num / den * 100m;
            var band = Bands.FirstOrDefault(b => pct <= b.UpToPct) ?? Bands[^1];
            return (band.Key, $"{Numerator}÷{Denominator}={Pct(pct)}%");
        }

        var current = Value(Current, inputs, out problem);
        var previous = problem is null ? Value(Previous, inputs, out problem) : 0;
        if (problem is not null) return null;
        var (key, word) = current < previous ? (Lower!, "降低") : current > previous ? (Higher!, "增加") : (Same!, "持平");
        return (key, $"本期{Number(current)}，上期{Number(previous)}，{word}");
    }

    private static decimal Value(IReadOnlyList<string> names, IReadOnlyDictionary<string, decimal> inputs, out string? problem)
    {
        problem = null;
        if (names.Count == 1) return inputs[names[0]];
        if (inputs[names[1]] == 0) { problem = $"“{names[1]}”为0，无法计算"; return 0; }
        return inputs[names[0]] / inputs[names[1]];
    }

    private static string Pct(decimal v) => decimal.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
    private static string Number(decimal v) => decimal.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
