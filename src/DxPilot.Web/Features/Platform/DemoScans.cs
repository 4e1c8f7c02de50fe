using SkiaSharp;

namespace DxPilot.Web.Features.Platform;

/// <summary>The demo's scanned, signed and stamped pages (an agreement, a 承诺书, a 申报声明), drawn when the demo is seeded.</summary>
public static class DemoScans
{
    /// <summary>A scanned A4 page (drawn on a 150 dpi plan, written at 75 dpi): lines of text, and a signature under a red seal for
    /// each of the <paramref name="parties"/> (1 or 2).</summary>
    public static byte[] StampedPage(int seed, int parties)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(620, 877, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Scale(0.5f);
            canvas.Clear(new SKColor(250, 250, 246));
            using var ink = new SKPaint { IsAntialias = true, Color = new SKColor(40, 40, 40) };
            canvas.DrawRect(420, 140, 400, 36, ink);
            for (var y = 260; y < 1300; y += 48)
                canvas.DrawRect(140, y, 960 - random.Next(0, 320), 14, ink);
            using var seal = new SKPaint { IsAntialias = true, Color = new SKColor(205, 30, 30, 200), Style = SKPaintStyle.Stroke, StrokeWidth = 10 };
            foreach (var x in parties == 1 ? [900f] : new[] { 340f, 900f })
            {
                canvas.DrawCircle(x + random.Next(-20, 20), 1480 + random.Next(-20, 20), 120, seal);
                canvas.DrawRect(x - 140, 1610, 260, 6, ink);
            }
        }
        return Jpeg(bitmap, 80);
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
