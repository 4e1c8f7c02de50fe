using DxPilot.Domain.Awards;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Awards;

/// <summary>The city's batch actions and the published list of a batch under /api/awards: the same use cases and refusals as their pages.</summary>
public static class AwardBatchEndpoints
{
    public sealed record BatchActionInput(string? Call, string? Action, List<Guid>? Ids, Dictionary<Guid, int>? Versions, string? Reason);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/awards").WithTags("奖补申报（数智标杆、链式案例）")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapPost("/batch", async (BatchActionInput input, HttpContext http, AwardService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<AwardTrigger>(input.Action) is not { } trigger || !AwardService.BatchTriggers.Contains(trigger))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["action"] = ["请选择批量操作：startReview（纳入评审）、recognise（认定）或 notRecognise（不予认定）"] },
                        title: "提交的内容有误");
                return ApiResults.From(await service.BatchAsync(http.User.RequireActor(), input.Call ?? "", trigger, BatchRun.Targets(input.Ids, input.Versions),
                    input.Reason, ct), BatchRun.Answer);
            })
            .WithSummary("批量办理（市级）：call 为申报 id，action 为 startReview / recognise / notRecognise，ids 为申报 id，versions 为读取时各项的版本，"
                         + "reason 为不予认定的理由（适用于每一项）。每项单独办理，逐项返回已办或未办及原因；批量认定认定各项申报的全部方向，有专家不推荐的须逐项认定");

        api.MapGet("/calls/{callId}/batches/{batchId:guid}/published", async (string callId, Guid batchId, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.PublishedAsync(http.User.RequireActor(), callId, batchId, ct), list => Results.Ok(new
                {
                    Call = list.Call.Id, list.Call.Title, Batch = list.Batch.Name, TotalWan = list.TotalWan,
                    Items = list.Rows.Select((r, i) => new { Number = i + 1, r.Id, r.EnterpriseName, r.District, r.Directions, r.AmountWan }),
                })))
            .WithSummary("发布一批：已截止批次中认定的企业（企业名称、县（市、区）、认定方向、奖补金额（万元）），本试点的主管部门、智库和企业可读");

        api.MapGet("/calls/{callId}/batches/{batchId:guid}/published.xlsx", AwardPublishedSheet.DownloadAsync)
            .WithSummary("发布一批的认定名单 .xlsx（单元格均为文本或数字，不含公式）");
    }
}
