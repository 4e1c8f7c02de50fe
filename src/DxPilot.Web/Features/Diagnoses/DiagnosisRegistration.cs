namespace DxPilot.Web.Features.Diagnoses;

public static class DiagnosisRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<DiagnosisService>();
        services.AddScoped<DiagnosisPhotoChecks>();
        services.AddScoped<Photos.PhotoPrints>();
        services.AddScoped<Report.DiagnosisReportService>();
        services.AddScoped<DiagnosisOverview>();
        services.AddMemoryCache();
        services.AddScoped<DiagnosisExport>();
        services.AddScoped<DiagnosisDemoData>();
    }
}
