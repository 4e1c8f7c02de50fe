using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Bench.Photos;
using DxPilot.Domain.Diagnoses;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// Who reads what of a diagnosis (issue 9 §11): the diagnosis page, its API and agreement, its visit pages, its photo files
/// and thumbnails, its satisfaction page and API. Out of scope (another provider, another district's bureau, another
/// enterprise, another programme's city bureau; an expert before submission or not named on it) is 404 and never data; in scope is the page or
/// the file, with its type and, for files, a Content-Disposition.
/// </summary>
public abstract class DiagnosisScopeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_role_sees_the_diagnosis_in_its_scope_and_a_404_outside_it()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app, outsiders: true);
        var d = await c.OpenAsync(app);
        // Experts read a diagnosis once it is submitted for acceptance.
        var expected = ChangchunDiagnosis.Readers.Select(who => (who, HttpStatusCode.OK))
            .Concat(ChangchunDiagnosis.OutOfScope.Append("expert").Select(who => (who, HttpStatusCode.NotFound)));
        foreach (var (who, status) in expected)
        {
            var browser = await c.BrowserAsync(app, who);
            var page = await browser.GetAsync($"/diagnoses/{d.Id}", Ct);
            Assert.True(status == page.StatusCode, $"{who}: page {page.StatusCode}");
            var api = await (await app.As(c.Users[who])).GetAsync($"/api/diagnoses/{d.Id}", Ct);
            Assert.True(status == api.StatusCode, $"{who}: api {api.StatusCode}");
            var agreement = await browser.GetAsync($"/diagnoses/{d.Id}/agreement.docx", Ct);
            Assert.True(status == agreement.StatusCode, $"{who}: agreement {agreement.StatusCode}");
            if (status == HttpStatusCode.NotFound) await AssertNothingOf(c, page, api, agreement);
        }
    }

    [Fact]
    public async Task Visit_pages_photos_and_thumbnails_are_served_in_scope_and_404_outside_it()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app, outsiders: true);
        var d = await c.OpenAsync(app);
        var visit = await c.VisitAsync(app, d.Id, await c.LeaderAsync(app, d.Id), new DateOnly(2026, 3, 10), new TimeOnly(9, 0), new TimeOnly(12, 30));
        var bytes = TestPhotos.Photo(Random.Shared.Next(2_000_000, 3_000_000),
            new TestPhotos.Exif(new DateTime(2026, 3, 10, 10, 0, 0), "+08:00", 43.8171, 125.3235));
        Assert.True((await c.UploadAsync(app, d.Id, visit, (PhotoTag.ProductionFloor, "冲压车间.jpg", bytes))).IsOk);
        var photo = (await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.GetAsync(c.ProviderActor, d.Id))).Value!.Visits.Single().Photos.Single().Photo.Id;
        var (visitPage, newVisit, file, thumbnail) =
            ($"/diagnoses/{d.Id}/visits/{visit}", $"/diagnoses/{d.Id}/visits/new", $"/diagnoses/files/{photo}", $"/diagnoses/files/{photo}/thumbnail");

        foreach (var who in ChangchunDiagnosis.OutOfScope.Append("expert"))
        {
            var browser = await c.BrowserAsync(app, who);
            foreach (var path in new[] { visitPage, newVisit, file, thumbnail })
            {
                var response = await browser.GetAsync(path, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who}: {path} {response.StatusCode}");
                Assert.Null(response.Content.Headers.ContentDisposition);
                await AssertNothingOf(c, response);
                Assert.DoesNotContain("冲压车间", await TextOf(response));
            }
        }

        // The visit page is the provider's record and upload form; the other readers see the visit on the diagnosis page and
        // are told why they cannot edit it here (403).
        var provider = await c.BrowserAsync(app, "provider");
        var record = await provider.GetAsync(visitPage, Ct);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (record.StatusCode, record.Content.Headers.ContentType!.MediaType));
        Assert.NotNull(PageClient.Parse(await record.Content.ReadAsStringAsync(Ct)).QuerySelector($"img[src='{thumbnail}']"));
        Assert.Contains(c.Enterprise.Name, await TextOf(record)); // what the refusals above must not show, found where it belongs
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync(newVisit, Ct)).StatusCode);
        // A visit of another diagnosis is not found through this one.
        var other = await ChangchunDiagnosis.CreateAsync(app);
        var otherDiagnosis = await other.OpenAsync(app);
        var otherVisit = await other.VisitAsync(app, otherDiagnosis.Id, await other.LeaderAsync(app, otherDiagnosis.Id), new DateOnly(2026, 3, 10),
            new TimeOnly(9, 0), new TimeOnly(12, 30));
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/diagnoses/{d.Id}/visits/{otherVisit}", Ct)).StatusCode);
        foreach (var who in ChangchunDiagnosis.Readers.Skip(1))
        {
            var page = await (await c.BrowserAsync(app, who)).GetAsync(visitPage, Ct);
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden, $"{who}: visit page {page.StatusCode}");
            Assert.Contains("只有承担诊断的服务商可以修改", await TextOf(page));
        }

        await c.SubmitAsync(app, d.Id);
        await c.NameExpertsAsync(app, d.Id, "expert");
        foreach (var who in ChangchunDiagnosis.Readers.Append("expert"))
        {
            var browser = await c.BrowserAsync(app, who);
            var original = await browser.GetAsync(file, Ct);
            Assert.True(original.StatusCode == HttpStatusCode.OK, $"{who}: photo {original.StatusCode}");
            Assert.Equal("image/jpeg", original.Content.Headers.ContentType!.MediaType);
            Assert.Equal(("inline", "冲压车间.jpg"), (original.Content.Headers.ContentDisposition!.DispositionType, original.Content.Headers.ContentDisposition.FileNameStar));
            Assert.Equal(bytes, await original.Content.ReadAsByteArrayAsync(Ct));
            var small = await browser.GetAsync(thumbnail, Ct);
            Assert.True(small.StatusCode == HttpStatusCode.OK, $"{who}: thumbnail {small.StatusCode}");
            Assert.Equal("image/jpeg", small.Content.Headers.ContentType!.MediaType);
            Assert.Equal(("inline", "缩略图-冲压车间.jpg"), (small.Content.Headers.ContentDisposition!.DispositionType, small.Content.Headers.ContentDisposition.FileNameStar));
            var thumb = await small.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(thumb.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]) && thumb.Length < bytes.Length, $"{who}: thumbnail of {thumb.Length} bytes");
        }
        foreach (var who in ChangchunDiagnosis.OutOfScope)
            Assert.Equal(HttpStatusCode.NotFound, (await (await c.BrowserAsync(app, who)).GetAsync(file, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_satisfaction_form_is_the_enterprise_s_read_in_scope_and_404_outside_it()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app, outsiders: true);
        var d = await c.OpenAsync(app);
        await c.SubmitAsync(app, d.Id);
        await c.NameExpertsAsync(app, d.Id, "expert");
        var path = $"/diagnoses/{d.Id}/satisfaction";
        var api = $"/api/diagnoses/{d.Id}/satisfaction";
        var form = new { ratings = new[] { "veryGood", "good", "good", "veryGood", "fair" }, overall = "satisfied", adoption = "partly", comment = "诊断建议切实可行（测试）" };

        // Outside the scope neither the page nor the API knows the diagnosis: another enterprise cannot rate it for this one.
        foreach (var who in ChangchunDiagnosis.OutOfScope)
        {
            var page = await (await c.BrowserAsync(app, who)).GetAsync(path, Ct);
            Assert.True(page.StatusCode == HttpStatusCode.NotFound, $"{who}: page {page.StatusCode}");
            await AssertNothingOf(c, page);
            var posted = await (await app.As(c.Users[who])).PostAsJsonAsync(api, form, Ct);
            Assert.True(posted.StatusCode == HttpStatusCode.NotFound, $"{who}: api {posted.StatusCode}");
        }
        // In scope the enterprise gets the form (nothing was stored by the refused posts); other readers are told it is the
        // enterprise's.
        var enterprise = await c.BrowserAsync(app, "enterprise");
        var blank = await enterprise.GetAsync(path, Ct);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (blank.StatusCode, blank.Content.Headers.ContentType!.MediaType));
        Assert.NotNull(PageClient.Parse(await blank.Content.ReadAsStringAsync(Ct)).QuerySelector("#satisfaction-form"));
        foreach (var who in new[] { "provider", "city", "chaoyang", "thinktank", "expert" })
        {
            var page = await (await c.BrowserAsync(app, who)).GetAsync(path, Ct);
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden, $"{who}: page {page.StatusCode}");
            Assert.Contains("满意度评价表只能由被诊断的企业填写", await TextOf(page));
        }

        Assert.Equal(HttpStatusCode.OK, (await (await app.As(c.Users["enterprise"])).PostAsJsonAsync(api, form, Ct)).StatusCode);
        foreach (var who in ChangchunDiagnosis.Readers.Append("expert"))
        {
            var page = await (await c.BrowserAsync(app, who)).GetAsync(path, Ct);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{who}: rated page {page.StatusCode}");
            Assert.Contains("诊断建议切实可行（测试）", await TextOf(page));
        }
        foreach (var who in ChangchunDiagnosis.OutOfScope)
        {
            var page = await (await c.BrowserAsync(app, who)).GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("诊断建议切实可行", await TextOf(page));
        }
    }

    /// <summary>A refusal names neither the enterprise nor its provider, in its markup or in its text (pages write Chinese as
    /// character references).</summary>
    private static async Task AssertNothingOf(ChangchunDiagnosis c, params HttpResponseMessage[] responses)
    {
        foreach (var response in responses)
        {
            var text = await TextOf(response);
            Assert.DoesNotContain(c.Enterprise.Name, text);
            Assert.DoesNotContain(c.Provider.Name, text);
        }
    }

    /// <summary>The body as a reader sees it, with what escapes Chinese decoded: an HTML page's text (character references), a
    /// JSON body's names and strings (\u escapes); anything else as it came.</summary>
    private static async Task<string> TextOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        return type == "text/html" ? body + PageClient.Parse(body).DocumentElement.TextContent
            : type.EndsWith("json", StringComparison.Ordinal) ? body + string.Join("\n", Strings(JsonDocument.Parse(body).RootElement))
            : body;
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [e.GetString()!],
        _ => [],
    };
}

public sealed class DiagnosisScopeTestsOnSqlite(SqliteApp app) : DiagnosisScopeTests<SqliteApp>(app);

public sealed class DiagnosisScopeTestsOnPostgres(PostgresApp app) : DiagnosisScopeTests<PostgresApp>(app);
