namespace DxPilot.Web.Features.Projects;

/// <summary>The payment sheets under /api/projects, for the same identities as the rest of the project API (the payments page links here).</summary>
public static class MoneyEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/projects").WithTags("改造项目实施、验收与资金")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser());

        api.MapGet("/payments.xlsx", MoneySheets.PaymentsAsync)
            .WithSummary("资金拨付明细（.xlsx，每笔拨付一行）：search、district、batch（核定批次）、state（approved 拨付中 / paid 已拨付完毕）；市、区县（本区县）和智库");
        api.MapGet("/approved.xlsx", MoneySheets.ApprovedAsync)
            .WithSummary("补助核定汇总（.xlsx，每个已核定项目一行：核定、已拨付、未拨付）：筛选同资金拨付明细");
    }
}
