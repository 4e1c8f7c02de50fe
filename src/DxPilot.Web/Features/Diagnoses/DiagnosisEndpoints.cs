using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Diagnoses;

public static class DiagnosisEndpoints
{
    public static void Map(WebApplication app)
    {
        // Photos, thumbnails and agreement scans are served only within the diagnosis' scope (404 otherwise, never revealing
        // that one exists), with the type read from their bytes, never from a guessable public path.
        app.MapGet("/diagnoses/export", DiagnosisExport.DownloadAsync).RequireAuthorization();

        app.MapGet("/diagnoses/files/{id:guid}", (Guid id, HttpContext http, DiagnosisService service, FileDownload download, CancellationToken ct) =>
            ServeAsync(id, thumbnail: false, http, service, download, ct)).RequireAuthorization();
        app.MapGet("/diagnoses/files/{id:guid}/thumbnail", (Guid id, HttpContext http, DiagnosisService service, FileDownload download, CancellationToken ct) =>
            ServeAsync(id, thumbnail: true, http, service, download, ct)).RequireAuthorization();

        // 开展咨询诊断 from a page's form (the enterprise's file, the list): opens (or finds) the provider's diagnosis and goes there.
        app.MapPost("/diagnoses/open", async ([FromForm] Guid enterpriseId, HttpContext http, DiagnosisService service, CancellationToken ct) =>
        {
            var outcome = await service.OpenAsync(http.User.RequireActor(), enterpriseId, ct);
            return outcome.IsOk
                ? Results.Redirect($"/diagnoses/{outcome.Value!.Id}")
                : Results.Problem(title: outcome.Message, statusCode: outcome.StatusCode);
        }).RequireAuthorization();

        // 咨询诊断服务协议 (.docx) filled from the records, for whoever may read the diagnosis.
        app.MapGet("/diagnoses/{id:guid}/agreement.docx", async (Guid id, HttpContext http, DiagnosisService service, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            var outcome = await service.GetAsync(actor, id, ct);
            if (!outcome.IsOk) return Results.Problem(title: "找不到该诊断，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            var view = outcome.Value!;
            return await WordFile.DownloadAsync(http, view.Diagnosis.ProgrammeId, AuditKey.Of<Diagnosis>(id), AgreementDocument.FileName(view),
                s => AgreementDocument.Write(s, view, actor));
        }).RequireAuthorization();

        var api = app.MapGroup("/api/diagnoses").WithTags("咨询诊断")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (HttpContext http, DiagnosisService service, [AsParameters] DiagnosisFilterParameters q, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                var rules = service.RulesOf(actor);
                var today = http.RequestServices.GetRequiredService<ShownTime>().Today();
                return ApiResults.From(await service.ListAsync(actor, q.ToFilter(), QueryValue.Int(q.Page) ?? 1, ct), p => Results.Ok(new
                {
                    p.Total, p.TotalCapped, p.PageNumber, p.PageSize,
                    Items = p.Items.Select(r => new
                    {
                        r.Id, r.EnterpriseId, r.EnterpriseName, r.Uscc, r.District, r.ProviderId, r.ProviderName, State = WorkflowNames.Of(r.Status),
                        StateLabel = rules!.Chain.Label(r.Status, actor), r.AgreementSignedOn, TermEnds = r.TermEnds(rules), DaysLeft = r.DaysLeft(rules, today),
                        PastTerm = r.PastTerm(rules, today), RedItems = r.RedKeys(rules, today), r.Round, r.SubmittedAt, r.AcceptedAt, r.UpdatedAt,
                    }),
                }));
            })
            .WithSummary("诊断列表：search（企业名称或统一社会信用代码）、district、provider（服务商 id）、state（inProgress / submitted / returned / accepted）、"
                         + "red（any 任一红项 / overdue 协议超期 / 清单项 agreement、team、visits、training、photo-counts、photo-checks、assessment、report、satisfaction）、page");

        api.MapGet("/export", DiagnosisExport.DownloadAsync).WithSummary("按当前筛选导出诊断进度 .xlsx");

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, DiagnosisService service, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.GetAsync(actor, id, ct), v => Results.Ok(new
                {
                    v.Diagnosis.Id, Enterprise = v.Enterprise.Name, Provider = v.Provider.Name, State = WorkflowNames.Of(v.Diagnosis.Status),
                    StateLabel = v.StatusLabel(actor), v.Diagnosis.Version, v.Diagnosis.Round, v.Diagnosis.AgreementSignedOn,
                    Checklist = v.Checklist.Items.Select(i => new { i.Key, i.Name, Stage = i.Stage == ChecklistStage.Submission ? "submission" : "acceptance", i.Passed, i.Reason }),
                    v.Diagnosis.AcceptanceOpinion, v.Diagnosis.AcceptedAt, v.Diagnosis.AcceptedByName,
                }));
            })
            .WithSummary("一项诊断：状态、版本和红绿清单");

        // The same decision as the page's buttons: 404 outside the scope, 403 for a role the chain does not name, 409 from the
        // wrong state or a stale version, 400 when a guard fails (a red checklist item, a missing reason or opinion).
        api.MapPost("/{id:guid}/transitions", async (Guid id, TransitionInput input, HttpContext http, DiagnosisService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<DiagnosisTrigger>(input.Trigger) is not { } trigger)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["trigger"] = [$"不认识的操作“{input.Trigger}”，可选：{string.Join("、", Enum.GetValues<DiagnosisTrigger>().Select(WorkflowNames.Of))}"],
                    }, title: "提交的内容有误");
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.TransitionAsync(actor, id, trigger, input.Reason, input.Version, ct),
                    d => Results.Ok(new { d.Id, State = WorkflowNames.Of(d.Status), StateLabel = service.RulesOf(actor)!.Chain.Label(d.Status, actor), d.Version }));
            })
            .WithSummary("诊断的状态变更：trigger 为 submit / return / accept，reason 为退回理由或验收意见，version 为读取时的版本（可选）");

        api.MapPost("/{id:guid}/experts", async (Guid id, ExpertsInput input, HttpContext http, DiagnosisService service, CancellationToken ct) =>
                ApiResults.From(await service.NameExpertsAsync(http.User.RequireActor(), id, input.Accounts, input.Version, ct),
                    d => Results.Ok(new { d.Id, Experts = NamedAccounts.Split(d.ExpertAccounts), d.Version })))
            .WithSummary("指定验收专家（仅市级主管部门，诊断待验收时）：accounts 为本试点专家账号的 id（未列出的不再指定；空表示由市级主管部门自行验收），version 为读取时的版本（可选）；被指定的专家才能查看、验收或退回该诊断");

        api.MapPost("/{id:guid}/satisfaction", async (Guid id, SatisfactionForm input, HttpContext http, DiagnosisService service, CancellationToken ct) =>
                ApiResults.From(await service.RateAsync(http.User.RequireActor(), id, input.ToInput(), ct), s => Results.Ok(new { s.Id, s.SubmittedAt })))
            .WithSummary("企业满意度评价（仅被诊断企业，一次）：ratings 为5项（veryGood/good/fair/poor），overall（satisfied/fairlySatisfied/dissatisfied），adoption（adopted/partly/none），comment");
    }

    private static async Task<IResult> ServeAsync(Guid id, bool thumbnail, HttpContext http, DiagnosisService service, FileDownload download, CancellationToken ct)
    {
        if (await service.OpenFileAsync(http.User.RequireActor(), id, thumbnail, ct) is not { } found)
            return Results.Problem(title: "找不到该文件，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        http.Response.Headers.CacheControl = "private, no-cache";
        return await download.ServeAsync(found.File, found.Diagnosis.ProgrammeId, AuditKey.Of<Diagnosis>(found.Diagnosis.Id), ct);
    }
}
