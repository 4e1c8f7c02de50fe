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

    /// <summary>The filing's API, page posts, files, contracts and reviews.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        FilingEndpoints.Map(app);
        Contracts.ContractEndpoints.Map(app);
        FilingPageEndpoints.Map(app);
        FilingDocumentEndpoints.Map(app);
        FilingReviewEndpoints.Map(app);
    }
}
