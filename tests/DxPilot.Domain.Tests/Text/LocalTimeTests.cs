using DxPilot.Domain.Programmes;
using DxPilot.Domain.Tests.Support;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Tests.Text;

/// <summary>Stored UTC instants as the programme's people read their clocks: Beijing is UTC+8 all year; another programme may
/// name its own zone.</summary>
public class LocalTimeTests
{
    [Theory]
    [InlineData("2025-07-16T06:05:00", "Asia/Shanghai", "2025年7月16日 14:05")]
    [InlineData("2025-12-31T16:30:00", "Asia/Shanghai", "2026年1月1日 00:30")]   // past midnight in Beijing: the next day
    [InlineData("2025-07-16T06:05:00", "Europe/Berlin", "2025年7月16日 08:05")]  // summer time, UTC+2
    [InlineData("2025-01-16T06:05:00", "Europe/Berlin", "2025年1月16日 07:05")]
    public void A_utc_instant_is_shown_in_the_zone(string utc, string zone, string shown)
    {
        var at = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        // The database gives a UTC column back as Utc (PostgreSQL) or Unspecified (SQLite): both are UTC.
        Assert.Equal(shown, LocalTime.Show(DateTime.SpecifyKind(at, DateTimeKind.Utc), LocalTime.Find(zone)!));
        Assert.Equal(shown, LocalTime.Show(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), LocalTime.Find(zone)!));
        Assert.Equal(shown, LocalTime.Show(new DateTimeOffset(at, TimeSpan.Zero), LocalTime.Find(zone)!));
    }

    [Fact]
    public void Today_is_the_date_in_the_zone() =>
        Assert.Equal(new DateOnly(2026, 1, 1), LocalTime.Today(new DateTimeOffset(2025, 12, 31, 16, 30, 0, TimeSpan.Zero), LocalTime.Beijing));

    [Fact]
    public void The_shipped_programmes_read_beijing_time()
    {
        Assert.Equal("Asia/Shanghai", ProgrammeFiles.Hangzhou.TimeZone);
        Assert.Equal(TimeSpan.FromHours(8), ProgrammeFiles.Changchun.Zone.GetUtcOffset(new DateTime(2025, 7, 16, 6, 5, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_programme_naming_an_unknown_zone_is_refused_with_its_path()
    {
        var p = new Programme
        {
            Id = "test", Name = "测试试点", City = "测试市", Province = "测试省", Level = "city", TimeZone = "Mars/Olympus",
            Period = new ProgrammePeriod(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)), Sources = [],
            Districts = new DistrictList { Source = "测试", Names = ["甲区"] },
            Industries = [new PilotIndustry { Key = "甲", Name = "甲", Codes = [new IndustryCode("3670", "汽车零部件及配件制造")], Source = "测试" }],
            Money = new MoneyRules(),
        };
        Assert.Contains(("$.timeZone", "“Mars/Olympus”不是已知的时区（如 Asia/Shanghai）"), p.Problems());
    }
}
