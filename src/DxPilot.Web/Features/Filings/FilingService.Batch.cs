using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>批量操作 of a bureau's queue: 初审通过 (one opinion), 退回修改 (one reason), 指派专家 (the city).</summary>
public enum BatchAction { Pass = 1, Return = 2, AssignExperts = 3 }

/// <summary>
/// Batch actions, run by <see cref="BatchRun"/> (docs/filing.md, stated on the page): the batch as a whole is refused before anything is
/// done only when the request itself is wrong (no filing, too many, no opinion or reason, no expert, an action not the actor's);
/// otherwise every filing is taken on its own through the same <see cref="TakeAsync"/> / <see cref="AssignAsync(Actor, Filing, IReadOnlyCollection{string}, CancellationToken)"/>
/// a single action uses, and the result lists every filing: done, or refused with its reason (wrong state, out of scope, a guard,
/// stale, conflict of interest).
/// </summary>
public sealed partial class FilingService
{
    public const int MaxBatch = BatchRun.Max;

    public async Task<Outcome<IReadOnlyList<BatchResult>>> BatchAsync(Actor actor, BatchAction action, IReadOnlyList<BatchTarget> targets, string? reason,
        IReadOnlyCollection<string> experts, CancellationToken ct = default)
    {
        if (RulesOf(actor) is null || !FilingPolicy.ReadsSummary(actor)) return Outcome<IReadOnlyList<BatchResult>>.Forbidden("批量操作由区县和市级主管部门使用");
        var errors = new Dictionary<string, string>();
        if (BatchRun.SelectionError(targets.Count, "备案") is { } selection) errors["ids"] = selection;
        if (action is BatchAction.Pass or BatchAction.Return && string.IsNullOrWhiteSpace(reason))
            errors["reason"] = action == BatchAction.Pass ? "初审通过须填写审核意见" : "退回修改须填写退回理由";
        if (action == BatchAction.AssignExperts && experts.Count == 0) errors["experts"] = "请选择至少一名评审专家";
        if (errors.Count > 0) return Outcome<IReadOnlyList<BatchResult>>.Invalid(errors);
        if (action == BatchAction.AssignExperts && FilingPolicy.AssignExperts(actor) is { } notCity) return Outcome<IReadOnlyList<BatchResult>>.Forbidden(notCity);

        return Outcome<IReadOnlyList<BatchResult>>.Ok(await BatchRun.EachAsync(db, targets, async target =>
        {
            var filing = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == target.Id, ct);
            if (filing is null) return new BatchResult(target.Id, "", false, BatchRun.OutOfScope);
            var name = await db.Enterprises.Where(e => e.Id == filing.EnterpriseId).Select(e => e.Name).FirstAsync(ct);
            string? refusal;
            if (action == BatchAction.AssignExperts)
            {
                var assigned = await AssignAsync(actor, filing, experts, ct);
                refusal = assigned.IsOk ? null : BatchRun.Reason(assigned);
            }
            else
            {
                var taken = await TransitionAsync(actor, filing.Id, action == BatchAction.Pass ? FilingTrigger.Pass : FilingTrigger.Return, reason, target.Version, ct);
                refusal = taken.IsOk ? null : BatchRun.Reason(taken);
            }
            return new BatchResult(filing.Id, name, refusal is null, refusal ?? Done(action));
        }));
    }

    private static string Done(BatchAction action) => action switch
    {
        BatchAction.Pass => "已初审通过，报送市级",
        BatchAction.Return => "已退回企业修改",
        _ => "已指派评审专家",
    };
}
