using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Home;

/// <summary>
/// 示范标杆申报: the applications in the account's scope that sit in a state from which the call's chain lets this account act —
/// for the bureau those submitted or under review, for the enterprise its draft or an application returned for changes (and,
/// before it has saved anything, the application to fill in). The chain is the call's policy, so a new step in its file
/// shows up here without code.
/// </summary>
public sealed class BenchmarkTodo(DxPilotDbContext db, BenchmarkService benchmarks, EnterpriseService enterprises) : ITodoSource
{
    public const string Kind = "示范标杆申报";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (benchmarks.CallOf(actor) is not { } call) return [];
        var actionable = call.Chain.States.Where(s => call.Chain.Open(s, actor).Count > 0).ToList();
        if (actionable.Count == 0) return [];

        var applications = await benchmarks.InScope(actor).Where(a => actionable.Contains(a.Status))
            .Select(a => new { a.Id, a.Status, a.CreatedAt }).ToListAsync(ct);
        var keys = applications.Select(a => a.Id.ToString()).ToList();
        // Waiting since the application entered its state: its last transition, or its creation for a draft never submitted.
        var entered = await db.StateTransitions.Where(t => t.EntityType == nameof(BenchmarkApplication) && keys.Contains(t.EntityId))
            .GroupBy(t => t.EntityId).Select(g => new { Id = g.Key, At = g.Max(t => t.At) }).ToDictionaryAsync(x => x.Id, x => x.At, ct);

        var items = applications.GroupBy(a => a.Status).Select(g =>
        {
            var since = g.Min(a => entered.TryGetValue(a.Id.ToString(), out var at) ? at : a.CreatedAt);
            var steps = string.Join("、", call.Chain.Open(g.Key, actor).Select(t => t.Label));
            var href = actor.Role == Role.Enterprise ? "/benchmark/self-score"
                : g.Count() == 1 ? $"/benchmark/{g.First().Id}" : $"/benchmark?state={WorkflowNames.Of(g.Key)}";
            return new TodoItem(Kind, $"{call.Title}（{call.Chain.Label(g.Key, actor)}）：{steps}", href, TodoList.Since(since), g.Count());
        }).ToList();

        // The enterprise of the call that has not started its application yet: waiting since its file was registered.
        if (actor.Role == Role.Enterprise && call.Chain.Applicant?.Admits(actor) == true && !await benchmarks.InScope(actor).AnyAsync(ct)
            && await enterprises.InScope(actor).Select(e => (DateTime?)e.CreatedAt).FirstOrDefaultAsync(ct) is { } registered)
            items.Add(new TodoItem(Kind, $"{call.Title}：填写自评表和前置条件，保存后提交申报", "/benchmark/self-score", TodoList.Since(registered)));
        return items;
    }
}
