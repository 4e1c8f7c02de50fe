namespace DxPilot.Domain.Diagnoses.Photos;

/// <summary>What a file turned out to be when read as a site-visit photo.</summary>
public enum PhotoKind
{
    Jpeg,
    Png,
    /// <summary>HEIC/HEIF (iPhone's default): recognised by its <c>ftyp</c> box and refused with advice, since browsers and
    /// Word cannot show it.</summary>
    Heic,
    /// <summary>HTML, a program, a document: anything whose first bytes are not a picture's.</summary>
    NotImage,
    /// <summary>A picture's signature but pixels that cannot be decoded (truncated, corrupt, absurd dimensions).</summary>
    Unreadable,
    /// <summary>Over the size limit: refused before anything is decoded.</summary>
    TooLarge,
}

/// <summary>A position as a camera writes it (WGS-84 degrees; north and east positive).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle (haversine) distance: at a few kilometres the error against the ellipsoid is under 0.5 %.</summary>
    public double MetresTo(GeoPoint other)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}

/// <summary>
/// The facts read from one photo file. The capture time is kept as the camera wrote it: a wall-clock time and, when the
/// camera recorded one (EXIF OffsetTimeOriginal), its UTC offset; without an offset it is read in the programme's zone
/// (<see cref="TakenAt"/>), as a phone's clock shows local time.
/// </summary>
public sealed record PhotoFileFacts
{
    public required PhotoKind Kind { get; init; }
    public required long SizeBytes { get; init; }
    /// <summary>Lower-case hex SHA-256 of the file's bytes (empty when the file was refused by size unread).</summary>
    public string Sha256 { get; init; } = "";
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>EXIF DateTimeOriginal as written, without any zone.</summary>
    public DateTime? TakenLocal { get; init; }
    /// <summary>EXIF OffsetTimeOriginal, when the camera wrote it.</summary>
    public TimeSpan? TakenOffset { get; init; }
    public GeoPoint? Position { get; init; }
    /// <summary>64-bit perceptual hash of the picture as displayed (<see cref="PerceptualHash"/>); null when not decoded.</summary>
    public ulong? Hash { get; init; }

    public bool IsPicture => Kind is PhotoKind.Jpeg or PhotoKind.Png;

    /// <summary>The instant the photo was taken, reading an offset-less time in <paramref name="zone"/>.</summary>
    public DateTimeOffset? TakenAt(TimeZoneInfo zone)
    {
        if (TakenLocal is not { } local) return null;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, TakenOffset ?? zone.GetUtcOffset(unspecified));
    }
}
