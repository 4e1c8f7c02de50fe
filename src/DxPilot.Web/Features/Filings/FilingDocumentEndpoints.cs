using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// The filing's official files: 附件5 备案汇总表 (.xlsx) of the filtered list, for the pages (cookie) and the API, with the
/// list's query string (search, district, state, target, excluded, queue).
/// </summary>
public static class FilingDocumentEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/filings/annex5.xlsx", Annex5Export.DownloadAsync).RequireAuthorization();

        var api = app.MapGroup("/api/filings").WithTags("改造项目备案")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);
        api.MapGet("/annex5.xlsx", Annex5Export.DownloadAsync)
            .WithSummary("附件5 备案汇总表（.xlsx），筛选同备案列表（search、district、state、target、excluded、queue）；区县导出本区县，市级导出全市；"
                         + "只含已提交的备案（审核中、退回修改、已备案），每项按最近一次提交的版本；仅杭州试点");
    }
}
