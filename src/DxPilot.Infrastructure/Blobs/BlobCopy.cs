using System.Buffers;
using System.Security.Cryptography;
using DxPilot.Domain.Files;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>Copies a stream through a small buffer while hashing it, counting it and reading its signature.</summary>
internal static class BlobCopy
{
    private const int BufferSize = 81920;

    public static async Task<StoredBlob> CopyAsync(Stream source, Stream destination, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var head = new byte[FileSignature.HeadLength];
        var (size, headLength) = (0L, 0);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                var take = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                headLength += take;
                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new StoredBlob(Convert.ToHexStringLower(hash.GetHashAndReset()), size, FileSignature.Sniff(head.AsSpan(0, headLength)));
    }

    /// <summary>Reads a stream to its end (a <see cref="VerifyingStream"/> then checks the hash) and says whether it was intact.</summary>
    public static async Task<bool> DrainAsync(Stream? content, CancellationToken ct)
    {
        if (content is null) return false;
        await using (content)
        {
            try
            {
                await content.CopyToAsync(Stream.Null, ct);
                return true;
            }
            catch (BlobDamagedException)
            {
                return false;
            }
        }
    }
}
