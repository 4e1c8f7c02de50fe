using DxPilot.Domain.Accounts;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// Whose rows an exported sheet holds, as its file name and its 导出单位 line name them: a district bureau its own district; a
/// city-wide reader the district it filtered on, else 全市; anyone else (an enterprise's own file, a provider's assigned ones)
/// the district filtered on, else itself. A sheet filtered to 西湖区 was named （全市）.
/// </summary>
public static class ExportScope
{
    public static string Of(Actor actor, string? district) => actor.Role switch
    {
        Role.DistrictBureau => actor.District ?? district ?? "",
        Role.CityBureau or Role.ThinkTank => district ?? "全市",
        _ => district ?? actor.Name,
    };
}
