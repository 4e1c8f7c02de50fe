using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The priced plan's API: the same plan, scopes and refusals as the page /assessments/{id}/plan.</summary>
public static class PricedPlanEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/assessments").WithTags("供需适配库")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/{id:guid}/priced-plan", async (Guid id, [FromQuery] string? target, [FromQuery] Guid[]? pin, HttpContext http,
                PricedPlanService service, CancellationToken ct) =>
            ApiResults.From(await service.ForAssessmentAsync(http.User.RequireActor(), id, QueryValue.Int(target), pin ?? [], ct), Shape))
            .WithSummary("采购方案与费用：target（目标等级 1–4，默认高一级）、pin（保留的产品，可多个）；金额单位万元，补助为按本试点规则的估算");

        api.MapPost("/{id:guid}/priced-plan/filing", async (Guid id, [FromQuery] string? target, [FromQuery] Guid[]? pin, HttpContext http,
                PricedPlanService plans, Filings.FilingService filings, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                var plan = await plans.ForAssessmentAsync(actor, id, QueryValue.Int(target), pin ?? [], ct);
                if (!plan.IsOk) return ApiResults.From(plan, _ => Results.Ok());
                return ApiResults.From(await filings.StartFromPlanAsync(actor, plan.Value!.Enterprise.Id, plan.Value.FilingAnswers(actor), ct),
                    f => Results.Ok(new { f.Id, f.Version, Edit = $"/filings/{f.Id}/edit" }));
            })
            .WithSummary("据此发起备案：按同样的 target 和 pin 计算方案，新建备案草稿并预填项目名称、改造总花费（报价上限，万元）、目标等级、自评测等级和建设内容；已有在办备案时拒绝");
    }

    private static IResult Shape(PricedPlanView v)
    {
        var p = v.Plan;
        object Share(Domain.Catalogue.PlanShare s) => new
        {
            s.TotalWan, s.EligibleWan, s.SubsidyWan, s.OwnShareWan, s.Basis, s.Subsidy.CentralWan, s.Subsidy.LocalWan, s.Subsidy.WithheldWan, s.Subsidy.Capped,
        };
        object Offer(Domain.Catalogue.CatalogueOffer o) => new
        {
            o.ProductId, o.Name, o.ProviderId, Provider = o.ProviderName, o.PriceLowWan, o.PriceHighWan, o.TaxIncluded, Price = v.PriceText[o.ProductId],
        };
        return Results.Ok(new
        {
            AssessmentId = v.Assessment.Id, v.Enterprise.Id, Enterprise = v.Enterprise.Name, v.CurrentLevel, p.TargetLevel, p.Complete, v.Pinned,
            Scenarios = p.Scenarios.Select(s => new
            {
                Scenario = s.MiitScenario, s.Constrained, CatalogueScenarios = s.CatalogueScenarios.Select(c => new { c.Code, c.Name }),
                Chosen = s.Chosen.Select(Offer), Alternatives = s.Alternatives.Select(Offer), s.NoProduct,
            }),
            Products = p.Products.Select(x => new { Product = Offer(x.Offer), x.Serves, x.Eligible, x.SpendCategory }),
            Providers = p.Providers.Select(x => new { x.ProviderId, x.Name, Uscc = v.ProviderUscc.GetValueOrDefault(x.ProviderId) }),
            AtLowPrice = Share(p.AtLowPrice), AtHighPrice = Share(p.AtHighPrice), p.SomePricesExcludeTax,
            WithoutPurchase = p.WithoutPurchase.Select(c => new { Question = c.Item, c.Have, c.Need, Points = c.PointsAdded }),
        });
    }
}
