namespace DxPilot.Domain.Text;

/// <summary>Times stored in UTC as printed forms and reports show them: Beijing time, which has had no daylight saving since 1991,
/// so a fixed eight hours holds on any server whatever its own zone.</summary>
public static class BeijingTime
{
    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified).AddHours(8);
}
