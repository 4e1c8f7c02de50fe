namespace DxPilot.Web.Features.Supervision;

public static class SupervisionRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<SupervisionService>();
        services.AddScoped<SupervisionQueries>();
        services.AddScoped<SupervisionDemoData>();
        // The kinds of work the think tank comments on; a new process adds its own here.
        services.AddScoped<ISupervisedSubjects, DiagnosisSubjects>();
        services.AddScoped<ISupervisedSubjects, FilingSubjects>();
        services.AddScoped<ISupervisedSubjects, ProjectSubjects>();
        services.AddScoped<Home.ITodoSource, RectificationTodo>();
        services.AddScoped<Organisations.OrganisationScope>();
        services.AddScoped<Organisations.OrganisationService>();
        services.AddScoped<Organisations.OrganisationRegistry>();
    }

    public static void MapEndpoints(WebApplication app)
    {
        SupervisionEndpoints.Map(app);
        Organisations.OrganisationEndpoints.Map(app);
    }
}
