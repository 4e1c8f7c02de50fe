using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Web.Features.Operations.Backup;

/// <summary>
/// A running platform on SQLite holds `&lt;database&gt;.running` locked (an OS file lock, released even when the process
/// dies); `restore` must take the same lock, so it refuses while a platform runs against that database.
/// </summary>
public sealed class DatabaseInUse(DatabaseOptions database, ILogger<DatabaseInUse> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public static string LockFile(DatabaseOptions database) => SqliteFiles.DatabaseFile(database) + ".running";

    /// <summary>The lock, or null when another process (a running platform) holds it.</summary>
    public static FileStream? TryTake(string lockFile)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Sqlite) return Task.CompletedTask;
        _lock = TryTake(LockFile(database));
        if (_lock is null) logger.LogWarning("数据库 {File} 已被另一个平台进程使用：SQLite 只支持一个平台进程", SqliteFiles.DatabaseFile(database));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
