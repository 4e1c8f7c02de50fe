using System.Buffers.Binary;
using System.Globalization;
using DxPilot.Domain.Diagnoses.Photos;

namespace DxPilot.Infrastructure.Photos;

/// <summary>
/// The few EXIF fields that prove a site visit, read from a TIFF block (the body of a JPEG's APP1 "Exif" segment):
/// DateTimeOriginal and OffsetTimeOriginal (Exif IFD), GPS latitude and longitude with their references (GPS IFD), and the
/// orientation (IFD0). Hostile blocks cannot make it hang or allocate: it visits only IFD0 and the two IFDs it points to
/// (each at most once), reads at most <see cref="MaxEntriesPerIfd"/> entries of each, and checks every offset against the block.
/// </summary>
public static class ExifReader
{
    /// <summary>Cameras write a few dozen entries per IFD; a block claiming more is cut off, not followed.</summary>
    public const int MaxEntriesPerIfd = 512;

    public readonly record struct Exif(DateTime? TakenLocal, TimeSpan? TakenOffset, GeoPoint? Position, int Orientation);

    private const ushort Orientation = 0x0112, ExifPointer = 0x8769, GpsPointer = 0x8825;
    private const ushort DateTimeOriginal = 0x9003, OffsetTimeOriginal = 0x9011;
    private const ushort LatitudeRef = 0x0001, Latitude = 0x0002, LongitudeRef = 0x0003, Longitude = 0x0004;

    private readonly record struct Entry(ushort Tag, ushort Type, uint Count, int ValueAt);

    public static Exif Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return default(Exif) with { Orientation = 1 };
        bool? little = tiff[0] == 'I' && tiff[1] == 'I' ? true : tiff[0] == 'M' && tiff[1] == 'M' ? false : null;
        if (little is not { } le || U16(tiff, 2, le) != 42) return default(Exif) with { Orientation = 1 };

        var visited = new HashSet<uint>();
        var ifd0 = Entries(tiff, le, U32(tiff, 4, le), visited);
        var orientation = Find(ifd0, Orientation) is { Type: 3 } o ? U16(tiff, o.ValueAt, le) : 1;
        var exif = Find(ifd0, ExifPointer) is { } e ? Entries(tiff, le, U32(tiff, e.ValueAt, le), visited) : [];
        var gps = Find(ifd0, GpsPointer) is { } g ? Entries(tiff, le, U32(tiff, g.ValueAt, le), visited) : [];

        var taken = Ascii(tiff, Find(exif, DateTimeOriginal)) is { } t
            && DateTime.TryParseExact(t, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var when)
            ? when : (DateTime?)null;
        return new Exif(taken, taken is null ? null : Offset(Ascii(tiff, Find(exif, OffsetTimeOriginal))),
            Position(tiff, le, gps), orientation is >= 1 and <= 8 ? orientation : 1);
    }

    private static List<Entry> Entries(ReadOnlySpan<byte> tiff, bool le, uint offset, HashSet<uint> visited)
    {
        var entries = new List<Entry>();
        // An IFD pointing back at one already read (a loop) or outside the block is ignored.
        if (offset < 8 || offset > tiff.Length - 2 || !visited.Add(offset)) return entries;
        var count = Math.Min((int)U16(tiff, (int)offset, le), MaxEntriesPerIfd);
        for (var i = 0; i < count; i++)
        {
            var at = (int)offset + 2 + i * 12;
            if (at + 12 > tiff.Length) break;
            var (tag, type, n) = (U16(tiff, at, le), U16(tiff, at + 2, le), U32(tiff, at + 4, le));
            var size = (long)n * TypeSize(type);
            if (size == 0) continue;
            long valueAt = size <= 4 ? at + 8 : U32(tiff, at + 8, le);
            if (valueAt + size > tiff.Length) continue;
            entries.Add(new Entry(tag, type, n, (int)valueAt));
        }
        return entries;
    }

    private static int TypeSize(ushort type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 or 13 => 4,
        5 or 10 or 12 => 8,
        _ => 0,
    };

    private static Entry? Find(List<Entry> entries, ushort tag)
    {
        foreach (var e in entries) if (e.Tag == tag) return e;
        return null;
    }

    private static string? Ascii(ReadOnlySpan<byte> tiff, Entry? entry)
    {
        if (entry is not { Type: 2 } e || e.Count > 64) return null;
        var bytes = tiff.Slice(e.ValueAt, (int)e.Count);
        var end = bytes.IndexOf((byte)0);
        return System.Text.Encoding.ASCII.GetString(end >= 0 ? bytes[..end] : bytes).Trim();
    }

    /// <summary>"+08:00" or "-05:30".</summary>
    private static TimeSpan? Offset(string? text) =>
        text is { Length: 6 } && text[0] is '+' or '-'
        && TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var span) && span <= TimeSpan.FromHours(14)
            ? text[0] == '-' ? -span : span
            : null;

    private static GeoPoint? Position(ReadOnlySpan<byte> tiff, bool le, List<Entry> gps)
    {
        var lat = Degrees(tiff, le, Find(gps, Latitude));
        var lon = Degrees(tiff, le, Find(gps, Longitude));
        var latRef = Ascii(tiff, Find(gps, LatitudeRef));
        var lonRef = Ascii(tiff, Find(gps, LongitudeRef));
        if (lat is not { } a || lon is not { } b || latRef is not ("N" or "S") || lonRef is not ("E" or "W")) return null;
        if (a > 90 || b > 180) return null;
        // Some phones write 0,0 when they had no fix: no position, not a photo taken off the coast of Africa.
        if (a == 0 && b == 0) return null;
        return new GeoPoint(latRef == "S" ? -a : a, lonRef == "W" ? -b : b);
    }

    /// <summary>Three RATIONALs: degrees, minutes, seconds.</summary>
    private static double? Degrees(ReadOnlySpan<byte> tiff, bool le, Entry? entry)
    {
        if (entry is not { Type: 5, Count: 3 } e) return null;
        var total = 0d;
        for (var i = 0; i < 3; i++)
        {
            var (num, den) = (U32(tiff, e.ValueAt + i * 8, le), U32(tiff, e.ValueAt + i * 8 + 4, le));
            if (den == 0) return null;
            total += (double)num / den / Math.Pow(60, i);
        }
        return total;
    }

    private static ushort U16(ReadOnlySpan<byte> s, int at, bool le) =>
        at < 0 || at + 2 > s.Length ? (ushort)0
        : le ? BinaryPrimitives.ReadUInt16LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt16BigEndian(s[at..]);

    private static uint U32(ReadOnlySpan<byte> s, int at, bool le) =>
        at < 0 || at + 4 > s.Length ? 0
        : le ? BinaryPrimitives.ReadUInt32LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt32BigEndian(s[at..]);
}
