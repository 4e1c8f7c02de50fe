namespace DxPilot.Web.Features.Catalogue;

/// <summary>The needs and solutions catalogue (供需适配库): the scenario tree, the provider pool, products, needs, matches and plans.</summary>
public static class CatalogueRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<ScenarioTreeSeeding>();
        services.AddScoped<PricedPlanService>();
    }

    public static void MapEndpoints(WebApplication app)
    {
        PricedPlanEndpoints.Map(app);
    }
}
