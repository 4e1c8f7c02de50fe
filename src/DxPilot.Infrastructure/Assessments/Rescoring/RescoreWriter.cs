using System.Data.Common;
using Npgsql;

namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>Writes re-scored assessments back in batches: the fields <see cref="Domain.Assessments.Assessment.ApplyResult"/>
/// changes (score, level, result, instrument version, scored/updated time, version + 1), only where the version read still
/// stands, so that an assessment revised meanwhile keeps its new answers.</summary>
internal interface IRescoreWriter
{
    /// <summary>Writes one batch in one transaction; returns how many rows were written.</summary>
    Task<int> WriteAsync(IReadOnlyList<RescoredAssessment> batch, CancellationToken ct);
}

internal static class RescoreWriter
{
    public static IRescoreWriter For(DbConnection connection, string instrumentVersion, DateTime now) => connection switch
    {
        NpgsqlConnection pg => new PostgresRescoreWriter(pg, instrumentVersion, now),
        _ => new SqliteRescoreWriter(connection, instrumentVersion, now),
    };
}
