using System.Net;
using System.Net.Http.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Accounts;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// One address trying a password on account after account never locks any one of them: after DxPilot:ClientFailureLimit failed
/// sign-ins (3 here) within the window the address is refused, right password or not, until the window ends, on the page and the
/// token endpoint alike; other addresses sign in as before; the moment is in the audit trail once.
/// </summary>
public abstract class SignInThrottleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Wrong = "Wrong#Password1";

    [Fact]
    public async Task An_address_that_fails_on_several_accounts_waits_whatever_it_tries_and_another_address_signs_in()
    {
        await using var factory = Throttled();
        var user = await new ProgrammeAccounts(app, "hangzhou-2024").UserAsync(Role.CityBureau, displayName: "杭州市经信局（限流测试）");
        var other = await new ProgrammeAccounts(app, "hangzhou-2024").UserAsync(Role.CityBureau, displayName: "杭州市经信局（限流测试二）");
        var spraying = From(factory, Address());

        // Three accounts, one password each: none of them reaches its own lockout of 5.
        foreach (var name in new[] { user, other, "no-such-user-" + Guid.NewGuid().ToString("N")[..6] })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Token(spraying, name, Wrong)).StatusCode);

        var refused = await Token(spraying, user, DxPilotApp.Password);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Contains("该网络地址登录失败次数过多，请于", await refused.Content.ReadAsStringAsync());
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))), 14 * 60, 15 * 60);
        var page = await PostLogin(spraying, user, DxPilotApp.Password);
        Assert.Contains("（北京时间）后再试", page.QuerySelector("[role=alert]")?.TextContent);

        Assert.Equal(HttpStatusCode.OK, (await Token(From(factory, Address()), user, DxPilotApp.Password)).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var client = ClientOf(spraying);
        var throttled = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Client" && e.EntityId == client).ToListAsync();
        Assert.Equal(AuditAction.ClientThrottled, Assert.Single(throttled).Action);
        Assert.StartsWith("15分钟内登录失败3次，暂停该地址登录至", throttled[0].Source);
        // The refused attempts looked at no password: the account's own trail holds the one failure the address made on it.
        var userId = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
        var failures = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == userId && e.Action == AuditAction.SignInFailed).ToListAsync();
        Assert.Equal($"API 令牌，{client}", Assert.Single(failures).Source);
    }

    [Fact]
    public async Task When_the_window_has_ended_the_address_tries_again_and_counts_from_one()
    {
        await using var factory = Throttled();
        var user = await new ProgrammeAccounts(app, "hangzhou-2024").UserAsync(Role.CityBureau, displayName: "杭州市经信局（限流测试三）");
        var from = From(factory, Address());
        for (var i = 0; i < 3; i++) await Token(from, "no-such-user", Wrong);
        Assert.Equal((HttpStatusCode)429, (await Token(from, user, DxPilotApp.Password)).StatusCode);

        var client = ClientOf(from);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().ClientSignInFailures.Where(x => x.Client == client)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.WindowStartTicks, DateTime.UtcNow.AddMinutes(-16).Ticks));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Token(from, "no-such-user", Wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Token(from, user, DxPilotApp.Password)).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().ClientSignInFailures.SingleAsync(x => x.Client == client)).Failures);
    }

    [Fact]
    public async Task Addresses_of_one_IPv6_subscriber_share_a_count_and_IPv4_mapped_ones_count_as_IPv4()
    {
        Assert.Equal("2001:db8:1:2::/64", SignInThrottle.ClientOf(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.Equal("203.0.113.7", SignInThrottle.ClientOf(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Null(SignInThrottle.ClientOf(null));

        await using var factory = Throttled();
        var prefix = $"2001:db8:{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";
        for (var i = 1; i <= 3; i++) await Token(From(factory, $"{prefix}::{i}"), "no-such-user", Wrong);
        Assert.Equal((HttpStatusCode)429, (await Token(From(factory, $"{prefix}::99"), "no-such-user", Wrong)).StatusCode);
    }

    [Fact]
    public async Task Failures_at_the_same_moment_are_each_counted_once_and_the_limit_is_recorded_once()
    {
        await using var factory = Throttled();
        var from = From(factory, Address());
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Token(from, "no-such-user", Wrong)));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Unauthorized, (HttpStatusCode)429 }));

        var client = ClientOf(from);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized), (await db.ClientSignInFailures.SingleAsync(x => x.Client == client)).Failures);
        Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Client" && e.EntityId == client).ToListAsync());
    }

    private WebApplicationFactory<Program> Throttled() => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("DxPilot:ClientFailureLimit", "3");
        b.UseSetting("DxPilot:ClientFailureMinutes", "15");
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
    });

    /// <summary>A documentation address (RFC 5737) no other test uses.</summary>
    private static string Address() => $"198.51.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    private static HttpClient From(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, address);
        return client;
    }

    /// <summary>The address the platform counts <paramref name="client"/>'s requests under.</summary>
    private static string ClientOf(HttpClient client) =>
        SignInThrottle.ClientOf(IPAddress.Parse(client.DefaultRequestHeaders.GetValues(RemoteAddressFromHeader.Header).Single()))!;

    private static Task<HttpResponseMessage> Token(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/auth/token", new { userName = user, password });

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostLogin(HttpClient client, string user, string password) =>
        PageClient.Parse(await (await PageClient.SignIn(client, user, password)).Content.ReadAsStringAsync());
}

public sealed class SignInThrottleTestsOnSqlite(SqliteApp app) : SignInThrottleTests<SqliteApp>(app);

public sealed class SignInThrottleTestsOnPostgres(PostgresApp app) : SignInThrottleTests<PostgresApp>(app);
