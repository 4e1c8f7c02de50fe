using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxPilot.Domain.Imports;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises.Import;
using DxPilot.Web.Features.Operations;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>/metrics: request rates and latencies per route template, database time, the import queue and jobs; answered only
/// to callers in DxPilot:Metrics:AllowedNetworks.</summary>
public sealed class MetricsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Operators_on_an_allowed_network_read_route_database_and_job_metrics_and_everyone_else_gets_404()
    {
        await using var scraped = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("DxPilot:Metrics:AllowedNetworks", "10.0.0.0/8, 192.168.7.0/24");
            b.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFromHeader>());
        });
        var city = scraped.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await (await city.PostAsJsonAsync("/api/auth/token", new { userName = "hz-city", password = DxPilotApp.Password })).Content.ReadFromJsonAsync<JsonElement>();
        city.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var list = await city.GetFromJsonAsync<JsonElement>("/api/enterprises");
        var id = list.GetProperty("items")[0].GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/enterprises/{id}")).StatusCode);

        // An import through the queue and the background worker.
        var succeeded = PlatformMetrics.JobsCompleted.WithLabels("import", "succeeded").Value;
        var actor = (await scraped.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("hz-city"))!.ToActor();
        var job = await scraped.Services.GetRequiredService<ImportQueue>().EnqueueAsync(actor, "指标测试.csv",
            Encoding.UTF8.GetBytes("企业名称,所属区县,行业\n指标测试公司,滨江区,汽车零部件\n"), TestContext.Current.CancellationToken);
        await WaitUntilDone(scraped.Services, job.Value!.Id, succeeded);

        var text = await Scrape(scraped, "10.20.30.40");
        // The route template, never the id: one series per route whatever the traffic.
        Assert.Matches("http_request_duration_seconds_count\\{code=\"200\",method=\"GET\",[^}]*endpoint=\"/api/enterprises/\\{id:guid\\}\"\\} [1-9]", text);
        Assert.DoesNotContain(id, text);
        Assert.Matches("dxpilot_db_command_duration_seconds_count\\{operation=\"reader\",outcome=\"ok\"\\} [1-9]", text);
        Assert.Contains("# TYPE dxpilot_import_queue_depth gauge", text);
        var completed = Regex.Match(text, "dxpilot_jobs_completed_total\\{kind=\"import\",outcome=\"succeeded\"\\} (\\d+)");
        Assert.True(completed.Success, "no import jobs counter");
        Assert.True(double.Parse(completed.Groups[1].Value) >= succeeded + 1);

        Assert.Equal(HttpStatusCode.OK, (await ScrapeResponse(scraped, "192.168.7.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeResponse(scraped, "192.168.8.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeResponse(scraped, "127.0.0.1")).StatusCode);
        // The default host: loopback only, and the in-memory server's callers have no address at all.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("203.0.113.5", false)]
    public void By_default_only_loopback_may_read_the_metrics(string caller, bool allowed)
    {
        var networks = MetricsEndpoint.AllowedNetworks(new ConfigurationBuilder().Build());
        Assert.Equal(allowed, MetricsEndpoint.IsAllowed(IPAddress.Parse(caller), networks));
    }

    [Fact]
    public void A_malformed_network_stops_start_up_with_the_value()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DxPilot:Metrics:AllowedNetworks"] = "10.0.0.0/8,内网" }).Build();
        Assert.Contains("“内网”不是有效的网段", Assert.Throws<InvalidOperationException>(() => MetricsEndpoint.AllowedNetworks(config)).Message);
    }

    private static async Task<string> Scrape(WebApplicationFactory<Program> factory, string from)
    {
        var response = await ScrapeResponse(factory, from);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> ScrapeResponse(WebApplicationFactory<Program> factory, string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(RemoteAddressFromHeader.Header, from);
        return await factory.CreateClient().SendAsync(request);
    }

    /// <summary>Until the job is done and the worker has counted it (other tests' imports may only add to the counter).</summary>
    private static async Task WaitUntilDone(IServiceProvider services, Guid job, double succeededBefore)
    {
        for (var i = 0; i < 200; i++)
        {
            using var scope = services.CreateScope();
            var status = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().ImportJobs.Where(j => j.Id == job).Select(j => j.Status).SingleAsync();
            if (status == ImportStatus.Completed && PlatformMetrics.JobsCompleted.WithLabels("import", "succeeded").Value > succeededBefore) return;
            await Task.Delay(50);
        }
        Assert.Fail("import job did not finish");
    }
}
