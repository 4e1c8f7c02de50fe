using DxPilot.Domain.Awards;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Reviews;

namespace DxPilot.Web.Features.Awards;

/// <summary>The third party's expert review under /api/awards: the same use cases and refusals as the review pages.</summary>
public static class AwardReviewEndpoints
{
    public sealed record PanelBody(Guid? Batch, string? Industry, List<string>? Experts, List<Guid>? Applications);

    public sealed record ReviewBody(Dictionary<string, string?>? Scores, string? Recommendation, string? Opinion, int? Version);

    public static void Map(WebApplication app)
    {
        // Browser: the review board's 撤回指派 buttons post here (form binding makes the framework check antiforgery), then go back to
        // the board on the application's batch; a refusal is shown as the filings' assignment refusals are.
        app.MapPost("/awards/{id:guid}/reviews/withdraw", async (Guid id, IFormCollection form, HttpContext http, AwardService service, CancellationToken ct) =>
        {
            var outcome = await service.WithdrawReviewAsync(http.User.RequireActor(), id, form["expert"].ToString(), ct);
            return outcome.IsOk
                ? Results.LocalRedirect($"/awards/calls/{Uri.EscapeDataString(outcome.Value!.CallId)}/review?batch={outcome.Value.BatchId}")
                : ExpertAssignmentRefusal.Refused(outcome, $"/awards/{id}", "返回申报书", "找不到该申报或评审专家，或不在您的权限范围内");
        }).RequireAuthorization();

        var api = app.MapGroup("/api/awards").WithTags("奖补申报（数智标杆、链式案例）")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/{id:guid}/reviews", async (Guid id, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.ReviewsAsync(http.User.RequireActor(), id, ct), list => Results.Ok(list.Select(Shown))))
            .WithSummary("专家评审意见：市级与智库看全部（最新一轮在前），专家只看自己的；各方向小计、总分和评审建议");

        api.MapPost("/calls/{callId}/review-assignments", async (string callId, PanelBody body, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.AssignPanelAsync(http.User.RequireActor(), callId,
                        new PanelInput(body.Batch, body.Industry, body.Experts ?? [], body.Applications), ct),
                    results => Results.Ok(new { Assigned = results.Count(r => r.Assigned), Refused = results.Count(r => !r.Assigned), Items = results })))
            .WithSummary("按试点行业指派评审专家（市级，批量）：batch（默认最新一批）、industry（试点行业）、experts（专家账号 id）、applications（可选，只指派其中几项）；"
                         + "该行业评审中的每项申报逐一指派，有利益冲突的专家在该项被拒绝并说明原因，其余照常指派");

        api.MapDelete("/{id:guid}/reviews/{expert}", async (Guid id, string expert, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.WithdrawReviewAsync(http.User.RequireActor(), id, expert, ct), _ => Results.NoContent()))
            .WithSummary("撤回尚未提交的专家指派（市级，本轮评审、申报评审中）：expert 为专家账号 id；已提交评审意见的不能撤回");

        api.MapGet("/review", async (HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.MyReviewsAsync(http.User.RequireActor(), ct), list => Results.Ok(list.Select(a => new
                {
                    Review = Shown(a.Review), a.Application.Id, a.EnterpriseName, a.CallTitle, Directions = a.Application.PickedDirections,
                    a.Application.Revision, Items = a.Items.Select(i => new { i.Key, i.Label, i.MaxScore }), Open = a.Closed is null, a.Closed,
                }))))
            .WithSummary("专家的评审任务：指派给本人的申报、评分项（各方向的条件及满分）、是否仍可提交");

        api.MapPost("/reviews/{reviewId:guid}", async (Guid reviewId, ReviewBody body, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.SubmitReviewAsync(http.User.RequireActor(), reviewId,
                    new AwardReviewInput(body.Scores ?? [], body.Recommendation, body.Opinion, body.Version), ct), r => Results.Ok(Shown(r))))
            .WithSummary("专家提交评审意见（每轮一次）：scores 为按评分项 key（方向.条件）的整数分，recommendation 为 recognise（推荐认定）/ "
                         + "notRecognise（不推荐），opinion 为评审意见，version 为读取时评审意见的版本");
    }

    private static object Shown(AwardExpertReview r) => new
    {
        r.Id, r.ApplicationId, r.Round, r.ExpertUserId, r.ExpertName, r.AssignedAt, r.AssignedByName, r.Scores, r.Total,
        Totals = r.Scores.Keys.Select(k => k[..k.IndexOf('.')]).Distinct().ToDictionary(d => d, r.TotalOf),
        Recommendation = r.Recommendation is { } x ? WorkflowNames.Of(x) : null, RecommendationLabel = r.Recommendation?.Label(), r.Opinion, r.SubmittedAt,
        r.Version,
    };
}
