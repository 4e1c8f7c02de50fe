using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Benchmarks;

public static class BenchmarkEndpoints
{
    public static void Map(WebApplication app)
    {
        // Pictures are served back only within the application's scope (404 otherwise, never revealing that one exists);
        // the type is the one read from the file's bytes at upload, and nosniff (set for every response) keeps browsers to it.
        app.MapGet("/benchmark/evidence/{id:guid}", async (Guid id, HttpContext http, BenchmarkService service, FileDownload download, CancellationToken ct) =>
        {
            if (await service.OpenEvidenceAsync(http.User.RequireActor(), id, ct) is not { } file)
                return Results.Problem(title: "找不到该图片，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
            http.Response.Headers.CacheControl = "private, no-cache";
            return await download.ServeAsync(file, ct);
        }).RequireAuthorization();
    }
}
