using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Console;

namespace DxPilot.Web.Features.Operations;

/// <summary>
/// Console logs: one JSON object per line with its scopes (CorrelationId among them) for log collectors, or readable
/// lines in Development. Logging:Console:FormatterName in appsettings chooses; this sets what configuration cannot.
/// </summary>
public static class LoggingSetup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            // Chinese messages stay readable in the collector instead of \uXXXX escapes.
            o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
    }
}
