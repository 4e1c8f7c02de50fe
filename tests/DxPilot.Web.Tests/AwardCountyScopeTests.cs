using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>Issue 12 "a county recommending an application of another county": 新华区 finds nothing of 正定县's submitted
/// application — every move it posts is 404 (out of scope is not found, never data), and the application, its version and its
/// history are as they were; 正定县 then recommends it from the same version.</summary>
public abstract class AwardCountyScopeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_county_posting_any_move_on_an_application_finds_nothing_and_changes_nothing()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var a = await ShijiazhuangAward.CreateAsync(app);
        await a.OpenBatchAsync(app);
        var (id, version) = await a.SubmittedAsync(app);
        var other = await app.As(a.Users["xinhua"]);

        foreach (var trigger in new[] { "recommend", "notRecommend", "return", "startReview", "recognise", "notRecognise", "lapse" })
        {
            var posted = await other.PostAsJsonAsync($"/api/awards/{id}/transitions",
                new { trigger, reason = "不属实", siteCheckNote = "2025年8月5日现场核查", version }, Ct);
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
            Assert.DoesNotContain(a.Name, await posted.Content.ReadAsStringAsync(Ct));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/awards/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/awards/{id}/document.docx", Ct)).StatusCode);

        await using (var scope = app.DataScope(ShijiazhuangAward.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var row = await db.AwardApplications.AsNoTracking().SingleAsync(x => x.Id == id, Ct);
            Assert.Equal((Domain.Awards.AwardStatus.Submitted, version, null), (row.Status, row.Version, row.SiteCheckNote));
            var key = id.ToString();
            Assert.Equal(["submit"], await db.StateTransitions.AsNoTracking().Where(t => t.EntityId == key).Select(t => t.Trigger).ToListAsync(Ct));
        }

        // Its own county moves it from the same version: nothing was taken by the refused posts.
        var county = await app.As(a.Users["zhengding"]);
        var recommended = await county.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "recommend", siteCheckNote = "已核查", version }, Ct);
        Assert.Equal("recommended", (await recommended.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
    }
}

public sealed class AwardCountyScopeTestsOnSqlite(SqliteApp app) : AwardCountyScopeTests<SqliteApp>(app);

public sealed class AwardCountyScopeTestsOnPostgres(PostgresApp app) : AwardCountyScopeTests<PostgresApp>(app);
