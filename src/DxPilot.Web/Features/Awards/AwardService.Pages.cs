using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>Whether an enterprise may start an application to a call now, and if not why: the open batch, the application it
/// already has there, an accepted transformation (<see cref="AcceptedTransformations"/>).</summary>
public sealed record StartChance(AwardBatch? OpenBatch, Guid? Existing, bool HasAcceptedProject, string? Reapplication = null)
{
    /// <summary>Why 开始申报 is not offered (null: it is); an existing application is linked instead. <see cref="Reapplication"/>:
    /// an earlier application still pending or every direction recognised (<see cref="AwardReapplication"/>).</summary>
    public string? Reason(AwardCall call) =>
        OpenBatch is null ? "当前没有开放的申报批次，请待市级主管部门开启下一批"
        : Existing is not null ? $"已在{OpenBatch.Name}申报"
        : call.Kind == AwardKind.Benchmark && !HasAcceptedProject ? "只有已完成数字化转型项目建设并通过验收的试点企业可以申报，本企业尚无通过验收的改造项目"
        : Reapplication;
}

/// <summary>One batch with how many applications in scope are in each state.</summary>
/// <summary>A batch with its applications in the reader's scope per state, and whether its 认定名单 is published.</summary>
public sealed record BatchCounts(AwardBatch Batch, IReadOnlyDictionary<AwardStatus, int> ByState, bool Published)
{
    public int Total => ByState.Values.Sum();
}

/// <summary>The reads the award pages need beside the API's: the 开始申报 card, the batches with their counts, one frozen revision.</summary>
public sealed partial class AwardService
{
    public async Task<StartChance> StartChanceAsync(Actor actor, AwardCall call, CancellationToken ct = default)
    {
        var open = await OpenBatchAsync(call, ct);
        if (actor.EnterpriseId is not { } enterprise) return new StartChance(open, null, false);
        var existing = open is null ? null
            : await db.AwardApplications.Where(x => x.CallId == call.Id && x.BatchId == open.Id && x.EnterpriseId == enterprise)
                .Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        var again = existing is null ? AwardReapplication.StartRefusal(call, await OthersAsync(call, enterprise, null, ct)) : null;
        return new StartChance(open, existing, await accepted.AnyAsync(actor.ProgrammeId, enterprise, ct), again);
    }

    /// <summary>The call's batches, newest first, each with its applications in this actor's scope counted per state and whether it
    /// is published.</summary>
    public async Task<Outcome<IReadOnlyList<BatchCounts>>> BatchCountsAsync(Actor actor, string callId, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<IReadOnlyList<BatchCounts>>.NotFound();
        var batches = await db.AwardBatches.AsNoTracking().Where(b => b.CallId == call.Id).OrderByDescending(b => b.Number).ToListAsync(ct);
        var counts = await InScope(actor).Where(x => x.CallId == call.Id).GroupBy(x => new { x.BatchId, x.Status })
            .Select(g => new { g.Key.BatchId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var published = (await Published(call).Select(b => b.Id).ToListAsync(ct)).ToHashSet();
        return Outcome<IReadOnlyList<BatchCounts>>.Ok(batches.Select(b => new BatchCounts(b,
            counts.Where(c => c.BatchId == b.Id).ToDictionary(c => c.Status, c => c.Count), published.Contains(b.Id))).ToList());
    }

    /// <summary>Revision N of an application in scope, as it was submitted.</summary>
    public async Task<Outcome<(AwardView View, AwardRevision Revision)>> RevisionAsync(Actor actor, Guid id, int revision, CancellationToken ct = default)
    {
        var view = await GetAsync(actor, id, ct);
        if (!view.IsOk) return Outcome<(AwardView, AwardRevision)>.NotFound();
        var frozen = await db.AwardRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == id && r.Revision == revision, ct);
        if (frozen is not null) HidePersonalData(frozen.Content, actor);
        return frozen is null ? Outcome<(AwardView, AwardRevision)>.NotFound() : Outcome<(AwardView, AwardRevision)>.Ok((view.Value!, frozen));
    }
}
