using System.Data.Common;
using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>Reads the stored assessments of one instrument (optionally one programme) a page at a time in id order.
/// Keyset pages (<c>"Id" &gt; last</c>, primary key order) keep no transaction or cursor open between pages and cost the
/// same at the millionth row as at the first. The SQL is the same on SQLite and PostgreSQL. An assessment a project's evaluation
/// names is not read at all: its level is what the acceptance and the subsidy rest on (<see cref="LockedSql"/>).</summary>
internal sealed class AssessmentPages(DbConnection connection, string instrumentId, string currentVersion, string? programmeId, int pageSize)
{
    /// <summary>The assessments an evaluation names (改造后 and the 改造前 it compares with): locked, see AssessmentPolicy.Locked.</summary>
    public const string LockedSql = """
        SELECT "AfterAssessmentId" FROM "Projects" WHERE "AfterAssessmentId" IS NOT NULL
        UNION SELECT "BeforeAssessmentId" FROM "Projects" WHERE "BeforeAssessmentId" IS NOT NULL
        """;

    public async Task<List<StoredAssessmentRow>> NextAsync(Guid? after, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        // The stored result is only compared when the version already matches; otherwise it is replaced unread.
        cmd.CommandText = $"""
            SELECT "Id", "Version", "InstrumentVersion", "Score", "Level", "Answers",
                   CASE WHEN "InstrumentVersion" = @version THEN "Result" END
            FROM "Assessments"
            WHERE "InstrumentId" = @instrument{(programmeId is null ? "" : " AND \"ProgrammeId\" = @programme")}{(after is null ? "" : " AND \"Id\" > @after")}
              AND "Id" NOT IN ({LockedSql})
            ORDER BY "Id"
            LIMIT {pageSize}
            """;
        SqlCommands.Add(cmd, "version", currentVersion);
        SqlCommands.Add(cmd, "instrument", instrumentId);
        if (programmeId is not null) SqlCommands.Add(cmd, "programme", programmeId);
        if (after is { } id) SqlCommands.Add(cmd, "after", id);

        var page = new List<StoredAssessmentRow>(pageSize);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            page.Add(new StoredAssessmentRow(reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2), reader.GetDecimal(3),
                reader.GetInt32(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return page;
    }
}
