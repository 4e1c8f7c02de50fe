using System.Globalization;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Web.Features.Auditing;

/// <summary>`audit verify`: walks the audit trail's hash chain on the configured database and names the first broken
/// link (an entry edited, deleted or inserted behind the platform's back). Exit 0 intact, 1 broken or unreadable, 2 usage.</summary>
public static class AuditCommand
{
    public const string Verb = "audit";
    private const string Usage = "用法：audit verify    逐条核对审计记录的哈希链，报告第一处断开的记录";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (args is not ["verify", ..])
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        await using var app = PlatformHost.ForCommand(args[1..]);
        await using var scope = app.Services.CreateAsyncScope();
        AuditVerification result;
        try
        {
            result = await AuditTrail.VerifyAsync(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>(), ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            await errors.WriteLineAsync($"无法读取审计记录：{ex.Message}");
            return 1;
        }
        if (result.Intact)
        {
            await output.WriteLineAsync($"审计链完整：共 {result.Checked} 条记录，逐条核对无误。");
            return 0;
        }
        var e = result.Broken!;
        await output.WriteLineAsync(
            $"审计链在第 {e.Sequence} 条记录处断开（记录编号 {e.Id}，{Beijing(e.At)}，操作人 {e.ActorName}，" +
            $"{e.EntityType} {e.EntityId}，{e.Action.Label()}）：{result.Reason}。此前 {result.Checked - 1} 条记录完好。");
        return 1;
    }

    private static string Beijing(DateTime utc) =>
        LocalTime.FromUtc(utc, LocalTime.Beijing).ToString("yyyy年M月d日 HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）";
}
