using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace DxPilot.Web.Tests.Support;

/// <summary>The in-memory test server has no peer address; this gives a request the one named in its X-Test-Remote-Address header.</summary>
public sealed class RemoteAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } address) context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            return following();
        });
        next(app);
    };
}
