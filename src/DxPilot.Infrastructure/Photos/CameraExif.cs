using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DxPilot.Infrastructure.Photos;

/// <summary>
/// EXIF exactly as a phone camera writes it (a little-endian TIFF block in an APP1 "Exif" segment right after the JPEG's
/// SOI): DateTimeOriginal, OffsetTimeOriginal, GPS latitude/longitude as degree/minute/second rationals with their N/S/E/W
/// references, and the orientation. The demo's site photos carry it, as do the tests' and the bench's; <see cref="ExifReader"/>
/// reads it back.
/// </summary>
public static class CameraExif
{
    /// <summary>A TIFF directory entry: tag, type (2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL), count and value bytes.</summary>
    public sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Value)
    {
        public static Entry Short(ushort tag, int value) => new(tag, 3, 1, U16(value));

        public static Entry Ascii(ushort tag, string text)
        {
            var bytes = Encoding.ASCII.GetBytes(text + "\0");
            return new(tag, 2, (uint)bytes.Length, bytes);
        }
    }

    /// <summary>What the camera recorded; <see cref="MoreIfd0"/> are further IFD0 entries after the orientation.</summary>
    public sealed record Fields(DateTime? Taken = null, string? Offset = null, double? Latitude = null, double? Longitude = null,
        int Orientation = 1, IReadOnlyList<Entry>? MoreIfd0 = null);

    /// <summary>The JPEG with an EXIF segment holding <paramref name="fields"/> inserted after its SOI.</summary>
    public static byte[] AddTo(byte[] jpeg, Fields fields) => InsertSegments(jpeg, [App1("Exif\0\0"u8.ToArray(), Tiff(fields))]);

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

    /// <summary>The TIFF block: IFD0 at offset 8, then the Exif IFD and the GPS IFD it points to.</summary>
    public static byte[] Tiff(Fields fields)
    {
        var ifd0 = new List<Entry> { Entry.Short(0x0112, fields.Orientation) };
        ifd0.AddRange(fields.MoreIfd0 ?? []);
        var exifIfd = new List<Entry>();
        if (fields.Taken is { } t) exifIfd.Add(Entry.Ascii(0x9003, t.ToString("yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture)));
        if (fields.Offset is { } o) exifIfd.Add(Entry.Ascii(0x9011, o));
        var gps = new List<Entry>();
        if (fields.Latitude is { } lat && fields.Longitude is { } lon)
        {
            gps.Add(new(0x0000, 1, 4, [2, 3, 0, 0]));
            gps.Add(Entry.Ascii(0x0001, lat < 0 ? "S" : "N"));
            gps.Add(new(0x0002, 5, 3, Rationals(Math.Abs(lat))));
            gps.Add(Entry.Ascii(0x0003, lon < 0 ? "W" : "E"));
            gps.Add(new(0x0004, 5, 3, Rationals(Math.Abs(lon))));
        }
        // Pointer values are 4 bytes whatever they hold, so the sizes are known before the offsets.
        const int ifd0At = 8;
        var exifAt = ifd0At + Size(ifd0.Count + 2, ifd0);
        var gpsAt = exifAt + Size(exifIfd.Count, exifIfd);
        ifd0.Add(new(0x8769, 4, 1, U32((uint)exifAt)));
        ifd0.Add(new(0x8825, 4, 1, U32((uint)gpsAt)));

        var tiff = new MemoryStream();
        tiff.Write("II"u8);
        tiff.Write(U16(42));
        tiff.Write(U32(ifd0At));
        tiff.Write(Ifd(ifd0At, ifd0));
        tiff.Write(Ifd(exifAt, exifIfd));
        tiff.Write(Ifd(gpsAt, gps));
        return tiff.ToArray();
    }

    private static int Size(int count, List<Entry> entries) => 2 + 12 * count + 4 + entries.Sum(f => f.Value.Length > 4 ? Even(f.Value.Length) : 0);

    private static int Even(int n) => n + (n & 1);

    private static byte[] Ifd(int at, List<Entry> entries)
    {
        var ifd = new byte[Size(entries.Count, entries)];
        BinaryPrimitives.WriteUInt16LittleEndian(ifd, (ushort)entries.Count);
        var data = 2 + 12 * entries.Count + 4;
        for (var i = 0; i < entries.Count; i++)
        {
            var (entry, f) = (2 + 12 * i, entries[i]);
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
        // The next-IFD link (the last 4 bytes of the entries) stays 0: a camera's IFD0 has no thumbnail IFD here.
        return ifd;
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
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
        return b;
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }
}
