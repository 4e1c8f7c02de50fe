using System.Security.Claims;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using BearerMessage = Microsoft.AspNetCore.Authentication.BearerToken.MessageReceivedContext;

namespace DxPilot.Web.Features.Accounts;

/// <summary>
/// A cookie or bearer token is only as good as the account behind it, checked on every request: it dies when the
/// account's security stamp changes (sign-out, password change or reset, disabling), while the account is disabled, and
/// when the role or scope it carries is no longer the account's. A temporary lockout does not end it: anyone who knows a
/// login name can cause one by typing wrong passwords, and it should stop their guessing, not sign the owner out. One primary-key read of six columns per
/// request, on whichever copy of the platform answers it, so that no copy keeps honouring a revoked session.
/// </summary>
public static class SessionCheck
{
    public static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var services = http.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal.FindFirstValue(stampClaim);
        if (principal.ToActor() is not { } carried || stamp is null) return false;
        var account = await services.GetRequiredService<DxPilotDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == carried.UserId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd, u.Role, u.ProgrammeId, u.District, u.EnterpriseId, u.OrganisationId })
            .FirstOrDefaultAsync(http.RequestAborted);
        return account is not null
               && account.SecurityStamp == stamp
               && !(account.LockoutEnd >= AppUser.DisabledUntil)
               && account.Role == carried.Role && account.ProgrammeId == carried.ProgrammeId && account.District == carried.District
               && account.EnterpriseId == carried.EnterpriseId && account.OrganisationId == carried.OrganisationId;
    }

    /// <summary>The cookie handler's check: a revoked cookie is refused and removed from the browser.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        // The error page of a failed request (perhaps the database is gone) is shown to no one in particular: it needs no
        // account and must not fail again on checking one. The cookie stays for the next request to check.
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            context.RejectPrincipal();
            return;
        }
        if (context.Principal is { } principal && await IsCurrentAsync(context.HttpContext, principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>The bearer handler has no such hook after it reads a token; it is checked here, before, and refused if revoked.
    /// An unreadable or expired token is left to the handler, which refuses it itself.</summary>
    public static async Task ValidateBearerAsync(BearerMessage context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket?.Principal is { } principal && !await IsCurrentAsync(context.HttpContext, principal))
            context.Fail("令牌已失效，请重新获取");
    }

    // What an account with a bureau-issued password may still reach: the page to change it, signing out, and the
    // platform's own plumbing.
    private static readonly string[] OpenWhileIssued = ["/account/password", "/account/logout", "/account/login", "/account/denied", "/error", "/_framework", "/health", "/metrics"];

    /// <summary>After sign-in with an initial or reset password, everything else waits until the user has chosen their own.</summary>
    public static async Task RequireOwnPassword(HttpContext http, Func<Task> next)
    {
        if (!http.User.HasClaim(c => c.Type == AppUser.MustChangePasswordClaim)
            || OpenWhileIssued.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            await next();
            return;
        }
        if (ErrorResponses.IsApi(http.Request))
            await Results.Problem(title: "请先在网页上修改初始密码", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
        else
            http.Response.Redirect("/account/password");
    }
}
