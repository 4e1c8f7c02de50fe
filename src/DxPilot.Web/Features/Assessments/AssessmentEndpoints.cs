using DxPilot.Domain.Assessments;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Assessments;

public static class AssessmentEndpoints
{
    public static void Map(WebApplication app)
    {
        // The result as Word, for whoever may read the result page (404 otherwise, as the page).
        app.MapGet("/assessments/{id:guid}/result.docx", async (Guid id, HttpContext http, AssessmentService service,
            EnterpriseService enterprises, InstrumentCatalog instruments, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            if (await service.GetAsync(actor, id, ct) is not { } a || await enterprises.GetAsync(actor, a.EnterpriseId, ct) is not { } e)
                return Results.Problem(title: "找不到该评测，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            if (instruments.Find(a.InstrumentId) is not { } instrument)
                return Results.Problem(title: $"评测工具“{a.InstrumentId}”已不在配置中，无法生成评测结果文档", statusCode: StatusCodes.Status409Conflict);
            return await WordFile.DownloadAsync(http, a.ProgrammeId, AuditKey.Of<Assessment>(a.Id), AssessmentResultDocument.FileName(e, a), s => AssessmentResultDocument.Write(s, e, a, instrument));
        }).RequireAuthorization();

        var api = app.MapGroup("/api").WithTags("数字化水平评测")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/assessments", async (HttpContext http, AssessmentService service, CancellationToken ct) =>
                Results.Ok(await service.ListAsync(http.User.RequireActor(), AssessmentQuery.Parse(http.Request.Query), ct)))
            .WithSummary("评测记录：按企业名称或信用代码搜索，按区县、评测工具、阶段（SelfTest/Before/After）、等级（0-4）筛选，分页（page, pageSize）");

        api.MapGet("/enterprises/{id:guid}/assessments", async (Guid id, HttpContext http, AssessmentService service, InstrumentCatalog instruments, CancellationToken ct) =>
                await service.ForEnterpriseAsync(http.User.RequireActor(), id, ct) is { } list
                    ? Results.Ok(list.Select(a => AssessmentDto.From(AssessmentReport.For(a, instruments))))
                    : Results.Problem(title: "找不到该企业，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("一家企业档案上的评测（按权限范围）");

        api.MapPost("/enterprises/{id:guid}/assessments", async (Guid id, AssessmentInput input, HttpContext http, AssessmentService service,
                InstrumentCatalog instruments, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(http.User.RequireActor(), id, input, ct),
                    a => Results.Created($"/api/assessments/{a.Id}", AssessmentDto.From(AssessmentReport.For(a, instruments)))))
            .WithSummary("填写评测：企业自测、服务商诊断（改造前）、评测机构评测（改造前/改造后）；答卷按评测工具的题目名称和选项字母");

        api.MapGet("/assessments/{id:guid}", async (Guid id, int? target, HttpContext http, AssessmentService service, InstrumentCatalog instruments, CancellationToken ct) =>
                await service.GetAsync(http.User.RequireActor(), id, ct) is { } a
                    ? Results.Ok(AssessmentDto.From(AssessmentReport.For(a, instruments, target)))
                    : Results.Problem(title: "找不到该评测，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("一次评测：答卷、得分、等级、未达等级的原因、到目标等级（target，默认高一级）的差距");

        api.MapPut("/assessments/{id:guid}", async (Guid id, AssessmentInput input, HttpContext http, AssessmentService service,
                InstrumentCatalog instruments, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(http.User.RequireActor(), id, input, ct),
                    a => Results.Ok(AssessmentDto.From(AssessmentReport.For(a, instruments)))))
            .WithSummary("修改评测（须带 version；过期的 version 返回 409）");

        // 草稿: the form's script posts the form as it stands every half minute and when the page is left (the form's own
        // fields and antiforgery token); an expired session gets 401 here, which the script tells the user about.
        api.MapPost("/enterprises/{id:guid}/assessment-draft", async (Guid id, HttpContext http, AssessmentService service, AssessmentDrafts drafts,
                CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType) return NotAForm();
                var form = await http.Request.ReadFormAsync(ct);
                var instrument = service.Instrument(form["Instrument"]);
                var input = instrument is null ? new AssessmentInput() : new AssessmentFormFields(instrument).Read(form, out _);
                return Saved(await drafts.KeepNewAsync(http.User.RequireActor(), id, input, ct), drafts);
            })
            .WithSummary("保存新评测的草稿（表单字段，与填写页相同；不检查是否完整）");

        api.MapPost("/assessments/{id:guid}/draft", async (Guid id, HttpContext http, AssessmentService service, AssessmentDrafts drafts,
                CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType) return NotAForm();
                var form = await http.Request.ReadFormAsync(ct);
                var actor = http.User.RequireActor();
                if (await service.GetAsync(actor, id, ct) is not { } a)
                    return Results.Problem(title: "找不到该评测，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
                if (service.Instrument(a.InstrumentId) is not { } instrument)
                    return Results.Problem(title: "该评测所用的评测工具已不在配置中，无法保存草稿", statusCode: StatusCodes.Status409Conflict);
                return Saved(await drafts.KeepRevisionAsync(actor, id, new AssessmentFormFields(instrument).Read(form, out _), ct), drafts);
            })
            .WithSummary("保存修改中评测的草稿（表单字段，与修改页相同；不检查是否完整）");

        api.MapPost("/assessments/{id:guid}/rescore", async (Guid id, HttpContext http, AssessmentService service,
                InstrumentCatalog instruments, CancellationToken ct) =>
                ApiResults.From(await service.RescoreAsync(http.User.RequireActor(), id, ct),
                    a => Results.Ok(AssessmentDto.From(AssessmentReport.For(a, instruments)))))
            .WithSummary("按当前版本的评测工具重新评分（答卷不变）");
    }

    private static IResult NotAForm() =>
        Results.Problem(title: "草稿应以表单（application/x-www-form-urlencoded 或 multipart/form-data）提交", statusCode: StatusCodes.Status415UnsupportedMediaType);

    private static IResult Saved(Outcome<AssessmentDraft> outcome, AssessmentDrafts drafts) =>
        ApiResults.From(outcome, d => Results.Ok(new { savedAt = d.SavedAt, note = drafts.SavedNote(d) }));
}
