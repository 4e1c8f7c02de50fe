using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Blobs;

namespace DxPilot.Web.Features.Files;

/// <summary>`blobs verify`: reads every stored file through the configured blob store, as a download would, and names each one
/// whose bytes are missing or no longer match its hash (a disk fault, a file edited or deleted behind the platform's back).
/// Exit 0 all intact, 1 damaged files or the records unreadable, 2 usage.</summary>
public static class BlobsCommand
{
    public const string Verb = "blobs";
    private const string Usage = "用法：blobs verify    逐个读取已存储的文件，核对内容与哈希，报告缺失或损坏的文件";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (args is not ["verify", ..])
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        await using var app = PlatformHost.ForCommand(args[1..]);
        var check = new BlobCheck(app.Services.GetRequiredService<BlobDatabase>(), app.Services.GetRequiredService<IBlobStore>());
        BlobCheckResult result;
        try
        {
            result = await check.RunAsync(async fault => await output.WriteLineAsync(
                $"已损坏：{fault.Blob.Sha256}（{fault.Blob.Size:N0} 字节，{fault.Blob.ContentType}，" +
                $"{LocalTime.Show(fault.RecordedAt, LocalTime.Beijing)}（北京时间）存入）：{fault.Reason}"), ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            await errors.WriteLineAsync($"无法读取文件记录：{ex.Message}");
            return 1;
        }
        if (result.Damaged == 0)
        {
            await output.WriteLineAsync($"文件完好：共 {result.Checked:N0} 个（{result.Bytes:N0} 字节），逐个核对无误。");
            return 0;
        }
        await output.WriteLineAsync($"共核对 {result.Checked:N0} 个文件（{result.Bytes:N0} 字节），其中 {result.Damaged:N0} 个缺失或损坏（见上），其余完好。");
        return 1;
    }
}
