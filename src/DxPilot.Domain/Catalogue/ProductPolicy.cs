using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Catalogue;

/// <summary>Who may do what with the pool and its products: one place, called by services, pages and endpoints.</summary>
public static class ProductPolicy
{
    /// <summary>申请入池: a provider for its own organisation.</summary>
    public static string? Apply(Actor a) =>
        a is { Role: Role.ServiceProvider, OrganisationId: not null } ? null : "只有服务商可以申请加入资源池";

    /// <summary>The pool's applications with contacts: the city decides, the district and think tank read.</summary>
    public static bool ReadsPool(Actor a) => a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank;

    /// <summary>A product is added by an admitted provider only (a suspended or removed one, or one still applying, may not).</summary>
    public static string? Create(Actor a, PoolMember? membership) =>
        a is not { Role: Role.ServiceProvider, OrganisationId: not null } ? "只有服务商可以发布产品及解决方案"
        : membership is null ? "请先申请加入服务商资源池，入池后方可发布产品"
        : membership.Status switch
        {
            PoolStatus.Admitted => null,
            PoolStatus.Applied => "入池申请尚在审核中，入池后方可发布产品",
            PoolStatus.Suspended => "服务商资源池资格已暂停，不能新增或提交产品",
            _ => "服务商不在资源池中，不能新增或提交产品",
        };

    /// <summary>A provider changes only its own products.</summary>
    public static string? Edit(Actor a, CatalogueProduct p) =>
        a.Role == Role.ServiceProvider && a.OrganisationId == p.ProviderId && a.ProgrammeId == p.ProgrammeId ? null : "只能修改本单位的产品";

    /// <summary>Whether the actor sees the product at all (else 404): anyone signed in to the programme sees it once shown (approved,
    /// its provider admitted); before that, its provider, and the bureaus and think tank once it was submitted (a draft is the
    /// provider's own).</summary>
    public static bool Reads(Actor a, CatalogueProduct p, bool providerAdmitted) =>
        a.ProgrammeId == p.ProgrammeId
        && (p.Status == ProductStatus.Approved && providerAdmitted
            || (a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank) && p.Status != ProductStatus.Draft
            || a.Role == Role.ServiceProvider && a.OrganisationId == p.ProviderId);
}
