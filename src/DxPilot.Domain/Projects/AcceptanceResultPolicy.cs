using System.Linq.Expressions;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Programmes;

namespace DxPilot.Domain.Projects;

/// <summary>Who imports and who reads the imported acceptance results, in one place: the service enforces it, pages and
/// endpoints ask it (null when allowed, otherwise the reason shown).</summary>
public static class AcceptanceResultPolicy
{
    /// <summary>
    /// The city imports, and only where the programme runs no acceptance on the platform: a programme whose file has
    /// <c>project</c> (Changchun, Hangzhou) accepts its projects through the project chain, and an imported result would be a
    /// second, unchecked account of the same acceptance.
    /// </summary>
    public static string? Import(Actor a, Programme programme) =>
        programme.Project is not null ? $"{programme.City}的改造项目在平台上由第三方评测机构验收，验收结果以平台上的项目验收为准，不能导入"
        : a.Role != Role.CityBureau ? "验收结果由市级工信主管部门导入"
        : null;

    /// <summary>The bureaus and the think tank read the results (a district only its own county's), an enterprise its own.</summary>
    public static string? Read(Actor a) =>
        a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank or Role.Enterprise ? null : "验收结果由工信主管部门、第三方智库和企业本身查看";

    /// <summary>The results an actor reads: the city and the think tank the programme's, a district its county's, an enterprise its
    /// own, nobody else any.</summary>
    public static Expression<Func<AcceptanceResult, bool>> Readable(Actor a) => a.Role switch
    {
        Role.CityBureau or Role.ThinkTank => r => r.ProgrammeId == a.ProgrammeId,
        Role.DistrictBureau => r => r.ProgrammeId == a.ProgrammeId && r.District == a.District,
        Role.Enterprise => r => r.ProgrammeId == a.ProgrammeId && r.EnterpriseId == a.EnterpriseId,
        _ => r => false,
    };
}
