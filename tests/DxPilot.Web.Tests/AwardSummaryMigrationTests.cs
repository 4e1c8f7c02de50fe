using System.Data.Common;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DxPilot.Web.Tests;

/// <summary>
/// Migration 0041 fills the summary's columns (联系人, 联系方式, 邮箱, 备注, 模式, 案例名称, 案例简述) of applications saved before it
/// from their stored 申报书, and from then on the model reads and writes those columns: a draft revised after the migration
/// changes them with its 申报书.
/// </summary>
public sealed class AwardSummaryMigrationTests
{
    private const string Programme = "shijiazhuang-2025";

    /// <summary>The 申报书 as the platform stored it before 0041 (camelCase properties, CJK unescaped; the second with the
    /// \u escapes another JSON writer would use), and what each summary column must hold.</summary>
    private static readonly (string Call, int Status, string Content, string?[] Expected)[] Saved =
    [
        ("sjz-shuzhi-2025", 4, """
            {"texts":{"innovation":{"sections":{"basics":"企业基本情况"},"scenarios":[]}},"entered":{},"enteredBefore":{},"mode":null,
             "intellectualProperty":[],"contactName":"孙经理","contactPhone":"13900002222","contactEmail":null,"remark":"已现场核查"}
            """, ["孙经理", "13900002222", null, "已现场核查", null, null, null]),
        ("sjz-chain-2025", 1, """
            {"texts":{"chain":{"sections":{"name":"\u67d0\u4f01\u4e1a\u901a\u8fc7\u5e73\u53f0\u5e26\u52a8\u914d\u5957\u4f01\u4e1a","summary":"案例简述","brief":"平台赋能20家配套企业"},"scenarios":[]}},
             "entered":{},"enteredBefore":{},"mode":"平台赋能","intellectualProperty":[],"contactName":"周经理","contactPhone":"0311-86661111",
             "contactEmail":"zhou@example.com","remark":null}
            """, ["周经理", "0311-86661111", "zhou@example.com", null, "平台赋能", "某企业通过平台带动配套企业", "平台赋能20家配套企业"]),
        ("sjz-chain-2025", 1, """{"texts":{},"entered":{},"enteredBefore":{},"intellectualProperty":[]}""", [null, null, null, null, null, null, null]),
    ];

    private static readonly string[] Columns = ["ContactName", "ContactPhone", "ContactEmail", "Remark", "Mode", "CaseName", "CaseBrief"];

