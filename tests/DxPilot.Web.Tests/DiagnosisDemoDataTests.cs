using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Changchun's demo diagnoses (Features/Diagnoses/DiagnosisDemoData), read as the demo accounts read them: the provider's first
/// file (cc-enterprise's) meets every rule of seed 002 四, was submitted, rated and waits for the city and the named expert; the
/// second is under way with the rules it has not met red; a second seeding adds nothing.
/// </summary>
public abstract class DiagnosisDemoDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static readonly string[] UnderWayRed = ["team", "visits", "training", "photo-counts", "assessment", "report"];

    [Fact]
    public async Task The_provider_has_one_diagnosis_waiting_for_acceptance_and_one_under_way_with_its_red_items()
    {
        var items = (await (await app.As("cc-provider")).GetFromJsonAsync<JsonElement>("/api/diagnoses", TestContext.Current.CancellationToken))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var submitted = items.Single(i => i.GetProperty("state").GetString() == "submitted");
        Assert.Equal("长春恒驰汽车零部件有限公司（演示）", submitted.GetProperty("enterpriseName").GetString());
        Assert.Empty(submitted.GetProperty("redItems").EnumerateArray());
        var underWay = items.Single(i => i.GetProperty("state").GetString() == "inProgress");
        Assert.Equal("长春北辰精密电子有限公司（演示）", underWay.GetProperty("enterpriseName").GetString());
        Assert.Equal(UnderWayRed, underWay.GetProperty("redItems").EnumerateArray().Select(x => x.GetString()));

        // Every item of the checklist is green on the submitted one, the enterprise's satisfaction form included.
        var detail = await (await app.As("cc-city")).GetFromJsonAsync<JsonElement>($"/api/diagnoses/{submitted.GetProperty("id").GetString()}",
            TestContext.Current.CancellationToken);
        var checklist = detail.GetProperty("checklist").EnumerateArray().ToList();
        Assert.Equal(9, checklist.Count);
        Assert.All(checklist, i => Assert.True(i.GetProperty("passed").GetBoolean(), i.GetProperty("reason").GetString()));
        Assert.Contains("不少于15,000字", checklist.Single(i => i.GetProperty("key").GetString() == "report").GetProperty("reason").GetString());

        // The linked 改造前 assessment is the one the report describes: by the 2024 instrument's points 22.80 + 11.25 + 11.50,
        // and seven scenarios at 二级 (four of them constrained), 二级 by 表6's rule (40 points, 6 scenarios, 3 constrained).
        await using var scope = app.DataScope(DemoData.Changchun);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var id = Guid.Parse(submitted.GetProperty("id").GetString()!);
        var assessment = await db.Assessments.SingleAsync(a => a.Id == db.Diagnoses.Single(d => d.Id == id).AssessmentId, TestContext.Current.CancellationToken);
        Assert.Equal((45.55m, 2), (assessment.Score, assessment.Level));
        var report = await db.DiagnosisReports.SingleAsync(r => r.DiagnosisId == id, TestContext.Current.CancellationToken);
        Assert.Contains("45.55分", report.Content.TextOf("levelSummary"));
    }

    [Fact]
    public async Task The_enterprise_and_the_named_expert_read_the_submitted_diagnosis_and_not_the_other_and_the_district_reads_both()
    {
        var ct = TestContext.Current.CancellationToken;
        var items = (await (await app.As("cc-city")).GetFromJsonAsync<JsonElement>("/api/diagnoses", ct)).GetProperty("items").EnumerateArray().ToList();
        var submitted = items.Single(i => i.GetProperty("state").GetString() == "submitted").GetProperty("id").GetString();
        var underWay = items.Single(i => i.GetProperty("state").GetString() == "inProgress").GetProperty("id").GetString();

        var enterprise = await app.As("cc-enterprise");
        Assert.Equal("待验收", (await enterprise.GetFromJsonAsync<JsonElement>($"/api/diagnoses/{submitted}", ct)).GetProperty("stateLabel").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/diagnoses/{underWay}", ct)).StatusCode);
        var expert = (await (await app.As("cc-expert")).GetFromJsonAsync<JsonElement>("/api/diagnoses", ct)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(submitted, expert.GetProperty("id").GetString());
        // Both demo diagnoses are on files of 朝阳区.
        Assert.Equal(2, (await (await app.As("cc-chaoyang")).GetFromJsonAsync<JsonElement>("/api/diagnoses", ct)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_second_seeding_adds_nothing()
    {
        var before = await Counts();
        await using (var scope = app.DataScope(DemoData.Changchun))
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, await Counts());
        Assert.Equal(2, before.Diagnoses);
        Assert.Equal(13, before.Photos);
    }

    private async Task<(int Diagnoses, int Photos, int Visits, int Members, int Reports, int Assessments)> Counts()
    {
        await using var scope = app.DataScope(DemoData.Changchun);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return (await db.Diagnoses.CountAsync(), await db.VisitPhotos.CountAsync(), await db.DiagnosisVisits.CountAsync(),
            await db.DiagnosisMembers.CountAsync(), await db.DiagnosisReports.CountAsync(), await db.Assessments.CountAsync());
    }
}

public sealed class DiagnosisDemoDataTestsOnSqlite(SqliteApp app) : DiagnosisDemoDataTests<SqliteApp>(app);

public sealed class DiagnosisDemoDataTestsOnPostgres(PostgresApp app) : DiagnosisDemoDataTests<PostgresApp>(app);
