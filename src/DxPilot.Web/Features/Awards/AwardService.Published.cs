using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>One recognised application of a published batch: enterprise, county, the directions recognised and the award in 万元.</summary>
public sealed record PublishedAward(Guid Id, string EnterpriseName, string District, IReadOnlyList<string> Directions, decimal AmountWan);

/// <summary>发布一批: the benchmarks (or 链式 cases) a published batch recognised, with the total.</summary>
public sealed record PublishedList(AwardCall Call, AwardBatch Batch, IReadOnlyList<PublishedAward> Rows)
{
    public decimal TotalWan => Rows.Sum(r => r.AmountWan);
}

/// <summary>
/// 发布一批 (seed 004 "动态申报、成熟一批、发布一批"): once the city has closed a batch and decided every application in it
/// (<see cref="AwardBatch.PublicationRefusal"/>), the applications it recognised are a public list within the programme: the bureaus and the think tank read it, and so does every enterprise of the programme (not only the
/// recognised ones). Nothing but what the list prints is shown: no 申报书, no scores.
/// </summary>
public sealed partial class AwardService
{
    public static string? ReadsPublished(Actor a) =>
        a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank or Role.Enterprise ? null : "认定名单向本试点的主管部门、第三方智库和企业公布";

    public async Task<Outcome<PublishedList>> PublishedAsync(Actor actor, string callId, Guid batchId, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<PublishedList>.NotFound();
        if (ReadsPublished(actor) is { } why) return Outcome<PublishedList>.Forbidden(why);
        if (await db.AwardBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId && b.CallId == call.Id, ct) is not { } batch)
            return Outcome<PublishedList>.NotFound();
        // Counted programme-wide, not in the reader's scope: the list is the batch's, whoever reads it.
        var undecided = await db.AwardApplications.Where(x => x.BatchId == batch.Id && AwardReapplication.Undecided.Contains(x.Status))
            .GroupBy(x => x.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (batch.PublicationRefusal(undecided.Sum(u => u.Count), undecided.Where(u => u.Status == AwardStatus.Returned).Sum(u => u.Count)) is { } notYet) return Outcome<PublishedList>.Conflict(notYet);
        // Not InScope: the list is public within the programme, so an enterprise reads the others' recognition (and only that).
        var rows = await (from x in db.AwardApplications.AsNoTracking()
                          where x.ProgrammeId == actor.ProgrammeId && x.CallId == call.Id && x.BatchId == batch.Id && x.Status == AwardStatus.Recognised
                          join e in db.Enterprises on x.EnterpriseId equals e.Id
                          select new { x.Id, e.Name, x.District, x.RecognisedDirections }).ToListAsync(ct);
        return Outcome<PublishedList>.Ok(new PublishedList(call, batch, rows
            .Select(r =>
            {
                var keys = AwardApplication.Keys(r.RecognisedDirections);
                return new PublishedAward(r.Id, r.Name, r.District, keys.Select(k => call.Direction(k)?.Label ?? k).ToList(), AwardApplication.AmountWan(call, keys));
            })
            .OrderBy(r => r.District, StringComparer.Ordinal).ThenBy(r => r.EnterpriseName, StringComparer.Ordinal).ToList()));
    }

    /// <summary>The batches of the call whose lists are published, newest first, for whoever reads the lists.</summary>
    public async Task<IReadOnlyList<AwardBatch>> PublishedBatchesAsync(Actor actor, AwardCall call, CancellationToken ct = default) =>
        ReadsPublished(actor) is not null ? [] : await Published(call).OrderByDescending(b => b.Number).ToListAsync(ct);

    /// <summary>The call's published batches, as <see cref="AwardBatch.PublicationRefusal"/> has it: closed, none of their
    /// applications awaiting a decision.</summary>
    private IQueryable<AwardBatch> Published(AwardCall call) =>
        db.AwardBatches.AsNoTracking().Where(b => b.CallId == call.Id && b.ClosedAt != null
            && !db.AwardApplications.Any(x => x.BatchId == b.Id && AwardReapplication.Undecided.Contains(x.Status)));
}
