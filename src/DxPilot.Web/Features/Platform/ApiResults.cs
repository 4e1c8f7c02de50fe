using Microsoft.AspNetCore.Antiforgery;

namespace DxPilot.Web.Features.Platform;

public static class ApiResults
{
    /// <summary>Outcome → HTTP: 404 for out of scope (never revealing what exists), 403, 400 with per-field errors, 409 for stale edits.</summary>
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> ok) => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.NotFound => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Forbidden => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status403Forbidden),
        OutcomeKind.Conflict => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status409Conflict),
        _ => Results.ValidationProblem(outcome.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: outcome.Message),
    };

    /// <summary>
    /// The API accepts the browser's cookie as well as bearer tokens; a cookie-authenticated write must then carry
    /// the antiforgery header, or any other site could make the browser send it.
    /// </summary>
    public static async ValueTask<object?> RequireAntiforgeryForCookies(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!safe && !bearer && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            return Results.Problem(title: "请求缺少有效的防伪令牌（X-CSRF-TOKEN），请先 GET /api/antiforgery", statusCode: StatusCodes.Status400BadRequest);
        return await next(ctx);
    }
}
