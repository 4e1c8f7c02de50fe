using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>One application on the city's batch page: what it read (the version), where it stands, and its review so far.</summary>
public sealed record AwardQueueRow(Guid Id, string EnterpriseName, string District, string Directions, AwardStatus Status, int Version,
    int Assigned, int HandedIn, int NotRecommending);

/// <summary>A batch's applications waiting for the city (县区已推荐, 评审中), with the transitions the city may take on them.</summary>
public sealed record AwardQueue(AwardCall Call, AwardBatch Batch, IReadOnlyList<AwardQueueRow> Rows);

/// <summary>
/// 成熟一批: the city takes one transition for the applications of a batch it selected, run by <see cref="BatchRun"/> as the filing's
/// batch actions are. Each application goes through <see cref="TransitionAsync(Actor, Guid, AwardTrigger, string?, string?, int?, IReadOnlyList{string}?, CancellationToken)"/>
/// with the version the city read, so the chain's role, state and guards, the stale check and the history are the single action's.
/// Bulk 认定 recognises every direction each application applied for and only where every expert of its current round recommended
/// 推荐认定; one 不推荐 sends it to its own page, where the city picks the directions (the single action).
/// </summary>
public sealed partial class AwardService
{
    /// <summary>The transitions a batch may take: 纳入评审, 认定, 不予认定.</summary>
    public static readonly AwardTrigger[] BatchTriggers = [AwardTrigger.StartReview, AwardTrigger.Recognise, AwardTrigger.NotRecognise];

    private static readonly AwardStatus[] Waiting = [AwardStatus.Recommended, AwardStatus.UnderReview];

    /// <summary>Why the actor may not take the trigger on this call at all (the chain's own words), or null.</summary>
    public static string? BatchRefusal(AwardCall call, AwardTrigger trigger, Actor actor)
    {
        var named = call.Chain.Transitions.Where(t => t.Trigger == trigger).ToList();
        if (!BatchTriggers.Contains(trigger) || named.Count == 0) return "批量办理只用于纳入评审、认定和不予认定";
        return named.Any(t => t.Who.Any(p => p.Admits(actor))) ? null : $"{actor.Role.Label()}无权批量{named[0].Label}";
    }

    /// <summary>The applications of the batch waiting for the city, oldest submission first, with each one's current-round reviews counted.</summary>
    public async Task<Outcome<AwardQueue>> QueueAsync(Actor actor, string callId, Guid batchId, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<AwardQueue>.NotFound();
        if (BatchRefusal(call, AwardTrigger.StartReview, actor) is { } why) return Outcome<AwardQueue>.Forbidden(why);
        if (await db.AwardBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId && b.CallId == call.Id, ct) is not { } batch)
            return Outcome<AwardQueue>.NotFound();
        var rows = await QueueRows(InScope(actor).AsNoTracking().Where(x => x.CallId == call.Id && x.BatchId == batch.Id && Waiting.Contains(x.Status)))
            .Take(500).ToListAsync(ct);
        return Outcome<AwardQueue>.Ok(new AwardQueue(call, batch, rows));
    }

    /// <summary>批量办理: the one transition for every application selected (at most <see cref="BatchRun.Max"/>), each on its own.</summary>
    public async Task<Outcome<IReadOnlyList<BatchResult>>> BatchAsync(Actor actor, string callId, AwardTrigger trigger, IReadOnlyList<BatchTarget> targets,
        string? reason, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<IReadOnlyList<BatchResult>>.NotFound();
        if (BatchRefusal(call, trigger, actor) is { } why) return Outcome<IReadOnlyList<BatchResult>>.Forbidden(why);
        var errors = new Dictionary<string, string>();
        if (BatchRun.SelectionError(targets.Count, "申报") is { } selection) errors["ids"] = selection;
        if (trigger == AwardTrigger.NotRecognise && string.IsNullOrWhiteSpace(reason)) errors["reason"] = "不予认定须填写理由（适用于所选的每一项）";
        if (errors.Count > 0) return Outcome<IReadOnlyList<BatchResult>>.Invalid(errors);
        var done = call.Chain.Transitions.First(t => t.Trigger == trigger).Label;

        return Outcome<IReadOnlyList<BatchResult>>.Ok(await BatchRun.EachAsync(db, targets, async target =>
        {
            var found = await QueueRows(InScope(actor).AsNoTracking().Where(x => x.Id == target.Id && x.CallId == call.Id)).FirstOrDefaultAsync(ct);
            if (found is null) return new BatchResult(target.Id, "", false, BatchRun.OutOfScope);
            if (trigger == AwardTrigger.Recognise && found.NotRecommending > 0)
                return new BatchResult(target.Id, found.EnterpriseName, false, $"有{found.NotRecommending}名专家不推荐认定，请在申报页逐项决定认定的方向");
            var taken = await TransitionAsync(actor, target.Id, trigger, trigger == AwardTrigger.StartReview ? null : reason, null, target.Version, null, ct);
            return taken.IsOk
                ? new BatchResult(target.Id, found.EnterpriseName, true, $"已{done}")
                : new BatchResult(target.Id, found.EnterpriseName, false, BatchRun.Reason(taken));
        }));
    }

    /// <summary>Applications as the batch page lists them and the batch checks them, oldest submission first, with their current
    /// round's reviews counted (bulk 认定 stops at any 不推荐).</summary>
    private IQueryable<AwardQueueRow> QueueRows(IQueryable<AwardApplication> applications)
    {
        var reviews = db.AwardExpertReviews;
        return from x in applications
               join e in db.Enterprises on x.EnterpriseId equals e.Id
               orderby x.SubmittedAt, x.Id
               select new AwardQueueRow(x.Id, e.Name, x.District, x.Directions, x.Status, x.Version,
                   reviews.Count(r => r.ApplicationId == x.Id && r.Round == x.Revision),
                   reviews.Count(r => r.ApplicationId == x.Id && r.Round == x.Revision && r.SubmittedAt != null),
                   reviews.Count(r => r.ApplicationId == x.Id && r.Round == x.Revision && r.Recommendation == AwardRecommendation.NotRecognise));
    }
}
