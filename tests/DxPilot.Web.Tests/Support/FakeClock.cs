using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// The platform's clock, set by a test to the instant a rule's boundary needs ("day 30 of the term") and running on at the
/// real pace from there, so that sign-in tokens and cookies keep working.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Set(DateTimeOffset now) => _offset = now - System.GetUtcNow();

    public void Advance(TimeSpan by) => _offset += by;

    /// <summary>Noon of <paramref name="day"/> in Beijing, far from either midnight, so "today" does not change during a test.</summary>
    public void SetBeijingNoon(DateOnly day) => Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)));

    /// <summary>Today in Beijing by this clock.</summary>
    public DateOnly BeijingToday => DateOnly.FromDateTime(GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}

/// <summary>An app on a <see cref="FakeClock"/>.</summary>
public interface IClockedApp
{
    FakeClock Clock { get; }
}

public sealed class ClockedSqliteApp : SqliteApp, IClockedApp
{
    public FakeClock Clock { get; } = new();
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class ClockedPostgresApp : PostgresApp, IClockedApp
{
    public FakeClock Clock { get; } = new();
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
