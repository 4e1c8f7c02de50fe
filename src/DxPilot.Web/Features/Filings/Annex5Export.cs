using System.Runtime.CompilerServices;
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
/// submitted version froze it. Read a page at a time and written row by row, so a city's whole list never sits in memory.
/// </summary>
public sealed class Annex5Export(FilingService filings, DxPilotDbContext db, AuditLog audit, ShownTime time)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int PageSize = 1000;

    public static readonly IReadOnlySet<FilingStatus> Exported =
        new HashSet<FilingStatus> { FilingStatus.DistrictReview, FilingStatus.CityReview, FilingStatus.Returned, FilingStatus.Filed };

    /// <summary>GET /filings/annex5.xlsx and /api/filings/annex5.xlsx with the list's filters.</summary>
    public static async Task<IResult> DownloadAsync(HttpContext http, [Microsoft.AspNetCore.Http.AsParameters] FilingFilterParameters q, Annex5Export export,
        CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        if (export.Refusal(actor) is { } refusal) return refusal;
        // A temporary file rather than memory: a city's sheet may be large, and the response reads it back from disk.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var name = await export.WriteAsync(file, actor, q.ToFilter(), ct);
            file.Position = 0;
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file, ContentType, name);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
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
        await Annex5Sheet.WriteAsync(output, rules.Form, actor.Name, today, EntriesAsync(actor, filter, counted, ct), ct);
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("FilingSummary", actor.ProgrammeId),
            $"备案汇总表（附件5）{counted.Value} 项，筛选 {Uri.UnescapeDataString(filter.ToQueryString())}", ct: ct);
        return $"{Annex5Sheet.Title}（{actor.District ?? "全市"}）{ChineseText.Date(today)}.xlsx";
    }

    private sealed class Counter { public int Value; }

    private async IAsyncEnumerable<Annex5Sheet.Entry> EntriesAsync(Actor actor, FilingFilter filter, Counter counted, [EnumeratorCancellation] CancellationToken ct)
    {
        var listed = filings.Listed(actor, filter)!;
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await listed.Skip(skip).Take(PageSize).ToListAsync(ct);
            var rows = page.Where(r => Exported.Contains(r.Status) && r.Round > 0).ToList();
            var ids = rows.Select(r => r.Id).ToList();
            // Only each filing's latest round: earlier rounds are not printed, and their JSON is most of the cost.
            var versions = ids.Count == 0 ? [] : await (from v in db.FilingVersions.AsNoTracking()
                                                        join f in db.Filings on v.FilingId equals f.Id
                                                        where ids.Contains(f.Id) && v.Round == f.Round
                                                        select new { v.FilingId, v.Round, v.Basics, v.Values, v.Providers })
                .ToListAsync(ct);
            var latest = versions.ToLookup(v => (v.FilingId, v.Round));
            foreach (var r in rows)
                if (latest[(r.Id, r.Round)].FirstOrDefault() is { } v)
                {
                    counted.Value++;
                    yield return new Annex5Sheet.Entry(r.District, v.Basics, v.Values, v.Providers);
                }
            if (page.Count < PageSize) yield break;
        }
    }
}
