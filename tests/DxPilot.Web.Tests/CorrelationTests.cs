using System.Data.Common;
using System.Net;
using DxPilot.Web.Features.Operations;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxPilot.Web.Tests;

/// <summary>A request that fails shows an error number on the Chinese error page; the same number is in the response header and
/// in the log entries of that request, so an operator finds what happened from what the user reads out.</summary>
public sealed class CorrelationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_id_on_the_error_page_is_in_the_header_and_in_the_log_entries_of_the_failed_request()
    {
        var logs = new LogCapture();
        var outage = new DatabaseOutage();
        await using var production = app.Factory.WithWebHostBuilder(b =>
        {
            // The error page (not the developer page) is what users see outside Development.
            b.UseEnvironment("Production");
            b.ConfigureLogging(l => l.AddProvider(logs));
            b.ConfigureServices(s => s.AddSingleton<IInterceptor>(outage));
        });
        var client = production.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.SignIn(client, "hz-city")).StatusCode);

        outage.Down = true;
        var response = await client.GetAsync("/enterprises");
        outage.Down = false;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("请将错误编号告诉管理员", page.Body!.TextContent);
        var shown = page.QuerySelector("code")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(shown));
        Assert.Equal(shown, Assert.Single(response.Headers.GetValues(Correlation.Header)));

        var failure = Assert.Single(logs.Entries, e => e.Exception?.Message == DatabaseOutage.Message && e.Level == LogLevel.Error
                                                      && e.Category.StartsWith("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal));
        Assert.Equal(shown, failure.Scope[Correlation.ScopeKey]);
        // Every entry written for a request during the outage is this request's. (The import worker's poll, outside any
        // request, may also meet the outage and log it without an id: that entry is not a request's and is left out.)
        Assert.All(logs.Entries.Where(e => e.Exception?.Message == DatabaseOutage.Message && e.Scope.ContainsKey(Correlation.ScopeKey)),
            e => Assert.Equal(shown, e.Scope[Correlation.ScopeKey]));

        // A request that succeeds carries its own, different id.
        var next = await client.GetAsync("/enterprises");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.NotEqual(shown, Assert.Single(next.Headers.GetValues(Correlation.Header)));
    }

    /// <summary>Every query fails while <see cref="Down"/> is set: the database went away in the middle of a request.</summary>
    private sealed class DatabaseOutage : DbCommandInterceptor
    {
        public const string Message = "测试：数据库连接中断";
        public volatile bool Down;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData data, InterceptionResult<DbDataReader> result, CancellationToken ct = default) =>
            Down ? throw new InvalidOperationException(Message) : ValueTask.FromResult(result);
    }
}
