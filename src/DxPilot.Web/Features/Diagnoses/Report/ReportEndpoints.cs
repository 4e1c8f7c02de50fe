using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Diagnoses.Report;

public static class ReportEndpoints
{
    public static void Map(WebApplication app)
    {
        // The whole report as Word, for whoever may read the diagnosis (404 otherwise, as the page).
        app.MapGet("/diagnoses/{id:guid}/report.docx", async (Guid id, HttpContext http, DiagnosisReportService reports, CancellationToken ct) =>
        {
            if (await reports.GetAsync(http.User.RequireActor(), id, ct) is not { } view)
                return Results.Problem(title: "找不到该诊断，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            var sources = await reports.WithThumbnailsAsync(view.Sources, ct);
            var content = view.Content;
            var compiledOn = reports.CompiledOn(view);
            return await WordFile.DownloadAsync(http, view.ProgrammeId, DiagnosisReportService.AuditKeyOf(id), ReportDocument.FileName(sources),
                s => ReportDocument.Write(s, sources, content, compiledOn));
        }).RequireAuthorization();

        // The editor's autosave: the form's own fields (with its antiforgery token and the version it read) every half minute
        // and when the page is left. 409 when another tab saved other text first: the script keeps the text and says so.
        app.MapGroup("/api").WithTags("咨询诊断")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies)
            .MapPost("/diagnoses/{id:guid}/report", async (Guid id, HttpContext http, DiagnosisReportService reports, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                    return Results.Problem(title: "报告应以表单（application/x-www-form-urlencoded 或 multipart/form-data）提交，字段与编辑页相同",
                        statusCode: StatusCodes.Status415UnsupportedMediaType);
                var form = ReportForm.Read(await http.Request.ReadFormAsync(ct));
                return ApiResults.From(await reports.SaveAsync(http.User.RequireActor(), id, form.Version, form.ToSave(), ct),
                    r => Results.Ok(new { version = r.Version, characters = r.Characters, note = reports.SavedNote(r) }));
            })
            .WithSummary("保存咨询诊断报告（表单字段与编辑页相同，须带读取时的 Version；过期的 Version 返回 409，内容与已保存的相同时视为已保存）");
    }
}
