using System.Diagnostics;
using System.Runtime;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Assessments.Rescoring;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DxPilot.Bench.Rescoring;

/// <summary>Issue 3: "re-scoring 1,000,000 stored assessments on PostgreSQL takes under 60 s". Each run stores N assessments
/// with stale results, then times (a) a plain read of every row the re-scorer reads (the floor on this machine), (b) the
/// production re-scorer, which must rewrite every row, and (c) the re-scorer again, which finds nothing to change.</summary>
public static class RescoreBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Generate.Arg(args, "--connection") ?? throw new ArgumentException("--connection is required (a PostgreSQL database of your own)");
        var count = int.Parse(Generate.Arg(args, "--assessments") ?? "1000000");
        var runs = int.Parse(Generate.Arg(args, "--runs") ?? "3");
        var programme = Generate.Arg(args, "--programme") ?? "hangzhou-2024";

        if (!GCSettings.IsServerGC)
            Console.Error.WriteLine("note: the web app, where the re-scorer runs, uses server GC; set DOTNET_gcServer=1 to measure it as it runs");

        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(DatabaseProvider.PostgreSql, connection).Apply(options);
        DxPilotDbContext Context() => new(options.Options, new AuditContext());
        await using (var db = Context())
            await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync();

        var enterprises = await EnterprisesAsync(Context, programme);
        if (enterprises.Count == 0)
        {
            await Generate.RunAsync(["--provider", "postgresql", "--connection", connection, "--enterprises", "10000", "--programme", programme]);
            enterprises = await EnterprisesAsync(Context, programme);
        }
        var instruments = InstrumentCatalog.LoadFolder(Path.Combine(Repo.Root, "config", "instruments"));
        var instrument = instruments.Find("miit-2024")!;
        StaleAssessments stale;
        await using (var db = Context()) stale = new StaleAssessments(instrument, db.Model, programme, enterprises);

        Console.WriteLine($"{count:N0} stored {instrument.Id} assessments over {enterprises.Count:N0} enterprises; re-scored under {instrument.Version}");
        Console.WriteLine($"{"run",3} {"store s",8} {"read s",7} {"rescore s",10} {"rows/s",9} {"rescore/read",13} {"app cpu s",9} {"again s",8}");
        var results = new List<(double Read, double Rescore, double Again)>();
        for (var run = 1; run <= runs; run++)
        {
            await using var conn = new NpgsqlConnection(connection);
            await conn.OpenAsync();
            await ExecuteAsync(conn, """TRUNCATE "Assessments" """);
            var store = Stopwatch.StartNew();
            await stale.FillAsync(conn, count, seed: run);
            store.Stop();
            // Same starting state every run: statistics fresh, no dirty pages left over from storing.
            await ExecuteAsync(conn, """VACUUM ANALYZE "Assessments" """);
            await ExecuteAsync(conn, "CHECKPOINT");

            var read = await ReadAllAsync(conn, instrument.Id, count);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var first = await RescoreAsync(Context, instruments, instrument.Id);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (first.Changed != count || first.Failed != 0)
                throw new InvalidOperationException($"expected all {count} to change, got changed {first.Changed}, failed {first.Failed}");
            var again = await RescoreAsync(Context, instruments, instrument.Id);
            if (again.Unchanged != count)
                throw new InvalidOperationException($"a second run should change nothing, changed {again.Changed}");

            results.Add((read.TotalSeconds, first.Elapsed.TotalSeconds, again.Elapsed.TotalSeconds));
            Console.WriteLine($"{run,3} {store.Elapsed.TotalSeconds,8:F1} {read.TotalSeconds,7:F1} {first.Elapsed.TotalSeconds,10:F1} "
                              + $"{first.PerSecond,9:N0} {first.Elapsed / read,13:F2} {cpu.TotalSeconds,9:F1} {again.Elapsed.TotalSeconds,8:F1}");
        }

        var (r, s, a) = (Median(results.Select(x => x.Read)), Median(results.Select(x => x.Rescore)), Median(results.Select(x => x.Again)));
        Console.WriteLine($"median of {runs}: read {r:F1} s, rescore {s:F1} s ({count / s:N0} rows/s, {s / r:F2}× the read), again {a:F1} s");
        return 0;
    }

    private static async Task<List<Guid>> EnterprisesAsync(Func<DxPilotDbContext> context, string programme)
    {
        await using var db = context();
        return await db.Enterprises.Where(e => e.ProgrammeId == programme).Select(e => e.Id).ToListAsync();
    }

    private static async Task<RescoreReport> RescoreAsync(Func<DxPilotDbContext> context, InstrumentCatalog instruments, string instrumentId)
    {
        await using var db = context();
        return await new AssessmentRescorer(db, instruments, TimeProvider.System).RescoreAsync(instrumentId, null, Actor.System("", "基准测试"));
    }

    /// <summary>The baseline: one streaming SELECT of the columns the re-scorer reads, every value materialised, nothing else.</summary>
    private static async Task<TimeSpan> ReadAllAsync(NpgsqlConnection conn, string instrumentId, int expected)
    {
        var sw = Stopwatch.StartNew();
        await using var cmd = new NpgsqlCommand("""
            SELECT "Id", "Version", "InstrumentVersion", "Score", "Level", "Answers" FROM "Assessments" WHERE "InstrumentId" = @instrument
            """, conn);
        cmd.Parameters.AddWithValue("instrument", instrumentId);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            (_, _, _, _, _, _) = (reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2), reader.GetDecimal(3), reader.GetInt32(4), reader.GetString(5));
            rows++;
        }
        if (rows != expected) throw new InvalidOperationException($"read {rows} rows, expected {expected}");
        return sw.Elapsed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
