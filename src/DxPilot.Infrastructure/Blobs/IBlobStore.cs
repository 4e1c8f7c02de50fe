using DxPilot.Domain.Files;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>A blob as stored: its content's lower-case hex SHA-256 (its address), size and type read from its first bytes.</summary>
public sealed record StoredBlob(string Sha256, long Size, string ContentType)
{
    /// <summary>The reference a record keeps: this blob under the name the person gave it.</summary>
    public FileRef Named(string name) => new(Sha256, Size, ContentType, name);
}

/// <summary>
/// Content-addressed file storage, streamed both ways (never a whole file in memory). The metadata row (table Blobs) is
/// written only once the content is complete, so an interrupted upload leaves neither bytes nor a row behind.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the stream's content under its SHA-256; content already stored is kept once (deduplicated).</summary>
    Task<StoredBlob> PutAsync(Stream content, CancellationToken ct = default);

    /// <summary>The blob's bytes, or null when no blob has this hash. The stream hashes what is read and throws
    /// <see cref="BlobDamagedException"/> at its end when the bytes differ from the hash or the recorded size.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken ct = default);

    /// <summary>Reads the whole blob and says whether its bytes still match its hash (false when missing).</summary>
    Task<bool> VerifyAsync(string sha256, CancellationToken ct = default);
}

/// <summary>A stored blob whose bytes no longer match its hash, or that has lost its bytes.</summary>
public sealed class BlobDamagedException(string sha256, string reason) : IOException($"文件已损坏：{sha256}（{reason}）")
{
    public string Sha256 { get; } = sha256;
    /// <summary>What is wrong, in Chinese: the bytes differ from the hash, the size differs, the file is missing.</summary>
    public string Reason { get; } = reason;
}
