using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Catalogue;

/// <summary>An enterprise's needs, matches and plans are its file's: the enterprise and the provider serving it write them; the
/// bureaus in scope and the think tank read them; no one else sees them (404). A saved plan is read by a provider only once the
/// enterprise shares it (<see cref="ReadsPlan"/>).</summary>
public static class NeedPolicy
{
    /// <summary>Reading an enterprise's needs, matches and plans; <paramref name="inScope"/> is whether the enterprise is in the
    /// actor's scope as the registry reads it (own, own district, served).</summary>
    public static bool Reads(Actor a, bool inScope) =>
        inScope && a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank or Role.Enterprise or Role.ServiceProvider;

    /// <summary>Writing them: the enterprise itself, or the provider assigned to serve it (during its diagnosis).</summary>
    public static string? Write(Actor a, Guid enterpriseId, bool providerServes) =>
        a.Role == Role.Enterprise && a.EnterpriseId == enterpriseId ? null
        : a.Role == Role.ServiceProvider && providerServes ? null
        : "只有企业本身或为其服务的服务商可以填写需求";

    /// <summary>Reading a saved plan: the enterprise its own, the bureaus and the think tank those of enterprises in their scope
    /// (<paramref name="enterpriseInScope"/>); a provider only the plans shared with it now, or that it saved itself
    /// (<paramref name="sharedWithOrSavedBy"/>) — serving the enterprise is not enough: sharing is the enterprise's choice.</summary>
    public static bool ReadsPlan(Actor a, bool enterpriseInScope, bool sharedWithOrSavedBy) => a.Role switch
    {
        Role.Enterprise or Role.CityBureau or Role.DistrictBureau or Role.ThinkTank => enterpriseInScope,
        Role.ServiceProvider => sharedWithOrSavedBy,
        _ => false,
    };

    /// <summary>保存方案: the enterprise itself, or the provider assigned to serve it, as for its needs.</summary>
    public static string? SavePlan(Actor a, Guid enterpriseId, bool providerServes) =>
        Write(a, enterpriseId, providerServes) is null ? null : "只有企业本身或为其服务的服务商可以保存采购方案";

    /// <summary>Sharing a saved plan, withdrawing a share and renaming the plan are the enterprise's own.</summary>
    public static string? SharePlan(Actor a, Guid enterpriseId) =>
        a.Role == Role.Enterprise && a.EnterpriseId == enterpriseId ? null : "只有企业本身可以分享方案、撤回分享或修改方案名称";

    /// <summary>Whom a plan may be shared with: a provider whose products it buys, or a provider assigned to serve the enterprise.</summary>
    public static string? ShareWith(bool providerInPlan, bool providerServes) =>
        providerInPlan || providerServes ? null : "只能分享给方案中产品的服务商，或为本企业服务的服务商";

    /// <summary>The scenario tree and the industries' common needs are the city's to edit and import; everyone signed in reads them.</summary>
    public static string? EditTree(Actor a) =>
        a.Role == Role.CityBureau ? null : "场景清单和行业共性需求由市工信主管部门维护";
}
