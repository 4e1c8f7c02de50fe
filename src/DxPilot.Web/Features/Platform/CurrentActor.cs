using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Auditing;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// The actor of this scope. In a request: the signed-in user, read from the cookie or token, never passed by hand.
/// Outside requests (background jobs, CLI verbs, start-up seeding) the work names itself first with <see cref="Assume"/>.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    private Actor? _assumed;

    public Actor? Actor => _assumed ?? http.HttpContext?.User.ToActor();

    public string? Channel => http.HttpContext?.Request.Path.StartsWithSegments("/api") == true ? "API" : null;

    /// <summary>Runs the rest of this scope as <paramref name="actor"/>: a job's requester, or a named system actor.</summary>
    public void Assume(Actor actor)
    {
        if (http.HttpContext?.User.ToActor() is { } signedIn && signedIn.UserId != actor.UserId)
            throw new InvalidOperationException("请求中的操作人来自登录信息，不能改换");
        _assumed = actor;
    }
}
