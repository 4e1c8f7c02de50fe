namespace DxPilot.Web.Features.Projects;

public static class ProjectRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        services.AddScoped<MoneySheets>();
    }

    /// <summary>The project's API.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        ProjectEndpoints.Map(app);
        MoneyEndpoints.Map(app);
    }
}
