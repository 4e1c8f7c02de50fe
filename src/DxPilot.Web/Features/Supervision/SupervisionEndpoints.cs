using DxPilot.Domain.Accounts;
using DxPilot.Domain.Supervision;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Antiforgery;

namespace DxPilot.Web.Features.Supervision;

/// <summary>The supervision API under /api/supervision and the comment list's withdraw post: the same use cases, scopes and refusals as the pages.</summary>
public static class SupervisionEndpoints
{
    /// <summary>A comment: its text, followUp none / watch / rectify, and rectifyBy (yyyy-MM-dd) for a rectification.</summary>
    public sealed record CommentBody(string? Text, string? FollowUp, DateOnly? RectifyBy);

    /// <summary>A reply to a 需整改 comment (text) or the note closing it (note).</summary>
    public sealed record ReplyBody(string? Text);
    public sealed record CloseBody(string? Note);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/supervision").WithTags("第三方智库督导")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/criteria", (HttpContext http, SupervisionService service) =>
                service.RulesOf(http.User.RequireActor()) is { } rules
                    ? Results.Ok(new { rules.Source, rules.ProviderCriteria, rules.EnterpriseCriteria })
                    : Results.Problem(title: "本试点未设定第三方智库评价指标", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("本试点对服务商和企业的评价指标（key、名称、评分方式 stars 1-5星 / points 0-100分）");

        api.MapGet("/{type}/{id:guid}/comments", async (string type, Guid id, string? page, HttpContext http, SupervisionService service, CancellationToken ct) =>
                ApiResults.From(await service.CommentsAsync(http.User.RequireActor(), type, id, QueryValue.Int(page) ?? 1, ct), v => Results.Ok(new
                {
                    Subject = new { v.Subject.Type, v.Subject.Id, v.Subject.Title },
                    v.Comments.Total, v.Comments.PageNumber, v.Comments.PageSize, v.MayWrite,
                    v.AwaitingRectification,
                    Items = v.Comments.Items.Select(c => Shown(c, v.Replies.GetValueOrDefault(c.Id) ?? [])),
                })))
            .WithSummary("一个事项（type 为 diagnosis 咨询诊断、filing 改造项目备案、project 改造项目）的督导意见及整改回复，最新的在前；page 分页");

        api.MapPost("/{type}/{id:guid}/comments", async (string type, Guid id, CommentBody body, HttpContext http, SupervisionService service, CancellationToken ct) =>
            {
                if (ParseFollowUp(body.FollowUp) is not { } followUp)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["followUp"] = ["跟进要求应为 none（无需跟进）、watch（关注）或 rectify（需整改）"] },
                        title: "提交的内容有误");
                return ApiResults.From(await service.CommentAsync(http.User.RequireActor(), type, id, new CommentInput(body.Text, followUp, body.RectifyBy), ct),
                    c => Results.Created($"/api/supervision/{type}/{id}/comments", Shown(c, [])));
            })
            .WithSummary("写督导意见（第三方智库）：text 不超过2000字，followUp 为 none / watch / rectify，需整改时 rectifyBy 为整改期限");

        api.MapPost("/comments/{id:guid}/withdraw", async (Guid id, HttpContext http, SupervisionService service, CancellationToken ct) =>
                ApiResults.From(await service.WithdrawAsync(http.User.RequireActor(), id, ct), c => Results.Ok(Shown(c, []))))
            .WithSummary("撤回本人的督导意见（撤回后不再显示，原文保留在审计记录中）");

        api.MapPost("/comments/{id:guid}/replies", async (Guid id, ReplyBody body, HttpContext http, SupervisionService service, CancellationToken ct) =>
                ApiResults.From(await service.ReplyAsync(http.User.RequireActor(), id, body.Text, ct),
                    r => Results.Created($"/api/supervision/comments/{id}/replies/{r.Id}", Shown(r))))
            .WithSummary("整改回复（需整改的督导意见）：诊断由服务商回复，备案和改造项目由企业或其服务商回复；text 不超过2000字");

        api.MapPost("/comments/{id:guid}/close", async (Guid id, CloseBody body, HttpContext http, SupervisionService service, CancellationToken ct) =>
                ApiResults.From(await service.CloseAsync(http.User.RequireActor(), id, body.Note, ct), c => Results.Ok(Shown(c, []))))
            .WithSummary("关闭整改意见（第三方智库或市级工信主管部门）：note 为关闭说明，不超过500字");

        api.MapPost("/comments/{id:guid}/reopen", async (Guid id, HttpContext http, SupervisionService service, CancellationToken ct) =>
                ApiResults.From(await service.ReopenAsync(http.User.RequireActor(), id, ct), c => Results.Ok(Shown(c, []))))
            .WithSummary("重新打开已关闭的整改意见（第三方智库或市级工信主管部门）");

        api.MapGet("/ratings/{kind}/{id:guid}", async (string kind, Guid id, HttpContext http, SupervisionService service, CancellationToken ct) =>
                ParseKind(kind) is not { } k ? UnknownKind()
                : ApiResults.From(await service.RatingsAsync(http.User.RequireActor(), k, id, ct), v => Results.Ok(new
                {
                    Subject = v.SubjectName, v.Overall, v.Count,
                    Averages = v.Averages.Select(a => new { a.Criterion.Key, a.Criterion.Name, a.Criterion.Scale, a.Average, a.Count }),
                    Ratings = v.Ratings.Select(r => new
                    {
                        r.Id, r.RaterName, r.RaterOrganisation, r.RatedAt, r.Overall, r.Remark, r.Version,
                        Scores = r.Scores.ToDictionary(s => s.Criterion, s => s.Score),
                    }),
                    v.MayRate,
                })))
            .WithSummary("服务商（kind=provider）或企业（kind=enterprise）的智库评价：各指标平均分、综合得分（百分制）与各份评价");

        api.MapPut("/ratings/{kind}/{id:guid}", async (string kind, Guid id, RatingInput input, HttpContext http, SupervisionService service, CancellationToken ct) =>
                ParseKind(kind) is not { } k ? UnknownKind()
                : ApiResults.From(await service.RateAsync(http.User.RequireActor(), k, id, input, ct),
                    r => Results.Ok(new { r.Id, r.Overall, r.Version, r.RatedAt })))
            .WithSummary("评价（第三方智库）：scores 为每项指标的评分（按 key），remark 为评价说明，修改已有评价时 version 为读取时的版本");

        api.MapGet("/provider-ratings", async (string? district, HttpContext http, SupervisionQueries queries, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                if (actor.Role is not (Role.CityBureau or Role.DistrictBureau or Role.ThinkTank))
                    return Results.Problem(title: "服务商评价汇总仅供工信主管部门和第三方智库查看", statusCode: StatusCodes.Status403Forbidden);
                // A district reads its own district's table whatever it asks.
                var scope = actor.Role == Role.DistrictBureau ? actor.District : string.IsNullOrWhiteSpace(district) ? null : district.Trim();
                return Results.Ok(await queries.ProviderRatingsAsync(actor.ProgrammeId, scope, ct));
            })
            .WithSummary("各服务商的智库评价平均分（百分制）与份数、企业满意度平均（1-4）与份数；district 为某县（市、区）");

        // The comment list's 撤回 button (a form post with its antiforgery token): back to the subject's comments.
        app.MapPost("/supervision/comments/{id:guid}/withdraw", async (Guid id, HttpContext http, SupervisionService service, CancellationToken ct) =>
        {
            var outcome = await service.WithdrawAsync(http.User.RequireActor(), id, ct);
            return outcome.IsOk
                ? Results.Redirect($"/supervision/{outcome.Value!.SubjectType}/{outcome.Value.SubjectId}/comments?done=withdrawn")
                : Results.Problem(title: outcome.Message, statusCode: outcome.StatusCode);
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute()); // it reads no form, so nothing else would check the token
    }

    private static object Shown(SupervisionComment c, IReadOnlyList<SupervisionReply> replies) => new
    {
        c.Id, c.SubjectType, c.SubjectId, c.Text, FollowUp = c.FollowUp.ToString().ToLowerInvariant(), c.RectifyBy,
        c.AuthorName, c.AuthorOrganisation, c.CreatedAt, c.AwaitsRectification, c.ClosedAt, c.ClosedBy, c.ClosingNote,
        Replies = replies.Select(Shown),
    };

    private static object Shown(SupervisionReply r) => new { r.Id, r.CommentId, r.Text, r.AuthorName, r.AuthorOrganisation, r.CreatedAt };

    private static FollowUp? ParseFollowUp(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => FollowUp.None,
        "watch" => FollowUp.Watch,
        "rectify" => FollowUp.Rectify,
        _ => null,
    };

    private static RatedKind? ParseKind(string kind) => kind switch { "provider" => RatedKind.Provider, "enterprise" => RatedKind.Enterprise, _ => null };

    private static IResult UnknownKind() =>
        Results.Problem(title: "评价对象应为 provider（服务商）或 enterprise（企业）", statusCode: StatusCodes.Status404NotFound);
}
