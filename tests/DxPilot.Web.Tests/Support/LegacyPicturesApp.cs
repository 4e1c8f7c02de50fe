using DxPilot.Infrastructure.Auditing;
using System.Data.Common;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// A database as a release before the blob store left it: migrated to 0003 only, with evidence pictures stored the old
/// way (their bytes in BenchmarkEvidence.Content). The platform then starts on it, which applies 0004 and the start-up step.
/// </summary>
public abstract class LegacyPicturesApp : DxPilotApp
{
    public Guid EnterpriseId { get; private set; }

    /// <summary>Each evidence row written the old way and the bytes it held: a tiny PNG, a 2.5 MB picture (three chunks),
    /// one of exactly 1 MB (one chunk), a JPEG, and the tiny PNG once more on another slot (one blob for both).</summary>
    public List<(Guid Id, byte[] Bytes, string Type)> Evidence { get; } = [];

    protected abstract Task<string> CreateEmptyDatabaseAsync();

    protected override async Task<string> CreateDatabaseAsync()
    {
        var connection = await CreateEmptyDatabaseAsync();
        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(Provider, connection).Apply(options);
        await using var db = new DxPilotDbContext(options.Options, new AuditContext());
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await MigrateTo0003(conn);
        var applicationId = await ApplicationAsync(db);
        var now = DateTime.UtcNow;
        (BenchmarkEvidenceKind, int?, string, byte[], string)[] files =
        [
            (BenchmarkEvidenceKind.ItemPicture, 1, "设计软件截图.png", Pictures.Png(), "image/png"),
            (BenchmarkEvidenceKind.ItemPicture, 2, "车间数控设备.png", Blobs.Png(2_500_000, seed: 21), "image/png"),
            (BenchmarkEvidenceKind.ItemPicture, 3, "排产系统.png", Blobs.Png(1024 * 1024, seed: 22), "image/png"),
            (BenchmarkEvidenceKind.CreditChina, null, "信用中国查询.jpg", Pictures.Jpeg(), "image/jpeg"),
            (BenchmarkEvidenceKind.CreditGsxt, null, "公示系统查询.png", Pictures.Png(), "image/png"),
        ];
        foreach (var (kind, item, name, bytes, type) in files)
        {
            var id = Guid.CreateVersion7();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                INSERT INTO "BenchmarkEvidence" ("Id", "ApplicationId", "Kind", "ItemNo", "FileName", "ContentType", "SizeBytes", "Sha256", "Content", "UploadedByUserId", "UploadedByName", "UploadedAt")
                VALUES (@id, @app, @kind, @item, @name, @type, @size, @sha, @content, 'legacy-user', '旧版本上传者', @at)
                """;
            foreach (var (p, v) in new (string, object)[] { ("@id", Key(id)), ("@app", Key(applicationId)), ("@kind", (int)kind), ("@item", (object?)item ?? DBNull.Value),
                         ("@name", name), ("@type", type), ("@size", (long)bytes.Length), ("@sha", Blobs.Sha256(bytes)), ("@content", bytes), ("@at", now) })
            {
                var parameter = cmd.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (p, v);
                cmd.Parameters.Add(parameter);
            }
            await cmd.ExecuteNonQueryAsync();
            Evidence.Add((id, bytes, type));
        }
        await db.Database.CloseConnectionAsync();
        return connection;
    }

    // Keys as EF writes them: SQLite keeps a Guid as upper-case text.
    private object Key(Guid id) => Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    private async Task MigrateTo0003(DbConnection conn)
    {
        await Execute(conn, $"CREATE TABLE \"{MigrationRunner.HistoryTable}\" (\"Id\" varchar(150) PRIMARY KEY, \"AppliedAt\" varchar(40) NOT NULL)");
        foreach (var (id, sql) in MigrationRunner.Scripts(Provider).Where(s => string.CompareOrdinal(s.Id, "0004") < 0))
        {
            await Execute(conn, sql);
            await Execute(conn, $"INSERT INTO \"{MigrationRunner.HistoryTable}\" (\"Id\", \"AppliedAt\") VALUES ('{id}', '{DateTime.UtcNow:O}')");
        }
    }

    /// <summary>An enterprise of the Heilongjiang call and its draft application (tables 0004 leaves as they were).</summary>
    private async Task<Guid> ApplicationAsync(DxPilotDbContext db)
    {
        var config = PlatformProcess.ConfigFolder();
        var programme = ProgrammeCatalog.LoadFolder(Path.Combine(config, "programmes")).Get(HeilongjiangAccounts.Programme);
        var instrument = InstrumentCatalog.LoadFolder(Path.Combine(config, "instruments")).Find("hlj-benchmark")!;
        var form = new EnterpriseForm { Name = $"黑龙江旧版图片{Guid.NewGuid():N}"[..16] + "有限公司", Uscc = TestData.NewUscc(), District = "哈尔滨市", Industry = "制造业", FoundedOn = "2015-03-01" };
        var details = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1)).Details!;
        var enterprise = Enterprise.Register(programme, details, DateTime.UtcNow);
        // The file as 0001 stored it: the model has columns later migrations add.
        await using (var cmd = db.Database.GetDbConnection().CreateCommand())
        {
            cmd.CommandText = """
                INSERT INTO "Enterprises" ("Id", "ProgrammeId", "Name", "Uscc", "District", "FoundedOn", "QualityTier", "IndustryKey",
                    "LittleGiantCentralFunded", "Pilot2022", "CreditStatus", "SearchText", "Version", "CreatedAt", "UpdatedAt")
                VALUES (@id, @programme, @name, @uscc, @district, @founded, 0, @industry, @no, @no, 0, @search, 1, @at, @at)
                """;
            foreach (var (p, v) in new (string, object)[] { ("@id", Key(enterprise.Id)), ("@programme", programme.Id), ("@name", enterprise.Name),
                         ("@uscc", enterprise.Uscc!), ("@district", enterprise.District), ("@founded", enterprise.FoundedOn!.Value),
                         ("@industry", enterprise.IndustryKey), ("@no", false), ("@search", enterprise.SearchText), ("@at", enterprise.CreatedAt) })
            {
                var parameter = cmd.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (p, v);
                cmd.Parameters.Add(parameter);
            }
            await cmd.ExecuteNonQueryAsync();
        }
        var application = BenchmarkApplication.Start(programme.Id, enterprise.Id, instrument, DateTime.UtcNow);
        db.BenchmarkApplications.Add(application);
        await db.SaveChangesAsync();
        EnterpriseId = enterprise.Id;
        return application.Id;
    }

    private static async Task Execute(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteLegacyApp : LegacyPicturesApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dxpilot-legacy-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateEmptyDatabaseAsync() => Task.FromResult($"Data Source={_file}");

    protected override Task DropDatabaseAsync() => TestSqlite.DeleteAsync(_file);
}

/// <summary>On PostgreSQL with the default database store: the SQL of 0004 alone carries the pictures.</summary>
public sealed class PostgresLegacyApp : LegacyPicturesApp
{
    private readonly string _name = $"dxpilot_legacy_{Guid.NewGuid():N}";
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    public override string? Unavailable => TestPostgres.Unavailable;

    protected override Task<string> CreateEmptyDatabaseAsync() => TestPostgres.CreateDatabaseAsync(_name);

    protected override Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return TestPostgres.DropDatabaseAsync(_name);
    }
}

/// <summary>On PostgreSQL with the file store chosen: the start-up step moves the pictures out of the database.</summary>
public sealed class PostgresLegacyFilesApp : LegacyPicturesApp
{
    private readonly string _name = $"dxpilot_legacy_{Guid.NewGuid():N}";
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    public override string? Unavailable => TestPostgres.Unavailable;
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["DxPilot:Blobs:Store"] = "FileSystem" };

    protected override Task<string> CreateEmptyDatabaseAsync() => TestPostgres.CreateDatabaseAsync(_name);

    protected override Task DropDatabaseAsync() => TestPostgres.DropDatabaseAsync(_name);
}
