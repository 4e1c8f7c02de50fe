using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Operations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Extensions;
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

    /// <summary>A title more precise than the status's own, for the error page.</summary>
    public const string TitleKey = "DxPilot.ErrorTitle";

    /// <summary>The address of the page a refused form came from, for the error page's link back to it.</summary>
    public const string BackKey = "DxPilot.ErrorBack";

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

    /// <summary>After <see cref="RefuseForgedForms"/>: a page's form posted when the page no longer draws it (a tab read before the
    /// project was paid in full, the filing decided, the step taken by someone else). The framework refuses such a post itself,
    /// before any form's handler runs, with a bare 400 of its own (its English text in Development, an empty answer otherwise),
    /// which no error page would replace. Here it becomes 409 and the Chinese page saying the page is out of date, in the layout,
    /// with a link back to the page; a post naming no form at all gets the Chinese 400 page. One place for every page, so a page
    /// need not draw hidden copies of the forms it shows only in some states.</summary>
    public static async Task RefuseStaleForms(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || IsApi(context.Request) || !context.Request.HasFormContentType
            || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            await next();
            return;
        }
        var response = context.Response;
        var body = response.Body;
        response.Body = new WithoutFrameworkRefusal(body, response);
        try { await next(); }
        finally { response.Body = body; }
        if (!FrameworkRefused(response)) return;

        // No content type: the status code pages write the error page.
        response.ContentType = null;
        var form = (await context.Request.ReadFormAsync()).TryGetValue("_handler", out var handler) ? handler.ToString() : "";
        if (string.IsNullOrEmpty(form)) return;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorResponses).FullName!)
            .LogInformation("表单 {Form} 已不在页面 {Path} 上（页面已过期），未处理", form, context.Request.Path.Value);
        response.StatusCode = StatusCodes.Status409Conflict;
        context.Items[TitleKey] = StatusMessages.StaleForm.Title;
        context.Items[DetailKey] = StatusMessages.StaleForm.Advice;
        // The form's own page: a page's form posts to the address the page has (the error page is re-executed at another).
        var back = UriHelper.BuildRelative(context.Request.PathBase, context.Request.Path, context.Request.QueryString);
        context.Items[BackKey] = back.StartsWith("//", StringComparison.Ordinal) || back.StartsWith("/\\", StringComparison.Ordinal) ? "/" : back;
    }

    /// <summary>The framework's refusal of a page's post naming a form the page does not draw: 400 as text/plain, before anything is
    /// sent (a page's own answers are text/html). The tests of <see cref="RefuseStaleForms"/> fail if a framework update changes it.</summary>
    private static bool FrameworkRefused(HttpResponse response) =>
        !response.HasStarted && response.StatusCode == StatusCodes.Status400BadRequest && response.ContentType == "text/plain";

    /// <summary>A page's response body, less the framework's refusal (<see cref="FrameworkRefused"/>): its text and its flush are
    /// held back, so that the response has not started and the error page can be written in its place.</summary>
    private sealed class WithoutFrameworkRefusal(Stream inner, HttpResponse response) : Stream
    {
        private bool Held => FrameworkRefused(response);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { if (!Held) inner.Flush(); }
        public override Task FlushAsync(CancellationToken ct) => Held ? Task.CompletedTask : inner.FlushAsync(ct);
        public override void Write(byte[] buffer, int offset, int count) { if (!Held) inner.Write(buffer, offset, count); }
        public override void Write(ReadOnlySpan<byte> buffer) { if (!Held) inner.Write(buffer); }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            Held ? Task.CompletedTask : inner.WriteAsync(buffer, offset, count, ct);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) =>
            Held ? ValueTask.CompletedTask : inner.WriteAsync(buffer, ct);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
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
