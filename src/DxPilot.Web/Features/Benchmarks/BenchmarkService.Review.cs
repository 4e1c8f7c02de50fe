using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>One application with the reviewer's scores beside the enterprise's own (null: no score saved yet).</summary>
public sealed record BenchmarkReviewView(BenchmarkView Application, BenchmarkReview? Review, string? MayNotScore)
{
    public decimal? ScoreOf(int itemNo) => Review?.Scores.Items.TryGetValue(itemNo, out var s) == true ? s : null;
}

/// <summary>A recognised benchmark as the published list shows it.</summary>
public sealed record RecognisedBenchmark(Guid Id, string EnterpriseName, string District, string Industry, decimal ReviewerTotal, DateOnly RecognisedOn);

/// <summary>
/// 审核评分 and the published list: the reviewer (whoever the call's chain lets recognise) scores each item while the application is
/// under review; 认定 then needs every item scored (the chain's reviewComplete guard, fed in TakeAsync). The bureaus read the scores,
/// the enterprise its own once decided; every account of the programme reads the list of recognised benchmarks.
/// </summary>
public sealed partial class BenchmarkService
{
    private const string ReviewWhat = "审核评分";

    public async Task<Outcome<BenchmarkReviewView>> ReviewOfAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var found = await GetAsync(actor, id, ct);
        if (!found.IsOk) return Outcome<BenchmarkReviewView>.NotFound();
        var view = found.Value!;
        if (!BenchmarkReviewPolicy.MaySee(actor, view.Application)) return Outcome<BenchmarkReviewView>.Forbidden("审核评分在认定结果公布后可见");
        var review = await db.Set<BenchmarkReview>().AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == id, ct);
        var mayNot = BenchmarkReviewPolicy.Review(view.Call.Chain, actor) ?? BenchmarkReviewPolicy.Open(view.Application, view.StatusLabel(actor));
        return Outcome<BenchmarkReviewView>.Ok(new BenchmarkReviewView(view, review, mayNot));
    }

    /// <summary>Saves the reviewer's scores (those given; the rest stay unscored) from the version read (0: none saved yet).</summary>
    public async Task<Outcome<BenchmarkReview>> ScoreAsync(Actor actor, Guid id, IReadOnlyDictionary<int, decimal> scores, int version, CancellationToken ct = default)
    {
        var application = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null) return Outcome<BenchmarkReview>.NotFound();
        var call = CallOf(actor)!;
        if (BenchmarkReviewPolicy.Review(call.Chain, actor) is { } who) return Outcome<BenchmarkReview>.Forbidden(who);
        if (BenchmarkReviewPolicy.Open(application, call.Chain.Label(application.Status, actor)) is { } closed) return Outcome<BenchmarkReview>.Conflict(closed);
        var instrument = InstrumentOf(call);
        var errors = BenchmarkReview.Problems(instrument, scores, application.Score(instrument, await EvidenceOfAsync(application.Id, ct)));
        if (errors.Count > 0) return Outcome<BenchmarkReview>.Invalid(errors);
        var review = await db.Set<BenchmarkReview>().FirstOrDefaultAsync(r => r.ApplicationId == id, ct);
        if ((review?.Version ?? 0) != version)
            return Outcome<BenchmarkReview>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<BenchmarkReview>(review?.Id ?? Guid.Empty), ReviewWhat, ct));
        if (review is null) db.Set<BenchmarkReview>().Add(review = BenchmarkReview.Start(application, Now()));
        else saving.Expect(review, version);
        review.Record(instrument, scores, actor.Name, Now());
        return await saving.SaveAsync(review, ReviewWhat, () => review, ct,
            // Two reviewers saving the first scores at once: the unique index lets one through.
            onDuplicate: async () => Outcome<BenchmarkReview>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<BenchmarkReview>(Guid.Empty), ReviewWhat, ct)));
    }

    /// <summary>The reviewer's scores the recognise guard reads.</summary>
    private async Task<IReadOnlyDictionary<int, decimal>?> ReviewerScoresAsync(Guid applicationId, CancellationToken ct) =>
        (await db.Set<BenchmarkReview>().AsNoTracking().Where(r => r.ApplicationId == applicationId).Select(r => r.Scores).FirstOrDefaultAsync(ct))?.Items;

    /// <summary>认定的示范标杆企业: every account of the call's programme reads them, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<RecognisedBenchmark>>> RecognisedAsync(Actor actor, CancellationToken ct = default)
    {
        if (calls.ForProgramme(actor.ProgrammeId) is null) return Outcome<IReadOnlyList<RecognisedBenchmark>>.NotFound();
        var rows = await (from a in db.BenchmarkApplications
                          where a.ProgrammeId == actor.ProgrammeId && a.Status == BenchmarkStatus.Recognised
                          join e in db.Enterprises on a.EnterpriseId equals e.Id
                          join r in db.Set<BenchmarkReview>() on a.Id equals r.ApplicationId
                          select new { a.Id, e.Name, e.District, e.IndustryKey, r.Total }).AsNoTracking().ToListAsync(ct);
        var keys = rows.Select(r => r.Id.ToString()).ToList();
        var recognise = WorkflowNames.Of(BenchmarkTrigger.Recognise);
        var at = (await db.StateTransitions.AsNoTracking()
                .Where(t => t.EntityType == nameof(BenchmarkApplication) && t.Trigger == recognise && keys.Contains(t.EntityId))
                .Select(t => new { t.EntityId, t.At }).ToListAsync(ct))
            .GroupBy(t => t.EntityId).ToDictionary(g => g.Key, g => g.Max(t => t.At));
        return Outcome<IReadOnlyList<RecognisedBenchmark>>.Ok(rows
            .Select(r => new RecognisedBenchmark(r.Id, r.Name, r.District, r.IndustryKey, r.Total,
                DateOnly.FromDateTime(time.Local(at.GetValueOrDefault(r.Id.ToString())))))
            .OrderByDescending(r => r.RecognisedOn).ThenBy(r => r.District, StringComparer.Ordinal).ThenBy(r => r.EnterpriseName, StringComparer.Ordinal).ToList());
    }
}
