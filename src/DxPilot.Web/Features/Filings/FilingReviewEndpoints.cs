using DxPilot.Domain.Filings;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Reviews;

namespace DxPilot.Web.Features.Filings;

/// <summary>The experts' review and the batch actions under /api/filings: the same use cases and refusals as their pages.</summary>
public static class FilingReviewEndpoints
{
    public sealed record AssignInput(List<string>? Experts);

    public sealed record SubmitInput(Dictionary<string, string?>? Scores, string? Recommendation, string? Opinion, int? Version);

    public sealed record BatchInput(string? Action, List<Guid>? Ids, Dictionary<Guid, int>? Versions, string? Reason, List<string>? Experts);

    public static void Map(WebApplication app)
    {
        // Browser: FilingExpertPanel's forms post here (form binding makes the framework check antiforgery), then go back to the filing.
        app.MapPost("/filings/{id:guid}/experts", async (Guid id, IFormCollection form, HttpContext http, FilingService service, CancellationToken ct) =>
            Back(id, await service.AssignAsync(http.User.RequireActor(), id, form["experts"].OfType<string>().ToList(), ct))).RequireAuthorization();

        app.MapPost("/filings/{id:guid}/experts/withdraw", async (Guid id, IFormCollection form, HttpContext http, FilingService service, CancellationToken ct) =>
            Back(id, await service.WithdrawAsync(http.User.RequireActor(), id, form["expert"].ToString(), ct))).RequireAuthorization();

        var api = app.MapGroup("/api/filings").WithTags("改造项目备案")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/{id:guid}/experts", async (Guid id, HttpContext http, FilingService service, CancellationToken ct) =>
                ApiResults.From(await service.ExpertsAsync(http.User.RequireActor(), id, ct), list => Results.Ok(list)))
            .WithSummary("可指派的评审专家（市级）：所在单位、是否已指派本轮评审，以及利益冲突时不能指派的原因");

        api.MapGet("/{id:guid}/reviews", async (Guid id, HttpContext http, FilingService service, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                if (actor.Role == Domain.Accounts.Role.Expert)
                    return ApiResults.From(await service.MyReviewAsync(actor, id, ct), r => Results.Ok(new[] { Shown(r) }));
                return ApiResults.From(await service.ReviewsAsync(actor, id, ct), list => Results.Ok(list.Select(Shown)));
            })
            .WithSummary("专家评审意见：市级与智库看全部（最新一轮在前），专家只看自己的");

        api.MapPost("/{id:guid}/reviews", async (Guid id, AssignInput input, HttpContext http, FilingService service, CancellationToken ct) =>
                ApiResults.From(await service.AssignAsync(http.User.RequireActor(), id, input.Experts ?? [], ct), list => Results.Ok(list.Select(Shown))))
            .WithSummary("指派评审专家（市级，市级审核阶段）：experts 为专家账号 id；已指派的保留；有利益冲突的专家被拒绝并说明原因");

        api.MapDelete("/{id:guid}/reviews/{expert}", async (Guid id, string expert, HttpContext http, FilingService service, CancellationToken ct) =>
                ApiResults.From(await service.WithdrawAsync(http.User.RequireActor(), id, expert, ct), _ => Results.NoContent()))
            .WithSummary("撤回尚未提交的专家指派（市级）");

        api.MapPut("/{id:guid}/reviews/mine", async (Guid id, SubmitInput input, HttpContext http, FilingService service, CancellationToken ct) =>
                ApiResults.From(await service.SubmitReviewAsync(http.User.RequireActor(), id,
                    new ReviewInput(input.Scores ?? [], input.Recommendation, input.Opinion, input.Version), ct), r => Results.Ok(Shown(r))))
            .WithSummary("专家提交评审意见（一次）：scores 为按评分项 key 的整数分，recommendation 为 pass / passAfterRevision / fail，"
                         + "不是 pass 时须填 opinion，version 为读取时评审意见的版本");

        api.MapPost("/batch", async (BatchInput input, HttpContext http, FilingService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<BatchAction>(input.Action) is not { } action)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["action"] = ["请选择批量操作：pass（初审通过）、return（退回修改）或 assignExperts（指派专家）"] },
                        title: "提交的内容有误");
                return ApiResults.From(await service.BatchAsync(http.User.RequireActor(), action, BatchRun.Targets(input.Ids, input.Versions), input.Reason,
                    input.Experts ?? [], ct), BatchRun.Answer);
            })
            .WithSummary("批量操作：action 为 pass / return / assignExperts，ids 为备案 id，versions 为读取时各项的版本（可选），reason 为审核意见或退回理由，"
                         + "experts 为专家账号 id。每项单独办理，逐项返回已办或未办及原因");
    }

    /// <summary>Done: back to the filing's page. Refused: the reasons in Chinese with the status the API would give.</summary>
    private static IResult Back<T>(Guid id, Outcome<T> outcome) => outcome.IsOk
        ? Results.LocalRedirect($"/filings/{id}#experts")
        : ExpertAssignmentRefusal.Refused(outcome, $"/filings/{id}", "返回备案", "找不到该备案或评审专家，或不在您的权限范围内");

    private static object Shown(FilingExpertReview r) => new
    {
        r.Id, r.Round, r.ExpertUserId, r.ExpertName, r.AssignedAt, r.AssignedByName, r.Scores, r.Total,
        Recommendation = r.Recommendation is { } x ? WorkflowNames.Of(x) : null, RecommendationLabel = r.Recommendation?.Label(), r.Opinion, r.SubmittedAt,
        r.Version,
    };
}
