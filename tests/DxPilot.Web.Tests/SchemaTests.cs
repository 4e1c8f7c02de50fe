using System.Data.Common;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DxPilot.Web.Tests;

/// <summary>
/// The hand-written migration scripts must build exactly the schema the EF model expects: a database migrated
/// by the runner is compared, table by table, column by column and index by index, with one created from the
/// model's own create script. Columns are compared by name, not by position: EF addresses them by name, ALTER TABLE
/// appends a new column where the model may declare it elsewhere (before a complex property's columns), and moving it
/// would mean rebuilding the table, which on SQLite drops a parent table's children with it (ON DELETE CASCADE).
/// </summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task Sqlite_migrations_give_the_schema_the_model_expects()
    {
        var migrated = Path.Combine(Path.GetTempPath(), $"dxpilot-m-{Guid.NewGuid():N}.db");
        var expected = Path.Combine(Path.GetTempPath(), $"dxpilot-e-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={migrated}"))
            {
                Assert.NotEmpty(await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken));
                // A second run applies nothing.
                Assert.Empty(await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken));
            }
            await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={expected}"))
                await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), TestContext.Current.CancellationToken);

            Assert.Equal(await SqliteSchema(expected), await SqliteSchema(migrated));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(migrated);
            File.Delete(expected);
        }
    }

    [Fact]
    public async Task Postgres_migrations_give_the_schema_the_model_expects()
    {
        if (TestPostgres.Unavailable is { } why) Requirements.Unmet(why);
        var (m, e) = ($"dxpilot_m_{Guid.NewGuid():N}", $"dxpilot_e_{Guid.NewGuid():N}");
        try
        {
            var migrated = await TestPostgres.CreateDatabaseAsync(m);
            var expected = await TestPostgres.CreateDatabaseAsync(e);
            await using (var db = Context(DatabaseProvider.PostgreSql, migrated))
                Assert.NotEmpty(await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken));
            await using (var db = Context(DatabaseProvider.PostgreSql, expected))
                await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), TestContext.Current.CancellationToken);

            Assert.Equal(await PostgresSchema(expected), await PostgresSchema(migrated));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(m);
            await TestPostgres.DropDatabaseAsync(e);
        }
    }

    private static DxPilotDbContext Context(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(provider, connection).Apply(options);
        return new DxPilotDbContext(options.Options, new AuditContext());
    }

    private static async Task<List<string>> SqliteSchema(string file)
    {
        await using var conn = new SqliteConnection($"Data Source={file}");
        await conn.OpenAsync();
        var lines = new List<string>();
        foreach (var table in await Strings(conn, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{MigrationRunner.HistoryTable}' ORDER BY name"))
        {
            lines.AddRange((await Rows(conn, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}') ORDER BY name")).Select(r => $"{table}.{r}"));
            foreach (var index in await Strings(conn, $"SELECT name FROM pragma_index_list('{table}') ORDER BY name"))
            {
                var unique = await Strings(conn, $"SELECT \"unique\" FROM pragma_index_list('{table}') WHERE name = '{index}'");
                var cols = await Strings(conn, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno");
                lines.Add($"{table} index {index} unique={unique.Single()} ({string.Join(",", cols)})");
            }
            lines.AddRange((await Rows(conn, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq")).Select(r => $"{table} fk {r}"));
        }
        return lines;
    }

    private static async Task<List<string>> PostgresSchema(string connection)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await Rows(conn, $"""
            SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length, -1), coalesce(numeric_precision, -1), coalesce(numeric_scale, -1), coalesce(column_default, ''), is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '{MigrationRunner.HistoryTable}'
            ORDER BY table_name, column_name
            """));
        lines.AddRange(await Rows(conn, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '{MigrationRunner.HistoryTable}' ORDER BY tablename, indexname"));
        lines.AddRange(await Rows(conn, $"SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%{MigrationRunner.HistoryTable}%' ORDER BY 1, 2"));
        lines.AddRange(await Rows(conn, "SELECT extname FROM pg_extension ORDER BY 1"));
        return lines;
    }

    private static async Task<List<string>> Strings(DbConnection conn, string sql) =>
        (await Rows(conn, sql)).ToList();

    private static async Task<List<string>> Rows(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i)))));
        return rows;
    }
}
