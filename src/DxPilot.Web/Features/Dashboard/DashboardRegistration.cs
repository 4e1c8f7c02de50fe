namespace DxPilot.Web.Features.Dashboard;

/// <summary>The dashboard's services: the figures' reader and computation, the shared fresh copy, the export.</summary>
public static class DashboardRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<DashboardAwards>();
        services.AddScoped<DashboardExport>();
        services.AddSingleton<DashboardFreshness>();
    }
}
