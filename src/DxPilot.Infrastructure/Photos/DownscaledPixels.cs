using SkiaSharp;

namespace DxPilot.Infrastructure.Photos;

/// <summary>
/// A picture decoded no larger than needed, so that a 50-megapixel photo never lands in memory at full size. A JPEG is
/// decoded at 1/8, 1/4 or 1/2 scale by libjpeg's DCT scaling (the smallest that keeps the longest side at least
/// <c>minLongSide</c>), which also skips most of the inverse DCT work; a PNG cannot scale while decoding and is decoded whole,
/// which is why PNGs have a pixel limit. Null when the pixels cannot be decoded completely.
/// </summary>
public static class DownscaledPixels
{
    /// <summary>Beyond the largest phone sensors (200 MP): a header claiming more is not a photo worth decoding.</summary>
    public const long MaxPixels = 250_000_000;

    public static SKBitmap? Decode(byte[] content, int minLongSide, out SKSizeI fullSize)
    {
        fullSize = default;
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        fullSize = codec.Info.Size;
        if (w <= 0 || h <= 0 || (long)w * h > MaxPixels) return null;
        return codec.EncodedFormat == SKEncodedImageFormat.Jpeg ? ScaledJpeg(codec, minLongSide) : Whole(codec);
    }

    private static SKBitmap? ScaledJpeg(SKCodec codec, int minLongSide)
    {
        var size = codec.Info.Size;
        foreach (var scale in (float[])[0.125f, 0.25f, 0.5f])
        {
            var scaled = codec.GetScaledDimensions(scale);
            if (Math.Max(scaled.Width, scaled.Height) >= minLongSide) { size = scaled; break; }
        }
        var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return bitmap;
        // IncompleteInput: a truncated file. Skia fills the missing rows, but a picture half grey is not the photo.
        bitmap.Dispose();
        return null;
    }

    /// <summary>A PNG whole: this Skia build has no scanline decoding for PNG (Unimplemented), so the reader refuses PNGs
    /// over <c>PhotoRules.MaxPngPixels</c> before they get here.</summary>
    private static SKBitmap? Whole(SKCodec codec)
    {
        var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }
}
