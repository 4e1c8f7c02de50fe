using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>供需地图 for the API (/api/catalogue/demand, its .xlsx) and the page's download (/catalogue/demand.xlsx); the city and
/// the think tank (industry=, district=), a district bureau its own district (industry=); 404 for everyone else.</summary>
public static class DemandEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/catalogue/demand.xlsx", DemandMapSheet.DownloadAsync).RequireAuthorization();

        var api = app.MapGroup("/api/catalogue").WithTags("供需适配")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/demand", async (string? industry, string? district, HttpContext http, DemandMapService service, CancellationToken ct) =>
                ApiResults.From(await service.MapAsync(http.User.RequireActor(), DemandFilter.From(industry, district), ct), m => Results.Ok(new
                {
                    Scope = m.ScopeName, m.Filter.Industry, m.Filter.District,
                    Industries = m.Industries.Select(i => new { i.Key, i.Name }),
                    Unserved = m.Unserved.Select(r => r.Code),
                    Rows = m.Rows.Select(r => new
                    {
                        r.Level1, r.Level2, r.Code, r.Name, r.Retired, r.Enterprises, r.Demand, r.Products, r.Providers, r.Unserved,
                    }),
                })))
            .WithSummary("供需地图：每个三级场景按试点行业统计有需求的企业数，对照上架产品数和服务商数；unserved 为有需求无供给的场景（需求多的在前）；"
                         + "industry（试点行业）、district（县（市、区），市级和智库）");

        api.MapGet("/demand.xlsx", DemandMapSheet.DownloadAsync).WithSummary("供需地图（.xlsx），筛选同上");
    }
}
