using System.Data.Common;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DxPilot.Web.Tests;

/// <summary>
/// Migration 0045 makes a provider's product names unique in a programme. Products saved before it may repeat a name: the earliest
/// keeps it, the later ones get （重名2）, （重名3） … so that the index can be built and nothing is lost; the same name of another
/// provider, or in another programme, is not a repeat.
/// </summary>
public sealed class ProductNameMigrationTests
{
    private static readonly Guid Provider = Guid.NewGuid(), Other = Guid.NewGuid();

    // (provider, programme, name, minutes after the first) → the name after 0045.
    private static readonly (Guid Provider, string Programme, string Name, int Minute, string After)[] Products =
    [
        (Provider, "changchun-2025", "云MES", 0, "云MES"),
        (Provider, "changchun-2025", "云MES", 5, "云MES（重名2）"),
        (Provider, "changchun-2025", "云MES", 9, "云MES（重名3）"),
        (Provider, "changchun-2025", "设备联网", 1, "设备联网"),
        (Other, "changchun-2025", "云MES", 2, "云MES"),
        (Provider, "hangzhou-2024", "云MES", 3, "云MES"),
    ];

    [Fact]
    public async Task Sqlite_repeated_names_are_numbered_and_the_index_refuses_a_new_repeat()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dxpilot-0045-{Guid.NewGuid():N}.db");
        try
        {
            await using var conn = new SqliteConnection($"Data Source={file}");
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await CheckAsync(conn, DatabaseProvider.Sqlite);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Postgres_repeated_names_are_numbered_and_the_index_refuses_a_new_repeat()
    {
        if (TestPostgres.Unavailable is { } why) Requirements.Unmet(why);
        var name = $"dxpilot_0045_{Guid.NewGuid():N}";
        try
        {
            await using var conn = new NpgsqlConnection(await TestPostgres.CreateDatabaseAsync(name));
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await CheckAsync(conn, DatabaseProvider.PostgreSql);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(name);
        }
    }

    private static async Task CheckAsync(DbConnection conn, DatabaseProvider provider)
    {
        var scripts = MigrationRunner.Scripts(provider);
        foreach (var (_, sql) in scripts.Where(s => string.CompareOrdinal(s.Id, "0045") < 0)) await SqlCommands.ExecuteAsync(conn, null, sql, default);
        var pg = provider == DatabaseProvider.PostgreSql;
        object Id(Guid id) => pg ? id : id.ToString().ToUpperInvariant();
        foreach (var org in new[] { Provider, Other })
            await ExecuteAsync(conn, """INSERT INTO "Organisations" ("Id", "ProgrammeId", "Name", "Kind") VALUES (@id, 'changchun-2025', '服务商', 1)""", ("@id", Id(org)));
        var ids = new List<Guid>();
        var first = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var p in Products)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            var at = first.AddMinutes(p.Minute);
            await ExecuteAsync(conn, $"""
                INSERT INTO "CatalogueProducts" ("Id", "ProgrammeId", "ProviderId", "Name", "Summary", "Scenarios", "Industries", "PriceLowWan",
                    "PriceHighWan", "TaxIncluded", "DeliveryDays", "CloudBased", "SpendCategory", "Status", "Version", "CreatedAt", "UpdatedAt")
                VALUES (@id, @programme, @provider, @name, '简述', '|2.1.1|', '||', 10, 10, {(pg ? "true" : "1")}, 60, {(pg ? "true" : "1")}, 'software', 1, 0, @at, @at)
                """, ("@id", Id(id)), ("@programme", p.Programme), ("@provider", Id(p.Provider)), ("@name", p.Name), ("@at", pg ? at : at.ToString("O")));
        }
        foreach (var (_, sql) in scripts.Where(s => string.CompareOrdinal(s.Id, "0045") >= 0)) await SqlCommands.ExecuteAsync(conn, null, sql, default);

        for (var i = 0; i < Products.Length; i++)
        {
            await using var read = SqlCommands.Command(conn, null, """SELECT "Name" FROM "CatalogueProducts" WHERE "Id" = @id""", ("@id", Id(ids[i])));
            Assert.Equal(Products[i].After, await read.ExecuteScalarAsync());
        }
        var repeat = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(conn, """
            INSERT INTO "CatalogueProducts" ("Id", "ProgrammeId", "ProviderId", "Name", "Summary", "Scenarios", "Industries", "PriceLowWan", "PriceHighWan",
                "TaxIncluded", "DeliveryDays", "CloudBased", "SpendCategory", "Status", "Version", "CreatedAt", "UpdatedAt")
            SELECT @id, "ProgrammeId", "ProviderId", "Name", "Summary", "Scenarios", "Industries", "PriceLowWan", "PriceHighWan", "TaxIncluded",
                "DeliveryDays", "CloudBased", "SpendCategory", "Status", "Version", "CreatedAt", "UpdatedAt" FROM "CatalogueProducts" WHERE "Id" = @first
            """, ("@id", Id(Guid.NewGuid())), ("@first", Id(ids[0]))));
        if (repeat is PostgresException refused) Assert.Equal(("23505", "IX_CatalogueProducts_ProviderId_ProgrammeId_Name"), (refused.SqlState, refused.ConstraintName));
        else Assert.Equal(2067, Assert.IsType<SqliteException>(repeat).SqliteExtendedErrorCode);   // SQLITE_CONSTRAINT_UNIQUE
    }

    private static async Task ExecuteAsync(DbConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = SqlCommands.Command(conn, null, sql, parameters);
        await cmd.ExecuteNonQueryAsync();
    }
}
