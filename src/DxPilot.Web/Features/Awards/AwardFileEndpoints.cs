using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Awards;

/// <summary>The application's files: the API under /api/awards/{id}/files, and the page endpoints AwardFiles.razor's forms post to
/// (form binding makes the framework check antiforgery), which go back to the application page.</summary>
public static class AwardFileEndpoints
{
    /// <summary>One upload's body: up to ten pictures at their limit, or a few scans.</summary>
    public const long MaxRequestBytes = 10 * AwardFileRules.MaxPictureBytes + 10 * 1024 * 1024;

    private static readonly object[] BodyLimits =
        [new RequestSizeLimitAttribute(MaxRequestBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxRequestBytes }];

    public static void Map(WebApplication app)
    {
        app.MapPost("/awards/{id:guid}/files", async (Guid id, IFormCollection form, HttpContext http, AwardService service, CancellationToken ct) =>
                Slot(form) is { } slot
                    ? Back(id, await service.UploadAsync(http.User.RequireActor(), id, slot, Uploads(form), ct))
                    : Back(id, Outcome<AwardUpload>.Invalid(new Dictionary<string, string> { ["kind"] = "不认识的文件类别" })))
            .RequireAuthorization().WithMetadata(BodyLimits);

        app.MapPost("/awards/{id:guid}/files/{fileId:guid}/delete", async (Guid id, Guid fileId, IFormCollection form, HttpContext http, AwardService service, CancellationToken ct) =>
                Back(id, await service.DeleteFileAsync(http.User.RequireActor(), id, fileId, ct)))
            .RequireAuthorization();

        // Pictures are shown in the page from here: in scope only (404 otherwise), audited like every download.
        app.MapGet("/awards/{id:guid}/files/{fileId:guid}", DownloadAsync).RequireAuthorization();
        app.MapGet("/awards/{id:guid}/revisions/{revision:int}/files/{index:int}", DownloadFrozenAsync).RequireAuthorization();

        var api = app.MapGroup("/api/awards").WithTags("奖补申报（数智标杆、链式案例）")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/{id:guid}/files", async (Guid id, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.FilesAsync(http.User.RequireActor(), id, ct), files => Results.Ok(files.Select(Shown))))
            .WithSummary("申报的附件：签字盖章的承诺书和申报声明扫描件、各场景配图、链式案例插图");

        api.MapPost("/{id:guid}/files", async (Guid id, HttpContext http, AwardService service, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                if (Slot(form) is not { } slot)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["kind"] = ["kind 应为 pledge（承诺书）、declaration（申报声明）、scenarioPicture（场景配图，须 direction 和 scenario）、caseImage（链式案例插图）或 evidence（证明材料，须 subject）"],
                    }, title: "提交的内容有误");
                return ApiResults.From(await service.UploadAsync(http.User.RequireActor(), id, slot, Uploads(form), ct),
                    u => Results.Ok(new { Stored = u.Stored.Select(Shown), u.Refused }));
            })
            .DisableAntiforgery().WithMetadata(BodyLimits)
            .WithSummary("上传附件（申报企业，草稿或退回修改时）：multipart kind、direction、scenario（从1起）、subject（证明材料：equipmentRates、ipCertificate、levelCertificate、leadership、other）、file（可多个）；"
                         + "扫描件为PDF、JPEG或PNG，图片按解码后的实际格式和像素检查；返回已保存的文件和未保存文件的原因，全部未保存时为400");

        api.MapGet("/{id:guid}/files/{fileId:guid}", DownloadAsync).WithSummary("下载附件（记入审计）");
        api.MapGet("/{id:guid}/revisions/{revision:int}/files/{index:int}", DownloadFrozenAsync)
            .WithSummary("下载某次提交时的附件（按该次提交的附件清单顺序，从0起；记入审计）");

        api.MapDelete("/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, HttpContext http, AwardService service, CancellationToken ct) =>
                ApiResults.From(await service.DeleteFileAsync(http.User.RequireActor(), id, fileId, ct), _ => Results.NoContent()))
            .WithSummary("删除附件（申报企业，草稿或退回修改时）");
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, HttpContext http, AwardService service, FileDownload download, CancellationToken ct)
    {
        if (await service.OpenFileAsync(http.User.RequireActor(), id, fileId, ct) is not { } found)
            return Results.Problem(title: "找不到该文件，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        http.Response.Headers.CacheControl = "private, no-cache";
        return await download.ServeAsync(found.File, found.ProgrammeId, AuditKey.Of<AwardApplication>(id), ct);
    }

    /// <summary>A file as a submission froze it: the same bytes even after the applicant replaced it.</summary>
    private static async Task<IResult> DownloadFrozenAsync(Guid id, int revision, int index, HttpContext http, AwardService service, FileDownload download,
        CancellationToken ct)
    {
        var found = await service.RevisionAsync(http.User.RequireActor(), id, revision, ct);
        if (!found.IsOk || found.Value.Revision.Files is not { } files || index < 0 || index >= files.Count)
            return Results.Problem(title: "找不到该文件，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        http.Response.Headers.CacheControl = "private, no-cache";
        return await download.ServeAsync(files[index].Ref, found.Value.View.Application.ProgrammeId, AuditKey.Of<AwardApplication>(id), ct);
    }

    /// <summary>The slot a form names, or null when its kind is unknown (a scenario that is not a number, or a subject not of the list,
    /// counts as none and is refused by the slot's rules).</summary>
    private static AwardFileSlot? Slot(IFormCollection form) =>
        WorkflowNames.Parse<AwardFileKind>(form["kind"].ToString()) is not { } kind ? null
        : kind == AwardFileKind.ScenarioPicture
            ? new AwardFileSlot(kind, form["direction"].ToString().Trim(), int.TryParse(form["scenario"], out var n) ? n : null)
        : kind == AwardFileKind.Evidence
            ? new AwardFileSlot(kind, null, WorkflowNames.Parse<AwardEvidenceSubject>(form["subject"].ToString()) is { } subject ? (int)subject : null)
            : new AwardFileSlot(kind);

    private static List<UploadedFile> Uploads(IFormCollection form) => form.Files.GetFiles("file").Select(UploadedFile.From).ToList();

    private static object Shown(AwardFile f) => new
    {
        f.Id, Kind = WorkflowNames.Of(f.Kind), f.Direction, f.Scenario, Subject = f.Subject is { } s ? WorkflowNames.Of(s) : null, f.File.Name, f.File.Size, f.File.ContentType, f.Width, f.Height,
        f.UploadedByName, f.UploadedAt,
    };

    /// <summary>Done: back to the application's files. Refused (all or some): each reason in Chinese, with the way back.</summary>
    private static IResult Back<T>(Guid id, Outcome<T> outcome)
    {
        var refused = outcome.Value is AwardUpload { Refused.Count: > 0 } some ? some.Refused
            : outcome.IsOk ? null
            : outcome.Errors.Count > 0 ? outcome.Errors.Values.ToList() : [outcome.Message ?? "未能完成"];
        if (refused is null) return Results.LocalRedirect($"/awards/{id}#files");
        return new RazorComponentResult<AwardFileRefusal>(new Dictionary<string, object?>
        {
            [nameof(AwardFileRefusal.Id)] = id,
            [nameof(AwardFileRefusal.Stored)] = (outcome.Value as AwardUpload)?.Stored.Count ?? 0,
            [nameof(AwardFileRefusal.Reasons)] = refused,
        }) { StatusCode = outcome.IsOk ? StatusCodes.Status200OK : outcome.StatusCode };
    }
}
