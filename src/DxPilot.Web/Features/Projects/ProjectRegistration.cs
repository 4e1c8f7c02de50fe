namespace DxPilot.Web.Features.Projects;

public static class ProjectRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        Dashboard.DashboardRegistration.AddServices(services);
    }

    /// <summary>The project's API.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        ProjectEndpoints.Map(app);
        Dashboard.DashboardEndpoints.Map(app);
    }
}
