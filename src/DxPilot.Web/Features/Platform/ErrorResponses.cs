using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Operations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// One mechanism for every error answer: a page request gets the Chinese error page (404 for a missing record and for one out
/// of scope alike, 403, 400…, 500 with the correlation id), an API request gets ProblemDetails with a Chinese title and detail.
/// Pages and endpoints only set the status; what the user reads is decided here and in <see cref="StatusMessages"/>.
/// </summary>
public static class ErrorResponses
{
    /// <summary>A more precise Chinese reason than the status's own, for the page or ProblemDetails written later.</summary>
    public const string DetailKey = "DxPilot.ErrorDetail";

    /// <summary>A page not meant for this account: 404, and the error page (which a page's 404 is re-executed to, so the page's own
    /// text never shows) says whose page it is instead of "not found".</summary>
    public static void NotForYou(HttpContext http, string reason)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Items[DetailKey] = reason;
    }

    /// <summary>Paths read by programs, not people: they answer status codes and problem details, never a redirect or a page.
    /// The OpenAPI description is one of them.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    public static void AddServices(IServiceCollection s)
    {
        s.AddProblemDetails(o => o.CustomizeProblemDetails = InChinese);
        s.AddExceptionHandler<ApiExceptionHandler>();
        // A value the API cannot bind throws, so that it reaches the handler below and is answered in Chinese.
        s.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    }

    /// <summary>First in the pipeline (after correlation): nothing below it answers a user with the developer page or English.</summary>
    public static void Use(WebApplication app)
    {
        // The failed request's own method again once its error page is written (for the request metrics and logs).
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            try { await next(); }
            finally { context.Request.Method = method; }
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = ex => TooLarge(ex) ? StatusCodes.Status413PayloadTooLarge
                : ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // Outside, for pages: the error page re-executed (on the main pipeline, whose routing it needs). Inside, for the API:
        // ProblemDetails, written first, so the page handler finds a body and leaves the answer alone.
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.UseWhen(c => IsApi(c.Request), api => api.UseStatusCodePages());
        // The error page is read, not posted: it is re-executed as a GET, so it is neither checked as a form again nor
        // refused for the method the failed request used (a POST without its token, a DELETE on a page). Set on the way
        // out, before the handlers above re-execute the request (they re-run routing, which matches by method).
        app.Use(async (context, next) =>
        {
            try { await next(); }
            finally
            {
                if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && !IsApi(context.Request))
                    context.Request.Method = HttpMethods.Get;
            }
        });
    }

    /// <summary>After UseAntiforgery: a form posted without a valid token is refused here with a Chinese reason, for pages
    /// (which would otherwise answer an empty 400) and form endpoints alike.</summary>
    public static Task RefuseForgedForms(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsGet(context.Request.Method) || context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false } refused)
            return next();
        // A body over the page's limit stops the form, token and all, from being read: that is what the user must be told.
        if (TooLarge(refused.Error))
        {
            context.Items[DetailKey] = UploadLimitAttribute.MessageFor(context.GetEndpoint()) ?? StatusMessages.For(StatusCodes.Status413PayloadTooLarge).Advice;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        context.Items[DetailKey] = StatusMessages.Antiforgery;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    /// <summary>Whether a request was refused for its body's size: the server's 413, or the form reader's multipart limit (which the
    /// framework reports as a 400 of a body it could not read), wrapped in the antiforgery or binding failure it caused.</summary>
    public static bool TooLarge(Exception? e) => e switch
    {
        null => false,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        InvalidDataException data => data.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase),
        _ => TooLarge(e.InnerException),
    };

    private static void InChinese(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        var message = StatusMessages.For(problem.Status ?? http.Response.StatusCode);
        if (!HasChinese(problem.Title))
        {
            // The framework's reason phrase ("Not Found", "One or more validation errors occurred.").
            problem.Title = message.Title;
            if (!HasChinese(problem.Detail)) problem.Detail = null;
            problem.Detail ??= http.Items[DetailKey] as string ?? message.Advice;
        }
        else if (!HasChinese(problem.Detail)) problem.Detail = null;
        problem.Extensions["correlationId"] = Correlation.IdOf(http);
    }

    private static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>An exception in an API request: ProblemDetails in Chinese (400/413/415 for what the framework could not read,
    /// 500 with the correlation id otherwise). Page requests fall through to the error page.</summary>
    private sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            // By now the request's path is the error page's; the feature keeps the one that failed.
            var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
            if (!path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api") return false;
            var bad = exception as BadHttpRequestException;
            var tooLarge = TooLarge(exception);
            var status = tooLarge ? StatusCodes.Status413PayloadTooLarge : bad?.StatusCode ?? StatusCodes.Status500InternalServerError;
            if (bad is null && !tooLarge) logger.LogError(exception, "接口请求出错");
            http.Response.StatusCode = status;
            var message = StatusMessages.For(status);
            // A body over an upload's limit: that limit, stated by the endpoint that was refused.
            var limit = tooLarge ? UploadLimitAttribute.MessageFor(http.Features.Get<IExceptionHandlerFeature>()?.Endpoint) ?? message.Advice : null;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = status, Title = message.Title, Detail = limit ?? (bad is null ? message.Advice : StatusMessages.Detail(bad)) },
            });
        }
    }
}
