using DxPilot.Domain.Diagnoses;
using DxPilot.Infrastructure.Photos;
using DxPilot.Web.Features.Platform;
using SkiaSharp;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>
/// The demo diagnosis' files, drawn when the demo is seeded (its dates follow the day it is seeded): site photos that carry a
/// watermark camera's EXIF time and place, as seed 002 四（一） asks (the agreement's scan is a <see cref="DemoScans"/> page).
/// Each photo is a schematic scene of what its tag says (a gate and its sign, machines on a floor, people facing a screen) on a
/// background of its own colours, so that no two of them look alike to the reuse check.
/// </summary>
public static class DiagnosisDemoPhotos
{
    /// <summary>The scenes are drawn on a 960×720 plan and written at 800×600, as small as a phone's "standard" setting: the demo
    /// is seeded at every start of a fresh database (each test app's too), and the pages show thumbnails.</summary>
    private const int Width = 960, Height = 720;
    private const float PhotoScale = 800f / Width;

    /// <summary>A JPEG of a <paramref name="tag"/> photo taken at <paramref name="takenLocal"/> (Beijing time) at the place.</summary>
    public static byte[] Photo(PhotoTag tag, int seed, DateTime takenLocal, double latitude, double longitude)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo((int)(Width * PhotoScale), (int)(Height * PhotoScale), SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Scale(PhotoScale);
            using var background = new SKPaint();
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width * random.NextSingle(), Height),
                [Colour(random), Colour(random)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, Width, Height, background);
            using var paint = new SKPaint { IsAntialias = true };
            switch (tag)
            {
                case PhotoTag.EntryLogo or PhotoTag.ExitLogo: Gate(canvas, paint, random); break;
                case PhotoTag.ProductionFloor: Floor(canvas, paint, random); break;
                default: Meeting(canvas, paint, random); break;
            }
        }
        return CameraExif.AddTo(DemoScans.Jpeg(bitmap, 85), new CameraExif.Fields(takenLocal, "+08:00", latitude, longitude));
    }

    private static void Gate(SKCanvas canvas, SKPaint paint, Random random)
    {
        paint.Color = new SKColor(90, 90, 96);
        var left = 120 + random.Next(0, 200);
        canvas.DrawRect(left, 200, 60, 480, paint);
        canvas.DrawRect(left + 520, 200, 60, 480, paint);
        paint.Color = new SKColor((byte)random.Next(0, 60), (byte)random.Next(60, 140), (byte)random.Next(140, 230));
        canvas.DrawRect(left - 20, 130 + random.Next(0, 40), 620, 110, paint);
        paint.Color = SKColors.White;
        for (var i = 0; i < 6; i++) canvas.DrawRect(left + 30 + i * 95, 170, 70, 40, paint);
    }

    private static void Floor(SKCanvas canvas, SKPaint paint, Random random)
    {
        paint.Color = new SKColor(150, 150, 140);
        canvas.DrawRect(0, 430, Width, Height - 430, paint);
        for (var i = 0; i < 4 + random.Next(0, 3); i++)
        {
            paint.Color = Colour(random);
            var (x, w, h) = (random.Next(0, Width - 220), 140 + random.Next(0, 120), 120 + random.Next(0, 160));
            canvas.DrawRect(x, 460 - h / 2f, w, h, paint);
            paint.Color = new SKColor(30, 30, 30);
            canvas.DrawRect(x + 20, 470 - h / 2f, 50, 30, paint);
        }
    }

    private static void Meeting(SKCanvas canvas, SKPaint paint, Random random)
    {
        paint.Color = new SKColor(235, 235, 240);
        canvas.DrawRect(260 + random.Next(-80, 80), 90, 440, 240, paint);
        for (var row = 0; row < 3; row++)
        for (var seat = 0; seat < 6; seat++)
        {
            if (random.Next(0, 5) == 0) continue;
            paint.Color = Colour(random);
            var (x, y) = (110 + seat * 140 + random.Next(-15, 15), 430 + row * 95);
            canvas.DrawCircle(x, y, 28, paint);
            canvas.DrawRect(x - 40, y + 30, 80, 60, paint);
        }
    }

    private static SKColor Colour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
