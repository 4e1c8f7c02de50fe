namespace DxPilot.Web.Features.Benchmark;

public static class BenchmarkRegistration
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<BenchmarkService>();
        services.AddScoped<BenchmarkDemoData>();
    }
}
