using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DxPilot.Web.Features.Operations;

/// <summary>
/// Behind nginx or an SLB that terminates TLS (docs/operations.md): the proxy's X-Forwarded-Proto and X-Forwarded-For are
/// believed only from the proxies configured in DxPilot:Proxy (loopback by default), so that an HTTPS request is HTTPS to
/// the platform (the sign-in cookie gets Secure) and HSTS tells browsers to stay on HTTPS.
/// </summary>
public static class BehindProxy
{
    public const string Section = "DxPilot:Proxy";

    public static void AddServices(IServiceCollection s, IConfiguration config)
    {
        var proxies = config.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = config.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        s.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var p in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(p, out var ip) ? ip
                    : throw new InvalidOperationException($"{Section}:KnownProxies 中的“{p}”不是 IP 地址（如 10.0.0.5）"));
            foreach (var n in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(n, out var network) ? network
                    : throw new InvalidOperationException($"{Section}:KnownNetworks 中的“{n}”不是网段（如 10.0.0.0/8）"));
        });
        s.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // The platform is reached by whatever name the city gives it; HSTS is sent only on HTTPS anyway.
            o.ExcludedHosts.Clear();
        });
    }

    public static void Use(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
    }
}
