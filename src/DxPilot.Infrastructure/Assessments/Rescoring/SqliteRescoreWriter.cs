using System.Data.Common;

namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>SQLite: one prepared UPDATE per row, a transaction per batch (an embedded database has no round trips to save;
/// the transaction is what makes it fast). Values are bound exactly as EF Core binds them, so the text forms match.</summary>
internal sealed class SqliteRescoreWriter(DbConnection connection, string instrumentVersion, DateTime now) : IRescoreWriter
{
    public async Task<int> WriteAsync(IReadOnlyList<RescoredAssessment> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return 0;
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            UPDATE "Assessments"
            SET "Score" = @score, "Level" = @level, "Result" = @result, "InstrumentVersion" = @version,
                "ScoredAt" = @now, "UpdatedAt" = @now, "Version" = "Version" + 1
            WHERE "Id" = @id AND "Version" = @read
            """;
        var (score, level, result, id, read) = (Add(cmd, "score"), Add(cmd, "level"), Add(cmd, "result"), Add(cmd, "id"), Add(cmd, "read"));
        Add(cmd, "version").Value = instrumentVersion;
        Add(cmd, "now").Value = now;
        await cmd.PrepareAsync(ct);

        var written = 0;
        foreach (var r in batch)
        {
            (score.Value, level.Value, result.Value, id.Value, read.Value) = (r.Score, r.Level, r.Result, r.Id, r.Version);
            written += await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return written;
    }

    private static DbParameter Add(DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        cmd.Parameters.Add(p);
        return p;
    }
}
