using System.Diagnostics;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DxPilot.Web.Tests;

/// <summary>The PostgreSQL backup of docs/operations.md: pg_dump -Fc and pg_restore carry every row of every table (files
/// included: on PostgreSQL their bytes are rows), and a truncated dump is refused with the live data untouched.</summary>
public sealed class PostgresBackupTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Pg_dump_and_pg_restore_carry_every_row_and_a_truncated_dump_is_refused_with_the_live_data_untouched()
    {
        var source = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<DatabaseOptions>().ConnectionString);
        if (PostgresTools.Folder() is not { } bin) { Requirements.Unmet("pg_dump/pg_restore 不可用：请安装 postgresql-client（.ci/run 会安装 postgresql）"); return; }
        var dump = Path.Combine(Path.GetTempPath(), $"dxpilot-{Guid.NewGuid():N}.dump");
        var restoredName = $"dxpilot_restored_{Guid.NewGuid():N}";
        try
        {
            var restored = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync(restoredName));
            Assert.Equal(0, (await Tool(bin, "pg_dump", source, "-Fc", "--no-owner", "--no-privileges", "-f", dump)).Code);
            var restore = await Tool(bin, "pg_restore", restored, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", dump);
            Assert.True(restore.Code == 0, restore.Errors);

            var original = await Fingerprint(source.ConnectionString);
            Assert.Equal(original, await Fingerprint(restored.ConnectionString));
            // The demo data is there (the fingerprints above compare every row of every table).
            Assert.Contains(original, t => t.StartsWith("Enterprises|") && !t.StartsWith("Enterprises|0|"));
            Assert.Contains(original, t => t.StartsWith("Assessments|") && !t.StartsWith("Assessments|0|"));
            Assert.Contains(original, t => t.StartsWith("BenchmarkEvidence|"));

            // Half a dump (a full disk, a cut transfer): pg_restore stops at the damage and the single transaction,
            // --clean's DROPs included, is rolled back.
            var truncated = dump + ".truncated";
            File.Copy(dump, truncated);
            using (var f = File.OpenWrite(truncated)) f.SetLength(f.Length / 2);
            var refused = await Tool(bin, "pg_restore", restored, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", truncated);
            Assert.NotEqual(0, refused.Code);
            Assert.Equal(original, await Fingerprint(restored.ConnectionString));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(restoredName);
            foreach (var f in new[] { dump, dump + ".truncated" }) File.Delete(f);
        }
    }

    /// <summary>Per table: its name, row count and an MD5 over its rows in a fixed order.</summary>
    private static async Task<List<string>> Fingerprint(string connection)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var lines = new List<string>();
        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            lines.Add($"{table}|{reader.GetInt64(0)}|{reader.GetString(1)}");
        }
        return lines;
    }

    private static async Task<(int Code, string Errors)> Tool(string bin, string tool, NpgsqlConnectionStringBuilder db, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(bin, tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("-d");
        start.ArgumentList.Add(db.Database!);
        start.Environment["PGHOST"] = db.Host;
        start.Environment["PGPORT"] = db.Port.ToString();
        start.Environment["PGUSER"] = db.Username;
        if (db.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        return (process.ExitCode, errors);
    }
}

/// <summary>pg_dump and pg_restore: on the PATH, or the newest under /usr/lib/postgresql/*/bin (Debian's layout).</summary>
public static class PostgresTools
{
    public static string? Folder()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_dump")) && File.Exists(Path.Combine(d, "pg_restore")));
        if (onPath is not null) return onPath;
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_restore")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var n) ? n : 0).FirstOrDefault()
            : null;
    }
}
