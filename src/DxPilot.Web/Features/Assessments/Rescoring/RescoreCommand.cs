using System.Data.Common;
using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Assessments.Rescoring;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;

namespace DxPilot.Web.Features.Assessments.Rescoring;

/// <summary>`rescore --instrument miit-2024 [--programme ID]`: re-scores the stored assessments under the instrument version
/// loaded now, on the database the web app is configured with (Database:Provider, ConnectionStrings:DxPilot,
/// DxPilot:DataPath; other configuration may follow as `--Key=value`). Prints the report in Chinese.
/// Exit 0 when every assessment was re-scored; 1 when some could not be (they are listed and left unchanged) or the run was
/// stopped (Ctrl+C, a database error: the batches written stay written, run it again); 2 for a bad command line.</summary>
public static class RescoreCommand
{
    private const string Usage = "用法：rescore --instrument 评测工具编号（如 miit-2024） [--programme 试点编号]";

    public static async Task<int> RunAsync(string[] args)
    {
        // Ctrl+C stops after the batches in flight, so that the run's audit entry is still written.
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, stop.Token);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var instrumentId = Option(args, "--instrument");
        var programmeId = Option(args, "--programme");
        if (instrumentId is null)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        await using var app = PlatformHost.ForCommand(args);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var instruments = services.GetRequiredService<InstrumentCatalog>();
        if (instruments.Find(instrumentId) is null)
        {
            await errors.WriteLineAsync($"未知的评测工具“{instrumentId}”，可选：{string.Join("、", instruments.All.Select(i => i.Id))}");
            return 2;
        }
        if (programmeId is not null && services.GetRequiredService<ProgrammeCatalog>().Find(programmeId) is null)
        {
            await errors.WriteLineAsync($"未知的试点“{programmeId}”，可选：{string.Join("、", services.GetRequiredService<ProgrammeCatalog>().All.Select(p => p.Id))}");
            return 2;
        }

        try
        {
            await services.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
            var rescorer = new AssessmentRescorer(services.GetRequiredService<DxPilotDbContext>(), instruments, TimeProvider.System);
            var report = await rescorer.RescoreAsync(instrumentId, programmeId, Actor.System(programmeId ?? "", $"命令行重新评分（{Environment.UserName}）"), ct);
            await output.WriteAsync(Format(report));
            return report.Failed == 0 ? 0 : 1;
        }
        catch (DbException ex)
        {
            await errors.WriteLineAsync($"数据库出错，重新评分未完成（已写入的批次保留，可再次运行）：{ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await errors.WriteLineAsync("重新评分已中断（已写入的批次保留，可再次运行）");
            return 1;
        }
    }

    public static string Format(RescoreReport r)
    {
        var n = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine($"重新评分：{r.InstrumentName}（{r.InstrumentId}），按当前版本 {r.InstrumentVersion}；范围：{(r.ProgrammeId is null ? "全部试点" : $"试点 {r.ProgrammeId}")}");
        text.AppendLine(string.Create(n, $"共 {r.Scanned:N0} 条评测：结果有变化 {r.Changed:N0} 条，无变化 {r.Unchanged:N0} 条，无法评分 {r.Failed:N0} 条，期间被修改而跳过 {r.RevisedMeanwhile:N0} 条"));
        if (r.Locked > 0) text.AppendLine(string.Create(n, $"另有 {r.Locked:N0} 条已被评测报告引用，不可修改，保持原结果不变"));
        text.AppendLine(string.Create(n, $"用时 {r.Elapsed.TotalSeconds:F1} 秒（每秒 {r.PerSecond:N0} 条）"));
        if (r.Failed > 0)
        {
            text.AppendLine(r.Failed > r.FirstFailures.Count
                ? string.Create(n, $"以下评测的答卷与当前版本不符，保持原结果不变（共 {r.Failed:N0} 条，列出前 {r.FirstFailures.Count} 条）：")
                : "以下评测的答卷与当前版本不符，保持原结果不变：");
            foreach (var f in r.FirstFailures) text.AppendLine($"  {f.AssessmentId}  {f.Reason}");
        }
        return text.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
