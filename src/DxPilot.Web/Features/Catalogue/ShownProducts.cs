using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The catalogue as everyone sees it: approved products of providers admitted to the pool now. A suspended or removed
/// provider's products drop out at once, without touching the products themselves.</summary>
public static class ShownProducts
{
    public static IQueryable<CatalogueProduct> In(DxPilotDbContext db, string programmeId) =>
        db.CatalogueProducts.Where(p => p.ProgrammeId == programmeId && p.Status == ProductStatus.Approved
            && db.PoolMembers.Any(m => m.ProgrammeId == programmeId && m.OrganisationId == p.ProviderId && m.Status == PoolStatus.Admitted));
}
