using System.Net;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Migration 0004 keeps every picture: evidence stored the old way (bytes in its row, at schema 0003) is served byte for
/// byte after the platform starts on the database, from wherever the configured store now keeps it.
/// </summary>
public abstract class BlobMigrationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : LegacyPicturesApp
{
    [Fact]
    public async Task Every_picture_stored_before_the_blob_store_is_served_byte_identical()
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.Enterprise, enterprise: app.EnterpriseId, displayName: "旧版图片企业");
        var browser = await BenchmarkBrowser.SignInAsync(app, user);
        foreach (var (id, bytes, type) in app.Evidence)
        {
            var served = await browser.Client.GetAsync($"/benchmark/evidence/{id}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(type, served.Content.Headers.ContentType!.MediaType);
            Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
        var page = await browser.PageAsync();
        Assert.Contains("车间数控设备.png（2.4 MB）", page);

        // Four distinct pictures (the tiny PNG twice), each recorded once; their bytes where the configured store reads them.
        // (The demo data's own files were stored through the blob store from the start, so only these hashes are counted.)
        var hashes = app.Evidence.Select(e => Blobs.Sha256(e.Bytes)).Distinct().ToList();
        Assert.Equal(4, hashes.Count);
        var listed = string.Join(", ", hashes.Select(h => $"'{h}'"));
        Assert.Equal(4, await Blobs.CountAsync(app, $"""SELECT COUNT(*) FROM "Blobs" WHERE "Sha256" IN ({listed})"""));
        var files = app.Services.GetRequiredService<FileSystemBlobStore>();
        if (app.Services.GetRequiredService<IBlobStore>() is FileSystemBlobStore)
        {
            Assert.Equal(0, await Blobs.CountAsync(app, """SELECT COUNT(*) FROM "BlobChunks" """));
            Assert.All(hashes, h => Assert.True(File.Exists(files.PathOf(h))));
        }
        else
        {
            // 1 + 3 + 1 + 1 chunks of at most 1 MB (the demo data's files have their own).
            Assert.Equal(6, await Blobs.CountAsync(app, $"""SELECT COUNT(*) FROM "BlobChunks" WHERE "Sha256" IN ({listed})"""));
            Assert.All(hashes, h => Assert.False(File.Exists(files.PathOf(h))));
        }
    }
}

public sealed class BlobMigrationTestsOnSqlite(SqliteLegacyApp app) : BlobMigrationTests<SqliteLegacyApp>(app);

public sealed class BlobMigrationTestsOnPostgres(PostgresLegacyApp app) : BlobMigrationTests<PostgresLegacyApp>(app);

public sealed class BlobMigrationTestsOnPostgresWithFiles(PostgresLegacyFilesApp app) : BlobMigrationTests<PostgresLegacyFilesApp>(app);
