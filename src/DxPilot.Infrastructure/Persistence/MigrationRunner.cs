using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>
/// Applies the versioned SQL scripts embedded under Persistence/Migrations/{sqlite|postgresql}/NNNN_name.sql,
/// in order, each in its own transaction together with its history row. dotnet-ef is not available here,
/// so each schema change is a pair of hand-written scripts; a test checks the migrated schema equals the model.
/// </summary>
public sealed class MigrationRunner(DxPilotDbContext db, ILogger<MigrationRunner> logger)
{
    public const string HistoryTable = "__dxpilot_migrations";

    public static IReadOnlyList<(string Id, string Sql)> Scripts(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.PostgreSql ? "postgresql" : "sqlite";
        var asm = typeof(MigrationRunner).Assembly;
        var prefix = $"{asm.GetName().Name}.Persistence.Migrations.{folder}.";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Id: n[prefix.Length..^4], Sql: Read(asm, n)))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct = default)
    {
        var provider = db.IsPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The embedded database in write-ahead-log mode (kept in the file): pages and the `backup` verb's online copy read
            // while a write commits, instead of failing with "database is locked" (docs/operations.md). In-memory stays "memory".
            if (provider == DatabaseProvider.Sqlite) await SqlCommands.ExecuteAsync(conn, null, "PRAGMA journal_mode=WAL", ct);
            await SqlCommands.ExecuteAsync(conn, null, $"CREATE TABLE IF NOT EXISTS \"{HistoryTable}\" (\"Id\" varchar(150) PRIMARY KEY, \"AppliedAt\" varchar(40) NOT NULL)", ct);
            var applied = new List<string>();
            foreach (var (id, sql) in Scripts(provider))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                // Several app copies may start together: one applies, the others wait and then see it applied.
                if (provider == DatabaseProvider.PostgreSql) await SqlCommands.ExecuteAsync(conn, tx, "SELECT pg_advisory_xact_lock(4242001)", ct);
                if (await IsApplied(conn, tx, id, ct)) { await tx.RollbackAsync(ct); continue; }
                logger.LogInformation("Applying migration {Migration}", id);
                // A script runs as long as it needs: one that fills new columns from stored rows (0041 reads every award
                // application's 申报书) outlasts the default 30 s on a large or busy database, and a timeout would stop the start-up.
                await using (var script = SqlCommands.Command(conn, tx, sql))
                {
                    script.CommandTimeout = 0;
                    await script.ExecuteNonQueryAsync(ct);
                }
                await using (var cmd = SqlCommands.Command(conn, tx, $"INSERT INTO \"{HistoryTable}\" (\"Id\", \"AppliedAt\") VALUES (@id, @at)",
                                 ("@id", id), ("@at", DateTime.UtcNow.ToString("O"))))
                    await cmd.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
                applied.Add(id);
            }
            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The migrations this build has that the database has not applied, in order (all of them on an empty database).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var provider = db.IsPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var exists = provider == DatabaseProvider.PostgreSql
                ? $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{HistoryTable}'"
                : $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'";
            await using (var cmd = SqlCommands.Command(conn, null, exists))
                if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 0) return [.. Scripts(provider).Select(s => s.Id)];
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = SqlCommands.Command(conn, null, $"SELECT \"Id\" FROM \"{HistoryTable}\""))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            return [.. Scripts(provider).Select(s => s.Id).Where(id => !applied.Contains(id))];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> IsApplied(DbConnection conn, DbTransaction tx, string id, CancellationToken ct)
    {
        await using var cmd = SqlCommands.Command(conn, tx, $"SELECT COUNT(*) FROM \"{HistoryTable}\" WHERE \"Id\" = @id", ("@id", id));
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) > 0;
    }
}

/// <summary>The database lacks migrations of this build and this copy is not to apply them (DxPilot:MigrateOnStart=false).</summary>
public sealed class PendingMigrationsException(IReadOnlyList<string> pending) : Exception(
    $"数据库尚有 {pending.Count} 个迁移未应用（{pending[0]}{(pending.Count > 1 ? $" 至 {pending[^1]}" : "")}）；本实例设置了 DxPilot:MigrateOnStart=false，"
    + "不自行修改数据库结构：请先以数据库所有者身份运行 migrate 命令（见 docs/operations.md）")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}
