using DxPilot.Domain.Awards;
using DxPilot.Domain.Files;
using SkiaSharp;

namespace DxPilot.Infrastructure.Photos;

/// <summary>
/// A picture's real size, for limits such as 链式's "插图宽和高均不超过1000像素": the type is judged by the file's first bytes, the size
/// by the decoder's reading of the header, and a picture within the limits is then decoded whole to prove it is one. A header
/// claiming more than the limits (a decompression bomb: a tiny file that would decode to 50,000×50,000) is refused before any
/// pixel is decoded.
/// </summary>
public static class PictureSize
{
    public sealed record Result(int Width, int Height, string ContentType);

    /// <summary>The picture's size, or the reason it is refused (in Chinese).</summary>
    public static (Result? Picture, string? Problem) Read(byte[] content, ImageRules rules)
    {
        var type = FileSignature.Sniff(content.AsSpan(0, Math.Min(content.Length, FileSignature.HeadLength)));
        if (!FileSignature.IsPicture(type)) return (null, $"插图须为JPEG或PNG图片（该文件实为{Named(content)}）");
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null) return (null, "图片无法识别，可能已损坏");
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0) return (null, "图片无法识别，可能已损坏");
        if (ImageLimit.Problem(rules, w, h) is { } tooLarge) return (null, tooLarge);
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success
            ? (new Result(w, h, type), null)
            : (null, "图片不完整或已损坏，无法解码");
    }

    /// <summary>What a non-picture file really is, as far as its first bytes tell.</summary>
    private static string Named(ReadOnlySpan<byte> head) =>
        head.StartsWith("GIF8"u8) ? "GIF动图" : head.StartsWith("RIFF"u8) ? "WebP等其他格式" : head.StartsWith("%PDF-"u8) ? "PDF文件" : "其他格式";
}
