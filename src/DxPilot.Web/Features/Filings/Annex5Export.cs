using System.Runtime.CompilerServices;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// 附件5 备案汇总表 of the filtered filing list, in the list's scope (a district its district, the city the whole city): the
/// filings that were submitted (in review, returned for revision, or filed; not drafts, not rejected ones), each as its latest
/// submitted version froze it. Read and written row by row, so a city's whole list never sits in memory.
/// </summary>
public sealed class Annex5Export(FilingService filings, DxPilotDbContext db, AuditLog audit, ShownTime time, ExportScope scope)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlySet<FilingStatus> Exported =
        new HashSet<FilingStatus> { FilingStatus.DistrictReview, FilingStatus.CityReview, FilingStatus.Returned, FilingStatus.Filed };

    /// <summary>GET /filings/annex5.xlsx and /api/filings/annex5.xlsx with the list's filters.</summary>
    public static async Task<IResult> DownloadAsync(HttpContext http, [Microsoft.AspNetCore.Http.AsParameters] FilingFilterParameters q, Annex5Export export,
        CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        if (export.Refusal(actor) is { } refusal) return refusal;
        // A temporary file rather than memory: a city's sheet may be large, and the response reads it back from disk.
        return await TemporaryFileDownload.SendAsync(http, ContentType, async file => await export.WriteAsync(file, actor, q.ToFilter(), ct));
    }

    /// <summary>Why this actor gets no sheet, or null: the programme must have 附件5, and the sheet is the bureaus' and think tank's.</summary>
    public IResult? Refusal(Actor actor)
    {
        if (filings.RulesOf(actor)?.SummarySheet != "hangzhou-annex5")
            return Results.Problem(title: "本试点没有备案汇总表（附件5）", statusCode: StatusCodes.Status404NotFound);
        if (!FilingPolicy.ReadsSummary(actor) || filings.Listed(actor, FilingFilter.None) is null)
            return Results.Problem(title: "备案汇总表由市、区县工信主管部门和第三方智库导出", statusCode: StatusCodes.Status403Forbidden);
        return null;
    }

    /// <summary>Writes the sheet for an actor <see cref="Refusal"/> lets through; answers the file's name.</summary>
    public async Task<string> WriteAsync(Stream output, Actor actor, FilingFilter filter, CancellationToken ct)
    {
        var rules = filings.RulesOf(actor)!;
        var today = time.Today();
        var counted = new Counter();
        await Annex5Sheet.WriteAsync(output, rules.Form, actor.Name, today, EntriesAsync(rules.Form, actor, filter, counted, ct), ct);
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("FilingSummary", actor.ProgrammeId),
            $"备案汇总表（附件5）{counted.Value} 项，筛选 {Uri.UnescapeDataString(filter.ToQueryString())}", ct: ct);
        return $"{Annex5Sheet.Title}（{scope.Of(actor, filter.District)}）{ChineseText.Date(today)}.xlsx";
    }

    private sealed class Counter { public int Value; }

    /// <summary>
    /// A submitted version's three JSON documents as stored: read as text, so that only the keys the sheet prints are taken from
    /// them (a whole version is mostly the plan, the effects table and the software lists, which 附件5 does not show).
    /// </summary>
    private sealed class StoredVersion
    {
        public Guid FilingId { get; init; }
        public int Round { get; init; }
        public string Basics { get; init; } = "";
        public string Values { get; init; } = "";
        public string Providers { get; init; } = "";
    }

    // The same text on SQLite and PostgreSQL (migration 0018); the converters that turn them into dictionaries are bypassed.
    private IQueryable<StoredVersion> StoredVersions =>
        db.Database.SqlQuery<StoredVersion>($"""SELECT "FilingId", "Round", "Basics", "Values", "Providers" FROM "FilingVersions" """);

    /// <summary>
    /// The exported filings in the list's order, each with its latest submitted version, in one query read as it arrives: a
    /// city's rows never sit in memory together, and each is parsed only for what the sheet prints.
    /// </summary>
    private async IAsyncEnumerable<Annex5Sheet.Entry> EntriesAsync(FilingForm form, Actor actor, FilingFilter filter, Counter counted,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var states = Exported.ToArray();
        var exported = filings.Selected(actor, filter)!.Where(f => states.Contains(f.Status) && f.Round > 0);
        var rows = from f in exported
                   join v in StoredVersions on new { Id = f.Id, f.Round } equals new { Id = v.FilingId, v.Round }
                   select new { f.Id, f.StatusSince, f.District, v.Basics, v.Values, v.Providers };
        // The list's order (FilingService.Listed): a queue longest waiting first, otherwise the latest moved first.
        rows = filter.Mine ? rows.OrderBy(r => r.StatusSince).ThenBy(r => r.Id) : rows.OrderByDescending(r => r.StatusSince).ThenBy(r => r.Id);
        // A printed field's answer may sit under several keys (a period's start and end, a choice's 其他 text).
        var answerKeys = Annex5Sheet.PrintedAnswers
            .SelectMany(key => form.Fields.FirstOrDefault(f => f.Key == key) is { } field ? FilingValues.KeysOf(field) : [key]).ToArray();
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            counted.Value++;
            yield return new Annex5Sheet.Entry(r.District, FilingPersonalData.Basics(form, Pick(r.Basics, Annex5Sheet.PrintedBasics), actor), Pick(r.Values, answerKeys),
                FilingPersonalData.Providers(JsonSerializer.Deserialize<List<FilingProvider>>(r.Providers, JsonSerializerOptions.Web) ?? [], actor));
        }
    }

    /// <summary>The string values of <paramref name="keys"/> in a flat JSON object; the other members are passed over, never made strings.</summary>
    private static Dictionary<string, string> Pick(string json, IReadOnlyList<string> keys)
    {
        var picked = new Dictionary<string, string>(keys.Count);
        using var doc = JsonDocument.Parse(json);
        foreach (var key in keys)
            if (doc.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
                picked[key] = value.GetString()!;
        return picked;
    }
}
