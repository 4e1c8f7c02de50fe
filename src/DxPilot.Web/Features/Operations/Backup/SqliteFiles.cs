using DxPilot.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace DxPilot.Web.Features.Operations.Backup;

/// <summary>The embedded database as files: online copy, integrity check and the row counts a manifest records.</summary>
public static class SqliteFiles
{
    /// <summary>What the manifest counts and a restore reports: the records people would miss.</summary>
    public static readonly string[] CountedTables = ["Enterprises", "Assessments", "BenchmarkApplications", "BenchmarkEvidence", "AspNetUsers", "AuditEntries"];

    public static string DatabaseFile(DatabaseOptions database) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);

    /// <summary>SQLite's online backup: a consistent copy page by page while the platform keeps writing. The copy is
    /// left in rollback-journal mode so that it is one self-contained file.</summary>
    public static void OnlineCopy(string liveFile, string copyFile)
    {
        using (var live = Open(liveFile, SqliteOpenMode.ReadOnly))
        using (var copy = Open(copyFile, SqliteOpenMode.ReadWriteCreate))
        {
            live.BackupDatabase(copy);
            Execute(copy, "PRAGMA journal_mode=DELETE");
        }
    }

    /// <summary>"ok", or SQLite's first complaint about the file.</summary>
    public static string IntegrityCheck(string file)
    {
        try
        {
            using var conn = Open(file, SqliteOpenMode.ReadOnly);
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check(1)";
            return Convert.ToString(cmd.ExecuteScalar()) ?? "无结果";
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    public static IReadOnlyDictionary<string, long> CountRows(string file)
    {
        using var conn = Open(file, SqliteOpenMode.ReadOnly);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in CountedTables)
        {
            using var exists = conn.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
            exists.Parameters.AddWithValue("$t", table);
            if ((long)exists.ExecuteScalar()! == 0) continue;
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)cmd.ExecuteScalar()!;
        }
        return counts;
    }

    // Unpooled: the file is closed when the connection is, so it can be hashed, renamed or deleted right after.
    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ConnectionString);
        conn.Open();
        return conn;
    }

    private static void Execute(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
