using DxPilot.Domain.Auditing;
using DxPilot.Domain.Benchmarks;
using DxPilot.Web.Features.Platform;
using Microsoft.Net.Http.Headers;

namespace DxPilot.Web.Features.Benchmarks;

public static class BenchmarkEndpoints
{
    public static void Map(WebApplication app)
    {
        // Pictures are served back only within the application's scope (404 otherwise, never revealing that one exists);
        // the type is the one read from the file's bytes at upload, and nosniff (set for every response) keeps browsers to it.
        app.MapGet("/benchmark/evidence/{id:guid}", async (Guid id, HttpContext http, BenchmarkService service, CancellationToken ct) =>
        {
            if (await service.OpenEvidenceAsync(http.User.RequireActor(), id, ct) is not { } file)
                return Results.Problem(title: "找不到该图片，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName }.ToString();
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.Bytes(file.Content, file.ContentType);
        }).RequireAuthorization();

        // 申报书 (.docx) for whoever may read the application; out of scope is 404 as for the page.
        app.MapGet("/benchmark/{id:guid}/document.docx", async (Guid id, HttpContext http, BenchmarkService service, CancellationToken ct) =>
        {
            var outcome = await service.GetAsync(http.User.RequireActor(), id, ct);
            if (!outcome.IsOk) return Results.Problem(title: "找不到该申报，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            var application = outcome.Value!.Application;
            return await WordFile.DownloadAsync(http, application.ProgrammeId, AuditKey.Of<BenchmarkApplication>(application.Id),
                BenchmarkDocument.FileName(outcome.Value!), s => BenchmarkDocument.Write(s, outcome.Value!));
        }).RequireAuthorization();
    }
}
