using DxPilot.Infrastructure.Blobs;

namespace DxPilot.Web.Features.Files;

/// <summary>At start-up, after the migrations: temporary files of uploads cut short are removed, and with the file store,
/// bytes still held in the database (every picture stored before migration 0004) are moved into files.</summary>
public sealed class FileStartup(IBlobStore store, BlobRelocation relocation)
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (store is not FileSystemBlobStore files) return;
        files.CleanTemporaryFiles(TimeSpan.FromHours(1));
        await relocation.MoveChunksToFilesAsync(ct);
    }
}
