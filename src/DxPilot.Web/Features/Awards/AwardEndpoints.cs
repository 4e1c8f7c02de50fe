using DxPilot.Domain.Awards;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Awards;

/// <summary>The award API, under /api/awards: the same use cases, scopes and refusals as the pages will have.</summary>
public static class AwardEndpoints
{
    public sealed record BatchInput(string? Name);
    public sealed record DraftInput(List<string>? Directions, AwardContent? Content, int? Version);
    public sealed record TransitionInput(string? Trigger, string? Reason, string? SiteCheckNote, int? Version, List<string>? Directions);
    public sealed record SmesInput(List<NamedSme>? Smes, int? Version);
    public sealed record AnswerInput(bool? Confirm, int? Version);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/awards").WithTags("奖补申报（数智标杆、链式案例）")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/calls", (HttpContext http, AwardService service) => Results.Ok(service.CallsOf(http.User.RequireActor()).Select(c => new
            {
                c.Id, c.Title, Kind = WorkflowNames.Of(c.Kind), Document = c.Document.Title, c.MaxDirections,
                Directions = c.Directions.Select(d => new { d.Key, d.Label, d.AmountWan, d.ExclusiveGroup }),
            })))
            .WithSummary("本试点的奖补申报通知：方向、奖补金额（万元）、限选项数");

        api.MapGet("/calls/{callId}", (string callId, HttpContext http, AwardService service) =>
                service.CallOf(http.User.RequireActor(), callId) is { } c ? Results.Ok(c) : Results.NotFound())
            .WithSummary("申报通知全文数据：各方向的模板（栏目与字数上限）、条件、典型场景清单、链式带动规则、审核流程");

        api.MapGet("/calls/{callId}/batches", async (string callId, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.BatchesAsync(http.User.RequireActor(), callId, ct), b => Results.Ok(b.Select(Batch))))
            .WithSummary("申报批次（动态申报、成熟一批、发布一批）");

        api.MapPost("/calls/{callId}/batches", async (string callId, BatchInput input, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.OpenBatchAsync(http.User.RequireActor(), callId, input.Name, ct), b => Results.Ok(Batch(b))))
            .WithSummary("开启下一批（市级主管部门；同一时间只有一批开放）：name（可选，默认“第N批”）");

        api.MapPost("/calls/{callId}/batches/{batchId:guid}/close", async (string callId, Guid batchId, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.CloseBatchAsync(http.User.RequireActor(), callId, batchId, ct), b => Results.Ok(Batch(b))))
            .WithSummary("截止本批申报（市级主管部门）");

        api.MapGet("/calls/{callId}/summary.xlsx", AwardSummarySheet.DownloadAsync)
            .WithSummary("县（市、区）汇总表 .xlsx：数智标杆为附件1-5，链式案例为附件2-2；县区导出本县区推荐的申报，市级和智库导出全部；batch 可选");

        api.MapPost("/calls/{callId}/applications", async (string callId, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.StartAsync(http.User.RequireActor(), callId, ct), Saved))
            .WithSummary("开始申报（企业，在开放的批次中；已有本批申报时返回它）");

        api.MapGet("/", async (HttpContext http, AwardService service, string? call, string? batch, string? state, string? district, string? direction,
                string? search, string? page, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                if (service.CallOf(actor, call) is not { } c) return Results.NotFound();
                var filter = new AwardFilter(c.Id, Guid.TryParse(batch, out var b) ? b : null, WorkflowNames.Parse<AwardStatus>(state),
                    QueryValue.Search(district), QueryValue.Search(direction), QueryValue.Search(search));
                return ApiResults.From(await service.ListAsync(actor, filter, QueryValue.Int(page) ?? 1, ct), p => Results.Ok(new
                {
                    p.Total, p.TotalCapped, p.PageNumber, p.PageSize,
                    Items = p.Items.Select(r => new
                    {
                        r.Id, r.EnterpriseId, r.EnterpriseName, r.Uscc, r.District, r.BatchId,
                        Directions = r.Directions.Split('|', StringSplitOptions.RemoveEmptyEntries), State = WorkflowNames.Of(r.Status),
                        StateLabel = c.Chain.Label(r.Status, actor), r.Revision, r.SubmittedAt, r.UpdatedAt,
                    }),
                }));
            })
            .WithSummary("申报列表：call（必填）、batch、state（draft / submitted / recommended / underReview / returned / notRecommended / recognised / "
                         + "notRecognised）、district、direction、search（企业名称或统一社会信用代码）、page");

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, AwardService service, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.GetAsync(actor, id, ct), v => Results.Ok(new
                {
                    v.Application.Id, v.Application.CallId, CallTitle = v.Call.Title, v.EnterpriseName, v.Application.District,
                    Batch = Batch(v.Batch), Directions = v.Application.PickedDirections, State = WorkflowNames.Of(v.Application.Status),
                    StateLabel = v.Call.Chain.Label(v.Application.Status, actor), v.Application.Content, v.Application.SiteCheckNote,
                    v.Application.Revision, v.Application.SubmittedAt, v.Application.Version,
                    RecognisedDirections = v.Application.DirectionsRecognised, NotRecognisedDirections = v.Application.DirectionsNotRecognised,
                    RecognisedAmountWan = v.Application.RecognisedAmountWan(v.Call),
                    Criteria = v.Criteria.Select(d => new
                    {
                        Direction = d.Direction.Key, d.Direction.Label,
                        Checks = d.Checks.Select(c => new { c.Key, c.Label, Verdict = WorkflowNames.Of(c.Verdict), c.Evidence }),
                    }),
                    v.SubmissionProblems,
                    // The accepted transformation: a project accepted on the platform (its id) or a result the city imported (imported).
                    Project = v.Accepted is { } p ? new { Id = p.ProjectId, p.ProjectName, p.LevelBefore, p.LevelAfter, p.AcceptedOn, p.AgencyName, p.Imported } : null,
                    // 再次申报: the earlier application it was started from (its 申报书 and open directions carried over).
                    v.CarriedFrom,
                    History = v.History.Select(t => new
                    {
                        From = v.Call.Chain.StateLabel(t.FromState, actor), To = v.Call.Chain.StateLabel(t.ToState, actor),
                        Action = v.Call.Chain.TriggerLabel(t.Trigger), t.ActorName, t.At, t.Reason,
                    }),
                    v.Revisions,
                    // The codes are the applicant's to pass on; the reviewers read the names and answers.
                    Smes = v.Invitations.Select(x => new
                    {
                        x.Uscc, x.Name, Answer = WorkflowNames.Of(x.Answer), x.AnsweredAt, Code = actor.EnterpriseId == v.Application.EnterpriseId ? x.Code : null,
                    }),
                }));
            })
            .WithSummary("申报书、各方向条件核验（met / notMet / forReviewer 及依据）、尚不能提交的原因、验收项目、流转记录和各次提交的版本");

        api.MapPut("/{id:guid}", async (Guid id, DraftInput input, HttpContext http, AwardService service, CancellationToken ct) =>
                input.Version is not { } v ? MissingVersion()
                : ApiResults.From(await service.SaveDraftAsync(http.User.RequireActor(), id, input.Directions ?? [], input.Content ?? new AwardContent(), v, ct), Saved))
            .WithSummary("保存草稿：directions（方向）、content（各方向申报书、填报数值、模式、知识产权、联系人）、version；草稿可保存不完整或超出字数的内容，提交时逐项检查");

        api.MapPut("/{id:guid}/smes", async (Guid id, SmesInput input, HttpContext http, AwardService service, CancellationToken ct) =>
                input.Version is not { } v ? MissingVersion()
                : ApiResults.From(await service.NameSmesAsync(http.User.RequireActor(), id, input.Smes ?? [], v, ct),
                    list => Results.Ok(list.Select(x => new { x.Id, x.Uscc, x.Name, Answer = WorkflowNames.Of(x.Answer), x.Code }))))
            .WithSummary("链式案例：列出带动的中小企业 smes [{uscc, name}]（不少于8家，不含本企业，不重复），version；已列出的企业保留其确认");

        api.MapGet("/{id:guid}/smes", async (Guid id, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.SmesAsync(http.User.RequireActor(), id, ct), list => Results.Ok(list.Select(x => new
                {
                    x.Id, x.Uscc, x.Name, Answer = WorkflowNames.Of(x.Answer), x.Registered, x.Standing, x.Code,
                }))))
            .WithSummary("链式案例列出的中小企业及其状态：未注册（待区县登记）、待确认、已确认、已拒绝；邀请码只给申报企业");

        api.MapGet("/invitations", async (string? code, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.MyInvitationsAsync(http.User.RequireActor(), code, ct), rows => Results.Ok(rows.Select(r => new
                {
                    r.Id, r.ApplicationId, r.LeadName, r.CaseName, r.CallTitle, Answer = WorkflowNames.Of(r.Answer), r.Open, r.Version,
                }))))
            .WithSummary("本企业被列为带动企业的链式案例（按统一社会信用代码；code 为申报企业转交的邀请码，可选）");

        api.MapPost("/invitations/{invitationId:guid}/answer", async (Guid invitationId, AnswerInput input, HttpContext http, AwardService service, CancellationToken ct) =>
                input.Version is not { } v || input.Confirm is not { } confirm
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["confirm"] = ["请提供 confirm（true 确认 / false 不确认）和 version"] }, title: "提交的内容有误")
                    : ApiResults.From(await service.AnswerAsync(http.User.RequireActor(), invitationId, confirm, v, ct),
                        x => Results.Ok(new { x.Id, Answer = WorkflowNames.Of(x.Answer), x.Version })))
            .WithSummary("被带动企业确认（confirm=true）或不确认：只有被列出的企业本身，案例提交前可更改");

        api.MapPost("/{id:guid}/transitions", async (Guid id, TransitionInput input, HttpContext http, AwardService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<AwardTrigger>(input.Trigger) is not { } trigger)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["trigger"] = ["请指定操作：submit / recommend / notRecommend / return / startReview / recognise / notRecognise"],
                    }, title: "提交的内容有误");
                return ApiResults.From(await service.TransitionAsync(http.User.RequireActor(), id, trigger, input.Reason, input.SiteCheckNote, input.Version,
                    input.Directions, ct), Saved);
            })
            .WithSummary("流转：submit 提交申报、recommend 审核推荐（须现场核查情况 siteCheckNote）、notRecommend 不予推荐、return 退回修改、"
                         + "startReview 纳入评审、recognise 认定（directions 为认定的方向，默认全部；未认定的方向须理由；须专家评审完成）、"
                         + "notRecognise 不予认定（须理由；须专家评审完成）；version 为读取时的版本");
    }

    private static object Batch(AwardBatch b) => new { b.Id, b.Number, b.Name, b.OpenedAt, b.ClosedAt, b.IsOpen };

    private static IResult Saved(AwardApplication a) => Results.Ok(new { a.Id, State = WorkflowNames.Of(a.Status), a.Version, a.Revision });

    private static IResult MissingVersion() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["请提供读取时申报书的版本号"] }, title: "提交的内容有误");
}
