using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Archive;

/// <summary>材料归档 downloads: one project, one enterprise's projects, or a district's or the programme's (up to
/// <see cref="ProjectArchive.MaxProjects"/> projects; a larger scope is taken by district), for the bureaus and the think tank.</summary>
public static class ArchiveEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("材料归档")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);
        api.MapGet("/projects/{id:guid}/archive.zip", (Guid id, HttpContext http, ProjectArchive archive, ShownTime time, CancellationToken ct) =>
                DownloadAsync(http, archive, time, id, null, null, ct))
            .WithSummary("一个项目的全部材料（.zip，按流程顺序，附归档目录：日期、作者、SHA-256）");
        api.MapGet("/enterprises/{id:guid}/archive.zip", (Guid id, HttpContext http, ProjectArchive archive, ShownTime time, CancellationToken ct) =>
                DownloadAsync(http, archive, time, null, id, null, ct))
            .WithSummary("一家企业全部项目的材料（.zip）");
        api.MapGet("/projects/archive.zip", (string? district, HttpContext http, ProjectArchive archive, ShownTime time, CancellationToken ct) =>
                DownloadAsync(http, archive, time, null, null, QueryValue.Text(district), ct))
            .WithSummary("区县（district）或全市试点的项目材料（.zip，每次最多500个项目，超出时请按区县下载）");
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, ProjectArchive archive, ShownTime time, Guid? projectId, Guid? enterpriseId, string? district, CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        if (archive.Scope(actor, projectId, enterpriseId, district) is not { } scope)
            return Results.Problem(title: "材料归档由工信主管部门和第三方智库下载", statusCode: StatusCodes.Status404NotFound);
        var count = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(scope, ct);
        if (count == 0) return Results.Problem(title: "找不到该项目，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        if (count > ProjectArchive.MaxProjects)
            return Results.Problem(title: $"所选范围有{count}个项目，超过每次{ProjectArchive.MaxProjects}个的上限，请按区县分别下载", statusCode: StatusCodes.Status400BadRequest);
        var title = await archive.TitleAsync(actor, scope, projectId, enterpriseId, district, ct);
        // A temporary file, not memory: an archive of hundreds of projects is large, and its index is written after its files.
        var on = ChineseText.Date(time.Today());
        return await TemporaryFileDownload.SendAsync(http, "application/zip", async file =>
        {
            await archive.WriteAsync(actor, scope, $"{title}（{on}）", file, ct);
            return $"材料归档-{title}-{on}.zip";
        });
    }
}
