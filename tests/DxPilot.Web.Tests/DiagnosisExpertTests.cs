using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 指定验收专家 (issue 9 item 9, seed 002 三（一）7 "市工信局（或委托专家）验收"): the city bureau names expert accounts of the
/// programme on a submitted diagnosis; a named expert reads, accepts or returns it and has it on its to-do list, an expert not
/// named gets 404 (page, API, acceptance) and nothing on its list; only expert accounts can be named and only by the city.
/// </summary>
public abstract class DiagnosisExpertTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_city_names_an_expert_who_then_alone_of_the_experts_reads_and_accepts_the_diagnosis()
    {
        var (c, d) = await SubmittedAsync();
        var api = $"/api/diagnoses/{d}";
        // Submitted but nobody named: no expert reads it, and it is on no expert's list.
        foreach (var who in new[] { "expert", "other-expert" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await c.BrowserAsync(app, who)).GetAsync($"/diagnoses/{d}", Ct)).StatusCode);
            Assert.Empty(await TodosAsync(await c.AccountAsync(app, who)));
        }

        var city = await app.As(c.Users["city"]);
        var expertId = (await c.AccountAsync(app, "expert")).UserId;
        var named = await city.PostAsJsonAsync($"{api}/experts", new { accounts = new[] { expertId } }, Ct);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal([expertId], (await named.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("experts").EnumerateArray().Select(e => e.GetString()));
        // Naming is audited with the diagnosis, under the city's name.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var key = d.ToString();
            var entries = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == "Diagnosis" && e.EntityId == key).ToListAsync(Ct);
            Assert.Contains(entries, e => e.ActorName == "长春市工信局（测试）"
                && e.Changes.Any(f => f.Field == "ExpertAccounts" && f.After == NamedAccounts.Needle(expertId)));
        }

        // The named expert reads it and has it to accept; the other expert still gets 404 everywhere and no item.
        Assert.Equal(HttpStatusCode.OK, (await (await c.BrowserAsync(app, "expert")).GetAsync($"/diagnoses/{d}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(c.Users["expert"])).GetAsync(api, Ct)).StatusCode);
        var todo = Assert.Single(await TodosAsync(await c.AccountAsync(app, "expert")));
        Assert.Equal(1, todo.Count);
        var outsider = await app.As(c.Users["other-expert"]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await c.BrowserAsync(app, "other-expert")).GetAsync($"/diagnoses/{d}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(api, Ct)).StatusCode);
        Assert.Empty(await TodosAsync(await c.AccountAsync(app, "other-expert")));

        var form = new { ratings = new[] { "veryGood", "good", "good", "veryGood", "fair" }, overall = "satisfied", adoption = "adopted", comment = "很好" };
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(c.Users["enterprise"])).PostAsJsonAsync($"{api}/satisfaction", form, Ct)).StatusCode);
        var opinion = new { trigger = "accept", reason = "同意通过验收（测试）" };
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{api}/transitions", opinion, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{api}/transitions", new { trigger = "return", reason = "退回（测试）" }, Ct)).StatusCode);
        var accepted = await (await app.As(c.Users["expert"])).PostAsJsonAsync($"{api}/transitions", opinion, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var final = await city.GetFromJsonAsync<JsonElement>(api, Ct);
        Assert.Equal(("accepted", "王专家（测试）"), (final.GetProperty("state").GetString(), final.GetProperty("acceptedByName").GetString()));
    }

    [Fact]
    public async Task The_city_names_experts_on_the_page_and_the_provider_sees_who_they_are()
    {
        var (c, d) = await SubmittedAsync();
        var city = await c.BrowserAsync(app, "city");
        var page = await city.GetDocument($"/diagnoses/{d}");
        Assert.Equal("未指定专家，由市级主管部门验收。", page.QuerySelector("#named-experts")!.TextContent.Trim());
        var other = (await c.AccountAsync(app, "other-expert")).UserId;
        Assert.NotNull(page.QuerySelector($"#experts-form input[name=accounts][value='{other}']"));
        var version = page.QuerySelector("#experts-form input[name='Named.Version']")!.GetAttribute("value")!;
        var token = page.QuerySelector("#experts-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Without the antiforgery token the post is refused and nothing is named.
        var forged = await city.PostAsync($"/diagnoses/{d}", new FormUrlEncodedContent([new("_handler", "experts"), new("Named.Version", version), new("accounts", other)]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var posted = await city.PostAsync($"/diagnoses/{d}", new FormUrlEncodedContent([
            new("_handler", "experts"), new("__RequestVerificationToken", token), new("Named.Version", version), new("accounts", other)]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        foreach (var who in new[] { "city", "provider" })
        {
            var shown = (await (await c.BrowserAsync(app, who)).GetDocument($"/diagnoses/{d}")).QuerySelector("#named-experts")!.TextContent;
            Assert.Equal("李专家（测试）", shown.Trim());
        }
        // The provider sees the names, not the form; the district bureau neither.
        Assert.Null((await (await c.BrowserAsync(app, "provider")).GetDocument($"/diagnoses/{d}")).QuerySelector("#experts-form"));
        Assert.Null((await (await c.BrowserAsync(app, "chaoyang")).GetDocument($"/diagnoses/{d}")).QuerySelector("#experts"));
        Assert.Equal(HttpStatusCode.OK, (await (await c.BrowserAsync(app, "other-expert")).GetAsync($"/diagnoses/{d}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await c.BrowserAsync(app, "expert")).GetAsync($"/diagnoses/{d}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_the_city_names_only_the_programme_s_expert_accounts_and_only_while_it_waits_for_acceptance()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app, outsiders: true);
        var d = (await c.OpenAsync(app)).Id;
        var path = $"/api/diagnoses/{d}/experts";
        var expertId = (await c.AccountAsync(app, "expert")).UserId;
        var city = await app.As(c.Users["city"]);
        var early = await city.PostAsJsonAsync(path, new { accounts = new[] { expertId } }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("只有待验收的诊断可以指定验收专家", (await early.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        await c.SubmitAsync(app, d);

        // A provider's or an enterprise's account is no expert: 400 with the reason, nothing named.
        foreach (var who in new[] { "provider", "enterprise", "other-programme-city" })
        {
            var wrong = await city.PostAsJsonAsync(path, new { accounts = new[] { expertId, (await c.AccountAsync(app, who)).UserId } }, Ct);
            Assert.True(wrong.StatusCode == HttpStatusCode.BadRequest, $"{who}: {wrong.StatusCode}");
            Assert.Equal("所选第2个账号不是本试点的专家账号",
                (await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("accounts")[0].GetString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(c.Users["expert"])).GetAsync($"/api/diagnoses/{d}", Ct)).StatusCode);

        // Readers other than the city may not name (403 with the reason); outside the scope the diagnosis is not there (404).
        foreach (var who in new[] { "chaoyang", "provider", "enterprise", "thinktank" })
        {
            var refused = await (await app.As(c.Users[who])).PostAsJsonAsync(path, new { accounts = new[] { expertId } }, Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{who}: {refused.StatusCode}");
            Assert.Equal("只有市级主管部门可以指定验收专家", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        }
        foreach (var who in ChangchunDiagnosis.OutOfScope.Append("expert"))
        {
            var refused = await (await app.As(c.Users[who])).PostAsJsonAsync(path, new { accounts = new[] { expertId } }, Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{who}: {refused.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(c.Users["expert"])).GetAsync($"/api/diagnoses/{d}", Ct)).StatusCode);
    }

    /// <summary>A diagnosis submitted for acceptance, with a second expert account of the programme.</summary>
    private async Task<(ChangchunDiagnosis, Guid)> SubmittedAsync()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var users = new Dictionary<string, string>(c.Users) { ["other-expert"] = await new ChangchunDiagnoses(app).UserAsync(Role.Expert, displayName: "李专家（测试）") };
        c = new ChangchunDiagnosis { Enterprise = c.Enterprise, Provider = c.Provider, Users = users };
        var d = await c.OpenAsync(app);
        await c.SubmitAsync(app, d.Id);
        return (c, d.Id);
    }

    private async Task<IReadOnlyList<TodoItem>> TodosAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return (await scope.ServiceProvider.GetRequiredService<TodoList>().ForAsync(actor)).Where(i => i.Kind == DiagnosisTodo.Kind).ToList();
    }
}

public sealed class DiagnosisExpertTestsOnSqlite(SqliteApp app) : DiagnosisExpertTests<SqliteApp>(app);

public sealed class DiagnosisExpertTestsOnPostgres(PostgresApp app) : DiagnosisExpertTests<PostgresApp>(app);
