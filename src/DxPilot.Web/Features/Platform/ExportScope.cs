using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Programmes;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// Whose rows an exported sheet holds, as its file name and its 导出单位 line name them: a district bureau its own district; a
/// programme-wide reader the district it filtered on, else 全市 (全省 for a provincial programme); anyone else (an enterprise's
/// own file, a provider's assigned ones) the district filtered on, else itself. A sheet filtered to 西湖区 was named （全市）.
/// </summary>
public sealed class ExportScope(ProgrammeCatalog programmes)
{
    public string Of(Actor actor, string? district) => actor.Role switch
    {
        Role.DistrictBureau => actor.District ?? district ?? "",
        Role.CityBureau or Role.ThinkTank => district ?? programmes.Get(actor.ProgrammeId).Whole,
        _ => district ?? actor.Name,
    };
}
