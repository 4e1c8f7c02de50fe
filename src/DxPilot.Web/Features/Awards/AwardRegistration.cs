namespace DxPilot.Web.Features.Awards;

public static class AwardRegistration
{
    public static void AddServices(IServiceCollection services) => services.AddScoped<AwardService>();

    /// <summary>The award API.</summary>
    public static void MapEndpoints(WebApplication app) => AwardEndpoints.Map(app);
}
