using System.Buffers.Binary;
using DxPilot.Domain.Awards;
using DxPilot.Infrastructure.Photos;
using SkiaSharp;

namespace DxPilot.Web.Tests;

/// <summary>链式 pictures (seed 004 附件2-1: 插图宽和高均不超过1000像素) judged by decoding, not by name.</summary>
public class PictureSizeTests
{
    private static readonly ImageRules Limits = new(2, 1000, 1000);

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    [Fact]
    public void A_picture_of_1000_by_1000_passes_and_1001_by_800_is_refused_naming_its_size()
    {
        Assert.Equal(new PictureSize.Result(1000, 1000, "image/png"), PictureSize.Read(Png(1000, 1000), Limits).Picture);
        Assert.Equal("插图宽和高均不超过1000×1000像素（该图为1001×800像素）", PictureSize.Read(Png(1001, 800), Limits).Problem);
    }

    [Fact]
    public void A_gif_named_png_is_refused_by_its_bytes()
    {
        Assert.Equal("插图须为JPEG或PNG图片（该文件实为GIF动图）", PictureSize.Read(Gif(), Limits).Problem);
    }

    /// <summary>A 1×1 GIF.</summary>
    internal static byte[] Gif() => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, .. "\x2C\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\0\x3B"u8];

    /// <summary>PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320) over a chunk's type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        return [.. length, .. typed, .. crc];
    }

    [Fact]
    public void A_tiny_png_claiming_50000_by_50000_pixels_is_refused_before_it_is_decoded()
    {
        var bomb = Bomb();
        Assert.True(bomb.Length < 4096, $"{bomb.Length} bytes");
        var (picture, problem) = PictureSize.Read(bomb, Limits);
        Assert.Null(picture);
        Assert.Equal("插图宽和高均不超过1000×1000像素（该图为50000×50000像素）", problem);
    }

    /// <summary>A PNG whose IHDR claims 50,000×50,000 RGBA (a decoder that believed it would allocate 10 GB), in under 4 KB.</summary>
    internal static byte[] Bomb()
    {
        // An IHDR claiming 50,000×50,000 RGBA: a decoder that believed it would allocate 10 GB.
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 50_000);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 50_000);
        ihdr[8] = 8;
        ihdr[9] = 6;
        // The first megabyte of zero rows, deflated to about a kilobyte: the rest of a real bomb is more of the same.
        var zeros = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(zeros, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            z.Write(new byte[1 << 20]);
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", zeros.ToArray()), .. Chunk("IEND", [])];
    }
}
