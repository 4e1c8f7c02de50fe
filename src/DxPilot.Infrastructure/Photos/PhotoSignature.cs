using DxPilot.Domain.Diagnoses.Photos;

namespace DxPilot.Infrastructure.Photos;

/// <summary>A photo file's type by its first bytes, never by its name: JPEG, PNG, or HEIC/HEIF (an ISO-BMFF <c>ftyp</c> box
/// naming a HEIF brand), anything else is not a picture.</summary>
public static class PhotoSignature
{
    public const int HeadLength = 64;

    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis"];

    public static PhotoKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return PhotoKind.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return PhotoKind.Png;
        return IsHeif(head) ? PhotoKind.Heic : PhotoKind.NotImage;
    }

    /// <summary>[size:4]["ftyp"][major brand:4][minor version:4][compatible brands:4 each], within the box's own size.</summary>
    private static bool IsHeif(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12 || !head[4..8].SequenceEqual("ftyp"u8)) return false;
        var boxSize = (int)Math.Min(head.Length, (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(head));
        if (Brand(head, 8)) return true;
        for (var at = 16; at + 4 <= boxSize; at += 4)
            if (Brand(head, at)) return true;
        return false;
    }

    private static bool Brand(ReadOnlySpan<byte> head, int at) =>
        HeifBrands.Contains(System.Text.Encoding.ASCII.GetString(head.Slice(at, 4)));
}
