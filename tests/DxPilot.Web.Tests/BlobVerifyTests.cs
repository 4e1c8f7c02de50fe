using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Blobs;

namespace DxPilot.Web.Tests;

/// <summary>`blobs verify` on each database with its default store: every stored file read through and counted (past one page
/// of records), and a file whose bytes were altered or taken away named with the reason, the rest left unnamed.</summary>
public abstract class BlobVerifyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_stored_file_is_read_and_the_altered_and_the_missing_ones_are_named()
    {
        var store = app.Services.GetRequiredService<IBlobStore>();
        // More than one page of records (500), so the walk must go on past the first.
        for (var i = 0; i < 520; i++) await store.PutAsync(new MemoryStream(Png(200 + i, seed: 7000 + i)), Ct);
        var (count, bytes) = (await CountAsync(app, """SELECT COUNT(*) FROM "Blobs" """), await CountAsync(app, """SELECT SUM("Size") FROM "Blobs" """));

        var (exit, output) = await VerifyAsync();
        Assert.Equal(0, exit);
        Assert.Equal($"文件完好：共 {count:N0} 个（{bytes:N0} 字节），逐个核对无误。", output.Trim());

        var altered = await store.PutAsync(new MemoryStream(Png(1_300_000, seed: 7901)), Ct);
        var missing = await store.PutAsync(new MemoryStream(Png(40_000, seed: 7902)), Ct);
        var intact = await store.PutAsync(new MemoryStream(Png(50_000, seed: 7903)), Ct);
        await CorruptAsync(app, altered.Sha256);
        await RemoveBytesAsync(app, missing.Sha256);

        (exit, output) = await VerifyAsync();
        Assert.Equal(1, exit);
        var lines = output.Trim().Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal(3, lines.Count);
        var alteredLine = Assert.Single(lines, l => l.StartsWith($"已损坏：{altered.Sha256}（1,300,000 字节，image/png，"));
        Assert.EndsWith("：内容与哈希不符", alteredLine);
        Assert.Contains("（北京时间）存入", alteredLine);
        var missingLine = Assert.Single(lines, l => l.StartsWith($"已损坏：{missing.Sha256}（40,000 字节，image/png，"));
        Assert.Contains(app.Provider == DatabaseProvider.Sqlite ? "：文件不存在：" : "：只有0字节，记录为40000字节", missingLine);
        Assert.DoesNotContain(intact.Sha256, output);
        Assert.Equal($"共核对 {count + 3:N0} 个文件（{bytes + 1_390_000:N0} 字节），其中 2 个缺失或损坏（见上），其余完好。", lines[^1]);
    }

    [Fact]
    public async Task Without_verify_it_says_how_to_use_it()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, await BlobsCommand.RunAsync([], output, errors, Ct));
        Assert.Contains("用法：blobs verify", errors.ToString());
    }

    private async Task<(int Code, string Output)> VerifyAsync()
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await BlobsCommand.RunAsync(["verify", $"--Database:Provider={database.Provider}", $"--ConnectionStrings:DxPilot={database.ConnectionString}",
            $"--DxPilot:DataPath={app.DataPath}"], output, errors, Ct);
        return (code, output + errors.ToString());
    }
}

public sealed class BlobVerifyTestsOnSqlite(SqliteApp app) : BlobVerifyTests<SqliteApp>(app);

public sealed class BlobVerifyTestsOnPostgres(PostgresApp app) : BlobVerifyTests<PostgresApp>(app);
