using DxPilot.Domain.Auditing;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Benchmarks;

public static class BenchmarkEndpoints
{
    public static void Map(WebApplication app)
    {
        BenchmarkReviewEndpoints.Map(app);
        // Pictures are served back only within the application's scope (404 otherwise, never revealing that one exists);
        // the type is the one read from the file's bytes at upload, and nosniff (set for every response) keeps browsers to it.
        app.MapGet("/benchmark/evidence/{id:guid}", async (Guid id, HttpContext http, BenchmarkService service, FileDownload download, CancellationToken ct) =>
        {
            if (await service.OpenEvidenceAsync(http.User.RequireActor(), id, ct) is not { } found)
                return Results.Problem(title: "找不到该图片，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            http.Response.Headers.CacheControl = "private, no-cache";
            var (file, application) = found;
            return await download.ServeAsync(file, application.ProgrammeId, AuditKey.Of<BenchmarkApplication>(application.Id), ct);
        }).RequireAuthorization();

        // 申报书 (.docx) for whoever may read the application; out of scope is 404 as for the page.
        app.MapGet("/benchmark/{id:guid}/document.docx", async (Guid id, HttpContext http, BenchmarkService service, ShownTime time, CancellationToken ct) =>
        {
            var outcome = await service.GetAsync(http.User.RequireActor(), id, ct);
            if (!outcome.IsOk) return Results.Problem(title: "找不到该申报，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            var application = outcome.Value!.Application;
            return await WordFile.DownloadAsync(http, application.ProgrammeId, AuditKey.Of<BenchmarkApplication>(application.Id),
                BenchmarkDocument.FileName(outcome.Value!), s => BenchmarkDocument.Write(s, outcome.Value!, time.Zone));
        }).RequireAuthorization();

        var api = app.MapGroup("/api/benchmark").WithTags("示范标杆申报")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        // The same decision as the detail page's buttons: 404 outside the scope, 403 for a role the chain does not name,
        // 409 from the wrong state or a stale version, 400 when a guard fails (a reason missing, a precondition unmet).
        api.MapPost("/{id:guid}/transitions", async (Guid id, TransitionInput input, HttpContext http, BenchmarkService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<BenchmarkTrigger>(input.Trigger) is not { } trigger)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["trigger"] = [$"不认识的操作“{input.Trigger}”，可选：{string.Join("、", Enum.GetValues<BenchmarkTrigger>().Select(WorkflowNames.Of))}"],
                    }, title: "提交的内容有误");
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.TransitionAsync(actor, id, trigger, input.Reason, input.Version, ct),
                    a => Results.Ok(new TransitionDone(a.Id, WorkflowNames.Of(a.Status), service.CallOf(actor)!.Chain.Label(a.Status, actor), a.Version)));
            })
            .WithSummary("示范标杆申报的状态变更：trigger 为 submit / startReview / return / recognise / notRecognise，reason 为理由（退回、不予认定必填），version 为读取时的版本（可选）");

        api.MapGet("/{id:guid}/transitions", async (Guid id, HttpContext http, BenchmarkService service, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.GetAsync(actor, id, ct), v => Results.Ok(v.History.Select(t => new TransitionDto(
                    t.At, t.Trigger, v.Call.Chain.TriggerLabel(t.Trigger), t.FromState, t.ToState, v.Call.Chain.StateLabel(t.ToState, actor), t.ActorName, t.Reason))));
            })
            .WithSummary("示范标杆申报的办理记录，按时间先后");
    }

    private sealed record TransitionDone(Guid Id, string State, string StateLabel, int Version);

    private sealed record TransitionDto(DateTime At, string Trigger, string Action, string FromState, string ToState, string ToStateLabel, string ActorName, string? Reason);
}
