using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Enterprises;

/// <summary>
/// Who may do what to an enterprise file (一企一档), in one place: the service enforces it, pages and endpoints ask
/// it before offering an action. Each rule answers null when allowed, otherwise the reason shown to the user.
/// Reading is scoped by the registry's query (EnterpriseService.InScope): a file out of scope is simply not found.
/// </summary>
public static class EnterprisePolicy
{
    /// <summary>Experts see only the items assigned to them for review; the registry is not theirs to open
    /// (EnterpriseService.InScope asks this first).</summary>
    public static bool ReadsRegistry(Actor a) => a.Role is not Role.Expert;

    public const string NoRegistry = "企业档案只对工信主管部门、智库、试点企业和分配到企业的服务商、评测机构、审计机构开放；专家在工作台查看指派给本人的评审事项。";

    public static string? Register(Actor a) =>
        a.Role is Role.CityBureau or Role.DistrictBureau ? null : "只有工信主管部门可以登记企业档案";

    /// <summary>The district a bureau puts a file in, by form or by import: a district bureau its own only (moving a file to
    /// another district is the city's); the city any. <paramref name="onFile"/> is the file changed, or null for a new one.</summary>
    public static string? PlaceIn(Actor a, Enterprise? onFile, string district) =>
        a.Role != Role.DistrictBureau || district == a.District ? null
        : onFile is null ? $"您只能登记{a.District}的企业"
        : $"您只能将企业登记在{a.District}；跨区迁移请联系市工信主管部门";

    public static string? Edit(Actor a, Enterprise e) =>
        a.MayEdit(e.Id, e.District) ? null : "您没有修改该企业档案的权限";

    public static string? OverrideSize(Actor a, Enterprise e) =>
        a.IsBureau && a.MayEdit(e.Id, e.District) ? null : "只有工信主管部门可以调整企业规模";

    /// <summary>The enterprise proposes a change to what a bureau vouches for; a bureau edits those fields directly.</summary>
    public static string? ProposeBureauFields(Actor a, Enterprise e) =>
        a.Role == Role.Enterprise && a.EnterpriseId == e.Id ? null : "只有企业本身可以申请变更由主管部门确认的信息";

    /// <summary>A bureau whose scope holds the file confirms or returns the enterprise's proposal.</summary>
    public static string? DecideBureauFields(Actor a, Enterprise e) =>
        a.IsBureau && a.MayEdit(e.Id, e.District) ? null : "只有该企业所在地的工信主管部门可以确认或退回企业信息变更";

    public static string? ReadHistory(Actor a) =>
        a.MaySeeAudit ? null : "只有工信主管部门可以查看修改记录";
}
