using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Assessments.Rescoring;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// An assessment a project's evaluation names — the agency's 改造后 one, and the 改造前 one the report compares with — no longer
/// changes: the level the acceptance and the subsidy rest on must not move under them. Before the evaluation names it, the same
/// edit goes through; after, every path that changes an assessment refuses with 409, and another 改造后 assessment of the same
/// enterprise stays editable.
/// </summary>
public abstract class AssessmentLockTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string ProjectName = "评测锁定测试改造项目";
    private const string Locked = $"已被评测报告引用（项目“{ProjectName}”），不可修改";

    [Fact]
    public async Task The_assessments_an_evaluation_names_refuse_every_change_and_another_of_the_same_enterprise_stays_editable()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await CompletedAsync(c);
        var provider = await app.As(c.Users["provider"]);
        var agency = await app.As(c.Users["agency"]);
        var city = await app.As(c.Users["city"]);
        var before = await c.AssessmentAsync(provider, "Before", AnswerDocuments.AllNone(), "2025-01-05");
        var after = await c.AssessmentAsync(agency, "After", AnswerDocuments.MidRange());
        var other = await c.AssessmentAsync(agency, "After", AnswerDocuments.MidRange(), "2025-11-21");

        // Not named yet: the agency revises its evaluation, the provider its diagnosis, the city re-scores.
        Assert.Equal(HttpStatusCode.OK, (await EditAsync(agency, after, "After")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EditAsync(provider, before, "Before")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsync($"/api/assessments/{after}/rescore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DraftAsync(agency, after)).StatusCode);

        var evaluation = await agency.PutAsJsonAsync($"/api/projects/{id}/evaluation", new
        {
            afterAssessmentId = after, checks = ChangchunProject.Lines.Select(_ => new { verified = (bool?)true, note = (string?)null }).ToArray(),
            conclusion = "达到二级（规范级）。", version = await ChangchunProject.VersionAsync(agency, id),
        });
        Assert.True(evaluation.IsSuccessStatusCode, await evaluation.Content.ReadAsStringAsync());
        var named = (await ChangchunProject.GetAsync(city, id)).GetProperty("evaluation");
        Assert.Equal(after, named.GetProperty("afterAssessmentId").GetGuid());
        Assert.Equal(before, named.GetProperty("beforeAssessmentId").GetGuid());

        // Named: the edit, the revision draft and the re-scoring are refused, with the reason, to whoever answered it and to the city.
        await AssertLockedAsync(await EditAsync(agency, after, "After"));
        await AssertLockedAsync(await EditAsync(provider, before, "Before"));
        await AssertLockedAsync(await DraftAsync(agency, after));
        await AssertLockedAsync(await DraftAsync(provider, before));
        await AssertLockedAsync(await city.PostAsync($"/api/assessments/{after}/rescore", null));
        await AssertLockedAsync(await city.PostAsync($"/api/assessments/{before}/rescore", null));
        // Someone who may not edit it at all is still told that first.
        Assert.Equal(HttpStatusCode.Forbidden, (await EditAsync(city, after, "After")).StatusCode);

        // The other 改造后 assessment of the same enterprise is not named: it still changes.
        Assert.Equal(HttpStatusCode.OK, (await EditAsync(agency, other, "After")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DraftAsync(agency, other)).StatusCode);
    }

    [Fact]
    public async Task The_pages_show_a_named_assessment_read_only_with_the_reason()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await CompletedAsync(c);
        var agency = await app.As(c.Users["agency"]);
        var after = await c.AssessmentAsync(agency, "After", AnswerDocuments.MidRange());
        var browser = await app.SignedIn(c.Users["agency"]);

        var open = await browser.GetDocument($"/assessments/{after}");
        Assert.NotNull(open.QuerySelector($"a[href='/assessments/{after}/edit']"));
        Assert.Null(open.QuerySelector("#locked"));

        await NameAsync(agency, id, after);

        var result = await browser.GetDocument($"/assessments/{after}");
        Assert.Null(result.QuerySelector($"a[href='/assessments/{after}/edit']"));
        Assert.Equal(Locked + "。", result.QuerySelector("#locked")!.TextContent.Trim());
        var edit = await browser.GetAsync($"/assessments/{after}/edit");
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        var page = PageClient.Parse(await edit.Content.ReadAsStringAsync());
        Assert.Equal(Locked + "。", page.QuerySelector("#locked")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("form.assessment-form"));
    }

    [Fact]
    public async Task The_bulk_rescoring_leaves_a_named_assessment_as_it_is_and_counts_it()
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await CompletedAsync(c);
        var agency = await app.As(c.Users["agency"]);
        var after = await c.AssessmentAsync(agency, "After", AnswerDocuments.MidRange());
        var other = await c.AssessmentAsync(agency, "After", AnswerDocuments.MidRange(), "2025-11-21");
        await NameAsync(agency, id, after);
        // Both results stored as if computed under an older version: a run re-scores every such result it reads.
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "Assessments" SET "InstrumentVersion" = '2024.0' WHERE "Id" = {after} OR "Id" = {other}"""));

        var report = await WithDb(db => new AssessmentRescorer(db, app.Services.GetRequiredService<InstrumentCatalog>(), TimeProvider.System)
            .RescoreAsync("miit-2024", ChangchunProject.Programme, Actor.System(ChangchunProject.Programme, "测试"), TestContext.Current.CancellationToken));

        // Every assessment an evaluation of the programme names (the other tests of this class name theirs in the same database).
        var named = await WithDb(async db =>
        {
            var projects = await db.Projects.Where(p => p.ProgrammeId == ChangchunProject.Programme).Select(p => new { p.AfterAssessmentId, p.BeforeAssessmentId }).ToListAsync();
            return projects.SelectMany(p => new[] { p.AfterAssessmentId, p.BeforeAssessmentId }).OfType<Guid>().Distinct().Count();
        });
        Assert.True(named >= 1);
        Assert.Equal(named, report.Locked);
        Assert.Equal("2024.0", await WithDb(db => db.Assessments.Where(a => a.Id == after).Select(a => a.InstrumentVersion).SingleAsync()));
        Assert.NotEqual("2024.0", await WithDb(db => db.Assessments.Where(a => a.Id == other).Select(a => a.InstrumentVersion).SingleAsync()));
    }

    /// <summary>The filed project reported complete (one delivery and invoice per contract line): ready for the agency's evaluation.</summary>
    private async Task<Guid> CompletedAsync(ChangchunProject c)
    {
        var id = await c.FiledAsync(app, ProjectName);
        var enterprise = await app.As(c.Users["enterprise"]);
        var deliveries = ChangchunProject.Lines.Select(l => new { item = l.Name, delivered = $"{l.Name}已交付", system = (string?)null, goLiveOn = (string?)null }).ToArray();
        Ok(await enterprise.PutAsJsonAsync($"/api/projects/{id}/completion", new { deliveries, version = await ChangchunProject.VersionAsync(enterprise, id) }));
        for (var i = 0; i < ChangchunProject.Lines.Length; i++)
        {
            var (name, price, quantity) = ChangchunProject.Lines[i];
            Ok(await ChangchunProject.InvoiceAsync(enterprise, id, $"2533{i:D4}", name, price * quantity));
        }
        Ok(await ChangchunProject.StepAsync(enterprise, id, "complete"));
        return id;
    }

    private static async Task NameAsync(HttpClient agency, Guid id, Guid after) =>
        Ok(await agency.PutAsJsonAsync($"/api/projects/{id}/evaluation", new
        {
            afterAssessmentId = after, checks = ChangchunProject.Lines.Select(_ => new { verified = (bool?)true, note = (string?)null }).ToArray(),
            conclusion = "达到二级（规范级）。", version = await ChangchunProject.VersionAsync(agency, id),
        }));

    /// <summary>Saves the assessment again with the version just read and a new date.</summary>
    private static async Task<HttpResponseMessage> EditAsync(HttpClient client, Guid id, string stage)
    {
        var read = await client.GetAsync($"/api/assessments/{id}");
        var version = read.IsSuccessStatusCode ? (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32() : 1;
        var body = AnswerDocuments.MidRange();
        body["stage"] = stage;
        body["assessedOn"] = "2025-11-22";
        body["evidence"] = new JsonObject();
        body["version"] = version;
        return await client.PutAsJsonAsync($"/api/assessments/{id}", body);
    }

    /// <summary>The edit form's autosave (the API accepts a bearer client without the antiforgery token).</summary>
    private static Task<HttpResponseMessage> DraftAsync(HttpClient client, Guid id) =>
        client.PostAsync($"/api/assessments/{id}/draft", new FormUrlEncodedContent([new("AssessedOn", "2025-11-23"), new("q0", "A")]));

    private static async Task AssertLockedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {body}");
        Assert.Equal(Locked, JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {response.Content.ReadAsStringAsync().Result}");

    private async Task<T> WithDb<T>(Func<DxPilotDbContext, Task<T>> work)
    {
        await using var scope = app.DataScope(ChangchunProject.Programme);
        return await work(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }
}

public sealed class AssessmentLockTestsOnSqlite(SqliteApp app) : AssessmentLockTests<SqliteApp>(app);

public sealed class AssessmentLockTestsOnPostgres(PostgresApp app) : AssessmentLockTests<PostgresApp>(app);
