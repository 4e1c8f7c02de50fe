namespace DxPilot.Web.Features.Catalogue;

/// <summary>The needs and solutions catalogue (供需适配库): the scenario tree, the provider pool, products, needs, matches and plans.</summary>
public static class CatalogueRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<ScenarioTreeSeeding>();
        // After the audit trail's: that one opens the change's transaction, in which the demand map's counts move too.
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Infrastructure.Catalogue.DemandCounter>();
        services.AddScoped<PoolService>();
        services.AddScoped<ProductService>();
        services.AddScoped<Home.ITodoSource, PoolTodo>();
        services.AddScoped<CatalogueDemoData>();
        services.AddSingleton(typeof(CatalogueFreshness<,>));
        services.AddSingleton<MatchProviderFigures>();
        services.AddScoped<MatchService>();
        services.AddScoped<DemandMapService>();
        services.AddScoped<DemandMapSheet>();
        services.AddScoped<TreeService>();
        services.AddScoped<NeedService>();
        services.AddScoped<Annex1Export>();
        services.AddScoped<Annex1Import>();
        services.AddScoped<PricedPlanService>();
        services.AddScoped<SavedPlanService>();
        services.AddScoped<Home.ITodoSource, SavedPlanTodo>();
    }

    public static void MapEndpoints(WebApplication app)
    {
        PoolEndpoints.Map(app);
        ProductEndpoints.Map(app);
        MatchEndpoints.Map(app);
        DemandEndpoints.Map(app);
        TreeEndpoints.Map(app);
        NeedEndpoints.Map(app);
        Annex1Endpoints.Map(app);
        PricedPlanEndpoints.Map(app);
        SavedPlanEndpoints.Map(app);
    }
}
