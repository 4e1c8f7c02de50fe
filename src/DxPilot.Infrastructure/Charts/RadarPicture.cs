using SkiaSharp;

namespace DxPilot.Infrastructure.Charts;

/// <summary>A radar drawn as a PNG (for Word).</summary>
/// <param name="NamesDrawn">False when no Chinese font was found: the axes then carry their numbers 1…n and the document
/// should list the names beside the picture.</param>
public sealed record RadarPng(byte[] Png, int Width, int Height, bool NamesDrawn);

/// <summary>One polygon of a radar: its values per axis and its colour; <paramref name="Dashed"/> tells it apart from the others
/// when the page is printed in black and white (改造前 dashed under 改造后).</summary>
public sealed record RadarSeries(IReadOnlyList<decimal> Values, string Colour, bool Dashed = false);

/// <summary>
/// Draws the same radar as the result page's SVG (<see cref="RadarGeometry"/>) into a PNG with SkiaSharp. The native
/// library is the "NoDependencies" build, which has no font manager: Chinese labels need a CJK font file, looked for
/// once in the usual font folders (fonts-noto-cjk on Debian). Without one the chart is still drawn, axes numbered.
/// </summary>
public static class RadarPicture
{
    private const float Scale = 2; // 840 px for 420 units: sharp when printed at 11 cm

    /// <param name="cjkLabels">False draws numbered axes even when a Chinese font exists (the fallback, for tests).</param>
    public static RadarPng Render(IReadOnlyList<RadarAxis> axes, IReadOnlyList<decimal> values, string colour = "#1f6feb", bool cjkLabels = true) =>
        Render(axes, [new RadarSeries(values, colour)], cjkLabels);

    /// <summary>Several polygons on the same rings (改造前 and 改造后), drawn in the order given: the last one on top.</summary>
    public static RadarPng Render(IReadOnlyList<RadarAxis> axes, IReadOnlyList<RadarSeries> series, bool cjkLabels = true)
    {
        var g = new RadarGeometry(axes.Count);
        var size = (int)(RadarGeometry.Size * Scale);
        var names = cjkLabels && ChartFonts.Cjk is not null;
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("无法创建雷达图画布");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);

        using var grid = new SKPaint { Color = SKColor.Parse("#d5dbe5"), StrokeWidth = 1, Style = SKPaintStyle.Stroke, IsAntialias = true };
        foreach (var ring in RadarGeometry.Rings)
            using (var path = Polygon(g, Enumerable.Repeat(ring, axes.Count).ToList())) canvas.DrawPath(path, grid);

        using var font = new SKFont((names ? ChartFonts.Cjk : ChartFonts.Any) ?? SKTypeface.Default, 12);
        using var ink = new SKPaint { Color = SKColor.Parse("#333333"), IsAntialias = true };
        for (var i = 0; i < axes.Count; i++)
        {
            var (x, y) = g.Point(i, 1.0);
            canvas.DrawLine((float)RadarGeometry.Center, (float)RadarGeometry.Center, (float)x, (float)y, grid);
            var (lx, ly) = g.Point(i, RadarGeometry.LabelAt);
            var align = RadarGeometry.Anchor(lx) switch { RadarAnchor.Start => SKTextAlign.Left, RadarAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Center };
            // The SVG centres labels on their point (dominant-baseline: middle); here the baseline drops by half the cap height.
            canvas.DrawText(names ? axes[i].Name : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (float)lx, (float)ly + font.Size * 0.35f, align, font, ink);
        }

        foreach (var line in series)
        {
            using var path = Polygon(g, RadarGeometry.Shares(axes, line.Values));
            var c = SKColor.Parse(line.Colour);
            using var fill = new SKPaint { Color = c.WithAlpha(series.Count > 1 ? (byte)40 : (byte)64), Style = SKPaintStyle.Fill, IsAntialias = true };
            using var dashes = line.Dashed ? SKPathEffect.CreateDash([6, 4], 0) : null;
            using var stroke = new SKPaint { Color = c, StrokeWidth = 2, Style = SKPaintStyle.Stroke, IsAntialias = true, PathEffect = dashes };
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return new RadarPng(data.ToArray(), size, size, names);
    }

    private static SKPath Polygon(RadarGeometry g, IReadOnlyList<double> shares)
    {
        using var builder = new SKPathBuilder();
        for (var i = 0; i < shares.Count; i++)
        {
            var (x, y) = g.Point(i, shares[i]);
            if (i == 0) builder.MoveTo((float)x, (float)y);
            else builder.LineTo((float)x, (float)y);
        }
        builder.Close();
        return builder.Detach();
    }
}
