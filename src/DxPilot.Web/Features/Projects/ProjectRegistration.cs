namespace DxPilot.Web.Features.Projects;

public static class ProjectRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        services.AddScoped<Home.ITodoSource, ProjectTodo>();
    }

    /// <summary>The project's API.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        ProjectEndpoints.Map(app);
    }
}
