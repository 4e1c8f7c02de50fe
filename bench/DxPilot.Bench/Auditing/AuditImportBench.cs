using System.Diagnostics;
using System.Runtime;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Imports;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises.Import;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DxPilot.Bench.Auditing;

/// <summary>
/// What the audit interceptor adds to an import: the same generated sheet of --rows enterprises imported through the real
/// <see cref="ImportQueue"/>/<see cref="EnterpriseImporter"/> (as the API does) into a fresh database, once by the platform as
/// composed and once by the same composition without <see cref="AuditInterceptor"/>, in alternating order, round after round.
/// SQLite always; PostgreSQL too with --postgres or DXPILOT_TEST_POSTGRES (an admin connection that may create databases).
/// With --warm, each side keeps one platform over one database for all its rounds, each round importing 1,000 new
/// enterprises: a fresh platform per import spends most of its processor time compiling (JIT, EF's model and queries), which
/// a running platform has done once. The bench runs under server GC, as the platform does (--workstation-gc: under the
/// console's default collector instead).
/// </summary>
public static class AuditImportBench
{
    private const string Programme = "hangzhou-2024";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!GCSettings.IsServerGC && !args.Contains("--workstation-gc")) return await BenchTools.RerunWithServerGcAsync();
        var rows = int.Parse(Generate.Arg(args, "--rows") ?? "1000");
        var rounds = int.Parse(Generate.Arg(args, "--rounds") ?? "7");
        var warmUp = int.Parse(Generate.Arg(args, "--warmup") ?? "3");
        var postgres = Generate.Arg(args, "--postgres") ?? Environment.GetEnvironmentVariable("DXPILOT_TEST_POSTGRES");
        var warm = args.Contains("--warm");
        var sheet = new MemoryStream();
        SheetGenerator.Write(sheet, rows);

        Console.WriteLine($"{rows:N0}-row .xlsx ({sheet.Length / 1024} KB), {rounds} rounds after {warmUp} warm-up rounds, " +
                          (warm ? "one running platform and database per side, new enterprises each round" : "a fresh database per import") +
                          $"; {(GCSettings.IsServerGC ? "server" : "workstation")} GC; load {BenchTools.Load()}");
        Console.WriteLine("wall: seconds to queue and run the import; cpu: this process's processor seconds meanwhile (the PostgreSQL server's are not in it)");
        var failed = false;
        foreach (var database in postgres is null ? [Database.Sqlite()] : new[] { Database.Sqlite(), Database.Postgres(postgres) })
        {
            Console.WriteLine($"\n{database.Name}");
            Console.WriteLine($"{"round",6} {"audited",8} {"without",8} {"ratio",6} {"audited",8} {"without",8} {"ratio",6} {"audited",8} {"without",8}  order");
            Console.WriteLine($"{"",6} {"wall s",8} {"wall s",8} {"",6} {"cpu s",8} {"cpu s",8} {"",6} {"gc ms/n",8} {"gc ms/n",8}");
            var (audited, unaudited) = (new List<Timing>(), new List<Timing>());
            await using var auditedPlatform = warm ? await Platform.StartAsync(database, withAudit: true) : null;
            await using var unauditedPlatform = warm ? await Platform.StartAsync(database, withAudit: false) : null;
            for (var round = 1 - warmUp; round <= rounds; round++)
            {
                // Alternate which goes first, so a trend in the machine's load does not favour one side.
                var auditFirst = (round & 1) == 0;
                Timing a = default, u = default;
                foreach (var withAudit in auditFirst ? new[] { true, false } : [false, true])
                {
                    Timing timing;
                    if (warm)
                    {
                        var roundSheet = new MemoryStream();
                        SheetGenerator.Write(roundSheet, rows, first: (round + warmUp) * rows);
                        timing = await (withAudit ? auditedPlatform : unauditedPlatform)!.ImportAsync(roundSheet.ToArray(), rows);
                    }
                    else
                    {
                        await using var platform = await Platform.StartAsync(database, withAudit);
                        timing = await platform.ImportAsync(sheet.ToArray(), rows);
                    }
                    if (withAudit) a = timing; else u = timing;
                }
                // Until the JIT has settled (tiered compilation), the first imports in the process are slower.
                if (round > 0) { audited.Add(a); unaudited.Add(u); }
                Console.WriteLine(Line(round <= 0 ? "warm" : round.ToString(), a, u) + (round <= 0 ? "  (not counted)" : auditFirst ? "  audited first" : "  without first"));
            }
            var (ma, mu) = (Median(audited), Median(unaudited));
            var overhead = ma.Wall / mu.Wall - 1;
            Console.WriteLine(Line("median", ma, mu) + $"  audit overhead (wall) {overhead:P1}, limit 10 %: {(overhead < 0.10 ? "OK" : "TOO MUCH")}");
            // Robust to a drift in the machine's load across the run: each round's two imports ran back to back.
            Console.WriteLine($"median of the rounds' ratios: wall {Median(audited.Zip(unaudited, (x, y) => x.Wall / y.Wall)):F3}, cpu {Median(audited.Zip(unaudited, (x, y) => x.Cpu / y.Cpu)):F3}");
            Console.WriteLine($"allocated per import (median): audited {Median(audited.Select(t => t.Allocated)) / 1e6:F1} MB, without {Median(unaudited.Select(t => t.Allocated)) / 1e6:F1} MB");
            failed |= overhead >= 0.10;
        }
        return failed ? 1 : 0;
    }

    private readonly record struct Timing(double Wall, double Cpu, double Allocated, double Paused, int Collections);

    private static string Line(string label, Timing a, Timing u) =>
        $"{label,6} {a.Wall,8:F3} {u.Wall,8:F3} {a.Wall / u.Wall,6:F3} {a.Cpu,8:F3} {u.Cpu,8:F3} {a.Cpu / u.Cpu,6:F3} {$"{a.Paused * 1000:F0}/{a.Collections}",8} {$"{u.Paused * 1000:F0}/{u.Collections}",8}";

    /// <summary>A platform copy (started and migrated before any clock runs) over its own new database, with or without the
    /// audit interceptor; dropped with its database when disposed.</summary>
    private sealed class Platform : IAsyncDisposable
    {
        private readonly Database _database;
        private readonly string _connection;
        private readonly string _data;
        private readonly WebApplicationFactory<EnterpriseImporter> _factory;
        private readonly bool _withAudit;
        private int _created;

        private Platform(Database database, string connection, string data, WebApplicationFactory<EnterpriseImporter> factory, bool withAudit) =>
            (_database, _connection, _data, _factory, _withAudit) = (database, connection, data, factory, withAudit);

        public static async Task<Platform> StartAsync(Database database, bool withAudit)
        {
            var connection = await database.CreateAsync();
            var data = Path.Combine(Path.GetTempPath(), $"dxpilot-auditbench-{Guid.NewGuid():N}");
            // Any public type of the web assembly leads the factory to its entry point (Program itself is internal).
            var factory = new WebApplicationFactory<EnterpriseImporter>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Production");
                // The factory looks for the project beside the solution file; ours is under src/.
                b.UseContentRoot(Path.Combine(Repo.Root, "src", "DxPilot.Web"));
                b.UseSetting("Database:Provider", database.Provider.ToString());
                b.UseSetting("ConnectionStrings:DxPilot", connection);
                b.UseSetting("DxPilot:DataPath", data);
                b.UseSetting("DxPilot:DemoData", "false");
                b.UseSetting("Logging:LogLevel:Default", "Error");
                b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
                if (!withAudit)
                    b.ConfigureTestServices(s =>
                    {
                        foreach (var audit in s.Where(d => d.ImplementationType == typeof(AuditInterceptor)).ToList()) s.Remove(audit);
                    });
            });
            _ = factory.Server; // started: migrations done before the clock runs
            // A fresh database has no data-protection key yet; the key ring writes one on first use, which would otherwise
            // happen during the import and contend for SQLite's write lock.
            factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("bench").Protect("warm");
            return new Platform(database, connection, data, factory, withAudit);
        }

        /// <summary>Queues and runs the import of <paramref name="sheet"/> (as the API does) and checks what it did.</summary>
        public async Task<Timing> ImportAsync(byte[] sheet, int rows)
        {
            var queue = _factory.Services.GetRequiredService<ImportQueue>();
            // Neither side pays for the other's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (pauses, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
            var sw = Stopwatch.StartNew();
            var outcome = await queue.RunNowAsync(Actor.System(Programme, "审计开销基准"), "enterprises.xlsx", sheet, CancellationToken.None);
            sw.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            pauses = GC.GetTotalPauseDuration() - pauses;
            collections = GC.CollectionCount(0) - collections;

            // The two sides did the same work, and only one of them wrote the trail.
            _created += rows;
            var job = outcome.Value ?? throw new InvalidOperationException($"import refused: {outcome.Kind} {outcome.Message}");
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var entries = await db.AuditEntries.CountAsync();
            if (job.Status != ImportStatus.Completed || job.Created != rows || await db.Enterprises.CountAsync() != _created)
                throw new InvalidOperationException($"import did not create {rows} enterprises: {job.Status}, {job.Created} created, {job.Refused} refused");
            if (_withAudit ? entries < _created : entries != 0)
                throw new InvalidOperationException($"{entries} audit entries with the interceptor {(_withAudit ? "on" : "off")}");
            return new Timing(sw.Elapsed.TotalSeconds, cpu.TotalSeconds, allocated, pauses.TotalSeconds, collections);
        }

        public async ValueTask DisposeAsync()
        {
            await _factory.DisposeAsync();
            await _database.DropAsync(_connection);
            try { Directory.Delete(_data, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    private static Timing Median(List<Timing> timings) =>
        new(Median(timings.Select(t => t.Wall)), Median(timings.Select(t => t.Cpu)), Median(timings.Select(t => t.Allocated)),
            Median(timings.Select(t => t.Paused)), (int)Median(timings.Select(t => (double)t.Collections)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Database(string Name, DatabaseProvider Provider, Func<Task<string>> CreateAsync, Func<string, Task> DropAsync)
    {
        public static Database Sqlite() => new("SQLite (file in the temp folder)", DatabaseProvider.Sqlite,
            () => Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"dxpilot-auditbench-{Guid.NewGuid():N}.db")}"),
            connection =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
                foreach (var f in new[] { file, file + "-wal", file + "-shm", file + ".running" }) File.Delete(f);
                return Task.CompletedTask;
            });

        public static Database Postgres(string admin) => new($"PostgreSQL ({new NpgsqlConnectionStringBuilder(admin).Host}:{new NpgsqlConnectionStringBuilder(admin).Port})",
            DatabaseProvider.PostgreSql,
            async () =>
            {
                var name = $"dxpilot_auditbench_{Guid.NewGuid():N}";
                await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
                return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            },
            async connection =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connection).Database}\" WITH (FORCE)");
            });

        private static async Task ExecuteAsync(string admin, string sql)
        {
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
