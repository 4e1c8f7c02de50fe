using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>"动态申报、成熟一批、发布一批": the city opens a batch of a call (one open at a time), enterprises apply in it, the city
/// closes it to review; an application not recognised may be started again in the next batch.</summary>
public sealed partial class AwardService
{
    public async Task<Outcome<IReadOnlyList<AwardBatch>>> BatchesAsync(Actor actor, string callId, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<IReadOnlyList<AwardBatch>>.NotFound();
        return Outcome<IReadOnlyList<AwardBatch>>.Ok(await db.AwardBatches.AsNoTracking().Where(b => b.CallId == call.Id).OrderBy(b => b.Number).ToListAsync(ct));
    }

    public async Task<Outcome<AwardBatch>> OpenBatchAsync(Actor actor, string callId, string? name, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<AwardBatch>.NotFound();
        if (AwardPolicy.ManageBatches(actor) is { } why) return Outcome<AwardBatch>.Forbidden(why);
        if (ControlCharacters.In(name) || ChineseText.CountCharacters(name?.Trim()) > 60)
            return Outcome<AwardBatch>.Invalid(new Dictionary<string, string> { ["name"] = "批次名称不超过60字，且不能含控制字符" });
        if (await OpenBatchAsync(call, ct) is { } open) return Outcome<AwardBatch>.Conflict($"{open.Name}尚未截止，请先截止后再开启下一批");
        var number = await db.AwardBatches.Where(b => b.CallId == call.Id).Select(b => (int?)b.Number).MaxAsync(ct) ?? 0;
        var batch = AwardBatch.Open(call, number + 1, name, Now());
        db.AwardBatches.Add(batch);
        return await saving.SaveAsync(batch, "申报批次", () => batch, ct,
            () => Task.FromResult(Outcome<AwardBatch>.Conflict("另一位工作人员刚刚开启了批次，请刷新后查看")));
    }

    public async Task<Outcome<AwardBatch>> CloseBatchAsync(Actor actor, string callId, Guid batchId, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<AwardBatch>.NotFound();
        if (AwardPolicy.ManageBatches(actor) is { } why) return Outcome<AwardBatch>.Forbidden(why);
        var batch = await db.AwardBatches.FirstOrDefaultAsync(b => b.Id == batchId && b.CallId == call.Id, ct);
        if (batch is null) return Outcome<AwardBatch>.NotFound();
        if (!batch.IsOpen) return Outcome<AwardBatch>.Conflict($"{batch.Name}已于{ChineseText.Date(DateOnly.FromDateTime(batch.ClosedAt!.Value))}截止");
        saving.Expect(batch, batch.Version);
        batch.Close(Now());
        return await saving.SaveAsync(batch, "申报批次", () => batch, ct);
    }

    private Task<AwardBatch?> OpenBatchAsync(AwardCall call, CancellationToken ct) =>
        db.AwardBatches.Where(b => b.CallId == call.Id && b.ClosedAt == null).OrderByDescending(b => b.Number).FirstOrDefaultAsync(ct);
}
