using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>草稿 on the assessment form: kept by the section buttons (no script) and by the script's autosave, shown again
/// when the form is opened, gone once the assessment is saved; kept only for whoever may save the assessment.</summary>
public abstract class AssessmentDraftTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{

    private async Task<string> OwnEnterprise() =>
        (await (await app.As("hz-enterprise")).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("enterpriseId").GetString()!;

    private async Task<(int Drafts, int Assessments, int AuditEntries)> Stored()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return (await db.AssessmentDrafts.CountAsync(), await db.Assessments.CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>Half-typed: 网络建设 (q0) B and C with a note, 产品设计 (s0) at 二级; the rest unanswered.</summary>
    private static List<KeyValuePair<string, string>> HalfTyped(string token, params (string, string)[] more) =>
    [
        new("__RequestVerificationToken", token), new("Instrument", "miit-2024"), new("Stage", "SelfTest"), new("AssessedOn", "2025-06-30"),
        new("q0", "B"), new("q0", "C"), new("e.q0", "机房与车间已铺设光纤"), new("s0", "2"),
        .. more.Select(m => new KeyValuePair<string, string>(m.Item1, m.Item2)),
    ];

    /// <summary>The note shows Beijing time (UTC+8), to the minute, of the moment of saving.</summary>
    private static void AssertSavedJustNow(string note)
    {
        var m = Regex.Match(note, @"^草稿已保存 于 (\d\d):(\d\d)$");
        Assert.True(m.Success, note);
        var beijing = DateTime.UtcNow.AddHours(8);
        var shown = beijing.Date.AddHours(int.Parse(m.Groups[1].Value)).AddMinutes(int.Parse(m.Groups[2].Value));
        Assert.InRange((beijing - shown).TotalMinutes, 0, 2);
    }

    [Fact]
    public async Task A_section_s_save_draft_button_keeps_the_half_typed_form_and_it_comes_back_when_opened_again()
    {
        var client = await app.SignedIn("hz-enterprise");
        var path = $"/enterprises/{await OwnEnterprise()}/assessments/new";
        var before = await Stored();

        var response = await client.PostAsync(path, new FormUrlEncodedContent(
            HalfTyped(await PageClient.Token(client, path), ("_handler", "assessment"), ("draft", "sec-1"))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"{path}#sec-1", response.Headers.Location!.ToString());
        var form = await client.GetDocument(path);
        Assert.NotNull(form.QuerySelector("#q-0 input[value=B][checked]"));
        Assert.NotNull(form.QuerySelector("#q-0 input[value=C][checked]"));
        Assert.Null(form.QuerySelector("#q-0 input[value=D][checked]"));
        Assert.Equal("机房与车间已铺设光纤", form.QuerySelector("#q-0 textarea")!.TextContent);
        Assert.NotNull(form.QuerySelector("#s-0 input[value='2'][checked]"));
        AssertSavedJustNow(form.QuerySelector("#draft-status")!.TextContent.Trim());
        // A draft is no assessment and, not being a record anyone reads, writes no audit entry.
        var after = await Stored();
        Assert.Equal((before.Assessments, before.AuditEntries), (after.Assessments, after.AuditEntries));
        Assert.True(after.Drafts >= 1);
    }

    [Fact]
    public async Task The_autosave_keeps_the_answers_and_saving_the_assessment_removes_the_draft()
    {
        var own = await OwnEnterprise();
        var client = await app.SignedIn("hz-enterprise");
        var path = $"/enterprises/{own}/assessments/new";
        var token = await PageClient.Token(client, path);

        var saved = await client.PostAsync($"/api/enterprises/{own}/assessment-draft", new FormUrlEncodedContent(HalfTyped(token)));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        AssertSavedJustNow((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("note").GetString()!);
        Assert.NotNull((await client.GetDocument(path)).QuerySelector("#q-0 input[value=C][checked]"));

        // The assessment saved (here through the API) takes the draft's place.
        var body = AnswerDocuments.Forty();
        body["stage"] = "SelfTest";
        body["assessedOn"] = "2025-06-30";
        Assert.Equal(HttpStatusCode.Created, (await (await app.As("hz-enterprise")).PostAsJsonAsync($"/api/enterprises/{own}/assessments", body)).StatusCode);
        var fresh = await client.GetDocument(path);
        Assert.Null(fresh.QuerySelector("#q-0 input[value=C][checked]"));
        Assert.Equal("", fresh.QuerySelector("#draft-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_agency_s_draft_of_its_evaluation_comes_back_on_the_edit_form_with_the_version_it_was_typed_over()
    {
        var agency = await app.SignedIn("hz-agency");
        var after = (await (await app.As("hz-agency")).GetFromJsonAsync<JsonElement>("/api/assessments?stage=After")).GetProperty("items")[0];
        var id = after.GetProperty("id").GetString();
        var edit = await agency.GetDocument($"/assessments/{id}/edit");
        var version = edit.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var token = edit.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var saved = await agency.PostAsync($"/api/assessments/{id}/draft", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Version", version), new("AssessedOn", "2025-07-01"), new("q0", "A"),
        ]));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var again = await agency.GetDocument($"/assessments/{id}/edit");
        Assert.NotNull(again.QuerySelector("#q-0 input[value=A][checked]"));
        Assert.Equal("2025-07-01", again.QuerySelector("#f-AssessedOn")!.GetAttribute("value"));
        Assert.Equal(version, again.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        // The provider, which may not edit the agency's evaluation, does not even find it.
        var provider = await app.SignedIn("hz-provider");
        var providerToken = await PageClient.Token(provider, "/enterprises");
        Assert.Equal(HttpStatusCode.NotFound, (await provider.PostAsync($"/api/assessments/{id}/draft",
            new FormUrlEncodedContent([new("__RequestVerificationToken", providerToken), new("q0", "B")]))).StatusCode);
    }

    [Fact]
    public async Task Drafts_are_refused_to_whoever_may_not_save_the_assessment_and_without_session_or_token()
    {
        var own = await OwnEnterprise();
        var url = $"/api/enterprises/{own}/assessment-draft";
        var before = await Stored();

        // Expired or no session: 401 (the form's script then says 登录已超时), never a redirect to the sign-in page.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync(url, new FormUrlEncodedContent(HalfTyped("x")))).StatusCode);
        // A cookie without the form's antiforgery token.
        var enterprise = await app.SignedIn("hz-enterprise");
        Assert.Equal(HttpStatusCode.BadRequest, (await enterprise.PostAsync(url, new FormUrlEncodedContent(HalfTyped("x")))).StatusCode);
        // Not a form.
        var token = await PageClient.Token(enterprise, $"/enterprises/{own}/assessments/new");
        var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        json.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await enterprise.PostAsync(url, json)).StatusCode);
        // A district bureau sees the file but records no assessment.
        var bureau = await app.SignedIn("hz-binjiang");
        var refused = await bureau.PostAsync(url, new FormUrlEncodedContent(HalfTyped(await PageClient.Token(bureau, "/enterprises"))));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有企业本身", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        // An agency not assigned to the enterprise does not find its file.
        var agency = await app.SignedIn("hz-agency");
        Assert.Equal(HttpStatusCode.NotFound, (await agency.PostAsync(url,
            new FormUrlEncodedContent(HalfTyped(await PageClient.Token(agency, "/enterprises"))))).StatusCode);

        var after = await Stored();
        Assert.Equal((before.Drafts, before.Assessments), (after.Drafts, after.Assessments));
    }

    [Fact]
    public async Task A_draft_keeps_only_what_the_form_can_hold_and_stores_control_characters_on_either_database()
    {
        var own = await OwnEnterprise();
        var client = await app.SignedIn("hz-enterprise");
        var path = $"/enterprises/{own}/assessments/new";
        var token = await PageClient.Token(client, path);

        // As the script posts it: the browser's FormData, multipart.
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in HalfTyped(token, ("q1", "Z"), ("q99", "A"), ("s1", "9"),
                     ("e.q1", "甲\u0000乙" + new string('长', 600)), ("AssessedOn", new string('9', 100))))
            body.Add(new StringContent(value), name);
        var saved = await client.PostAsync($"/api/enterprises/{own}/assessment-draft", body);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var form = await client.GetDocument(path);
        Assert.Empty(form.QuerySelectorAll("#q-1 input[checked]")); // Z is no option of 设备数字化
        Assert.Empty(form.QuerySelectorAll("#s-1 input[checked]")); // there is no 九级
        Assert.Equal(500, form.QuerySelector("#q-1 textarea")!.TextContent.Length); // the form's own limit
        Assert.NotNull(form.QuerySelector("#q-0 input[value=B][checked]"));
    }
}

public sealed class AssessmentDraftTestsOnSqlite(SqliteApp app) : AssessmentDraftTests<SqliteApp>(app);

public sealed class AssessmentDraftTestsOnPostgres(PostgresApp app) : AssessmentDraftTests<PostgresApp>(app);
