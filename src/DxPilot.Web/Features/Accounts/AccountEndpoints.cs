using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Accounts;

public static class AccountEndpoints
{
    public sealed record TokenRequest(string UserName, string Password);

    public sealed record Me(string UserId, string Name, Role Role, string RoleLabel, string ProgrammeId, string? District, Guid? EnterpriseId, Guid? OrganisationId);

    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

    public static void Map(WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog log) =>
        {
            await EndSessionsAsync(http, users, log);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()); // it reads no form: without this another site could sign a user out

        app.MapPost("/accounts/issued", DownloadIssuedAsync).RequireAuthorization().DisableAntiforgery()
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        var api = app.MapGroup("/api").WithTags("账号");
        api.MapPost("/auth/token", async (TokenRequest request, HttpContext http, PasswordSignIn check, SignInManager<AppUser> signIn, TimeProvider clock) =>
        {
            var answer = await check.CheckAsync(request.UserName ?? "", request.Password ?? "", "API 令牌", http.Connection.RemoteIpAddress);
            if (answer.ThrottledUntil is { } until)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling((until - clock.GetUtcNow().UtcDateTime).TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Results.Problem(title: answer.Message, statusCode: StatusCodes.Status429TooManyRequests);
            }
            if (answer.User is not { } user) return Results.Problem(title: answer.Message, statusCode: StatusCodes.Status401Unauthorized);
            // The password was right, so saying why is no oracle: an issued password must be replaced first.
            if (await check.MustChangePasswordAsync(user))
                return Results.Problem(title: "请先在网页上登录并修改初始密码，再申请令牌", statusCode: StatusCodes.Status403Forbidden);
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().WithSummary("用户名和密码换取 bearer 令牌（连续失败会锁定账号；失败时不区分账号是否存在；同一网络地址失败过多时返回 429）");

        var signedIn = api.MapGroup("").RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        signedIn.MapPost("/auth/logout", async (HttpContext http, UserManager<AppUser> users, AuditLog log) =>
        {
            await EndSessionsAsync(http, users, log);
            return Results.NoContent();
        }).WithSummary("退出登录：本账号的所有令牌和登录 Cookie 立即失效");

        signedIn.MapGet("/me", (HttpContext http, ProgrammeCatalog programmes) =>
        {
            var a = http.User.RequireActor();
            return Results.Ok(new Me(a.UserId, a.Name, a.Role, programmes.Get(a.ProgrammeId).RoleLabel(a.Role), a.ProgrammeId, a.District, a.EnterpriseId, a.OrganisationId));
        });

        signedIn.MapPost("/me/password", async (PasswordChange body, HttpContext http, AccountService accounts) =>
            ApiResults.From(await accounts.ChangeOwnPasswordAsync(http.User.RequireActor(), body.CurrentPassword, body.NewPassword, body.ConfirmPassword),
                _ => Results.NoContent()))
            .WithSummary("修改自己的密码（当前密码、新密码、确认新密码）；其他登录和令牌随之失效");

        signedIn.MapGet("/accounts", async ([AsParameters] AccountListParameters p, HttpContext http, AccountService accounts) =>
            ApiResults.From(await accounts.ListAsync(http.User.RequireActor(), p.ToQuery()), Results.Ok))
            .WithSummary("本辖区的账号（search、role、page）");

        signedIn.MapPost("/accounts", async (NewAccountForm form, HttpContext http, AccountService accounts) =>
            ApiResults.From(await accounts.CreateAsync(http.User.RequireActor(), form), Issued))
            .WithSummary("创建账号；初始密码只在本次应答中出现");

        signedIn.MapPost("/accounts/enterprises", async ([FromQuery] string? district, HttpContext http, AccountService accounts) =>
            ApiResults.From(await accounts.CreateForEnterprisesAsync(http.User.RequireActor(), district), Issued))
            .WithSummary($"为辖区内尚无账号的企业批量创建账号（每次最多 {AccountService.BatchLimit} 家）");

        signedIn.MapPost("/accounts/{id}/reset-password", async (string id, HttpContext http, AccountService accounts) =>
            ApiResults.From(await accounts.ResetPasswordAsync(http.User.RequireActor(), id), Issued))
            .WithSummary("重置密码；新的一次性密码只在本次应答中出现");

        signedIn.MapPost("/accounts/{id}/disable", async (string id, HttpContext http, AccountService accounts) =>
            ApiResults.From(await accounts.SetDisabledAsync(http.User.RequireActor(), id, disabled: true), Results.Ok));

        signedIn.MapPost("/accounts/{id}/enable", async (string id, HttpContext http, AccountService accounts) =>
            ApiResults.From(await accounts.SetDisabledAsync(http.User.RequireActor(), id, disabled: false), Results.Ok));

        signedIn.MapGet("/antiforgery", (HttpContext http, IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(http);
            return Results.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
        }).WithSummary("使用浏览器 Cookie 调用写操作时所需的防伪令牌");
    }

    public sealed record AccountListParameters(string? Search, string? Role, string? Page)
    {
        public AccountQuery ToQuery() => new(Search, QueryValue.Enum<Domain.Accounts.Role>(Role), QueryValue.Int(Page) ?? 1);
    }

    private static IResult Issued(IssuedBatch batch) =>
        Results.Json(new { accounts = batch.Accounts, refused = batch.Refused }, statusCode: batch.Accounts.Count > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK);

    /// <summary>Signing out ends every session of the account: a copied cookie or an earlier token stops working with it.</summary>
    private static async Task EndSessionsAsync(HttpContext http, UserManager<AppUser> users, AuditLog log)
    {
        if (http.User.ToActor() is not { } actor) return;
        if (await users.FindByIdAsync(actor.UserId) is { } user) await users.UpdateSecurityStampAsync(user);
        await log.RecordAsync(AuditAction.SignedOut, actor.ProgrammeId, new AuditKey("Account", actor.UserId));
    }

    /// <summary>The spreadsheet of a batch of issued passwords, once, to whoever issued them, within its 30 minutes.</summary>
    private static async Task<IResult> DownloadIssuedAsync([FromForm] string? batch, HttpContext http, InitialPasswords passwords,
        DxPilotDbContext db, AuditLog log, ShownTime time)
    {
        var actor = http.User.RequireActor();
        if (passwords.Unprotect(batch) is not { } issued)
            return Results.Problem(title: "下载已过期（生成后30分钟内有效）；如需发放密码，请在账号管理中重置密码", statusCode: StatusCodes.Status410Gone);
        if (issued.IssuedBy != actor.UserId)
            return Results.Problem(title: "只有生成这批密码的人可以下载", statusCode: StatusCodes.Status403Forbidden);
        var key = new AuditKey("AccountBatch", issued.Id.ToString());
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Under the audit chain's lock, so that two clicks at once cannot both find "not yet downloaded".
            await AuditTrail.LockEndAsync(db, http.RequestAborted);
            if (await db.AuditEntries.AnyAsync(e => e.EntityType == key.EntityType && e.EntityId == key.EntityId && e.Action == AuditAction.Exported))
                return Results.Problem(title: "这批初始密码已经下载过一次；如需重新发放，请在账号管理中重置密码", statusCode: StatusCodes.Status410Gone);
            await log.RecordAsync(AuditAction.Exported, actor.ProgrammeId, key, $"初始密码 {issued.Accounts.Count} 个");
            await tx.CommitAsync();
        }
        var file = new MemoryStream();
        InitialPasswords.WriteXlsx(file, issued, time.Zone);
        file.Position = 0;
        return PrivateFile.Send(http, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", InitialPasswords.FileName(issued, time.Zone));
    }
}
