using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Imports;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Enterprises.Import;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;
using DxPilot.Web.Features.Files;

namespace DxPilot.Web.Features.Enterprises;

public static class EnterpriseEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(WebApplication app)
    {
        // Browser: the import form posts here (antiforgery checked by the framework), then shows the job's progress.
        app.MapPost("/enterprises/import/upload", async (HttpContext http, IFormFile? file, ImportQueue queue, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            if (file is null) return Results.LocalRedirect("/enterprises/import?error=nofile");
            if (file.Length > SheetReader.MaxBytes) return Results.LocalRedirect("/enterprises/import?error=toolarge");
            var outcome = await queue.EnqueueAsync(actor, file.FileName, await Read(file, ct), ct);
            return outcome.Kind switch
            {
                OutcomeKind.Ok => Results.LocalRedirect($"/enterprises/import/{outcome.Value!.Id}"),
                OutcomeKind.Forbidden => Results.Forbid(),
                _ => Results.LocalRedirect("/enterprises/import?error=invalid"),
            };
        }).RequireAuthorization().WithMetadata(new UploadLimitAttribute(SheetReader.MaxBytes));

        app.MapGet("/enterprises/export", Export).RequireAuthorization();
        app.MapGet("/enterprises/import/template", (HttpContext http, ImportTemplate template) =>
            Results.File(template.Write(http.User.RequireActor()), Xlsx, ImportTemplate.FileName)).RequireAuthorization();

        var api = app.MapGroup("/api/enterprises").WithTags("企业档案")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (HttpContext http, [AsParameters] EnterpriseQueryParameters q, EnterpriseService service, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(http.User.RequireActor(), q.ToQuery(), ct)))
            .WithSummary("企业名单：搜索（名称、信用代码、联系人）、筛选、排序、分页");

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, EnterpriseService service, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            return await service.GetAsync(actor, id, ct) is { } e
                ? Results.Ok(EnterpriseDto.From(e, actor))
                : Results.Problem(title: "找不到该企业，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        }).WithSummary("一家企业的档案");

        api.MapPost("/", async (EnterpriseInput input, HttpContext http, EnterpriseService service, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            return ApiResults.From(await service.CreateAsync(actor, input.ToForm(), ct),
                e => Results.Created($"/api/enterprises/{e.Id}", EnterpriseDto.From(e, actor)));
        }).WithSummary("登记企业档案");

        api.MapPut("/{id:guid}", async (Guid id, EnterpriseInput input, HttpContext http, EnterpriseService service, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            if (input.Version is not { } version)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["请提供读取档案时得到的 version，以免覆盖他人的修改"] });
            return ApiResults.From(await service.UpdateAsync(actor, id, version, input.ToForm(), ct), e => Results.Ok(EnterpriseDto.From(e, actor)));
        }).WithSummary("修改企业档案（须带 version；过期的 version 返回 409）");

        api.MapGet("/{id:guid}/history", async (Guid id, HttpContext http, EnterpriseService service, CancellationToken ct) =>
            ApiResults.From(await service.HistoryAsync(http.User.RequireActor(), id, ct), list => Results.Ok(list.Select(AuditEntryDto.From))))
            .WithSummary("修改记录（字段级，主管部门可见）");

        api.MapPost("/{id:guid}/bureau-field-changes", async (Guid id, BureauFieldChangeInput input, HttpContext http, BureauFieldChangeService changes,
                CancellationToken ct) =>
            ApiResults.From(await changes.ProposeAsync(http.User.RequireActor(), id, input, ct),
                c => Results.Created($"/api/enterprises/bureau-field-changes/{c.Id}", BureauFieldChangeDto.From(c))))
            .WithSummary("企业申请变更由主管部门确认的信息（名称、信用代码、企业类别、规上/规下、试点细分行业），须填写理由");

        api.MapGet("/bureau-field-changes", async (HttpContext http, BureauFieldChangeService changes, CancellationToken ct, int page = 1) =>
            Results.Ok(await changes.PendingListAsync(http.User.RequireActor(), page, ct)))
            .WithSummary("待本部门确认的企业信息变更申请（最早的在前，分页）");

        api.MapPost("/bureau-field-changes/{id:guid}/transitions", async (Guid id, BureauFieldChangeDecision input, HttpContext http,
                BureauFieldChangeService changes, CancellationToken ct) =>
        {
            if (WorkflowNames.Parse<BureauFieldChangeTrigger>(input.Trigger ?? "") is not { } trigger)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["trigger"] = ["请选择操作：confirm（确认变更）或 reject（退回申请）"] });
            return ApiResults.From(await changes.DecideAsync(http.User.RequireActor(), id, trigger, input.Reason, input.Version, ct),
                c => Results.Ok(BureauFieldChangeDto.From(c)));
        }).WithSummary("主管部门确认（confirm）或退回（reject，须填写理由）企业信息变更申请");

        api.MapPost("/import", async (HttpContext http, IFormFile? file, ImportQueue queue, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            if (file is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请上传 .xlsx 或 .csv 文件（字段名 file）"] });
            if (file.Length > SheetReader.MaxBytes)
                return Results.Problem(title: $"文件超过{SheetReader.MaxBytes / 1024 / 1024}MB的上限", statusCode: StatusCodes.Status413PayloadTooLarge);
            var outcome = await queue.RunNowAsync(actor, file.FileName, await Read(file, ct), ct);
            if (!outcome.IsOk) return ApiResults.From(outcome, Results.Ok);
            var job = outcome.Value!;
            var report = Report(job, await queue.ProblemsAsync(actor, job.Id, ct));
            // A file that could not be imported at all (unreadable, over a limit, columns missing) is the caller's to fix.
            return job.Status == ImportStatus.Failed
                ? Results.Problem(title: job.FileError, statusCode: StatusCodes.Status422UnprocessableEntity,
                    extensions: new Dictionary<string, object?> { ["report"] = report })
                : Results.Ok(report);
        }).DisableAntiforgery().WithMetadata(new UploadLimitAttribute(SheetReader.MaxBytes)).WithSummary("导入企业名单（.xlsx/.csv，中文表头）；逐行报告问题，可重复导入；整个文件不能导入时返回 422 及原因");

        api.MapGet("/import/{id:guid}", async (Guid id, HttpContext http, ImportQueue queue, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            return await queue.FindAsync(actor, id, ct) is { } job
                ? Results.Ok(Report(job, await queue.ProblemsAsync(actor, id, ct)))
                : Results.Problem(title: "找不到该导入任务，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        }).WithSummary("一次导入的结果：新建、更新、未变、未导入的行数，及每个未导入行的行号和原因");

        api.MapGet("/import/template", (HttpContext http, ImportTemplate template) =>
            Results.File(template.Write(http.User.RequireActor()), Xlsx, ImportTemplate.FileName)).WithSummary("导入模板（.xlsx），含填表说明");

        api.MapGet("/export", Export).WithSummary("按当前筛选导出 .xlsx");
    }

    private static async Task<IResult> Export(HttpContext http, [AsParameters] EnterpriseQueryParameters q, EnterpriseExport export, CancellationToken ct)
    {
        var stream = new MemoryStream();
        var name = await export.WriteAsync(stream, http.User.RequireActor(), q.ToQuery(), ct);
        stream.Position = 0;
        return PrivateFile.Send(http, stream, Xlsx, name);
    }

    public static ImportReportDto Report(ImportJob j, IReadOnlyList<RowProblem> problems) => new(j.Id, j.Status.ToString(), j.FileName, j.TotalRows,
        j.ProcessedRows, j.Created, j.Updated, j.Unchanged, j.Refused, j.FileError, problems);

    private static async Task<byte[]> Read(IFormFile file, CancellationToken ct)
    {
        // One array of the upload's size (at most SheetReader.MaxBytes), not a growing stream and its copy.
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, ct);
        return content;
    }
}
