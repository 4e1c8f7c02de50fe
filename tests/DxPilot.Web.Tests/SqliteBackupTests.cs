using System.Security.Cryptography;
using System.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Operations.Backup;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>`backup` and `restore` on the embedded database: taken while the platform runs, restored elsewhere and over live
/// data with every enterprise, assessment and file; a truncated or altered backup refused with the live data untouched.</summary>
public sealed class SqliteBackupTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly string _work = Directory.CreateTempSubdirectory("dxpilot-backup-").FullName;

    [Fact]
    public async Task A_backup_taken_while_the_platform_runs_restores_every_enterprise_assessment_and_file_and_a_damaged_one_is_refused()
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var live = SqliteFiles.DatabaseFile(database);
        var dataFolder = app.Services.GetRequiredService<PlatformPaths>().DataFolder;
        var blobs = Path.Combine(dataFolder, "blobs");
        // The demo's own files (the demo project's invoice scans) are backed up with the two written here.
        var demo = Directory.Exists(blobs) ? BlobTree.List(blobs) : [];
        var demoBytes = demo.Sum(b => new FileInfo(Path.Combine(blobs, b)).Length);
        // The blob store's layout (blobs/ab/cd/<sha256>); a file still being written has a temporary name and is left out.
        var contract = WriteBlob(blobs, "改造合同（演示）"u8.ToArray());
        var photo = WriteBlob(blobs, Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray());
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.Combine(blobs, contract))!, "upload-1234.partial"), "半个文件");
        try
        {
            var backup = Path.Combine(_work, "dxpilot-2025-06-30.db");
            var (exit, output, errors) = await Run(BackupCommand.RunAsync, [backup, .. Configuration(database.ConnectionString, dataFolder)]);
            Assert.Equal((0, ""), (exit, errors));
            var enterprises = Rows(live, """SELECT "Id", "Name", "Version" FROM "Enterprises" ORDER BY "Id" """);
            var assessments = Rows(live, """SELECT "Id", "Score", "Level", "Answers" FROM "Assessments" ORDER BY "Id" """);
            // The demo data, whatever it holds today (it grows with the features): the backup counts what the live database has.
            Assert.NotEmpty(enterprises);
            Assert.NotEmpty(assessments);
            Assert.Contains($"企业 {enterprises.Count} 家，评测 {assessments.Count} 条", output);
            Assert.Contains($"文件 {demo.Count + 2} 个（{demoBytes + 100_024:N0} 字节）", output);

            // Refused while this platform runs on that database.
            (exit, _, errors) = await Run(RestoreCommand.RunAsync, [backup, .. Configuration(database.ConnectionString, dataFolder)]);
            Assert.Equal(1, exit);
            Assert.Contains("平台正在使用数据库", errors);

            // Into the place of a stopped platform: every enterprise, assessment and file is there.
            var restored = Path.Combine(_work, "restored", "dxpilot.db");
            var restoredData = Path.Combine(_work, "restored-data");
            string[] there = Configuration($"Data Source={restored}", restoredData);
            (exit, output, errors) = await Run(RestoreCommand.RunAsync, [backup, .. there]);
            Assert.Equal((0, ""), (exit, errors));
            Assert.Equal(enterprises, Rows(restored, """SELECT "Id", "Name", "Version" FROM "Enterprises" ORDER BY "Id" """));
            Assert.Equal(assessments, Rows(restored, """SELECT "Id", "Score", "Level", "Answers" FROM "Assessments" ORDER BY "Id" """));
            foreach (var blob in new[] { contract, photo })
                Assert.Equal(File.ReadAllBytes(Path.Combine(blobs, blob)), File.ReadAllBytes(Path.Combine(restoredData, "blobs", blob)));
            Assert.Equal(demo.Append(contract).Append(photo).Order(), BlobTree.List(Path.Combine(restoredData, "blobs")).Order());

            // Over live data: what was deleted since comes back, and the replaced database is kept beside it.
            Execute(restored, """DELETE FROM "Assessments" """);
            (exit, output, _) = await Run(RestoreCommand.RunAsync, [backup, .. there]);
            Assert.Equal(0, exit);
            Assert.Contains("恢复前的数据库保存为", output);
            Assert.Equal(assessments, Rows(restored, """SELECT "Id", "Score", "Level", "Answers" FROM "Assessments" ORDER BY "Id" """));
            Execute(restored, """DELETE FROM "Assessments" """);
            var before = SHA256.HashData(File.ReadAllBytes(restored));

            // Truncated, altered, or without its manifest: refused before anything is touched.
            var truncated = CopyBackup(backup, "truncated.db");
            using (var f = File.OpenWrite(truncated)) f.SetLength(f.Length / 2);
            await AssertRefused(truncated, there, "文件被截断或改动过");

            var alteredDb = CopyBackup(backup, "altered.db");
            using (var f = File.OpenWrite(alteredDb)) { f.Seek(-100, SeekOrigin.End); f.WriteByte(0x5A); }
            await AssertRefused(alteredDb, there, "SHA-256 与清单不符");

            var alteredBlob = CopyBackup(backup, "altered-blob.db");
            var tampered = Path.Combine(BackupManifest.BlobsFor(alteredBlob), photo);
            var bytes = File.ReadAllBytes(tampered);
            bytes[500] ^= 0xFF;
            File.WriteAllBytes(tampered, bytes);
            await AssertRefused(alteredBlob, there, "内容与其哈希不符");

            var missingBlob = CopyBackup(backup, "missing-blob.db");
            File.Delete(Path.Combine(BackupManifest.BlobsFor(missingBlob), contract));
            await AssertRefused(missingBlob, there, "有文件缺失、多出或被截断");

            var unlisted = CopyBackup(backup, "unlisted.db");
            File.Delete(BackupManifest.PathFor(unlisted));
            await AssertRefused(unlisted, there, "缺少备份清单");

            Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(restored)));
            Assert.False(File.Exists(restored + ".restoring"));

            // A backup never overwrites.
            (exit, _, errors) = await Run(BackupCommand.RunAsync, [backup, .. Configuration(database.ConnectionString, dataFolder)]);
            Assert.Equal(2, exit);
            Assert.Contains("已存在", errors);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_taken_while_a_write_holds_the_database_has_what_was_committed_before_it()
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var live = SqliteFiles.DatabaseFile(database);
        var dataFolder = app.Services.GetRequiredService<PlatformPaths>().DataFolder;
        const string names = """SELECT "Id", "Name" FROM "Enterprises" ORDER BY "Id" """;
        var committed = Rows(live, names);
        // A write under way, as the platform's saves are: in rollback-journal mode this lock shut readers out and the backup
        // failed with "database is locked"; in WAL mode readers go on and see the last commit.
        using var writer = new SqliteConnection($"Data Source={live};Pooling=False");
        writer.Open();
        using (var begin = writer.CreateCommand())
        {
            begin.CommandText = """BEGIN EXCLUSIVE; UPDATE "Enterprises" SET "Name" = "Name" || '（未提交）'""";
            begin.ExecuteNonQuery();
        }
        try
        {
            var backup = Path.Combine(_work, "while-writing.db");
            var (exit, _, errors) = await Run(BackupCommand.RunAsync, [backup, .. Configuration(database.ConnectionString, dataFolder)]);
            Assert.Equal((0, ""), (exit, errors));
            Assert.Equal(committed, Rows(backup, names));
        }
        finally
        {
            using var rollback = writer.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
            Directory.Delete(_work, recursive: true);
        }
        Assert.Equal("wal", Rows(live, "PRAGMA journal_mode").Single());
    }

    private async Task AssertRefused(string backup, string[] configuration, string reason)
    {
        var (exit, output, errors) = await Run(RestoreCommand.RunAsync, [backup, .. configuration]);
        Assert.Equal((1, ""), (exit, output));
        Assert.Contains(reason, errors);
        Assert.Contains("现有数据未作任何更改", errors);
    }

    private static string[] Configuration(string connection, string dataFolder) =>
        ["--Database:Provider=Sqlite", $"--ConnectionStrings:DxPilot={connection}", $"--DxPilot:DataPath={dataFolder}"];

    private static async Task<(int Exit, string Output, string Errors)> Run(Func<string[], TextWriter, TextWriter, Task<int>> command, string[] args)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exit = await command(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>Stores bytes as the blob store does: named by their SHA-256, two levels of folders from its first characters.</summary>
    private static string WriteBlob(string root, byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var relative = $"{hash[..2]}/{hash[2..4]}/{hash}";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, relative))!);
        File.WriteAllBytes(Path.Combine(root, relative), content);
        return relative;
    }

    private string CopyBackup(string backup, string name)
    {
        var copy = Path.Combine(_work, name);
        File.Copy(backup, copy);
        File.Copy(BackupManifest.PathFor(backup), BackupManifest.PathFor(copy));
        foreach (var blob in BlobTree.List(BackupManifest.BlobsFor(backup)))
            BlobTree.CopyInto(BackupManifest.BlobsFor(backup), BackupManifest.BlobsFor(copy), blob);
        return copy;
    }

    private static List<string> Rows(string file, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={file};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i)))));
        return rows;
    }

    private static void Execute(string file, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={file};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
