using DxPilot.Infrastructure.Catalogue;
using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>`catalogue recount`: rebuilds the demand map's kept counts from the needs on the configured database
/// (<see cref="DemandRecount"/>) and says how many rows it corrected. Exit 0 done, 1 unreadable, 2 usage.</summary>
public static class CatalogueCommand
{
    public const string Verb = "catalogue";
    private const string Usage = "用法：catalogue recount    按企业需求重新统计供需地图的企业数，报告更正的行数";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (args is not ["recount", ..])
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        await using var app = PlatformHost.ForCommand(args[1..]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        int wrong;
        try
        {
            wrong = await DemandRecount.RunAsync(db, ct);
        }
        catch (System.Data.Common.DbException ex)
        {
            await errors.WriteLineAsync($"无法重新统计供需地图（数据库须已由平台启动时迁移到最新）：{ex.Message}");
            return 1;
        }
        await output.WriteLineAsync(wrong == 0
            ? "供需地图的企业数与企业需求一致，未作更改。"
            : $"已按企业需求重新统计供需地图：更正 {wrong} 行（缺少、多余或数目不符）。");
        return 0;
    }
}
