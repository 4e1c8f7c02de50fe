using DxPilot.Domain.Auditing;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// The filing's official files: 附件5 备案汇总表 (.xlsx) of the filtered list with the list's query string (search, district,
/// state, target, excluded, queue), and one filing's 备案申请表 (.docx) as it stands or as a submitted round froze it; for the
/// pages (cookie) and the API, in the same scope as the filing's page.
/// </summary>
public static class FilingDocumentEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/filings/annex5.xlsx", Annex5Export.DownloadAsync).RequireAuthorization();
        app.MapGet("/filings/{id:guid}.docx", (Guid id, HttpContext http, FilingService service, ShownTime time, CancellationToken ct) =>
            FormAsync(id, null, http, service, time, ct)).RequireAuthorization();
        app.MapGet("/filings/{id:guid}/versions/{round:int}.docx", (Guid id, int round, HttpContext http, FilingService service, ShownTime time,
            CancellationToken ct) => FormAsync(id, round, http, service, time, ct)).RequireAuthorization();

        var api = app.MapGroup("/api/filings").WithTags("改造项目备案")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);
        api.MapGet("/annex5.xlsx", Annex5Export.DownloadAsync)
            .WithSummary("附件5 备案汇总表（.xlsx），筛选同备案列表（search、district、state、target、excluded、queue）；区县导出本区县，市级导出全市；"
                         + "只含已提交的备案（审核中、退回修改、已备案），每项按最近一次提交的版本；仅杭州试点");
        api.MapGet("/{id:guid}.docx", (Guid id, HttpContext http, FilingService service, ShownTime time, CancellationToken ct) =>
                FormAsync(id, null, http, service, time, ct))
            .WithSummary("备案申请表（.docx，附件1 / 附件4 的版式）：草稿或退回修改中为当前内容，已提交为最近一次提交的版本");
        api.MapGet("/{id:guid}/versions/{round:int}.docx", (Guid id, int round, HttpContext http, FilingService service, ShownTime time,
                CancellationToken ct) => FormAsync(id, round, http, service, time, ct))
            .WithSummary("某次提交的备案申请表（.docx），如提交时所存");
    }

    private static async Task<IResult> FormAsync(Guid id, int? round, HttpContext http, FilingService service, ShownTime time, CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        if (await service.GetAsync(actor, id, ct) is not { IsOk: true, Value: { } view })
            return Results.Problem(title: "找不到该备案，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        if (await FilingPrints.PrintAsync(actor, view, round, service, time, ct) is not var (name, printed))
            return Results.Problem(title: "找不到该次提交的版本", statusCode: StatusCodes.Status404NotFound);
        return await WordFile.DownloadAsync(http, view.Filing.ProgrammeId, AuditKey.Of<Filing>(id), name, s => FilingDocument.Write(s, printed));
    }
}
