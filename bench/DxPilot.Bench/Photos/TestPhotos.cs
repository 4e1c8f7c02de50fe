using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using SkiaSharp;

namespace DxPilot.Bench.Photos;

/// <summary>
/// Photos written for the tests and the bench, with EXIF exactly as a phone camera writes it (a little-endian TIFF block
/// in an APP1 "Exif" segment right after the JPEG's SOI): DateTimeOriginal, OffsetTimeOriginal, GPS latitude/longitude as
/// degree/minute/second rationals with their N/S/E/W references, and the orientation. The pictures are photo-like (a
/// gradient, shapes, optional grain) and differ by seed, so perceptual hashes of different seeds are far apart.
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
    public static byte[] InsertSegments(byte[] jpeg, IEnumerable<byte[]> segments)
    {
        var output = new MemoryStream();
        output.Write(jpeg, 0, 2);
        foreach (var s in segments) output.Write(s);
        output.Write(jpeg, 2, jpeg.Length - 2);
        return output.ToArray();
    }

    /// <summary>An APP1 segment: FF E1, its length (body + 2, at most 65535), the identifier and the body.</summary>
    public static byte[] App1(byte[] identifier, byte[] body)
    {
        var length = 2 + identifier.Length + body.Length;
        if (length > 65535) throw new ArgumentException("An APP1 segment holds at most 65533 bytes.");
        var segment = new byte[2 + length];
        (segment[0], segment[1]) = (0xFF, 0xE1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)length);
        identifier.CopyTo(segment, 4);
        body.CopyTo(segment, 4 + identifier.Length);
        return segment;
    }

    private sealed record Field(ushort Tag, ushort Type, uint Count, byte[] Value);

    private static byte[] Tiff(Exif exif)
    {
        var ifd0 = new List<Field> { new(0x0112, 3, 1, U16(exif.Orientation)) };
        for (var i = 0; i < exif.FillerEntries; i++) ifd0.Add(new(0x0200, 3, 1, U16(i)));
        var exifIfd = new List<Field>();
        if (exif.Taken is { } t) exifIfd.Add(Ascii(0x9003, t.ToString("yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture)));
        if (exif.Offset is { } o) exifIfd.Add(Ascii(0x9011, o));
        var gps = new List<Field>();
        if (exif.Latitude is { } lat && exif.Longitude is { } lon)
        {
            gps.Add(new(0x0000, 1, 4, [2, 3, 0, 0]));
            gps.Add(Ascii(0x0001, lat < 0 ? "S" : "N"));
            gps.Add(new(0x0002, 5, 3, Rationals(Math.Abs(lat))));
            gps.Add(Ascii(0x0003, lon < 0 ? "W" : "E"));
            gps.Add(new(0x0004, 5, 3, Rationals(Math.Abs(lon))));
        }
        // Pointer values are 4 bytes whatever they hold, so the sizes are known before the offsets.
        ifd0.Add(new(0x8769, 4, 1, U32(0)));
        ifd0.Add(new(0x8825, 4, 1, U32(0)));
        const int ifd0At = 8;
        var exifAt = ifd0At + Size(ifd0);
        var gpsAt = exifAt + Size(exifIfd);
        ifd0[^2] = ifd0[^2] with { Value = U32((uint)(exif.LoopBackToIfd0 ? ifd0At : exifAt)) };
        ifd0[^1] = ifd0[^1] with { Value = U32((uint)(exif.LoopBackToIfd0 ? ifd0At : gpsAt)) };

        var tiff = new MemoryStream();
        tiff.Write("II"u8);
        tiff.Write(U16(42));
        tiff.Write(U32(ifd0At));
        // With the loop, IFD0's next-IFD link points at itself too.
        tiff.Write(Ifd(ifd0At, ifd0, next: exif.LoopBackToIfd0 ? (uint)ifd0At : 0));
        tiff.Write(Ifd(exifAt, exifIfd, 0));
        tiff.Write(Ifd(gpsAt, gps, 0));
        return tiff.ToArray();
    }

    private static int Size(List<Field> fields) => 2 + 12 * fields.Count + 4 + fields.Sum(f => f.Value.Length > 4 ? Even(f.Value.Length) : 0);

    private static int Even(int n) => n + (n & 1);

    private static byte[] Ifd(int at, List<Field> fields, uint next)
    {
        var ifd = new byte[Size(fields)];
        BinaryPrimitives.WriteUInt16LittleEndian(ifd, (ushort)fields.Count);
        var data = 2 + 12 * fields.Count + 4;
        for (var i = 0; i < fields.Count; i++)
        {
            var (entry, f) = (2 + 12 * i, fields[i]);
            BinaryPrimitives.WriteUInt16LittleEndian(ifd.AsSpan(entry), f.Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(ifd.AsSpan(entry + 2), f.Type);
            BinaryPrimitives.WriteUInt32LittleEndian(ifd.AsSpan(entry + 4), f.Count);
            if (f.Value.Length <= 4) f.Value.CopyTo(ifd, entry + 8);
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(ifd.AsSpan(entry + 8), (uint)(at + data));
                f.Value.CopyTo(ifd, data);
                data += Even(f.Value.Length);
            }
        }
        BinaryPrimitives.WriteUInt32LittleEndian(ifd.AsSpan(2 + 12 * fields.Count), next);
        return ifd;
    }

    private static Field Ascii(ushort tag, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text + "\0");
        return new(tag, 2, (uint)bytes.Length, bytes);
    }

    /// <summary>Degrees, minutes and seconds (to 1/10000 s), as phones write them.</summary>
    private static byte[] Rationals(double degrees)
    {
        var d = Math.Floor(degrees);
        var m = Math.Floor((degrees - d) * 60);
        var s = ((degrees - d) * 60 - m) * 60;
        return [.. U32((uint)d), .. U32(1), .. U32((uint)m), .. U32(1), .. U32((uint)Math.Round(s * 10000)), .. U32(10000)];
    }

    private static byte[] U16(int v)
    {
        var b = new byte[4]; // inline values are left-justified in the 4-byte field
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
        return b[..2];
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }
}
