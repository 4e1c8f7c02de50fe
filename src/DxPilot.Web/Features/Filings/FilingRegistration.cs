namespace DxPilot.Web.Features.Filings;

public static class FilingRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<FilingService>();
        services.AddScoped<FilingProviders>();
        services.AddScoped<Contracts.ContractService>();
        services.AddScoped<Annex5Export>();
        services.AddScoped<FilingDemoData>();
    }
}
