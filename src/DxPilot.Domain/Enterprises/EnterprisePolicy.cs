using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Enterprises;

/// <summary>
/// Who may do what to an enterprise file (一企一档), in one place: the service enforces it, pages and endpoints ask
/// it before offering an action. Each rule answers null when allowed, otherwise the reason shown to the user.
/// Reading is scoped by the registry's query (EnterpriseService.InScope): a file out of scope is simply not found.
/// </summary>
public static class EnterprisePolicy
{
    public static string? Register(Actor a) =>
        a.Role is Role.CityBureau or Role.DistrictBureau ? null : "只有工信主管部门可以登记企业档案";

    public static string? Edit(Actor a, Enterprise e) =>
        a.MayEdit(e.Id, e.District) ? null : "您没有修改该企业档案的权限";

    public static string? OverrideSize(Actor a, Enterprise e) =>
        a.IsBureau && a.MayEdit(e.Id, e.District) ? null : "只有工信主管部门可以调整企业规模";

    public static string? ReadHistory(Actor a) =>
        a.MaySeeAudit ? null : "只有工信主管部门可以查看修改记录";
}
