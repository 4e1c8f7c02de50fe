namespace DxPilot.Web.Features.AcceptanceResults;

public static class AcceptanceResultRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AcceptanceResultService>();
        services.AddScoped<AcceptanceResultImporter>();
    }

    public static void MapEndpoints(WebApplication app) => AcceptanceResultEndpoints.Map(app);
}
