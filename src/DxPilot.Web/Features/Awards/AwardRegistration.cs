namespace DxPilot.Web.Features.Awards;

public static class AwardRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AwardService>();
        services.AddScoped<AwardSummarySheet>();
        services.AddScoped<AwardDemoData>();
        services.AddScoped<Home.ITodoSource, AwardTodo>();
        services.AddScoped<Home.ITodoSource, AwardReviewTodo>();
    }

    /// <summary>The award API, its review, its files and the 申报书 download.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        AwardEndpoints.Map(app);
        AwardReviewEndpoints.Map(app);
        AwardFileEndpoints.Map(app);
        AwardDocumentEndpoints.Map(app);
    }
}
