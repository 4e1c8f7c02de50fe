namespace DxPilot.Infrastructure.Charts;

/// <summary>One axis of a radar: its name and full points. Each axis shows a share of its own full points, so
/// 设备系统 (20分) and 市场效益 (6分) compare fairly.</summary>
public sealed record RadarAxis(string Name, decimal Max);

/// <summary>Where the rings, spokes, labels and polygons of a radar go: shared by the page's SVG and Word's PNG so
/// both show the same picture.</summary>
public sealed class RadarGeometry(int axes)
{
    // Room around the rings for four-character labels on the left and right.
    public const double Size = 420, Center = Size / 2, Radius = 130, LabelAt = 1.17;

    public static readonly double[] Rings = [0.25, 0.5, 0.75, 1.0];

    public int Axes => axes;

    /// <summary>The first axis points up; the others follow clockwise.</summary>
    public (double X, double Y) Point(int axis, double share)
    {
        var angle = -Math.PI / 2 + 2 * Math.PI * axis / axes;
        return (Center + Radius * share * Math.Cos(angle), Center + Radius * share * Math.Sin(angle));
    }

    /// <summary>Labels right of the centre start at their point, those left of it end there, those above and below centre on it.</summary>
    public static RadarAnchor Anchor(double x) => Math.Abs(x - Center) < 4 ? RadarAnchor.Middle : x < Center ? RadarAnchor.End : RadarAnchor.Start;

    /// <summary>Each value as a share of its axis's full points, clamped to 0–1.</summary>
    public static IReadOnlyList<double> Shares(IReadOnlyList<RadarAxis> axes, IReadOnlyList<decimal> values) =>
        values.Select((p, i) => axes[i].Max > 0 ? (double)Math.Clamp(p / axes[i].Max, 0, 1) : 0).ToList();
}

public enum RadarAnchor
{
    Start,
    Middle,
    End,
}
