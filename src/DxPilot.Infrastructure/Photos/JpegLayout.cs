using System.Buffers.Binary;

namespace DxPilot.Infrastructure.Photos;

/// <summary>
/// The header segments of a JPEG, walked from the start of the file up to the image data: the frame's pixel size (SOFn) and
/// the first EXIF block (APP1 "Exif\0\0"). Every segment carries its own length, so skipping megabytes of APP1 costs no
/// reading; the walk stops at the first malformed segment and after <see cref="MaxSegments"/> segments.
/// </summary>
public static class JpegLayout
{
    public const int MaxSegments = 10_000;

    public readonly record struct Layout(int Width, int Height, int ExifStart, int ExifLength);

    public static Layout Read(ReadOnlySpan<byte> file)
    {
        int width = 0, height = 0, exifStart = 0, exifLength = 0;
        var at = 2;
        for (var segments = 0; segments < MaxSegments && at + 4 <= file.Length; segments++)
        {
            if (file[at] != 0xFF) break;
            var marker = file[at + 1];
            if (marker == 0xFF) { at++; continue; } // fill byte
            if (marker is 0x01 or 0xD8 or >= 0xD0 and <= 0xD7) { at += 2; continue; } // markers without a length
            if (marker is 0xD9 or 0xDA) break; // end of image, start of scan: no more headers
            var length = BinaryPrimitives.ReadUInt16BigEndian(file[(at + 2)..]);
            var body = at + 4;
            var bodyLength = length - 2;
            if (bodyLength < 0 || body + bodyLength > file.Length) break;
            if (IsFrame(marker) && bodyLength >= 5 && width == 0)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(file[(body + 1)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(file[(body + 3)..]);
            }
            else if (marker == 0xE1 && exifLength == 0 && bodyLength > 6 && file.Slice(body, 6).SequenceEqual("Exif\0\0"u8))
                (exifStart, exifLength) = (body + 6, bodyLength - 6);
            at = body + bodyLength;
        }
        return new Layout(width, height, exifStart, exifLength);
    }

    /// <summary>SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
