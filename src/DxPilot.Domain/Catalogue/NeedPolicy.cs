using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Catalogue;

/// <summary>An enterprise's needs, matches and plans are its file's: the enterprise and the provider serving it write them; the
/// bureaus in scope and the think tank read them; no one else sees them (404).</summary>
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

    /// <summary>The scenario tree and the industries' common needs are the city's to edit and import; everyone signed in reads them.</summary>
    public static string? EditTree(Actor a) =>
        a.Role == Role.CityBureau ? null : "场景清单和行业共性需求由市工信主管部门维护";
}
