using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The products' API, under /api/catalogue/products: the same use cases, scopes and refusals as the pages.</summary>
public static class ProductEndpoints
{
    /// <summary>产品信息: prices in 万元 as text (a fixed price leaves priceHighWan empty), scenarios as level-3 codes, industries as the
    /// programme's keys, spendCategory as its key; version for a change.</summary>
    public sealed record ProductInput(string? Name, string? Summary, string[]? Scenarios, string[]? Industries, string? PriceLowWan, string? PriceHighWan,
        bool? TaxIncluded, string? DeliveryDays, bool? CloudBased, string? SpendCategory, int? Version)
    {
        public ProductForm Form => new(Name, Summary, Scenarios, Industries, PriceLowWan, PriceHighWan, TaxIncluded ?? false, DeliveryDays,
            CloudBased ?? false, SpendCategory);
    }

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/catalogue/products").WithTags("产品及解决方案")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (HttpContext http, ProductService service, string? search, string? scenario, string? industry, string? cloud,
                string? maxPrice, string? status, string? mine, string? page, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                var filter = ProductFilter.From(search, scenario, industry, cloud, maxPrice, status);
                if (filter.PriceProblem is { } problem)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["maxPrice"] = [problem] }, title: "提交的内容有误");
                var number = QueryValue.Int(page) ?? 1;
                var outcome = QueryValue.Flag(mine) ? await service.MineAsync(actor, filter, number, ct)
                    : Outcome<Page<ProductRow>>.Ok(await service.ShownAsync(actor, filter, number, ct));
                return ApiResults.From(outcome, p => Results.Ok(new { p.Total, p.PageNumber, p.PageSize, Items = p.Items.Select(r => Body(r.Product, r.ProviderName)) }));
            })
            .WithSummary("已上架的产品（服务商加 mine=true 为本单位的全部产品，可加 status）：search（名称、简述或服务商）、scenario（一、二或三级场景编号）、"
                         + "industry（细分行业）、cloud（yes / no）、maxPrice（万元，价格下限不超过）、page");

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, ProductService service, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.GetAsync(actor, id, ct), v => Results.Ok(new
                {
                    Product = Body(v.Product, v.ProviderName), v.ProviderAdmitted,
                    ScenarioDetails = v.Scenarios.Select(s => new { s.Code, s.Name, Retired = s.IsRetired, Miit = s.MiitScenarioNames, s.MappingReason }),
                    Transitions = v.Open(actor).Select(t => new { Trigger = t.TriggerName, t.Label }),
                    History = v.History.Select(h => new { h.Trigger, h.FromState, h.ToState, h.ActorName, h.At, h.Reason }),
                }));
            })
            .WithSummary("一项产品：内容、服务商、适用场景及其对应的业务场景、可执行的操作和审核记录（未上架的产品只有其服务商和主管部门可见）");

        api.MapPost("/", async (ProductInput input, HttpContext http, ProductService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(http.User.RequireActor(), input.Form, ct), p => Results.Created($"/api/catalogue/products/{p.Id}", Body(p, null))))
            .WithSummary("已入池的服务商新增产品（草稿）");

        api.MapPut("/{id:guid}", async (Guid id, ProductInput input, HttpContext http, ProductService service, CancellationToken ct) =>
            {
                if (input.Version is not { } version)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["请提供读取时的版本号"] }, title: "提交的内容有误");
                return ApiResults.From(await service.EditAsync(http.User.RequireActor(), id, input.Form, version, ct), p => Results.Ok(Body(p, null)));
            })
            .WithSummary("修改本单位的产品（草稿、退回修改或已下架的），version 为读取时的版本");

        api.MapPost("/{id:guid}/transitions", async (Guid id, TransitionInput input, HttpContext http, ProductService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<ProductTrigger>(input.Trigger) is not { } trigger)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["trigger"] = [$"不认识的操作“{input.Trigger}”，可选：{string.Join("、", Enum.GetValues<ProductTrigger>().Select(WorkflowNames.Of))}"],
                    }, title: "提交的内容有误");
                return ApiResults.From(await service.TransitionAsync(http.User.RequireActor(), id, trigger, input.Reason, input.Version, ct), p => Results.Ok(Body(p, null)));
            })
            .WithSummary("产品的状态变更：trigger 为 submit / withdraw（服务商）或 approve / return / takeDown（市级），reason 为理由，version 为读取时的版本");
    }

    private static object Body(CatalogueProduct p, string? providerName) => new
    {
        p.Id, p.ProviderId, Provider = providerName, p.Name, p.Summary, Scenarios = p.ScenarioCodes, Industries = p.IndustryKeys, p.PriceLowWan,
        p.PriceHighWan, p.TaxIncluded, p.PriceText, p.DeliveryDays, p.CloudBased, p.SpendCategory, State = WorkflowNames.Of(p.Status),
        StateLabel = ProductWorkflow.Chain.Label(p.Status), p.ReviewNote, p.Version, p.UpdatedAt,
    };
}
