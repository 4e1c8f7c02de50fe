using System.Data.Common;
using DxPilot.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>
/// The blob tables reached with plain connections of their own: a blob's bytes stream for as long as a download lasts,
/// independent of any request's DbContext, and its metadata row is committed on its own once the bytes are complete.
/// The SQL is the same on SQLite and PostgreSQL.
/// </summary>
public sealed class BlobDatabase(DatabaseOptions options, TimeProvider clock)
{
    public bool IsPostgres => options.Provider == DatabaseProvider.PostgreSql;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection conn = IsPostgres ? new NpgsqlConnection(options.ConnectionString) : new SqliteConnection(options.ConnectionString);
        await conn.OpenAsync(ct);
        return conn;
    }

    public async Task<StoredBlob?> FindAsync(string sha256, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await using var cmd = SqlCommands.Command(conn, null, """SELECT "Size", "ContentType" FROM "Blobs" WHERE "Sha256" = @h""", ("@h", sha256));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoredBlob(sha256, reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Records a blob whose bytes are complete; false when it was already recorded.</summary>
    public async Task<bool> AddAsync(DbConnection conn, DbTransaction? tx, StoredBlob blob, CancellationToken ct)
    {
        await using var cmd = SqlCommands.Command(conn, tx,
            """INSERT INTO "Blobs" ("Sha256", "Size", "ContentType", "CreatedAt") VALUES (@h, @s, @t, @c) ON CONFLICT ("Sha256") DO NOTHING""",
            ("@h", blob.Sha256), ("@s", blob.Size), ("@t", blob.ContentType), ("@c", clock.GetUtcNow().UtcDateTime));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> AddAsync(StoredBlob blob, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        return await AddAsync(conn, null, blob, ct);
    }
}
