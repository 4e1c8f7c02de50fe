using System.Diagnostics;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DxPilot.Bench;

/// <summary>What the database-backed benches share: the machine's load, sequential timings after a warm-up, and a throwaway
/// database's life (the admin connection, its migrations, one statement, dropping it unless kept).</summary>
public static class BenchTools
{
    /// <summary>Runs this bench again as the platform runs: with server GC (the Web SDK's default, in
    /// DxPilot.Web.runtimeconfig.json). A bench that hosts the platform in its own process otherwise measures it under the
    /// console's workstation collector, which pauses several times as often. Returns the child's exit code.</summary>
    public static async Task<int> RerunWithServerGcAsync()
    {
        // The runtime falls back to workstation GC on one processor (e.g. under `taskset -c 0`): asking again would loop.
        if (Environment.GetEnvironmentVariable("DOTNET_gcServer") == "1")
        {
            Console.Error.WriteLine("Server GC is unavailable here (one processor?); run with --workstation-gc.");
            return 2;
        }
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(BenchTools).Assembly.Location);
        foreach (var arg in Environment.GetCommandLineArgs()[1..]) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>The 1, 5 and 15 minute load averages ("?" off Linux): the machines are shared, figures need their load.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    /// <summary><paramref name="count"/> sequential runs after <paramref name="warmUp"/> untimed ones, in ms, sorted.</summary>
    public static async Task<List<double>> TimeAsync(int count, int warmUp, Func<Task> run)
    {
        for (var i = 0; i < warmUp; i++) await run();
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    /// <summary>The platform in process on the bench's PostgreSQL database, without demo data, its files under
    /// <paramref name="data"/>: services are called as the pages call them.</summary>
    public static WebApplicationFactory<TEntry> InProcess<TEntry>(string connection, string data) where TEntry : class =>
        new WebApplicationFactory<TEntry>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            // The factory looks for the project beside the solution file; ours is under src/.
            b.UseContentRoot(Path.Combine(Repo.Root, "src", "DxPilot.Web"));
            b.UseSetting("Database:Provider", "PostgreSql");
            b.UseSetting("ConnectionStrings:DxPilot", connection);
            b.UseSetting("DxPilot:DataPath", data);
            b.UseSetting("DxPilot:DemoData", "false");
            b.UseSetting("Logging:LogLevel:Default", "Error");
        });

    public static async Task ExecuteAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The connection of a user that may create databases: --postgres, or DXPILOT_TEST_POSTGRES.</summary>
    public static string AdminConnection(string[] args) =>
        Generate.Arg(args, "--postgres") ?? Environment.GetEnvironmentVariable("DXPILOT_TEST_POSTGRES")
        ?? throw new ArgumentException("--postgres \"Host=…;Username=…\" (a user that may create databases) is required");

    /// <summary>The bench's database: the one named with --database (kept from an earlier run), or a new one named after the
    /// bench and its size; its connection string.</summary>
    public static async Task<(string Database, string Connection)> DatabaseAsync(string admin, string? reuse, string prefix, int size, int? commandTimeout = null)
    {
        var database = reuse ?? $"dxpilot_{prefix}_{size}_{Guid.NewGuid():N}"[..40];
        if (reuse is null) await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = database };
        if (commandTimeout is { } seconds) builder.CommandTimeout = seconds;
        return (database, builder.ConnectionString);
    }

    /// <summary>The platform's context options on a bench database (PostgreSQL).</summary>
    public static DbContextOptions<DxPilotDbContext> Options(string connection)
    {
        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(DatabaseProvider.PostgreSql, connection).Apply(options);
        return options.Options;
    }

    /// <summary>The platform's migrations, applied to a bench database.</summary>
    public static async Task MigrateAsync(string connection)
    {
        await using var db = new DxPilotDbContext(Options(connection), new AuditContext());
        await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync();
    }

    /// <summary>Drops the bench's database, or names it when kept (--keep, or a database given with --database).</summary>
    public static async Task ReleaseAsync(string admin, string database, bool keep)
    {
        NpgsqlConnection.ClearAllPools();
        if (keep) Console.WriteLine($"kept database {database}");
        else await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
}
