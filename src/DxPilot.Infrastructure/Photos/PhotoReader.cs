using System.Security.Cryptography;
using DxPilot.Domain.Diagnoses.Photos;
using SkiaSharp;

namespace DxPilot.Infrastructure.Photos;

/// <summary>
/// Reads a site-visit photo from a stream into its <see cref="PhotoFileFacts"/>: type by its first bytes, SHA-256, EXIF capture
/// time and GPS, pixel size and perceptual hash. Bounded whatever the file holds: a file over the limit is refused before
/// it is read (by its length when the stream knows it, otherwise after limit + 1 bytes), headers are walked with caps
/// (<see cref="JpegLayout"/>, <see cref="ExifReader"/>), and pixels are decoded at a fraction of their size
/// (<see cref="DownscaledPixels"/>). A truncated or corrupt picture is <see cref="PhotoKind.Unreadable"/>: its EXIF may
/// have survived, but a photo that does not display proves nothing and cannot go into the report.
/// </summary>
public static class PhotoReader
{
    /// <summary>Hashing needs 32×32, but the cells should average many pixels, so that a small copy and a large original
    /// reduce to the same grid: at least 256 pixels on the long side (a 1/8-scale decode of any phone photo).</summary>
    private const int HashSide = 256;

    public static async Task<PhotoFile> ReadAsync(Stream content, PhotoRules rules, CancellationToken ct)
    {
        var maxBytes = rules.MaxBytes;
        if (content.CanSeek && content.Length - content.Position > maxBytes)
            return PhotoFile.Refused(new PhotoFileFacts { Kind = PhotoKind.TooLarge, SizeBytes = content.Length - content.Position });
        var buffer = new MemoryStream(content.CanSeek ? (int)(content.Length - content.Position) : 1 << 20);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            // A stream of unknown length is refused as soon as it passes the limit; its true size is not waited for.
            if (buffer.Length + read > maxBytes) return PhotoFile.Refused(new PhotoFileFacts { Kind = PhotoKind.TooLarge, SizeBytes = 0 });
            buffer.Write(chunk, 0, read);
        }
        return Read(buffer.ToArray(), rules);
    }

    public static PhotoFile Read(byte[] content, PhotoRules rules)
    {
        var facts = new PhotoFileFacts
        {
            Kind = PhotoSignature.Sniff(content.AsSpan(0, Math.Min(content.Length, PhotoSignature.HeadLength))),
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
        if (!facts.IsPicture) return PhotoFile.Refused(facts);

        if (facts.Kind == PhotoKind.Png && PngSize(content) is var (w, h) && (long)w * h > rules.MaxPngPixels)
            return PhotoFile.Refused(facts with { Kind = PhotoKind.TooLarge, Width = w, Height = h });

        var exif = default(ExifReader.Exif) with { Orientation = 1 };
        if (facts.Kind == PhotoKind.Jpeg && JpegLayout.Read(content) is { ExifLength: > 0 } layout)
            exif = ExifReader.Read(content.AsSpan(layout.ExifStart, layout.ExifLength));

        var (size, hash) = Hashed(facts.Kind, content, exif.Orientation);
        if (hash is null) return PhotoFile.Refused(facts with { Kind = PhotoKind.Unreadable });
        return new PhotoFile(facts with
        {
            Width = size.Width,
            Height = size.Height,
            TakenLocal = exif.TakenLocal,
            TakenOffset = exif.TakenOffset,
            Position = exif.Position,
            Hash = hash,
        }, content, exif.Orientation);
    }

    /// <summary>
    /// The picture's size and perceptual hash, or no hash when it does not decode whole. A camera-sized JPEG (2048 pixels or
    /// more on its long side) is hashed from its luma DC terms (<see cref="JpegDcLuma"/>): the grid libjpeg's 1/8-scale decode
    /// gives, to rounding, in about two thirds of the time. Smaller JPEGs, other kinds of JPEG, JPEGs it finds cut or corrupt (to
    /// be judged by libjpeg) and PNGs are decoded by libjpeg or libpng at the scale that keeps <see cref="HashSide"/> pixels.
    /// </summary>
    private static (SKSizeI Size, ulong? Hash) Hashed(PhotoKind kind, byte[] content, int orientation)
    {
        if (kind == PhotoKind.Jpeg && JpegDcLuma.Read(content, HashSide) is { } luma)
            return (new SKSizeI(luma.Width, luma.Height), PhotoHasher.Hash(luma, orientation));
        using var pixels = DownscaledPixels.Decode(content, HashSide, out var size);
        return (size, pixels is null ? null : PhotoHasher.Hash(pixels, orientation));
    }

    /// <summary>Width and height from the IHDR chunk, which a PNG must start with.</summary>
    private static (int Width, int Height) PngSize(byte[] content) =>
        content.Length >= 24 && content.AsSpan(12, 4).SequenceEqual("IHDR"u8)
            ? ((int)Math.Min(int.MaxValue, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(16))),
               (int)Math.Min(int.MaxValue, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(20))))
            : (0, 0);
}
