using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>企业分享的采购方案: a provider's plans shared with it that it has not opened yet; opening one ends its part of the to-do.</summary>
public sealed class SavedPlanTodo(DxPilotDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Role != Role.ServiceProvider || actor.OrganisationId is not { } org) return [];
        var since = await db.SavedPlanShares.Where(s => s.ProviderId == org && s.WithdrawnAt == null && s.OpenedAt == null
                && db.SavedPlans.Any(p => p.Id == s.PlanId && p.ProgrammeId == actor.ProgrammeId))
            .Select(s => s.SharedAt).ToListAsync(ct);
        return since.Count == 0 ? []
            : [new TodoItem(PoolTodo.Kind, "企业分享的采购方案：查看方案和费用，与企业商定采购", "/plans?shared=mine", TodoList.Since(since.Min()), since.Count)];
    }
}
