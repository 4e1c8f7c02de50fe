using System.Net;
using DxPilot.Domain.Files;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Blobs;

namespace DxPilot.Web.Tests;

/// <summary>
/// The blob store, both kinds on each database: content goes in as a stream and comes back byte for byte under its SHA-256;
/// the same content is kept once; an upload cut off halfway leaves no bytes, no row and no temporary file; a blob whose bytes
/// were altered is found out when read and refused when served.
/// </summary>
public abstract class BlobStoreTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(BlobStoreKind.FileSystem)]
    [InlineData(BlobStoreKind.Database)]
    public async Task Content_comes_back_byte_for_byte_under_its_hash(BlobStoreKind kind)
    {
        var store = Store(app, kind);
        // 2.5 MB: three database chunks, the last one partial.
        var content = Png(2_621_440, seed: (int)kind * 10 + 1);
        var blob = await store.PutAsync(new MemoryStream(content), Ct);
        Assert.Equal(new StoredBlob(Sha256(content), content.Length, FileSignature.Png), blob);

        await using var read = await store.OpenAsync(blob.Sha256, Ct);
        var back = new MemoryStream();
        await read!.CopyToAsync(back, Ct);
        Assert.Equal(content, back.ToArray());
        Assert.True(await store.VerifyAsync(blob.Sha256, Ct));
        Assert.Null(await store.OpenAsync(Sha256([1, 2, 3]), Ct));
        Assert.False(await store.VerifyAsync(Sha256([1, 2, 3]), Ct));
        if (kind == BlobStoreKind.Database)
            Assert.Equal(3, await CountAsync(app, """SELECT COUNT(*) FROM "BlobChunks" WHERE "Sha256" = @h""", ("@h", blob.Sha256)));
        else
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(app.DataPath, "blobs", blob.Sha256[..2], blob.Sha256[2..4], blob.Sha256), Ct));
    }

    [Theory]
    [InlineData(BlobStoreKind.FileSystem)]
    [InlineData(BlobStoreKind.Database)]
    public async Task The_same_content_is_stored_once(BlobStoreKind kind)
    {
        var store = Store(app, kind);
        var content = Png(1_500_000, seed: (int)kind * 10 + 2);
        var first = await store.PutAsync(new MemoryStream(content), Ct);
        var second = await store.PutAsync(new MemoryStream(content), Ct);

        Assert.Equal(first, second);
        Assert.Equal(1, await CountAsync(app, """SELECT COUNT(*) FROM "Blobs" WHERE "Sha256" = @h""", ("@h", first.Sha256)));
        if (kind == BlobStoreKind.Database)
            Assert.Equal(2, await CountAsync(app, """SELECT COUNT(*) FROM "BlobChunks" WHERE "Sha256" = @h""", ("@h", first.Sha256)));
        Assert.Equal(0, await CountAsync(app, """SELECT COUNT(*) FROM "BlobChunks" WHERE "Sha256" LIKE 'upload-%'"""));
        Assert.Empty(TemporaryFiles(app));
    }

    [Theory]
    [InlineData(BlobStoreKind.FileSystem)]
    [InlineData(BlobStoreKind.Database)]
    public async Task An_upload_cut_off_halfway_leaves_no_bytes_no_row_and_no_temporary_file(BlobStoreKind kind)
    {
        var store = Store(app, kind);
        var content = Png(3_000_000, seed: (int)kind * 10 + 3);
        var blobsBefore = await CountAsync(app, """SELECT COUNT(*) FROM "Blobs" """);
        var chunksBefore = await CountAsync(app, """SELECT COUNT(*) FROM "BlobChunks" """);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(new FailingStream(content, 1_500_000), Ct));

        Assert.Equal(blobsBefore, await CountAsync(app, """SELECT COUNT(*) FROM "Blobs" """));
        Assert.Equal(chunksBefore, await CountAsync(app, """SELECT COUNT(*) FROM "BlobChunks" """));
        Assert.Equal(0, await CountAsync(app, """SELECT COUNT(*) FROM "Blobs" WHERE "Sha256" = @h""", ("@h", Sha256(content))));
        Assert.Empty(TemporaryFiles(app));
        Assert.False(File.Exists(app.Services.GetRequiredService<FileSystemBlobStore>().PathOf(Sha256(content))));
    }

    [Theory]
    [InlineData(BlobStoreKind.FileSystem)]
    [InlineData(BlobStoreKind.Database)]
    public async Task Altered_bytes_are_found_out_when_read_and_a_new_upload_of_the_content_mends_a_damaged_file(BlobStoreKind kind)
    {
        var store = Store(app, kind);
        var content = Png(1_200_000, seed: (int)kind * 10 + 4);
        var blob = await store.PutAsync(new MemoryStream(content), Ct);
        await CorruptAsync(app, blob.Sha256);

        Assert.False(await store.VerifyAsync(blob.Sha256, Ct));
        await using (var read = await store.OpenAsync(blob.Sha256, Ct))
            await Assert.ThrowsAsync<BlobDamagedException>(() => read!.CopyToAsync(Stream.Null, Ct));
        if (kind == BlobStoreKind.FileSystem)
        {
            await store.PutAsync(new MemoryStream(content), Ct);
            Assert.True(await store.VerifyAsync(blob.Sha256, Ct));
        }
    }

    [Fact]
    public async Task A_damaged_picture_is_refused_with_a_message_when_served()
    {
        var (user, _) = await HeilongjiangAccounts.EnterpriseAsync(app);
        var browser = await BenchmarkBrowser.SignInAsync(app, user);
        var picture = Png(300_000, seed: 5);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.FillAsync(f => f["Form.Items[1].Answer"] = "是", "save",
            new BenchmarkBrowser.Upload("picture-1", "设计软件截图.png", picture))).StatusCode);
        var src = PageClient.Parse(await browser.Client.GetStringAsync(BenchmarkBrowser.FormPath)).QuerySelector("#item-1 .thumbs img")!.GetAttribute("src")!;
        Assert.Equal(picture, await browser.Client.GetByteArrayAsync(src, Ct));

        await CorruptAsync(app, Sha256(picture));
        var damaged = await browser.Client.GetAsync(src, Ct);
        Assert.Equal(HttpStatusCode.Gone, damaged.StatusCode);
        Assert.Contains("文件已损坏", await damaged.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class BlobStoreTestsOnSqlite(SqliteApp app) : BlobStoreTests<SqliteApp>(app);

public sealed class BlobStoreTestsOnPostgres(PostgresApp app) : BlobStoreTests<PostgresApp>(app);
