using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Awards;

/// <summary>An application's 申报书 (.docx), as it stands or as a submission froze it, in the scope of its page; each download
/// is audited as an export.</summary>
public static class AwardDocumentEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/awards/{id:guid}/document.docx", (Guid id, HttpContext http, AwardService service, CancellationToken ct) =>
            DownloadAsync(id, null, http, service, ct)).RequireAuthorization();

        var api = app.MapGroup("/api/awards").WithTags("奖补申报（数智标杆、链式案例）")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);
        api.MapGet("/{id:guid}/document.docx", (Guid id, HttpContext http, AwardService service, CancellationToken ct) =>
                DownloadAsync(id, null, http, service, ct))
            .WithSummary("申报书（.docx，附件4 / 链式案例申报书的版式）：封面、承诺书、申报声明、企业申请表、实施情况、应用场景、申报条件核对表；当前内容");
        api.MapGet("/{id:guid}/revisions/{revision:int}/document.docx", (Guid id, int revision, HttpContext http, AwardService service, CancellationToken ct) =>
                DownloadAsync(id, revision, http, service, ct))
            .WithSummary("某次提交的申报书（.docx），如提交时所存");
    }

    private static async Task<IResult> DownloadAsync(Guid id, int? revision, HttpContext http, AwardService service, CancellationToken ct)
    {
        if (await service.PrintAsync(http.User.RequireActor(), id, revision, ct) is not { IsOk: true, Value: { } printed })
            return Results.Problem(title: revision is null ? "找不到该申报，或不在您的权限范围内" : "找不到该次提交的版本", statusCode: StatusCodes.Status404NotFound);
        return await WordFile.DownloadAsync(http, printed.Call.ProgrammeId, AuditKey.Of<AwardApplication>(id), AwardDocument.FileName(printed),
            s => AwardDocument.Write(s, printed));
    }
}
