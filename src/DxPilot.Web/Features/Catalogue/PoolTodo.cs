using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// 服务商资源池 and its products waiting for someone: the city's applications to decide and products to review; a provider's
/// refused application (with the reason) and its returned products.
/// </summary>
public sealed class PoolTodo(DxPilotDbContext db) : ITodoSource
{
    public const string Kind = "供需适配";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct) => actor.Role switch
    {
        Role.CityBureau => [
            .. Counted(await db.PoolMembers.Where(m => m.ProgrammeId == actor.ProgrammeId && m.Status == PoolStatus.Applied).Select(m => m.AppliedAt ?? m.UpdatedAt).ToListAsync(ct),
                "入池申请待审核：核对资质和案例后同意入池或不予入池", "/catalogue/pool?status=applied"),
            .. Counted(await db.CatalogueProducts.Where(p => p.ProgrammeId == actor.ProgrammeId && p.Status == ProductStatus.UnderReview).Select(p => p.UpdatedAt).ToListAsync(ct),
                "产品待审核：审核通过后上架，或退回修改", "/catalogue/review"),
        ],
        Role.ServiceProvider when actor.OrganisationId is { } org => [
            .. (await db.PoolMembers.Where(m => m.ProgrammeId == actor.ProgrammeId && m.OrganisationId == org && m.Status == PoolStatus.Refused)
                .Select(m => new { m.DecidedAt, m.UpdatedAt, m.DecisionReason }).ToListAsync(ct))
                .Select(m => new TodoItem(Kind, $"入池申请未通过，可按理由修改后重新申请：{m.DecisionReason}", "/catalogue/pool/apply", TodoList.Since(m.DecidedAt ?? m.UpdatedAt))),
            .. Counted(await db.CatalogueProducts.Where(p => p.ProgrammeId == actor.ProgrammeId && p.ProviderId == org && p.Status == ProductStatus.Returned).Select(p => p.UpdatedAt).ToListAsync(ct),
                "产品被退回修改：按审核意见修改后重新提交", "/catalogue/mine?status=returned"),
        ],
        _ => [],
    };

    private static IReadOnlyList<TodoItem> Counted(List<DateTime> since, string title, string href) =>
        since.Count == 0 ? [] : [new TodoItem(Kind, title, href, TodoList.Since(since.Min()), since.Count)];
}
