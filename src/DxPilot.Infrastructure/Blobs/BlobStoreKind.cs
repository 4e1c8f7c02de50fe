using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>Where blob bytes live: files under the data folder, or chunks in the database that all copies share.</summary>
public enum BlobStoreKind { FileSystem, Database }

public static class BlobStoreKinds
{
    /// <summary>DxPilot:Blobs:Store, or by default the database on PostgreSQL (several copies share it; a backup holds the
    /// files) and files next to the database on SQLite (one copy, one data folder).</summary>
    public static BlobStoreKind Parse(string? text, DatabaseProvider provider) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => provider == DatabaseProvider.PostgreSql ? BlobStoreKind.Database : BlobStoreKind.FileSystem,
        "filesystem" or "files" => BlobStoreKind.FileSystem,
        "database" => BlobStoreKind.Database,
        _ => throw new InvalidOperationException($"DxPilot:Blobs:Store “{text}” 无法识别：应为 FileSystem 或 Database"),
    };
}
