using System.Data.Common;
using System.Data;
using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>
/// Blobs in the database itself (table BlobChunks, 1 MB per row), so that every copy of the application behind a load
/// balancer reads the same files and a database backup holds them. An upload streams its chunks, under a temporary key,
/// inside one transaction; once the hash is known the chunks are renamed to it and the metadata row is added in the same
/// commit. An interrupted upload rolls back: no chunks, no row. Reading streams one chunk at a time.
/// </summary>
public sealed class DatabaseBlobStore(BlobDatabase database) : IBlobStore
{
    public const int ChunkSize = 1024 * 1024;

    public async Task<StoredBlob> PutAsync(Stream content, CancellationToken ct = default)
    {
        await using var conn = await database.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var key = $"upload-{Guid.NewGuid():N}";
        StoredBlob blob;
        await using (var chunks = new ChunkWriter(conn, tx, key))
        {
            blob = await BlobCopy.CopyAsync(content, chunks, ct);
            await chunks.CompleteAsync(ct);
        }
        var added = await database.AddAsync(conn, tx, blob, ct);
        // Deduplicated: the chunks already stored stay (unless the blob was recorded without them, e.g. by the file store).
        var keep = !added && await HasChunks(conn, tx, blob.Sha256, ct);
        await using (var cmd = SqlCommands.Command(conn, tx, keep
            ? """DELETE FROM "BlobChunks" WHERE "Sha256" = @k"""
            : """UPDATE "BlobChunks" SET "Sha256" = @h WHERE "Sha256" = @k""", ("@k", key), ("@h", blob.Sha256)))
            await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return blob;
    }

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken ct = default) =>
        await database.FindAsync(sha256, ct) is { } blob ? new VerifyingStream(new ChunkReader(database, sha256), sha256, blob.Size) : null;

    public async Task<bool> VerifyAsync(string sha256, CancellationToken ct = default) => await BlobCopy.DrainAsync(await OpenAsync(sha256, ct), ct);

    /// <summary>Whether a blob's bytes are held here (false for one whose bytes are in files).</summary>
    public async Task<bool> HoldsAsync(string sha256, CancellationToken ct)
    {
        await using var conn = await database.OpenAsync(ct);
        return await HasChunks(conn, null, sha256, ct);
    }

    private static async Task<bool> HasChunks(DbConnection conn, DbTransaction? tx, string sha256, CancellationToken ct)
    {
        await using var cmd = SqlCommands.Command(conn, tx, """SELECT COUNT(*) FROM "BlobChunks" WHERE "Sha256" = @h AND "Seq" = 0""", ("@h", sha256));
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) > 0;
    }

    /// <summary>Gathers written bytes into 1 MB chunks and inserts each as it fills; only one chunk is held at a time.</summary>
    private sealed class ChunkWriter(DbConnection conn, DbTransaction tx, string key) : Stream
    {
        private readonly byte[] _chunk = new byte[ChunkSize];
        private int _filled;
        private int _seq;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
        {
            while (data.Length > 0)
            {
                var take = Math.Min(data.Length, ChunkSize - _filled);
                data[..take].CopyTo(_chunk.AsMemory(_filled));
                (_filled, data) = (_filled + take, data[take..]);
                if (_filled == ChunkSize) await InsertAsync(ct);
            }
        }

        /// <summary>Inserts the last, partly filled chunk.</summary>
        public async Task CompleteAsync(CancellationToken ct)
        {
            if (_filled > 0) await InsertAsync(ct);
        }

        private async Task InsertAsync(CancellationToken ct)
        {
            var bytes = _filled == ChunkSize ? _chunk : _chunk[.._filled];
            await using var cmd = SqlCommands.Command(conn, tx, """INSERT INTO "BlobChunks" ("Sha256", "Seq", "Bytes") VALUES (@k, @n, @b)""",
                ("@k", key), ("@n", _seq++), ("@b", bytes));
            await cmd.ExecuteNonQueryAsync(ct);
            _filled = 0;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("异步写入");
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Streams the chunks in order, each straight from the database reader into the caller's buffer.</summary>
    private sealed class ChunkReader(BlobDatabase database, string sha256) : Stream
    {
        private DbConnection? _conn;
        private DbCommand? _cmd;
        private DbDataReader? _reader;
        private Stream? _chunk;
        private int _seq;
        private bool _done;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            while (!_done)
            {
                if (_chunk is null && !await NextChunkAsync(ct)) break;
                var read = await _chunk!.ReadAsync(buffer, ct);
                if (read > 0) return read;
                await CloseChunkAsync();
            }
            return 0;
        }

        private async Task<bool> NextChunkAsync(CancellationToken ct)
        {
            _conn ??= await database.OpenAsync(ct);
            // The column is streamed, not loaded: Npgsql does so under sequential access; SQLite does so (incremental blob
            // I/O) only when the row's rowid is selected with it.
            var columns = database.IsPostgres ? "\"Bytes\"" : "rowid, \"Bytes\"";
            _cmd = SqlCommands.Command(_conn, null, $"""SELECT {columns} FROM "BlobChunks" WHERE "Sha256" = @h AND "Seq" = @n""", ("@h", sha256), ("@n", _seq++));
            _reader = await _cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            if (!await _reader.ReadAsync(ct)) { _done = true; await CloseChunkAsync(); return false; }
            _chunk = _reader.GetStream(_reader.FieldCount - 1);
            return true;
        }

        private async Task CloseChunkAsync()
        {
            if (_chunk is not null) await _chunk.DisposeAsync();
            if (_reader is not null) await _reader.DisposeAsync();
            if (_cmd is not null) await _cmd.DisposeAsync();
            (_chunk, _reader, _cmd) = (null, null, null);
        }

        public override async ValueTask DisposeAsync()
        {
            await CloseChunkAsync();
            if (_conn is not null) await _conn.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _chunk?.Dispose(); _reader?.Dispose(); _cmd?.Dispose(); _conn?.Dispose(); }
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
