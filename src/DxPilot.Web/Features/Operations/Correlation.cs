namespace DxPilot.Web.Features.Operations;

/// <summary>
/// One id per request, the one the error page shows: every log line written while the request runs carries it as
/// `CorrelationId` (a logging scope), and the response echoes it in X-Correlation-Id, so a user's error number leads
/// an operator straight to the log entries.
/// </summary>
public static class Correlation
{
    public const string Header = "X-Correlation-Id";
    public const string ScopeKey = "CorrelationId";

    public static string IdOf(HttpContext context) => context.TraceIdentifier;

    public static async Task Middleware(HttpContext context, Func<Task> next)
    {
        var id = IdOf(context);
        // At start rather than now: an exception handler clears the headers before writing the error page.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DxPilot.Requests");
        using (logger.BeginScope(new Dictionary<string, object> { [ScopeKey] = id }))
            await next();
    }
}
