using System.Buffers.Binary;
using DxPilot.Infrastructure.Photos;
using SkiaSharp;

namespace DxPilot.Bench.Photos;

/// <summary>
/// Photos written for the tests and the bench, with EXIF as a phone camera writes it (<see cref="CameraExif"/>). The pictures
/// are photo-like (a gradient, shapes, optional grain) and differ by seed, so perceptual hashes of different seeds are far apart.
/// </summary>
public static class TestPhotos
{
    public sealed record Exif(DateTime? Taken = null, string? Offset = null, double? Latitude = null, double? Longitude = null,
        int Orientation = 1, int FillerEntries = 0, bool LoopBackToIfd0 = false);

    /// <summary>A 800×600 JPEG of picture <paramref name="seed"/> with the given EXIF.</summary>
    public static byte[] Photo(int seed, Exif? exif = null, int width = 800, int height = 600, int quality = 90)
    {
        using var picture = Picture(width, height, seed);
        return exif is null ? Jpeg(picture, quality) : WithExif(Jpeg(picture, quality), exif);
    }

    public static SKBitmap Picture(int width, int height, int seed, int grain = 0)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var background = new SKPaint();
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [Colour(random), Colour(random)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, background);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 14; i++)
            {
                paint.Color = Colour(random);
                var (x, y) = (random.Next(width), random.Next(height));
                var (rx, ry) = (width * (0.05f + random.NextSingle() * 0.25f), height * (0.05f + random.NextSingle() * 0.25f));
                if (i % 2 == 0) canvas.DrawOval(x, y, rx, ry, paint);
                else canvas.DrawRect(x - rx, y - ry, 2 * rx, 2 * ry, paint);
            }
        }
        if (grain > 0)
        {
            // Sensor-like grain: what makes a real photo's JPEG large.
            var pixels = bitmap.GetPixelSpan().ToArray();
            for (var i = 0; i < pixels.Length; i++)
                if (i % 4 != 3) pixels[i] = (byte)Math.Clamp(pixels[i] + random.Next(-grain, grain + 1), 0, 255);
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        }
        return bitmap;
    }

    private static SKColor Colour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    public static byte[] Jpeg(SKBitmap picture, int quality)
    {
        using var data = picture.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(SKBitmap picture)
    {
        using var data = picture.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The same picture decoded and encoded again at another quality and, optionally, another size: what a chat app
    /// or a photo editor makes of it. The EXIF is dropped, as those apps do.</summary>
    public static byte[] Reencoded(byte[] jpeg, int quality, double scale = 1)
    {
        using var original = SKBitmap.Decode(jpeg);
        var (w, h) = ((int)Math.Round(original.Width * scale), (int)Math.Round(original.Height * scale));
        using var resized = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(resized))
        using (var image = SKImage.FromBitmap(original))
            canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return Jpeg(resized, quality);
    }

    /// <summary>Inserts an APP1 EXIF segment after the SOI of <paramref name="jpeg"/>.</summary>
    public static byte[] WithExif(byte[] jpeg, Exif exif) => InsertSegments(jpeg, [App1("Exif\0\0"u8.ToArray(), Tiff(exif))]);

    /// <summary>Inserts ready-made segments (marker, length, body) after the SOI.</summary>
    public static byte[] InsertSegments(byte[] jpeg, IEnumerable<byte[]> segments) => CameraExif.InsertSegments(jpeg, segments);

    /// <summary>An APP1 segment: FF E1, its length (body + 2, at most 65535), the identifier and the body.</summary>
    public static byte[] App1(byte[] identifier, byte[] body) => CameraExif.App1(identifier, body);

    /// <summary>The camera's block, with the tests' faults: filler entries in IFD0, or IFD0's pointers and next-IFD link all
    /// leading back to IFD0 (a loop a reader must not follow forever).</summary>
    private static byte[] Tiff(Exif exif)
    {
        var tiff = CameraExif.Tiff(new CameraExif.Fields(exif.Taken, exif.Offset, exif.Latitude, exif.Longitude, exif.Orientation,
            [.. Enumerable.Range(0, exif.FillerEntries).Select(i => CameraExif.Entry.Short(0x0200, i))]));
        if (!exif.LoopBackToIfd0) return tiff;
        const int ifd0At = 8;
        var count = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(ifd0At));
        for (var i = 0; i < count; i++)
        {
            var entry = tiff.AsSpan(ifd0At + 2 + 12 * i);
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) is 0x8769 or 0x8825) BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], ifd0At);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(ifd0At + 2 + 12 * count), ifd0At);
        return tiff;
    }
}
