using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>A failed sign-in does not say whether the account exists: an unknown name, a wrong password and a locked
/// account get the same status, the same words, and the same work (one password hash each, so the same time).</summary>
public sealed class SignInEnumerationTests(ObservedApp app) : IClassFixture<ObservedApp>
{
    private const string Wrong = "Wrong#Password1";

    [Fact]
    public async Task The_token_endpoint_answers_every_failure_alike()
    {
        var (existing, locked) = (await HeilongjiangAccounts.UserAsync(app, Role.Expert), await LockedAsync());

        var answers = new List<(HttpStatusCode Status, string Title, string Fields)>();
        foreach (var name in new[] { "no-such-account-" + Guid.NewGuid().ToString("N")[..6], existing, locked })
        {
            var response = await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = name, password = Wrong });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            answers.Add((response.StatusCode, body.GetProperty("title").GetString()!,
                string.Join(",", body.EnumerateObject().Select(p => p.Name).Where(n => n != "traceId").Order())));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Status);
        Assert.Equal("用户名或密码错误，或账户已被临时锁定", answers[0].Title);
        // Even the right password of a locked account gets the same answer.
        var right = await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = locked, password = DxPilotApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(answers[0].Title, (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_sign_in_page_answers_every_failure_alike_without_counting_down()
    {
        var (existing, locked) = (await HeilongjiangAccounts.UserAsync(app, Role.Expert), await LockedAsync());
        // Three failures first: the page used to start counting down ("再错 2 次") for existing accounts only.
        for (var i = 0; i < 3; i++) await PageClient.SignIn(app.Anonymous(), existing, Wrong);

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var name in new[] { "no-such-account-" + Guid.NewGuid().ToString("N")[..6], existing, locked })
        {
            var response = await PageClient.SignIn(app.Anonymous(), name, Wrong);
            var alert = PageClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".alert.error")!.TextContent.Trim();
            answers.Add((response.StatusCode, alert));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal((HttpStatusCode.OK, "用户名或密码错误，或账户已被临时锁定"), answers[0]);
    }

    [Fact]
    public async Task An_unknown_or_locked_account_costs_the_same_password_hash_as_a_wrong_password()
    {
        var (existing, locked) = (await HeilongjiangAccounts.UserAsync(app, Role.Expert), await LockedAsync());

        foreach (var name in new[] { "no-such-account-" + Guid.NewGuid().ToString("N")[..6], existing, locked })
        {
            var before = app.Hasher.Verifications;
            await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = name, password = Wrong });
            Assert.Equal(1, app.Hasher.Verifications - before);

            before = app.Hasher.Verifications;
            await PageClient.SignIn(app.Anonymous(), name, Wrong);
            Assert.Equal(1, app.Hasher.Verifications - before);
        }
    }

    private async Task<string> LockedAsync()
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.Expert);
        for (var i = 0; i < 5; i++)
            await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = user, password = Wrong });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync(user))!));
        return user;
    }
}
