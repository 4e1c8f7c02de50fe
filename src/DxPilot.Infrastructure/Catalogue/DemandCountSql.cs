using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Catalogue;

/// <summary>The statements that write <see cref="DemandCount"/>: the same SQL on SQLite and PostgreSQL.</summary>
public static class DemandCountSql
{
    private const int RowsPerStatement = 500;

    /// <summary>Enterprises per cell from the needs and their enterprises as stored: what the kept counts must equal.</summary>
    public const string Truth = """
        SELECT e."ProgrammeId", e."District", e."IndustryKey", n."ScenarioCode", COUNT(DISTINCT n."EnterpriseId")
        FROM "EnterpriseNeeds" n JOIN "Enterprises" e ON e."Id" = n."EnterpriseId"
        GROUP BY e."ProgrammeId", e."District", e."IndustryKey", n."ScenarioCode"
        """;

    /// <summary>Adds each change to its cell in one atomic statement per 500 cells (a cell not kept yet starts at the change), then
    /// removes the cells a decrease emptied.</summary>
    public static async Task AddAsync(DxPilotDbContext db, IReadOnlyList<KeyValuePair<DemandCell, int>> changes, CancellationToken ct)
    {
        foreach (var chunk in changes.Chunk(RowsPerStatement))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{i * 5}}}, {{{i * 5 + 1}}}, {{{i * 5 + 2}}}, {{{i * 5 + 3}}}, {{{i * 5 + 4}}})"));
            var parameters = chunk.SelectMany(c => new object[] { c.Key.ProgrammeId, c.Key.District, c.Key.IndustryKey, c.Key.ScenarioCode, c.Value }).ToArray();
            // Only placeholders are composed into the text; every value is a parameter.
            var sql = $"""
                INSERT INTO "DemandCounts" ("ProgrammeId", "District", "IndustryKey", "ScenarioCode", "Enterprises") VALUES {values}
                ON CONFLICT ("ProgrammeId", "District", "IndustryKey", "ScenarioCode")
                DO UPDATE SET "Enterprises" = "DemandCounts"."Enterprises" + excluded."Enterprises"
                """;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
        foreach (var programme in changes.Where(c => c.Value < 0).Select(c => c.Key.ProgrammeId).Distinct())
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "DemandCounts" WHERE "ProgrammeId" = {0} AND "Enterprises" = 0""", [programme], ct);
    }
}
