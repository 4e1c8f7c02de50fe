namespace DxPilot.Web.Features.Awards;

public static class AwardRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AwardService>();
        services.AddScoped<AwardSummarySheet>();
        services.AddScoped<AwardDemoData>();
        services.AddScoped<AwardDemoBatches>();
        services.AddScoped<Home.ITodoSource, AwardTodo>();
        services.AddScoped<Home.ITodoSource, AwardReviewTodo>();
        services.AddScoped<AcceptedTransformations>();
        // The imported acceptance results exist for the calls that need an accepted transformation (seed 004 二（一）).
        AcceptanceResults.AcceptanceResultRegistration.AddServices(services);
    }

    /// <summary>The award API, its review, its files and the 申报书 download.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        AwardEndpoints.Map(app);
        AwardReviewEndpoints.Map(app);
        AwardBatchEndpoints.Map(app);
        AwardFileEndpoints.Map(app);
        AwardDocumentEndpoints.Map(app);
        AcceptanceResults.AcceptanceResultRegistration.MapEndpoints(app);
    }
}
