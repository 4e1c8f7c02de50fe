namespace DxPilot.Web.Features.Benchmarks;

public static class BenchmarkRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<BenchmarkService>();
        services.AddScoped<BenchmarkDemoData>();
    }
}
