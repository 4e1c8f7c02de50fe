namespace DxPilot.Web.Features.Awards;

public static class AwardRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AwardService>();
        services.AddScoped<AwardSummarySheet>();
        services.AddScoped<Home.ITodoSource, AwardReviewTodo>();
    }

    /// <summary>The award API.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        AwardEndpoints.Map(app);
        AwardReviewEndpoints.Map(app);
    }
}
