using System.Net;
using Prometheus;

namespace DxPilot.Web.Features.Operations;

/// <summary>
/// GET /metrics in Prometheus text format, for operators scraping from inside: only callers in
/// DxPilot:Metrics:AllowedNetworks (CIDR list; default loopback) are answered, everyone else gets 404 as for any
/// unknown path.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    private static readonly string[] Loopback = ["127.0.0.0/8", "::1/128"];

    /// <summary>Request counts and durations per route template (never the raw path, so ids do not multiply the series).</summary>
    public static void UseRequestMetrics(WebApplication app) => app.UseHttpMetrics();

    public static void Map(WebApplication app)
    {
        var allowed = AllowedNetworks(app.Configuration);
        app.MapMetrics(Path).Add(endpoint =>
        {
            var scrape = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (IsAllowed(context.Connection.RemoteIpAddress, allowed)) return scrape(context);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>A JSON array (`"AllowedNetworks": ["10.0.0.0/8"]`) or one comma-separated value (an environment variable).</summary>
    public static IReadOnlyList<IPNetwork> AllowedNetworks(IConfiguration config)
    {
        var section = config.GetSection("DxPilot:Metrics:AllowedNetworks");
        var texts = section.Value is { } one ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.Get<string[]>() is { Length: > 0 } many ? many : Loopback;
        return texts.Select(t => IPNetwork.TryParse(t, out var n) ? n
            : throw new InvalidOperationException($"DxPilot:Metrics:AllowedNetworks 中的“{t}”不是有效的网段（应如 10.0.0.0/8 或 ::1/128）")).ToList();
    }

    public static bool IsAllowed(IPAddress? caller, IReadOnlyList<IPNetwork> allowed)
    {
        if (caller is null) return false;
        if (caller.IsIPv4MappedToIPv6) caller = caller.MapToIPv4();
        return allowed.Any(n => n.Contains(caller));
    }
}
