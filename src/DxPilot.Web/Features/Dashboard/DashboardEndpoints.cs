using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>The dashboard for tools: its figures as JSON, the whole of it as .xlsx and the 绩效评价报告 as .docx, with the page's scope rules.</summary>
public static class DashboardEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("试点看板")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/dashboard", async (HttpContext http, string? district, DashboardService dashboards, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                return ApiResults.From(await dashboards.GetAsync(actor, district, ct), f =>
                {
                    var chain = dashboards.ProgrammeOf(actor).Project?.Chain;
                    return Results.Ok(new
                    {
                        f.ProgrammeId, f.District, f.ComputedAt, f.Targets, f.Funnel,
                        Stages = f.Stages.Select(s => new { State = WorkflowNames.Of(s.Status), Label = chain?.Label(s.Status, actor), s.Count, s.MedianDays }),
                        Levels = f.Levels, Money = f.Money, MoneyTotal = f.MoneyTotal,
                        Providers = f.Providers.Select(p => new
                        {
                            p.Id, p.Name, p.EnterprisesServed, p.Verdicts, p.Passed, p.PassRate, p.Evaluated, p.AverageUplift, p.Satisfactions,
                            p.SatisfactionAverage, p.ThinkTankRating,
                        }),
                        f.Overdue,
                        Awards = f.Awards is { } a ? new
                        {
                            a.Columns,
                            Districts = a.Districts.Append(a.Total).Select(m => new
                            {
                                m.District, m.AmountWan,
                                Directions = a.Columns.Select((c, i) => new { c.CallId, c.Direction, c.Label, Count = m.Counts[i], AmountWan = m.AmountOf(c, i) }),
                            }),
                        } : null,
                    });
                });
            })
            .WithSummary("试点看板：目标进度、推进漏斗、各状态数量及停留天数中位数、改造前后等级迁移、分县区资金（备案投资、核定、中央/地方、拨付）、"
                         + "服务商排行、逾期事项、奖补（标杆、链式：各县区各方向认定数及奖补万元，末行合计；无奖补申报的试点为 null）；district 选县（市、区）（区县账号固定为本区）；数据每5秒内更新，computedAt 为计算时间");

        api.MapGet("/dashboard.xlsx", DashboardExport.DownloadAsync).WithSummary("试点看板导出 .xlsx（每块一个工作表），district 同上");
        api.MapGet(PerformanceReportDownload.Route, PerformanceReportDownload.DownloadAsync)
            .WithSummary("试点绩效评价报告（.docx）：基本情况、目标完成情况、转型成效、资金使用情况、服务商情况、存在问题，数字均取自看板数据；district 同上");
    }
}
