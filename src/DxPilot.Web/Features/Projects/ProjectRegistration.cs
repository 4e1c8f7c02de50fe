namespace DxPilot.Web.Features.Projects;

public static class ProjectRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        services.AddScoped<ProjectDemoData>();
        services.AddScoped<Archive.ProjectArchive>();
        // The archive's documents, in the order of the process; each feature lists its own.
        services.AddScoped<Archive.IArchiveSource, Filings.FilingArchiveSource>();
        services.AddScoped<Archive.IArchiveSource, Diagnoses.DiagnosisArchiveSource>();
        services.AddScoped<Archive.IArchiveSource, ProjectArchiveSource>();
        services.AddScoped<Documents.ProjectDocumentService>();
        services.AddScoped<MoneySheets>();
        services.AddScoped<Home.ITodoSource, ProjectTodo>();
    }

    /// <summary>The project's API.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        ProjectEndpoints.Map(app);
        Archive.ArchiveEndpoints.Map(app);
        Documents.ProjectDocumentEndpoints.Map(app);
        MoneyEndpoints.Map(app);
    }
}
