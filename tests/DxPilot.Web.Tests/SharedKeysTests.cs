using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>Several copies behind a load balancer on one PostgreSQL: the data-protection keys are in the database, so a
/// sign-in cookie issued by one copy is accepted by another that shares no folder with it.</summary>
public sealed class SharedKeysTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_cookie_issued_by_one_copy_is_accepted_by_another_on_the_same_database()
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var otherData = Path.Combine(Path.GetTempPath(), "dxpilot-tests", Guid.NewGuid().ToString("N"));
        await using var second = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Database:Provider", database.Provider.ToString());
            b.UseSetting("ConnectionStrings:DxPilot", database.ConnectionString);
            b.UseSetting("DxPilot:DataPath", otherData);
            b.UseSetting("DxPilot:DemoData", "false");
        });
        try
        {
            var first = app.Anonymous();
            var signIn = await PageClient.SignIn(first, "hz-binjiang");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dxpilot=", StringComparison.Ordinal)).Split(';')[0];

            var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            other.DefaultRequestHeaders.Add("Cookie", cookie);
            var me = await other.GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal("滨江区", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("district").GetString());

            // One key ring, in the table, found by both; neither copy keeps keys in its data folder.
            await using var scope = app.Services.CreateAsyncScope();
            Assert.NotEqual(0, await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken));
            Assert.False(Directory.Exists(Path.Combine(otherData, "keys")));

            // A forged cookie is not.
            other.DefaultRequestHeaders.Remove("Cookie");
            other.DefaultRequestHeaders.Add("Cookie", "dxpilot=CfDJ8" + new string('A', 200));
            Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/me")).StatusCode);
        }
        finally
        {
            try { Directory.Delete(otherData, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }
}
