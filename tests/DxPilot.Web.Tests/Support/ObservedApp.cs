using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DxPilot.Web.Tests.Support;

/// <summary>The demo platform on SQLite, watched: every log entry is kept and the password hasher counts its verifications.</summary>
public sealed class ObservedApp : DxPilotApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dxpilot-o-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public CountingHasher Hasher { get; } = new();

    public LogCapture Logs { get; } = new();

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={_file}");

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
        services.AddSingleton<ILoggerProvider>(Logs);
    }

    protected override Task DropDatabaseAsync() => TestSqlite.DeleteAsync(_file);
}

public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _real = new(Options.Create(new PasswordHasherOptions()));
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
