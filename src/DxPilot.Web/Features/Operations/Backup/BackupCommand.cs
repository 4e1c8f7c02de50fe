using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.Data.Sqlite;

namespace DxPilot.Web.Features.Operations.Backup;

/// <summary>`backup FILE`: on SQLite, a consistent copy of the live database (the platform may keep running) to FILE, the
/// blob store's files to FILE.blobs/, and FILE.manifest.json last. PostgreSQL is backed up with pg_dump (docs/operations.md).
/// Exit 0 done; 1 the database could not be read or a blob was damaged (the backup is not to be trusted); 2 a bad command line.</summary>
public static class BackupCommand
{
    public const string Verb = "backup";
    private const string Usage = "用法：backup 备份文件路径（如 /backup/dxpilot-2025-06-30.db）";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is not { } target)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        await using var app = ConfiguredPlatform(args);
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await errors.WriteLineAsync("PostgreSQL 数据库（含文件）请用 pg_dump -Fc 备份，命令见 docs/operations.md");
            return 2;
        }
        var file = Path.GetFullPath(target);
        var blobsCopy = BackupManifest.BlobsFor(file);
        if (File.Exists(file) || Directory.Exists(blobsCopy) || File.Exists(BackupManifest.PathFor(file)))
        {
            await errors.WriteLineAsync($"{file} 或其文件目录、清单已存在：备份不覆盖已有文件，请换一个文件名");
            return 2;
        }
        var live = SqliteFiles.DatabaseFile(database);
        if (!File.Exists(live))
        {
            await errors.WriteLineAsync($"找不到数据库文件 {live}");
            return 1;
        }

        var partial = file + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            SqliteFiles.OnlineCopy(live, partial);
            var rows = SqliteFiles.CountRows(partial);
            File.Move(partial, file);

            var blobsLive = Path.Combine(app.Services.GetRequiredService<PlatformPaths>().DataFolder, BlobTree.Folder);
            var copied = new List<string>();
            var damaged = new List<string>();
            foreach (var blob in BlobTree.List(blobsLive))
            {
                if (!BlobTree.IsIntact(blobsLive, blob)) { damaged.Add(blob); continue; }
                BlobTree.CopyInto(blobsLive, blobsCopy, blob);
                copied.Add(blob);
            }
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTime.UtcNow, new FileInfo(file).Length,
                BackupManifest.Sha256Of(file), rows, BlobTree.Summarise(blobsCopy, copied));
            if (damaged.Count > 0)
            {
                // No manifest: restore will refuse this backup.
                await errors.WriteLineAsync($"以下 {damaged.Count} 个文件的内容与其哈希不符（已损坏），备份不完整，请检查 {blobsLive}：");
                foreach (var d in damaged) await errors.WriteLineAsync($"  {d}");
                return 1;
            }
            manifest.Write(file);
            await output.WriteLineAsync($"已备份到 {file}：{Describe(manifest)}");
            await output.WriteLineAsync($"数据库 {manifest.DatabaseBytes:N0} 字节，SHA-256 {manifest.DatabaseSha256}；清单 {BackupManifest.PathFor(file)}");
            return 0;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            await errors.WriteLineAsync($"备份失败：{ex.Message}");
            return 1;
        }
    }

    public static string Describe(BackupManifest m)
    {
        static long Rows(BackupManifest m, string table) => m.Rows.GetValueOrDefault(table);
        return $"企业 {Rows(m, "Enterprises"):N0} 家，评测 {Rows(m, "Assessments"):N0} 条，示范标杆申报 {Rows(m, "BenchmarkApplications"):N0} 份，" +
               $"账号 {Rows(m, "AspNetUsers"):N0} 个，审计记录 {Rows(m, "AuditEntries"):N0} 条，文件 {m.Blobs.Count:N0} 个（{m.Blobs.Bytes:N0} 字节）";
    }

    /// <summary>The platform as configured by the command line's --Key=value options (the rest names the backup file).</summary>
    internal static WebApplication ConfiguredPlatform(string[] args) =>
        PlatformHost.ForCommand(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
}
