using System.Globalization;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace DxPilot.Infrastructure.Auditing;

/// <summary>Links an entry into the chain; returns its changes as hashed (UTF-8 JSON), valid until the next entry is linked.</summary>
internal delegate ReadOnlySpan<byte> LinkEntry(AuditEntry entry);

/// <summary>
/// Writes the entries the interceptor composed on the save's own connection and transaction, outside the change tracker:
/// tracked, each entry cost as much as the record it describes (measured: an import took 1.8 times as long). Each entry is
/// linked into the chain as it is written, and its changes are stored as the bytes that were hashed. Values are the model's
/// own provider values, so a row reads back exactly as EF wrote it.
/// </summary>
internal static class AuditRows
{
    public static Task InsertAsync(DxPilotDbContext db, IReadOnlyList<AuditEntry> entries, LinkEntry link, CancellationToken ct) =>
        db.IsPostgres ? CopyAsync(db, entries, link, ct) : InsertSqlite(db, entries, link, ct);

    /// <summary>A column of the table; the changes' column takes the linked bytes instead of <see cref="Value"/>.</summary>
    private sealed record Column(string Name, bool IsChanges, Func<AuditEntry, object?> Value);

    private static Column[] Columns(DxPilotDbContext db, out string table)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        table = sql.DelimitIdentifier(store.Name, store.Schema);
        return type.GetProperties().Where(p => p.Name != nameof(AuditEntry.Id)).Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            return new Column(sql.DelimitIdentifier(p.GetColumnName(store)!), p.Name == nameof(AuditEntry.Changes),
                entry => getter.GetClrValue(entry) is { } v ? converter?.ConvertToProvider(v) ?? v : null);
        }).ToArray();
    }

    /// <summary>PostgreSQL: one binary COPY per save: no statement of thousands of parameters to build, send and parse.</summary>
    private static async Task CopyAsync(DxPilotDbContext db, IReadOnlyList<AuditEntry> entries, LinkEntry link, CancellationToken ct)
    {
        var columns = Columns(db, out var table);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);
        // The changes go as the hashed UTF-8 bytes (Npgsql writes text from bytes as they are): no string per entry to decode
        // and encode again. One buffer serves every entry; each write completes before the next entry is linked into it.
        var buffer = new byte[4096];
        foreach (var entry in entries)
        {
            var hashed = link(entry); // first: it sets the sequence and hashes written below
            if (hashed.Length > buffer.Length) buffer = new byte[Math.Max(hashed.Length, buffer.Length * 2)];
            hashed.CopyTo(buffer);
            var changes = new ReadOnlyMemory<byte>(buffer, 0, hashed.Length);
            await copy.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.IsChanges) { await copy.WriteAsync(changes, NpgsqlDbType.Text, ct); continue; }
                switch (column.Value(entry))
                {
                    case null: await copy.WriteNullAsync(ct); break;
                    case string s: await copy.WriteAsync(s, NpgsqlDbType.Text, ct); break;
                    case long n: await copy.WriteAsync(n, NpgsqlDbType.Bigint, ct); break;
                    case DateTime t: await copy.WriteAsync(t, NpgsqlDbType.TimestampTz, ct); break;
                    case var other: throw new NotSupportedException($"审计记录的列 {column.Name} 类型 {other.GetType().Name} 未能写入");
                }
            }
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>SQLite: one single-row INSERT prepared once per save and stepped for every entry through the native
    /// interface, on the save's connection (so inside its transaction). Measured per 1,000 entries against Microsoft.Data.Sqlite
    /// commands of ten rows each: 30.5 against 36.9 ms — that library looks each parameter up by name and allocates a binder
    /// for it on every execution. Text is bound from the bytes and characters the entry already has (SQLite copies them):
    /// converting every value to a new UTF-8 array, and the changes to a string first, was most of what the trail allocated.</summary>
    private static Task InsertSqlite(DxPilotDbContext db, IReadOnlyList<AuditEntry> entries, LinkEntry link, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("审计记录须在变更的事务中写入");
        var columns = Columns(db, out var table);
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            Span<byte> time = stackalloc byte[32];
            foreach (var entry in entries)
            {
                ct.ThrowIfCancellationRequested();
                var changes = link(entry); // first: it sets the sequence and hashes bound below
                for (var col = 0; col < columns.Length; col++)
                {
                    var at = col + 1;
                    Check(columns[col].IsChanges ? raw.sqlite3_bind_text(statement, at, changes) : columns[col].Value(entry) switch
                    {
                        null => raw.sqlite3_bind_null(statement, at),
                        string s => raw.sqlite3_bind_text16(statement, at, s),
                        long n => raw.sqlite3_bind_int64(statement, at, n),
                        DateTime t => raw.sqlite3_bind_text(statement, at, SqliteText(t, time)),
                        var other => throw new NotSupportedException($"审计记录的列 {columns[col].Name} 类型 {other.GetType().Name} 未能写入"),
                    }, handle);
                }
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE) Check(done, handle);
                Check(raw.sqlite3_reset(statement), handle);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>A UTC time as Microsoft.Data.Sqlite binds it (and EF therefore compares it): SQLite compares times as text.</summary>
    private static ReadOnlySpan<byte> SqliteText(DateTime utc, Span<byte> buffer) =>
        utc.Kind == DateTimeKind.Utc && utc.TryFormat(buffer, out var n, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)
            ? buffer[..n]
            : throw new InvalidOperationException("审计记录的时间须为UTC");

    private static void Check(int rc, sqlite3 handle) => SqliteException.ThrowExceptionForRC(rc, handle);
}
