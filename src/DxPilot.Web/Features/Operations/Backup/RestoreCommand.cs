using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.Data.Sqlite;

namespace DxPilot.Web.Features.Operations.Backup;

/// <summary>`restore FILE`: on SQLite, checks the backup against its manifest (sizes, SHA-256, SQLite's integrity check,
/// every blob's hash) before touching anything, refuses while a platform runs on the database, copies the blobs in, then
/// puts the database in place by one rename; the database it replaces is kept beside it. PostgreSQL: pg_restore
/// (docs/operations.md). Exit 0 restored; 1 refused or failed, live data untouched; 2 a bad command line.</summary>
public static class RestoreCommand
{
    public const string Verb = "restore";
    private const string Usage = "用法：restore 备份文件路径（backup 命令生成的 .db 文件，旁边须有 .manifest.json）";
    private const string Untouched = "现有数据未作任何更改。";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is not { } source)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        await using var app = BackupCommand.ConfiguredPlatform(args);
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await errors.WriteLineAsync("PostgreSQL 数据库请用 pg_restore 恢复，命令见 docs/operations.md");
            return 2;
        }
        var file = Path.GetFullPath(source);
        if (!File.Exists(file))
        {
            await errors.WriteLineAsync($"找不到备份文件 {file}");
            return 2;
        }

        var (manifest, problem) = BackupManifest.Read(file);
        problem ??= CheckBackup(file, manifest!);
        if (problem is not null) return await Refuse(errors, problem);

        var live = SqliteFiles.DatabaseFile(database);
        using var running = DatabaseInUse.TryTake(DatabaseInUse.LockFile(database));
        if (running is null) return await Refuse(errors, $"平台正在使用数据库 {live} 运行：请先停止所有平台进程再恢复");

        var restoring = live + ".restoring";
        try
        {
            // A full copy beside the live file, checked again, so that the final step is one rename on one file system.
            File.Copy(file, restoring, overwrite: true);
            if (BackupManifest.Sha256Of(restoring) != manifest!.DatabaseSha256)
                return await Refuse(errors, $"复制到 {restoring} 后校验值不符（磁盘空间不足？）", restoring);

            var blobsLive = Path.Combine(app.Services.GetRequiredService<PlatformPaths>().DataFolder, BlobTree.Folder);
            var blobsBackup = BackupManifest.BlobsFor(file);
            // Blobs first: content-addressed, so adding them changes nothing the current database sees.
            foreach (var blob in BlobTree.List(blobsBackup)) BlobTree.CopyInto(blobsBackup, blobsLive, blob);

            var kept = KeepCurrent(live);
            File.Move(restoring, live, overwrite: true);
            await output.WriteLineAsync($"已从 {file} 恢复到 {live}：{BackupCommand.Describe(manifest)}");
            if (kept is not null) await output.WriteLineAsync($"恢复前的数据库保存为 {kept}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(restoring);
            await errors.WriteLineAsync($"恢复失败：{ex.Message}");
            return 1;
        }
    }

    /// <summary>Why the backup is not to be trusted, or null.</summary>
    private static string? CheckBackup(string file, BackupManifest manifest)
    {
        var bytes = new FileInfo(file).Length;
        if (bytes != manifest.DatabaseBytes) return $"备份文件 {file} 大小为 {bytes:N0} 字节，清单记录为 {manifest.DatabaseBytes:N0} 字节：文件被截断或改动过";
        if (BackupManifest.Sha256Of(file) != manifest.DatabaseSha256) return $"备份文件 {file} 的 SHA-256 与清单不符：文件被改动过";
        if (SqliteFiles.IntegrityCheck(file) is var check && check != "ok") return $"备份文件 {file} 未通过 SQLite 完整性检查：{check}";

        var blobs = BackupManifest.BlobsFor(file);
        var list = BlobTree.List(blobs);
        if (BlobTree.Summarise(blobs, list) != manifest.Blobs)
            return $"备份的文件目录 {blobs} 与清单不符（清单 {manifest.Blobs.Count:N0} 个文件 {manifest.Blobs.Bytes:N0} 字节，现有 {list.Count:N0} 个）：有文件缺失、多出或被截断";
        var damaged = list.FirstOrDefault(b => !BlobTree.IsIntact(blobs, b));
        return damaged is null ? null : $"备份中的文件 {damaged} 内容与其哈希不符：文件被改动过";
    }

    /// <summary>Keeps the database being replaced (and any journal files, which belong to it, not to the restored one).</summary>
    private static string? KeepCurrent(string live)
    {
        if (!File.Exists(live)) return null;
        var kept = $"{live}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}";
        File.Copy(live, kept);
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
            if (File.Exists(live + suffix)) File.Move(live + suffix, kept + suffix);
        return kept;
    }

    private static async Task<int> Refuse(TextWriter errors, string why, string? leftover = null)
    {
        if (leftover is not null) File.Delete(leftover);
        await errors.WriteLineAsync($"拒绝恢复：{why}。{Untouched}");
        return 1;
    }
}
