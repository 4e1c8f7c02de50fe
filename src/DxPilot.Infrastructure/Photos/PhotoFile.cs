using DxPilot.Domain.Diagnoses.Photos;
using SkiaSharp;

namespace DxPilot.Infrastructure.Photos;

/// <summary>A photo as read by <see cref="PhotoReader"/>: its facts and, when it is a readable picture, its bytes (at most the
/// size limit) for storing and for a thumbnail.</summary>
public sealed class PhotoFile
{
    private readonly byte[]? _content;
    private readonly int _orientation;

    internal PhotoFile(PhotoFileFacts facts, byte[]? content, int orientation)
    {
        Facts = facts;
        _content = content;
        _orientation = orientation;
    }

    internal static PhotoFile Refused(PhotoFileFacts facts) => new(facts, null, 1);

    public PhotoFileFacts Facts { get; }

    /// <summary>The file's bytes to store (e.g. <c>IBlobStore.PutAsync</c>); only a readable picture has them.</summary>
    public Stream OpenContent() =>
        new MemoryStream(_content ?? throw new InvalidOperationException("Only a readable picture is stored."), writable: false);

    /// <summary>A JPEG of the picture as displayed (EXIF orientation applied), its longest side at most
    /// <paramref name="longestSide"/>, for pages and the report. Decoded at the smallest scale that still covers that side, by
    /// libjpeg: null when it does not decode whole (the hash may have been read from the luma alone, <see cref="JpegDcLuma"/>).</summary>
    public byte[]? Thumbnail(int longestSide = 480)
    {
        if (_content is null) throw new InvalidOperationException("Only a readable picture has a thumbnail.");
        using var pixels = DownscaledPixels.Decode(_content, longestSide, out _);
        if (pixels is null) return null;
        var ratio = Math.Min(1d, (double)longestSide / Math.Max(pixels.Width, pixels.Height));
        var (w, h) = (Math.Max(1, (int)Math.Round(pixels.Width * ratio)), Math.Max(1, (int)Math.Round(pixels.Height * ratio)));
        var turned = _orientation >= 5;
        using var target = new SKBitmap(new SKImageInfo(turned ? h : w, turned ? w : h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(pixels))
        {
            canvas.Clear(SKColors.White);
            canvas.SetMatrix(Orientation(_orientation, w, h));
            canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var data = target.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }

    /// <summary>Maps the stored pixels (w × h) onto the displayed picture for EXIF orientations 1-8.</summary>
    private static SKMatrix Orientation(int orientation, float w, float h) => orientation switch
    {
        2 => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        3 => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        4 => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        5 => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        6 => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        7 => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        8 => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