    [Fact]
    public async Task Sqlite_applications_saved_before_get_their_summary_columns_and_follow_their_content_after()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dxpilot-0041-{Guid.NewGuid():N}.db");
        try
        {
            await MigrateAndCheckAsync(DatabaseProvider.Sqlite, $"Data Source={file}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Postgres_applications_saved_before_get_their_summary_columns_and_follow_their_content_after()
    {
        if (TestPostgres.Unavailable is { } why) Requirements.Unmet(why);
        var name = $"dxpilot_0041_{Guid.NewGuid():N}";
        try
        {
            await MigrateAndCheckAsync(DatabaseProvider.PostgreSql, await TestPostgres.CreateDatabaseAsync(name));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropDatabaseAsync(name);
        }
    }

    private static async Task MigrateAndCheckAsync(DatabaseProvider provider, string connection)
    {
        var ct = TestContext.Current.CancellationToken;
        var config = PlatformProcess.ConfigFolder();
        var programmes = ProgrammeCatalog.LoadFolder(Path.Combine(config, "programmes"));
        var calls = AwardCatalog.LoadFolder(Path.Combine(config, "awards"), programmes);
        var scripts = MigrationRunner.Scripts(provider);
        var ids = new List<Guid>();
        await using (var db = Context(provider, connection))
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync(ct);
            foreach (var (_, sql) in scripts.Where(s => string.CompareOrdinal(s.Id, "0041") < 0)) await SqlCommands.ExecuteAsync(conn, null, sql, ct);

            // An enterprise and a batch of each call through the model (their tables are as 0041 leaves them), the applications as
            // they were stored before it.
            // One enterprise per application: an enterprise applies once per call and batch.
            var enterprises = Saved.Select((_, i) => Enterprise.Register(programmes.Get(Programme), new EnterpriseDetails
            {
                Name = $"石家庄旧版申报测试{i + 1}有限公司", Uscc = TestData.NewUscc("130123"), District = "正定县", IndustryKey = "生物医药制造业",
            }, DateTime.UtcNow)).ToList();
            db.Enterprises.AddRange(enterprises);
            var batches = calls.All.ToDictionary(c => c.Id, c => AwardBatch.Open(c, 1, null, DateTime.UtcNow));
            db.AwardBatches.AddRange(batches.Values);
            await db.SaveChangesAsync(ct);
            foreach (var ((call, status, content, _), enterprise) in Saved.Zip(enterprises))
            {
                var id = Guid.CreateVersion7();
                ids.Add(id);
                object Key(Guid g) => provider == DatabaseProvider.PostgreSql ? g : g.ToString().ToUpperInvariant();
                object at = provider == DatabaseProvider.PostgreSql ? DateTime.UtcNow : DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
                await using var insert = SqlCommands.Command(conn, null, """
                    INSERT INTO "AwardApplications" ("Id", "ProgrammeId", "CallId", "EnterpriseId", "District", "BatchId", "Directions", "Status",
                        "Content", "Revision", "Version", "CreatedAt", "UpdatedAt")
                    VALUES (@id, @programme, @call, @enterprise, '正定县', @batch, @directions, @status, @content, 0, 1, @at, @at)
                    """,
                    ("@id", Key(id)), ("@programme", Programme), ("@call", call), ("@enterprise", Key(enterprise.Id)), ("@batch", Key(batches[call].Id)),
                    ("@directions", call == "sjz-chain-2025" ? "|chain|" : "|innovation|"), ("@status", status), ("@content", content), ("@at", at));
                await insert.ExecuteNonQueryAsync(ct);
            }
            foreach (var (_, sql) in scripts.Where(s => string.CompareOrdinal(s.Id, "0041") >= 0)) await SqlCommands.ExecuteAsync(conn, null, sql, ct);

            for (var i = 0; i < Saved.Length; i++)
                Assert.Equal(Saved[i].Expected, await RowAsync(conn, provider, ids[i]));
        }

        // The model reads the filled columns, and a draft revised now writes them with its 申报书.
        await using (var db = Context(provider, connection))
        {
            var draft = await db.AwardApplications.SingleAsync(a => a.Id == ids[1], ct);
            Assert.Equal(new AwardSummaryFields("周经理", "0311-86661111", "zhou@example.com", null, "平台赋能", "某企业通过平台带动配套企业", "平台赋能20家配套企业"),
                draft.Summary);
            draft.Revise(calls.Find("sjz-chain-2025")!, ["chain"], new AwardContent
            {
                Texts = { ["chain"] = new AwardText { Sections = { ["name"] = "修改后的案例名称", ["brief"] = "修改后的简述" } } },
                Mode = "供应链赋能", ContactName = "吴经理", ContactPhone = "13800001111",
            }, DateTime.UtcNow);
            await db.SaveChangesAsync(ct);
            var conn = db.Database.GetDbConnection();
            Assert.Equal(new string?[] { "吴经理", "13800001111", null, null, "供应链赋能", "修改后的案例名称", "修改后的简述" }, await RowAsync(conn, provider, ids[1]));
            // The others are untouched.
            Assert.Equal(Saved[0].Expected, await RowAsync(conn, provider, ids[0]));
        }
    }

    private static async Task<string?[]> RowAsync(DbConnection conn, DatabaseProvider provider, Guid id)
    {
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        await using var cmd = SqlCommands.Command(conn, null,
            $"SELECT {string.Join(", ", Columns.Select(c => $"\"{c}\""))} FROM \"AwardApplications\" WHERE \"Id\" = @id",
            ("@id", provider == DatabaseProvider.PostgreSql ? id : id.ToString().ToUpperInvariant()));
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return [.. Enumerable.Range(0, Columns.Length).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))];
    }

    private static DxPilotDbContext Context(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(provider, connection).Apply(options);
        return new DxPilotDbContext(options.Options, new AuditContext());
    }
}
