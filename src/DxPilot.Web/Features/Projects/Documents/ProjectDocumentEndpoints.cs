using DxPilot.Domain.Auditing;
using DxPilot.Domain.Projects;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Projects.Documents;

/// <summary>
/// A project's official documents as Word files, for the pages (cookie) and the API, in the project's scope: the 数字化水平评测报告
/// once the agency recorded its evaluation, the 验收意见 (附件5) once it recorded the acceptance (409 with the reason before that,
/// 404 out of scope). Each download is an audited export.
/// </summary>
public static class ProjectDocumentEndpoints
{
    public const string EvaluationReport = "evaluation-report.docx";
    public const string AcceptanceOpinion = "acceptance-opinion.docx";

    /// <summary>The page's link to a document of the project.</summary>
    public static string PathOf(Guid projectId, string document) => $"/projects/{projectId}/{document}";

    public static void Map(WebApplication app)
    {
        app.MapGet($"/projects/{{id:guid}}/{EvaluationReport}", EvaluationReportAsync).RequireAuthorization();
        app.MapGet($"/projects/{{id:guid}}/{AcceptanceOpinion}", AcceptanceOpinionAsync).RequireAuthorization();

        var api = app.MapGroup("/api/projects").WithTags("改造项目实施、验收与资金")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);
        api.MapGet($"/{{id:guid}}/{EvaluationReport}", EvaluationReportAsync)
            .WithSummary("中小企业数字化水平评测报告（.docx）：改造后等级、表6-表8、改造前后对比、雷达图、系统上线核查和评测结论；评测机构记录评测后可下载");
        api.MapGet($"/{{id:guid}}/{AcceptanceOpinion}", AcceptanceOpinionAsync)
            .WithSummary("第三方评测机构出具的企业数字化改造项目验收意见（.docx，附件5 版式）；评测机构记录验收后可下载");
    }

    private static async Task<IResult> EvaluationReportAsync(Guid id, HttpContext http, ProjectDocumentService documents, CancellationToken ct)
    {
        var outcome = await documents.EvaluationReportAsync(http.User.RequireActor(), id, ct);
        if (!outcome.IsOk) return ApiResults.From(outcome, _ => Results.Empty);
        var s = outcome.Value!;
        return await WordFile.DownloadAsync(http, s.Project.ProgrammeId, AuditKey.Of<Project>(id), EvaluationReportDocument.FileName(s),
            stream => EvaluationReportDocument.Write(stream, s));
    }

    private static async Task<IResult> AcceptanceOpinionAsync(Guid id, HttpContext http, ProjectDocumentService documents, CancellationToken ct)
    {
        var outcome = await documents.AcceptanceOpinionAsync(http.User.RequireActor(), id, ct);
        if (!outcome.IsOk) return ApiResults.From(outcome, _ => Results.Empty);
        var s = outcome.Value!;
        return await WordFile.DownloadAsync(http, s.Project.ProgrammeId, AuditKey.Of<Project>(id), AcceptanceOpinionDocument.FileName(s),
            stream => AcceptanceOpinionDocument.Write(stream, s));
    }
}
