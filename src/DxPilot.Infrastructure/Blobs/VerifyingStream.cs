using System.Security.Cryptography;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>
/// A read-only view of a blob's bytes that hashes what passes through and, at the end, throws <see cref="BlobDamagedException"/>
/// when the bytes differ from the blob's hash or size. The check costs no extra read and no buffering.
/// </summary>
internal sealed class VerifyingStream(Stream inner, string sha256, long size) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _checked;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => size;
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Check(inner.Read(buffer, offset, count), buffer.AsSpan(offset));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
        Check(await inner.ReadAsync(buffer, ct), buffer.Span);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int Check(int read, ReadOnlySpan<byte> data)
    {
        _read += read;
        if (_read > size) throw new BlobDamagedException(sha256, $"长度超过记录的{size}字节");
        _hash.AppendData(data[..read]);
        if (read > 0 || _checked) return read;
        _checked = true;
        if (_read != size) throw new BlobDamagedException(sha256, $"只有{_read}字节，记录为{size}字节");
        if (Convert.ToHexStringLower(_hash.GetHashAndReset()) != sha256) throw new BlobDamagedException(sha256, "内容与哈希不符");
        return 0;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) { inner.Dispose(); _hash.Dispose(); }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        _hash.Dispose();
        await base.DisposeAsync();
    }
}
