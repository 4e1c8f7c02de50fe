using System.Data.Common;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DxPilot.Web.Tests;

/// <summary>
/// Migration 0008 fills the new search columns of files saved before it exactly as a save would: the text without the phone
/// for masked viewers and, on PostgreSQL, the character grams the index serves.
/// </summary>
public sealed class SearchIndexMigrationTests
{
    // Saved before 0008: SearchText was name, USCC, contact and phone joined by spaces, lower-cased.
    private static readonly (string Name, string? Uscc, string? Contact, string? Phone, string SearchText, string Public)[] Files =
    [
        ("杭州大华科技有限公司", "91330108MA27Y5XX1X", "王芳", "13912345678",
            "杭州大华科技有限公司 91330108ma27y5xx1x 王芳 13912345678", "杭州大华科技有限公司 91330108ma27y5xx1x 王芳"),
        ("ABC光电有限公司", null, null, "0571-85257095", "abc光电有限公司 0571-85257095", "abc光电有限公司"),
        ("无电话精密机械有限公司", null, "李四", null, "无电话精密机械有限公司 李四", "无电话精密机械有限公司 李四"),
    ];

    [Fact]
    public async Task Sqlite_files_saved_before_get_the_text_without_the_phone()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dxpilot-0008-{Guid.NewGuid():N}.db");
        try
        {
            await using var conn = new SqliteConnection($"Data Source={file}");
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await Migrate(conn, DatabaseProvider.Sqlite);
            foreach (var f in Files)
                Assert.Equal(f.Public, await Scalar(conn, $"SELECT \"PublicSearchText\" FROM \"Enterprises\" WHERE \"Name\" = '{f.Name}'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Postgres_files_saved_before_get_the_text_without_the_phone_and_their_grams()
    {
        if (TestPostgres.Unavailable is { } why) Requirements.Unmet(why);
        var name = $"dxpilot_0008_{Guid.NewGuid():N}";
        try
        {
            await using var conn = new NpgsqlConnection(await TestPostgres.CreateDatabaseAsync(name));
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await Migrate(conn, DatabaseProvider.PostgreSql);
            foreach (var f in Files)
            {
                Assert.Equal(f.Public, await Scalar(conn, $"SELECT \"PublicSearchText\" FROM \"Enterprises\" WHERE \"Name\" = '{f.Name}'"));
                var grams = (string[])(await Scalar(conn, $"SELECT \"SearchTokens\" FROM \"Enterprises\" WHERE \"Name\" = '{f.Name}'"))!;
                // What a save writes today for the same text.
                Assert.Equal(SearchIndex.Grams(f.SearchText).Order(StringComparer.Ordinal), grams.Order(StringComparer.Ordinal));
            }
            // "大华" was a full scan; now its bigram is in the index, and a code's trigram too.
            var first = (string[])(await Scalar(conn, $"SELECT \"SearchTokens\" FROM \"Enterprises\" WHERE \"Name\" = '{Files[0].Name}'"))!;
            Assert.Contains("大华", first);
            Assert.Contains("8ma", first);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(name);
        }
    }

    /// <summary>The scripts before 0008, the files as they were saved then, then 0008 and the rest.</summary>
    private static async Task Migrate(DbConnection conn, DatabaseProvider provider)
    {
        var scripts = MigrationRunner.Scripts(provider);
        foreach (var (_, sql) in scripts.Where(s => string.CompareOrdinal(s.Id, "0008") < 0)) await SqlCommands.ExecuteAsync(conn, null, sql, default);
        var (no, yes) = provider == DatabaseProvider.PostgreSql ? ("false", "1") : ("0", "1");
        foreach (var f in Files)
        {
            await using var insert = SqlCommands.Command(conn, null, $"""
                INSERT INTO "Enterprises" ("Id", "ProgrammeId", "Name", "Uscc", "District", "ContactName", "ContactPhone", "QualityTier",
                    "IndustryKey", "LittleGiantCentralFunded", "Pilot2022", "CreditStatus", "SearchText", "Version", "CreatedAt", "UpdatedAt")
                VALUES (@id, 'hangzhou-2024', @name, @uscc, '滨江区', @contact, @phone, 0, '汽车零部件', {no}, {no}, 0, @search, {yes}, @at, @at)
                """,
                ("@id", provider == DatabaseProvider.PostgreSql ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant()),
                ("@name", f.Name), ("@uscc", (object?)f.Uscc ?? DBNull.Value), ("@contact", (object?)f.Contact ?? DBNull.Value),
                ("@phone", (object?)f.Phone ?? DBNull.Value), ("@search", f.SearchText),
                ("@at", provider == DatabaseProvider.PostgreSql ? DateTime.UtcNow : DateTime.UtcNow.ToString("O")));
            await insert.ExecuteNonQueryAsync();
        }
        // 0008 and every later script that touches the search columns (0012 adds the code trigrams).
        foreach (var (_, sql) in scripts.Where(s => string.CompareOrdinal(s.Id, "0008") >= 0)) await SqlCommands.ExecuteAsync(conn, null, sql, default);
    }

    private static async Task<object?> Scalar(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }
}
