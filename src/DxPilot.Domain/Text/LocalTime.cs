namespace DxPilot.Domain.Text;

/// <summary>Instants are stored in UTC and shown as the programme's people read a clock: in its time zone (北京时间 unless
/// the programme file says otherwise), whatever the server's own zone.</summary>
public static class LocalTime
{
    public const string DefaultZone = "Asia/Shanghai";

    /// <summary>China has kept UTC+8 without daylight saving since 1991, so a fixed zone stands in where the host has no tz database.</summary>
    private static readonly TimeZoneInfo FixedBeijing = TimeZoneInfo.CreateCustomTimeZone(DefaultZone, TimeSpan.FromHours(8), "北京时间", "北京时间");

    public static TimeZoneInfo Beijing { get; } = Find(DefaultZone)!;

    /// <summary>The zone of an IANA (or Windows) id, or null when the host does not know it.</summary>
    public static TimeZoneInfo? Find(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return id == DefaultZone ? FixedBeijing : null;
        }
    }

    /// <summary>The wall-clock time in <paramref name="zone"/> of a UTC instant (a DateTime read back from the database is UTC
    /// whatever its Kind says).</summary>
    public static DateTime FromUtc(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>2025年7月16日 14:05</summary>
    public static string Show(DateTime utc, TimeZoneInfo zone) => Format(FromUtc(utc, zone));

    public static string Show(DateTimeOffset at, TimeZoneInfo zone) => Format(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The calendar day in <paramref name="zone"/> at a UTC instant.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The instant a wall-clock time in <paramref name="zone"/> names (a visit's 09:00 in Changchun).</summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static string Format(DateTime local) => $"{ChineseText.Date(DateOnly.FromDateTime(local))} {local:HH:mm}";
}
