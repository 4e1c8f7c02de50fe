using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace DxPilot.Web.Features.Accounts;

public static class AccountEndpoints
{
    public sealed record TokenRequest(string UserName, string Password);

    public sealed record Me(string UserId, string Name, Role Role, string RoleLabel, string ProgrammeId, string? District, Guid? EnterpriseId, Guid? OrganisationId);

    public static void Map(WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<AppUser> signIn, AuditLog log, ShownTime time) =>
        {
            if (http.User.ToActor() is { } actor)
                await log.RecordAsync(AuditAction.SignedOut, actor.ProgrammeId, new AuditKey("Account", actor.UserId));
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        var api = app.MapGroup("/api").WithTags("账号");
        api.MapPost("/auth/token", async (TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog log, ShownTime time) =>
        {
            var user = await users.FindByNameAsync(request.UserName ?? "");
            if (user is null)
            {
                await log.RecordAsync(request.UserName ?? "", null, null, "API 令牌");
                return Results.Problem(title: "用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized);
            }
            var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            await log.RecordAsync(user.UserName ?? "", user, check, "API 令牌");
            if (check.IsLockedOut) return Results.Problem(title: LoginMessages.LockedOut(user, time), statusCode: StatusCodes.Status423Locked);
            if (!check.Succeeded) return Results.Problem(title: "用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized);
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().WithSummary("用户名和密码换取 bearer 令牌（连续失败会锁定账号）");

        api.MapGet("/me", (HttpContext http) =>
        {
            var a = http.User.RequireActor();
            return Results.Ok(new Me(a.UserId, a.Name, a.Role, a.Role.Label(), a.ProgrammeId, a.District, a.EnterpriseId, a.OrganisationId));
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser());

        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(http);
            return Results.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
          .WithSummary("使用浏览器 Cookie 调用写操作时所需的防伪令牌");
    }
}

public static class LoginMessages
{
    /// <summary>The lockout's end in the account's programme time zone: nobody is signed in yet to take it from.</summary>
    public static string LockedOut(AppUser user, ShownTime time) => user.LockoutEnd is not { } until
        ? "账号已被锁定，请稍后再试或联系管理员"
        : $"密码连续错误次数过多，账号已锁定至 {time.Of(until, user.ProgrammeId)}，请稍后再试或联系管理员";
}
