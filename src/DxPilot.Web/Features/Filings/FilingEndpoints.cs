using DxPilot.Domain.Filings;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Filings;

/// <summary>The filing API, under /api/filings: the same use cases, scopes and refusals as the pages.</summary>
public static class FilingEndpoints
{
    public sealed record StartInput(Guid? EnterpriseId);

    /// <summary>The answers to change by key (an empty answer clears one) and the version read.</summary>
    public sealed record SaveInput(Dictionary<string, string?>? Answers, int? Version);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/filings").WithTags("改造项目备案")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (HttpContext http, FilingService service, [AsParameters] FilingFilterParameters q, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                var rules = service.RulesOf(actor);
                return ApiResults.From(await service.ListAsync(actor, q.ToFilter(), QueryValue.Int(q.Page) ?? 1, ct), p => Results.Ok(new
                {
                    p.Total, p.TotalCapped, p.PageNumber, p.PageSize,
                    Items = p.Items.Select(r => new
                    {
                        r.Id, r.EnterpriseId, r.EnterpriseName, r.Uscc, r.District, r.ProjectName, State = WorkflowNames.Of(r.Status),
                        StateLabel = rules!.Chain.Label(r.Status, actor), r.TargetLevel, r.InvestmentWan, r.Round, r.SubmittedAt, r.StatusSince,
                        r.LittleGiantCentralFunded, r.Pilot2022, r.UpdatedAt,
                    }),
                }));
            })
            .WithSummary("备案列表：search（企业名称、统一社会信用代码或项目名称）、district、state（draft / districtReview / cityReview / returned / filed / rejected）、"
                         + "target（2/3/4）、excluded（yes/no 中央资金不再支持）、queue=mine（待我处理，最早的在前）、page");

        api.MapGet("/form", (HttpContext http, FilingService service) =>
                service.RulesOf(http.User.RequireActor()) is { } rules
                    ? Results.Ok(new { rules.Source, rules.Form, rules.ReviewForm, rules.ExpertsRequired })
                    : Results.Problem(title: "本试点未开展改造项目备案", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("本试点的备案申请表（各部分、字段、字数上限和选项）与专家评审表");

        api.MapPost("/", async (StartInput input, HttpContext http, FilingService service, CancellationToken ct) =>
            {
                if (input.EnterpriseId is not { } enterpriseId)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["enterpriseId"] = ["请指定企业"] }, title: "提交的内容有误");
                return ApiResults.From(await service.StartAsync(http.User.RequireActor(), enterpriseId, ct),
                    f => Results.Ok(new { f.Id, State = WorkflowNames.Of(f.Status), f.Version }));
            })
            .WithSummary("开始备案（试点企业为本企业）；已有草稿或退回的备案时返回该备案");

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, FilingService service, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.GetAsync(actor, id, ct), v => Results.Ok(new
                {
                    v.Filing.Id, v.Filing.EnterpriseId, Enterprise = v.Enterprise.Name, v.Filing.District, State = WorkflowNames.Of(v.Filing.Status),
                    StateLabel = v.StatusLabel(actor), v.Filing.Version, v.Filing.Round, v.Filing.ProjectName, v.Filing.TargetLevel,
                    v.Filing.InvestmentWan, v.Filing.SubmittedAt, v.Filing.FiledAt, v.Filing.LastOpinion,
                    v.Filing.LittleGiantCentralFunded, v.Filing.Pilot2022, Answers = v.Filing.Values, v.Basics, v.Providers,
                    Checks = v.Checks.Select(c => new { c.Name, c.Passed, c.Reason, c.Blocking }), v.ChecksAsOf, v.Problems,
                    Experts = new { v.Experts.Required, v.Experts.Assigned, v.Experts.Done },
                    Transitions = v.Open(actor).Select(t => new { Trigger = t.TriggerName, t.Label }),
                    Versions = v.Versions.Select(x => new { x.Round, x.SubmittedAt, x.SubmittedByName }),
                }));
            })
            .WithSummary("一项备案：答案、企业基本信息、服务商、备案条件核对、可执行的操作和历次提交版本");

        api.MapPut("/{id:guid}", async (Guid id, SaveInput input, HttpContext http, FilingService service, CancellationToken ct) =>
            {
                if (input.Version is not { } version)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["请提供读取时的版本号"] }, title: "提交的内容有误");
                return ApiResults.From(await service.SaveAsync(http.User.RequireActor(), id, input.Answers ?? [], version, ct),
                    f => Results.Ok(new { f.Id, f.Version, f.UpdatedAt }));
            })
            .WithSummary("保存备案草稿：answers 为按字段 key 的答案（多选每行一个选项值；实施期限为 period.start / period.end，格式 2025-01；空值清除），version 为读取时的版本（已被他人改过时返回 409；答案与已保存的相同时视为已保存）");

        api.MapPost("/{id:guid}/transitions", async (Guid id, TransitionInput input, HttpContext http, FilingService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<FilingTrigger>(input.Trigger) is not { } trigger)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["trigger"] = [$"不认识的操作“{input.Trigger}”，可选：{string.Join("、", Enum.GetValues<FilingTrigger>().Select(WorkflowNames.Of))}"],
                    }, title: "提交的内容有误");
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.TransitionAsync(actor, id, trigger, input.Reason, input.Version, ct),
                    f => Results.Ok(new { f.Id, State = WorkflowNames.Of(f.Status), StateLabel = service.RulesOf(actor)!.Chain.Label(f.Status, actor), f.Version, f.Round }));
            })
            .WithSummary("备案的状态变更：trigger 为 submit / pass / return / confirm / reject，reason 为审核意见或退回理由，version 为读取时的版本");

        api.MapGet("/{id:guid}/versions/{round:int}", async (Guid id, int round, HttpContext http, FilingService service, CancellationToken ct) =>
                await service.VersionAsync(http.User.RequireActor(), id, round, ct) is { } v
                    ? Results.Ok(new { v.Round, v.SubmittedAt, v.SubmittedByName, Answers = v.Values, v.Basics, v.Providers })
                    : Results.Problem(title: "找不到该版本，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("一次提交的版本，如提交时所存");

        api.MapGet("/{id:guid}/diff", async (Guid id, string? from, string? to, HttpContext http, FilingService service, CancellationToken ct) =>
            {
                if (QueryValue.Int(from) is not { } f || QueryValue.Int(to ?? "0") is not { } t)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["请指定要比较的版本（from=1&to=2，to=0 为当前内容）"] }, title: "提交的内容有误");
                return await service.DiffAsync(http.User.RequireActor(), id, f, t, ct) is { } changes
                    ? Results.Ok(changes)
                    : Results.Problem(title: "找不到该版本，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            })
            .WithSummary("两次提交之间逐项的差异（to=0 为当前内容）");
    }
}
