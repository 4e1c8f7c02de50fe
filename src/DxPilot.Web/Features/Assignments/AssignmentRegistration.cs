using DxPilot.Web.Features.Assignments.Import;

namespace DxPilot.Web.Features.Assignments;

public static class AssignmentRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AssignmentService>();
        services.AddScoped<AssignmentImporter>();
    }
}
