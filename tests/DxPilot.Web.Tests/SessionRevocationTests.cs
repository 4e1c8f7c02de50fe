using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>A session can be cut off: after sign-out, a password change or reset, disabling, a role change or any
/// security-stamp change, neither a browser cookie (nor a copy of it) nor a bearer token taken before still works. A lockout
/// (wrong passwords typed by anyone who knows the login name) stops new sign-ins only.</summary>
public abstract class SessionRevocationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Theory]
    [InlineData("退出登录")]
    [InlineData("API 退出登录")]
    [InlineData("本人修改密码")]
    [InlineData("主管部门重置密码")]
    [InlineData("主管部门停用账号")]
    [InlineData("角色变更")]
    [InlineData("安全戳变更")]
    public async Task The_cookie_its_copy_and_the_token_stop_working(string revocation)
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.Expert);
        var browser = app.Anonymous();
        var signIn = await PageClient.SignIn(browser, user);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var copied = CopiedCookie(signIn);
        var token = await app.As(user);
        var userId = (await token.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        switch (revocation)
        {
            case "退出登录":
                Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/account/logout", new FormUrlEncodedContent(
                    new Dictionary<string, string> { ["__RequestVerificationToken"] = await PageClient.Token(browser, "/") }))).StatusCode);
                break;
            case "API 退出登录":
                Assert.Equal(HttpStatusCode.NoContent, (await token.PostAsync("/api/auth/logout", null)).StatusCode);
                break;
            case "本人修改密码":
                var own = await app.As(user);
                Assert.Equal(HttpStatusCode.NoContent, (await own.PostAsJsonAsync("/api/me/password",
                    new { currentPassword = DxPilotApp.Password, newPassword = "Changed#Pass2026", confirmPassword = "Changed#Pass2026" })).StatusCode);
                break;
            case "主管部门重置密码":
                Assert.Equal(HttpStatusCode.Created, (await (await app.As("hlj-city")).PostAsync($"/api/accounts/{userId}/reset-password", null)).StatusCode);
                break;
            case "主管部门停用账号":
                Assert.Equal(HttpStatusCode.OK, (await (await app.As("hlj-city")).PostAsync($"/api/accounts/{userId}/disable", null)).StatusCode);
                break;
            case "角色变更":
                await WithUser(userId, async (users, u) => { u.Role = Role.ThinkTank; Assert.True((await users.UpdateAsync(u)).Succeeded); });
                break;
            case "安全戳变更":
                await WithUser(userId, async (users, u) => Assert.True((await users.UpdateSecurityStampAsync(u)).Succeeded));
                break;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        var page = await copied.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.ToString());
    }

    /// <summary>Anyone who knows a login name can type five wrong passwords: that locks the account against new sign-ins for a
    /// while, but must not sign its owner out of the sessions it has (it used to: a script could keep a bureau signed out).</summary>
    [Fact]
    public async Task A_lockout_stops_new_sign_ins_and_leaves_the_owners_sessions_working()
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.Expert);
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.SignIn(browser, user)).StatusCode);
        var token = await app.As(user);

        for (var i = 0; i < 5; i++)
            await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Wrong#Password1" });

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = user, password = DxPilotApp.Password })).StatusCode);
    }

    /// <summary>The sign-out button reads no form, so nothing checked its token: any page could sign a user out everywhere.</summary>
    [Fact]
    public async Task A_sign_out_posted_without_the_pages_token_is_refused_and_the_session_lives()
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.Expert);
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.SignIn(browser, user)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/account/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Another_account_keeps_its_session_when_one_is_cut_off()
    {
        var (first, second) = (await HeilongjiangAccounts.UserAsync(app, Role.Expert), await HeilongjiangAccounts.UserAsync(app, Role.Expert));
        var firstToken = await app.As(first);
        var secondToken = await app.As(second);

        Assert.Equal(HttpStatusCode.NoContent, (await firstToken.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await firstToken.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secondToken.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_session_of_a_new_sign_in_works_after_the_old_one_was_cut_off()
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.Expert);
        var before = await app.As(user);
        Assert.Equal(HttpStatusCode.NoContent, (await before.PostAsync("/api/auth/logout", null)).StatusCode);

        var after = await app.As(user);

        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/me")).StatusCode);
    }

    /// <summary>A second client that sends only the sign-in cookie, as someone who copied it from the browser would.</summary>
    private HttpClient CopiedCookie(HttpResponseMessage signIn)
    {
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dxpilot=", StringComparison.Ordinal)).Split(';')[0];
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task WithUser(string id, Func<UserManager<AppUser>, AppUser, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await change(users, (await users.FindByIdAsync(id))!);
    }
}

public sealed class SessionRevocationTestsOnSqlite(SqliteApp app) : SessionRevocationTests<SqliteApp>(app);

public sealed class SessionRevocationTestsOnPostgres(PostgresApp app) : SessionRevocationTests<PostgresApp>(app);
