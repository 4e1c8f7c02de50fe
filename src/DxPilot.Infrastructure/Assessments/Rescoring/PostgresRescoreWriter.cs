using Npgsql;
using NpgsqlTypes;

namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>PostgreSQL: each batch goes by binary COPY into a temporary table, then one UPDATE … FROM joins it on the
/// primary key. A row-by-row UPDATE costs a round trip per assessment; this costs two statements per batch.</summary>
internal sealed class PostgresRescoreWriter(NpgsqlConnection connection, string instrumentVersion, DateTime now) : IRescoreWriter
{
    private const string Table = "rescored_assessments";
    private bool _created;

    public async Task<int> WriteAsync(IReadOnlyList<RescoredAssessment> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return 0;
        if (!_created)
        {
            // Emptied at every commit; gone with the session (Npgsql resets a pooled session with DISCARD ALL when it is closed).
            await ExecuteAsync($"""
                CREATE TEMP TABLE IF NOT EXISTS {Table} ("Id" uuid NOT NULL, "Version" integer NOT NULL, "Score" numeric(9,4) NOT NULL,
                    "Level" integer NOT NULL, "Result" text NOT NULL) ON COMMIT DELETE ROWS
                """, ct);
            _created = true;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
                         $"""COPY {Table} ("Id", "Version", "Score", "Level", "Result") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var r in batch)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Version, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Score, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(r.Level, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Result, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // Without a row count the planner hash-joins against a scan of the whole table; with it, it probes the primary key.
        // Statistics of the key column alone give the count at under half the cost of analysing every column.
        await ExecuteAsync($"""ANALYZE {Table} ("Id")""", ct);
        await using var update = new NpgsqlCommand($"""
            UPDATE "Assessments" AS a
            SET "Score" = r."Score", "Level" = r."Level", "Result" = r."Result", "InstrumentVersion" = @version,
                "ScoredAt" = @now, "UpdatedAt" = @now, "Version" = a."Version" + 1
            FROM {Table} AS r
            WHERE a."Id" = r."Id" AND a."Version" = r."Version"
            """, connection);
        update.Parameters.AddWithValue("version", instrumentVersion);
        update.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now);
        var written = await update.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return written;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
