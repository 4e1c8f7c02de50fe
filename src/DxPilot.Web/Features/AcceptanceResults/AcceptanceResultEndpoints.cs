using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.AcceptanceResults;

/// <summary>The acceptance results' API, the template and the export (pages and API alike go through the service and the importer).</summary>
public static class AcceptanceResultEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/acceptance-results/template.xlsx", () => Results.File(AcceptanceSheet.Template(), AcceptanceSheet.ContentType, AcceptanceSheet.TemplateFileName))
            .RequireAuthorization();
        app.MapGet("/acceptance-results/export.xlsx", Export).RequireAuthorization();

        var api = app.MapGroup("/api/acceptance-results").WithTags("验收结果")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (HttpContext http, string? search, string? district, string? result, string? page, AcceptanceResultService service,
                CancellationToken ct) =>
            ApiResults.From(await service.ListAsync(http.User.RequireActor(), AcceptanceResultQuery.From(search, district, result, page), ct), Results.Ok))
            .WithSummary("导入的验收结果：搜索 search（企业名称、统一社会信用代码）、district、result=passed|failed、分页 page（每页50条）；市级和智库看全市，区县看本辖区");

        api.MapPost("/import", async (HttpContext http, IFormFile? file, AcceptanceResultImporter importer, CancellationToken ct) =>
        {
            if (file is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请上传 .xlsx 或 .csv 文件（字段名 file）"] });
            var outcome = await importer.ImportAsync(http.User.RequireActor(), UploadedFile.From(file), ct);
            // A file that cannot be read at all recorded nothing; the caller fixes the file.
            return outcome.Kind == OutcomeKind.Invalid
                ? Results.Problem(title: outcome.Errors.Values.First(), statusCode: StatusCodes.Status422UnprocessableEntity)
                : ApiResults.From(outcome, r => Results.Ok(new
                {
                    r.FileName, r.Created, r.Updated, r.Unchanged, r.Refused,
                    lines = r.Lines.Select(l => new { l.Row, l.Enterprise, l.ProjectName, result = l.ResultLabel, l.Reason }),
                }));
        }).DisableAntiforgery()
            .WithSummary("导入验收结果（市级工信主管部门；.xlsx/.csv，列见 GET /acceptance-results/template.xlsx）：逐行报告 新建、更新、未变 或 拒绝及原因；可重复导入，不会重复记录");

        api.MapGet("/export.xlsx", Export).WithSummary("按同样的筛选导出验收结果（.xlsx，全部为文本单元格）");
    }

    private static async Task<IResult> Export(HttpContext http, string? search, string? district, string? result, AcceptanceResultService service,
        CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        string? refusal = null;
        var download = await TemporaryFileDownload.SendAsync(http, AcceptanceSheet.ContentType, async file =>
        {
            var outcome = await service.ExportAsync(file, actor, AcceptanceResultQuery.From(search, district, result, null), ct);
            refusal = outcome.Message;
            return outcome.Value;
        }, () => Results.Problem(title: refusal, statusCode: StatusCodes.Status403Forbidden));
        return download;
    }
}
