using Microsoft.Extensions.Logging;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>
/// Blobs as files under <c>&lt;data&gt;/blobs/ab/cd/&lt;sha256&gt;</c>. An upload is written to a temporary file under
/// <c>blobs/tmp</c> (the same file system, so the final rename is atomic) while it is hashed, flushed to disk, then renamed to
/// its address; the metadata row follows. A failed upload deletes its temporary file; one cut short by a crash leaves only
/// a temporary file, which <see cref="CleanTemporaryFiles"/> removes at the next start.
/// </summary>
public sealed class FileSystemBlobStore(string root, BlobDatabase database, ILogger<FileSystemBlobStore> logger) : IBlobStore
{
    private string Temporary => Path.Combine(root, "tmp");

    public string PathOf(string sha256) => Path.Combine(root, sha256[..2], sha256[2..4], sha256);

    public async Task<StoredBlob> PutAsync(Stream content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Temporary);
        var temp = Path.Combine(Temporary, $"{Guid.NewGuid():N}.part");
        try
        {
            StoredBlob blob;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                blob = await BlobCopy.CopyAsync(content, file, ct);
                file.Flush(flushToDisk: true);
            }
            var path = PathOf(blob.Sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Deduplicated: an intact copy stays and the new one is dropped; a damaged copy is replaced by the new bytes.
            if (File.Exists(path) && await VerifyFileAsync(path, blob, ct)) File.Delete(temp);
            else File.Move(temp, path, overwrite: true);
            await database.AddAsync(blob, ct);
            return blob;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken ct = default)
    {
        if (await database.FindAsync(sha256, ct) is not { } blob) return null;
        var path = PathOf(sha256);
        if (!File.Exists(path)) throw new BlobDamagedException(sha256, $"文件不存在：{path}");
        return new VerifyingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan),
            sha256, blob.Size);
    }

    public async Task<bool> VerifyAsync(string sha256, CancellationToken ct = default)
    {
        try
        {
            return await BlobCopy.DrainAsync(await OpenAsync(sha256, ct), ct);
        }
        catch (BlobDamagedException)
        {
            return false;
        }
    }

    /// <summary>Temporary files older than <paramref name="age"/>: uploads cut short by a crash (younger ones may still be
    /// in progress in another copy of the application sharing this folder).</summary>
    public void CleanTemporaryFiles(TimeSpan age)
    {
        if (!Directory.Exists(Temporary)) return;
        foreach (var file in new DirectoryInfo(Temporary).EnumerateFiles("*.part").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - age))
        {
            logger.LogInformation("删除中断上传留下的临时文件 {File}", file.FullName);
            file.Delete();
        }
    }

    private static async Task<bool> VerifyFileAsync(string path, StoredBlob blob, CancellationToken ct) =>
        await BlobCopy.DrainAsync(new VerifyingStream(File.OpenRead(path), blob.Sha256, blob.Size), ct);
}
