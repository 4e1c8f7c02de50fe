using System.Data.Common;
using DxPilot.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>
/// Moves blobs whose bytes are still chunks in the database (migration 0004 put every existing picture there) into the file
/// store, when the file store is the one configured. Per blob: write the file (atomically), check it, then delete the chunks;
/// so a run cut short loses nothing and the next start carries on. A damaged blob keeps its chunks and is reported.
/// </summary>
public sealed class BlobRelocation(BlobDatabase database, DatabaseBlobStore chunks, FileSystemBlobStore files, ILogger<BlobRelocation> logger)
{
    private const long LockKey = 4242002;

    public async Task<int> MoveChunksToFilesAsync(CancellationToken ct)
    {
        await using var conn = await database.OpenAsync(ct);
        // Copies of the application starting together: one moves, the others wait and then find nothing left.
        if (database.IsPostgres) await SqlCommands.ExecuteAsync(conn, null, $"SELECT pg_advisory_lock({LockKey})", ct);
        try
        {
            var moved = 0;
            foreach (var sha256 in await Pending(conn, ct))
            {
                await using (var source = await chunks.OpenAsync(sha256, ct))
                {
                    if (source is null) continue;
                    try
                    {
                        await files.PutAsync(source, ct);
                    }
                    catch (BlobDamagedException e)
                    {
                        logger.LogError(e, "文件已损坏，保留在数据库中未迁移：{Sha256}", sha256);
                        continue;
                    }
                }
                await using (var delete = SqlCommands.Command(conn, null, """DELETE FROM "BlobChunks" WHERE "Sha256" = @h""", ("@h", sha256)))
                    await delete.ExecuteNonQueryAsync(ct);
                moved++;
            }
            if (moved > 0) logger.LogInformation("已将 {Count} 个文件从数据库移至文件目录", moved);
            return moved;
        }
        finally
        {
            if (database.IsPostgres) await SqlCommands.ExecuteAsync(conn, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task<List<string>> Pending(DbConnection conn, CancellationToken ct)
    {
        await using var cmd = SqlCommands.Command(conn, null,
            """SELECT b."Sha256" FROM "Blobs" b WHERE EXISTS (SELECT 1 FROM "BlobChunks" c WHERE c."Sha256" = b."Sha256") ORDER BY b."Sha256" """);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<string>();
        while (await reader.ReadAsync(ct)) list.Add(reader.GetString(0));
        return list;
    }
}
