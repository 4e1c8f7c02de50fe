using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Programmes;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// How every page, message and export shows a stored UTC instant: in the time zone of the acting user's programme
/// (config/programmes/*.json, 北京时间 by default), as 2025年7月16日 14:05. The one place a time is turned into text.
/// </summary>
public sealed class ShownTime(ProgrammeCatalog programmes, CurrentActor current, TimeProvider clock)
{
    public TimeZoneInfo Zone => ZoneOf(current.Actor?.ProgrammeId);

    public TimeZoneInfo ZoneOf(string? programmeId) => programmes.Find(programmeId)?.Zone ?? LocalTime.Beijing;

    public string Of(DateTime utc) => LocalTime.Show(utc, Zone);

    public string Of(DateTimeOffset at) => LocalTime.Show(at, Zone);

    /// <summary>In a named programme's zone, for those not signed in yet (a locked account's sign-in page).</summary>
    public string Of(DateTimeOffset at, string? programmeId) => LocalTime.Show(at, ZoneOf(programmeId));

    /// <summary>The wall-clock time, for exports that write it as a value.</summary>
    public DateTime Local(DateTime utc) => LocalTime.FromUtc(utc, Zone);

    /// <summary>Today's date where the programme is.</summary>
    public DateOnly Today() => LocalTime.Today(clock.GetUtcNow(), Zone);
}
