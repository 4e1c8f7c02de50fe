using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Filings;

/// <summary>The filing pages' own posts that are not a page's form.</summary>
public static class FilingPageEndpoints
{
    public static void Map(WebApplication app)
    {
        // 开始备案 from the enterprise's file: starts (or finds) its filing and opens the form.
        app.MapPost("/filings/start", async ([FromForm] Guid enterpriseId, HttpContext http, FilingService service, CancellationToken ct) =>
        {
            var outcome = await service.StartAsync(http.User.RequireActor(), enterpriseId, ct);
            return outcome.IsOk
                ? Results.Redirect($"/filings/{outcome.Value!.Id}/edit")
                : Results.Problem(title: outcome.Message, statusCode: outcome.StatusCode);
        }).RequireAuthorization();
    }
}
