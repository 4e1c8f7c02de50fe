using System.Net;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>Behind nginx or an SLB that terminates TLS: X-Forwarded-Proto from a configured proxy makes the request HTTPS (the
/// sign-in cookie is Secure, HSTS is sent); the same header from anyone else is ignored; static files carry the security headers.</summary>
public sealed class ProxyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Proxy = "10.1.2.3";

    [Fact]
    public async Task Https_forwarded_by_a_known_proxy_gives_a_secure_cookie_and_hsts()
    {
        await using var factory = BehindProxy();
        var response = await SignIn(factory, from: Proxy);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("dxpilot=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task The_header_from_an_address_that_is_not_a_configured_proxy_is_ignored()
    {
        await using var factory = BehindProxy();
        var response = await SignIn(factory, from: "192.0.2.7");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("dxpilot=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Static_files_and_error_pages_carry_the_security_headers(string path)
    {
        var response = await app.Anonymous().GetAsync(path);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("default-src 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    private WebApplicationFactory<Program> BehindProxy() => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("DxPilot:Proxy:KnownNetworks:0", "10.0.0.0/8");
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
    });

    /// <summary>Signs in over plain HTTP as the proxy forwards it; the cookies are passed on by hand, as the proxy would
    /// (a cookie container keeps a Secure cookie from plain HTTP).</summary>
    private static async Task<HttpResponseMessage> SignIn(WebApplicationFactory<Program> factory, string from)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, from);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await client.GetAsync("/account/login");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = PageClient.Parse(await form.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = "hz-city", ["Input.Password"] = DxPilotApp.Password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        return await client.SendAsync(post);
    }
}
