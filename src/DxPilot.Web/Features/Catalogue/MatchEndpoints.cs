using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>GET /api/enterprises/{id}/matches: the match page's list, ranked, with each product's reasons and points; the same
/// scope as the page (the enterprise, the provider serving it, the bureaus in scope, the think tank; 404 otherwise).</summary>
public static class MatchEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("供需适配")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/{id:guid}/matches", async (Guid id, string? search, string? page, HttpContext http, MatchService service, CancellationToken ct) =>
                ApiResults.From(await service.ListAsync(http.User.RequireActor(), id, QueryValue.Text(search), QueryValue.Int(page) ?? 1, ct), m => Results.Ok(new
                {
                    m.EnterpriseId, Enterprise = m.EnterpriseName, Industry = m.IndustryName,
                    Needs = m.Needs.Select(n => new
                    {
                        n.Id, n.ScenarioCode, Scenario = n.ScenarioName, n.Problem, Priority = WorkflowNames.Of(n.Priority),
                        PriorityLabel = Domain.Catalogue.NeedPriorityLabels.Label(n.Priority), n.BudgetWan, n.Products,
                    }),
                    m.AllMatches, m.Matches.Total, m.Matches.PageNumber, m.Matches.PageSize,
                    Items = m.Matches.Items.Select(r => new
                    {
                        r.Rank, r.Match.Product.ProductId, r.Match.Product.Name, r.Match.Product.ProviderId, Provider = r.Match.Product.ProviderName,
                        r.Match.Product.PriceLowWan, r.Match.Product.PriceHighWan, Price = r.PriceText, r.Match.CoveredScenarios,
                        Score = Math.Round(r.Match.Scores.Total, 2),
                        Scores = new
                        {
                            Coverage = Math.Round(r.Match.Scores.Coverage, 2), Industry = Math.Round(r.Match.Scores.Industry, 2),
                            Budget = Math.Round(r.Match.Scores.Budget, 2), ThinkTank = Math.Round(r.Match.Scores.ThinkTank, 2),
                            Satisfaction = Math.Round(r.Match.Scores.Satisfaction, 2), Serving = Math.Round(r.Match.Scores.Serving, 2),
                        },
                        r.Match.OverBudgetWan, r.Match.Reasons,
                    }),
                })))
            .WithSummary("企业的供需适配：各项需求（三级场景、优先级、预算、适配产品数，0 即暂无适配产品）与按适配度排序的已上架产品（覆盖需求、"
                         + "行业适用、预算、智库评价、诊断满意度、已服务本企业的得分与理由）；search（产品或服务商名称）、page（每页50项）");
    }
}
