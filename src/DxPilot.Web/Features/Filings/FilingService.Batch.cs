using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>批量操作 of a bureau's queue: 初审通过 (one opinion), 退回修改 (one reason), 指派专家 (the city).</summary>
public enum BatchAction { Pass = 1, Return = 2, AssignExperts = 3 }

/// <summary>One filing of a batch: the version the bureau read (null: as it stands).</summary>
public sealed record BatchTarget(Guid Id, int? Version);

/// <summary>What became of one filing of a batch: done, or refused and why.</summary>
public sealed record BatchResult(Guid Id, string Name, bool Done, string Message);

/// <summary>
/// Batch actions. The rule (docs/filing.md, stated on the page): the batch as a whole is refused before anything is done only when
/// the request itself is wrong (no filing, too many, no opinion or reason, no expert, an action not the actor's); otherwise every
/// filing is taken on its own, in its own transaction through the same <see cref="TakeAsync"/> / <see cref="AssignAsync(Actor, Filing, IReadOnlyCollection{string}, CancellationToken)"/>
/// a single action uses, and the result lists every filing: done, or refused with its reason (wrong state, out of scope, a guard,
/// stale, conflict of interest). A batch of mixed states thus does what it may and says what it did not; nothing is half done
/// within a filing.
/// </summary>
public sealed partial class FilingService
{
    public const int MaxBatch = 100;
    public const string OutOfScope = "不在您的权限范围内";

    public async Task<Outcome<IReadOnlyList<BatchResult>>> BatchAsync(Actor actor, BatchAction action, IReadOnlyList<BatchTarget> targets, string? reason,
        IReadOnlyCollection<string> experts, CancellationToken ct = default)
    {
        if (RulesOf(actor) is null || !FilingPolicy.ReadsSummary(actor)) return Outcome<IReadOnlyList<BatchResult>>.Forbidden("批量操作由区县和市级主管部门使用");
        var errors = new Dictionary<string, string>();
        if (targets.Count == 0) errors["ids"] = "请至少选择一项备案";
        else if (targets.Count > MaxBatch) errors["ids"] = $"一次最多处理{MaxBatch}项备案，已选{targets.Count}项";
        if (action is BatchAction.Pass or BatchAction.Return && string.IsNullOrWhiteSpace(reason))
            errors["reason"] = action == BatchAction.Pass ? "初审通过须填写审核意见" : "退回修改须填写退回理由";
        if (action == BatchAction.AssignExperts && experts.Count == 0) errors["experts"] = "请选择至少一名评审专家";
        if (errors.Count > 0) return Outcome<IReadOnlyList<BatchResult>>.Invalid(errors);
        if (action == BatchAction.AssignExperts && FilingPolicy.AssignExperts(actor) is { } notCity) return Outcome<IReadOnlyList<BatchResult>>.Forbidden(notCity);

        var results = new List<BatchResult>();
        foreach (var target in targets.DistinctBy(t => t.Id))
        {
            db.ChangeTracker.Clear();
            var filing = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == target.Id, ct);
            if (filing is null)
            {
                results.Add(new BatchResult(target.Id, "", false, OutOfScope));
                continue;
            }
            var name = await db.Enterprises.Where(e => e.Id == filing.EnterpriseId).Select(e => e.Name).FirstAsync(ct);
            string? refusal;
            if (action == BatchAction.AssignExperts)
            {
                var assigned = await AssignAsync(actor, filing, experts, ct);
                refusal = assigned.IsOk ? null : assigned.Errors.Count > 0 ? string.Join("；", assigned.Errors.Values) : assigned.Message;
            }
            else
            {
                var taken = await TransitionAsync(actor, filing.Id, action == BatchAction.Pass ? FilingTrigger.Pass : FilingTrigger.Return, reason, target.Version, ct);
                refusal = taken.IsOk ? null : taken.Errors.Count > 0 ? string.Join("；", taken.Errors.Values) : taken.Message;
            }
            results.Add(new BatchResult(filing.Id, name, refusal is null, refusal ?? Done(action)));
        }
        db.ChangeTracker.Clear();
        return Outcome<IReadOnlyList<BatchResult>>.Ok(results);
    }

    private static string Done(BatchAction action) => action switch
    {
        BatchAction.Pass => "已初审通过，报送市级",
        BatchAction.Return => "已退回企业修改",
        _ => "已指派评审专家",
    };
}
