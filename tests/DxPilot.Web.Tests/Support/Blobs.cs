using DxPilot.Infrastructure.Persistence;
using System.Security.Cryptography;
using DxPilot.Infrastructure.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>Test content for the blob store, and a look at what the store left behind.</summary>
public static class Blobs
{
    /// <summary>Random bytes that begin like a PNG, of the given size; the seed makes distinct files.</summary>
    public static byte[] Png(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        Pictures.Png().AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static IBlobStore Store(DxPilotApp app, BlobStoreKind kind) => kind == BlobStoreKind.FileSystem
        ? app.Services.GetRequiredService<FileSystemBlobStore>()
        : app.Services.GetRequiredService<DatabaseBlobStore>();

    public static async Task<long> CountAsync(DxPilotApp app, string sql, params (string, object)[] parameters)
    {
        var database = app.Services.GetRequiredService<BlobDatabase>();
        await using var conn = await database.OpenAsync(CancellationToken.None);
        await using var cmd = SqlCommands.Command(conn, null, sql, parameters);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public static async Task ExecuteAsync(DxPilotApp app, string sql, params (string, object)[] parameters)
    {
        var database = app.Services.GetRequiredService<BlobDatabase>();
        await using var conn = await database.OpenAsync(CancellationToken.None);
        await using var cmd = SqlCommands.Command(conn, null, sql, parameters);
        await cmd.ExecuteNonQueryAsync();
    }

    public static string[] TemporaryFiles(DxPilotApp app)
    {
        var folder = Path.Combine(app.DataPath, "blobs", "tmp");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    /// <summary>Takes a stored blob's bytes away, wherever its store keeps them, and leaves its record.</summary>
    public static async Task RemoveBytesAsync(DxPilotApp app, string sha256)
    {
        var file = app.Services.GetRequiredService<FileSystemBlobStore>().PathOf(sha256);
        if (File.Exists(file)) File.Delete(file);
        else await ExecuteAsync(app, """DELETE FROM "BlobChunks" WHERE "Sha256" = @h""", ("@h", sha256));
    }

    /// <summary>Flips one byte of a stored blob, wherever its store keeps it.</summary>
    public static async Task CorruptAsync(DxPilotApp app, string sha256)
    {
        var file = app.Services.GetRequiredService<FileSystemBlobStore>().PathOf(sha256);
        if (File.Exists(file))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes[^1] ^= 0xFF;
            await File.WriteAllBytesAsync(file, bytes);
        }
        else
        {
            var database = app.Services.GetRequiredService<BlobDatabase>();
            await using var conn = await database.OpenAsync(CancellationToken.None);
            await using var read = SqlCommands.Command(conn, null, """SELECT "Bytes" FROM "BlobChunks" WHERE "Sha256" = @h AND "Seq" = 0""", ("@h", sha256));
            var bytes = (byte[])(await read.ExecuteScalarAsync())!;
            bytes[^1] ^= 0xFF;
            await using var write = SqlCommands.Command(conn, null, """UPDATE "BlobChunks" SET "Bytes" = @b WHERE "Sha256" = @h AND "Seq" = 0""", ("@b", bytes), ("@h", sha256));
            Assert.Equal(1, await write.ExecuteNonQueryAsync());
        }
    }
}

/// <summary>An upload cut off halfway: the connection drops after <paramref name="failAt"/> bytes.</summary>
public sealed class FailingStream(byte[] content, int failAt) : MemoryStream(content)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (Position >= failAt) throw new IOException("客户端断开连接（测试）");
        return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAt - Position)], ct);
    }
}
