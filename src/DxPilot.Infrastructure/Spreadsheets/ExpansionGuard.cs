namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// Reads a decompressed zip entry and refuses the file as soon as it has expanded past its budget, whatever the entry's
/// header declared; it also refuses a stretch of XML without a '&lt;' longer than <see cref="SheetLimits.MaxTokenBytes"/>,
/// since the XML parser would hold such a token (a giant attribute or text) whole in memory.
/// </summary>
internal sealed class ExpansionGuard(Stream inner, long budget, string refusal) : Stream
{
    private long _read;
    private long _sinceTag;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        if (_read > budget) throw new UnreadableSheetException(refusal);
        var chunk = buffer[..n];
        var lastTag = chunk.LastIndexOf((byte)'<');
        _sinceTag = lastTag < 0 ? _sinceTag + n : n - lastTag - 1;
        if (_sinceTag > SheetLimits.MaxTokenBytes) throw new UnreadableSheetException(SheetLimits.TokenTooLong);
        return n;
    }

    public long BytesRead => _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
