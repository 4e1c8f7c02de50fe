namespace DxPilot.Domain.Accounts;

/// <summary>Where an account reaches: its programme, its role and, for a district bureau or an enterprise, its 县（市、区）.</summary>
public sealed record AccountScope(string ProgrammeId, Role Role, string? District);

/// <summary>
/// Who may create and manage sign-in accounts, in one place: the account service enforces it, pages and endpoints ask it
/// before offering an action. Each rule answers null when allowed, otherwise the reason shown to the user.
/// A city (or provincial) bureau manages every account of its programme; a district bureau only the enterprise accounts
/// of its own district. Nobody creates an account that reaches further than their own.
/// </summary>
public static class AccountPolicy
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();

    public static string? Manage(Actor a) =>
        a.IsBureau && !a.IsSystem ? null : "只有工信主管部门可以管理账号";

    /// <summary>The roles this actor may give a new account, in the order a form offers them.</summary>
    public static IReadOnlyList<Role> CreatableRoles(Actor a) => a.Role switch
    {
        _ when Manage(a) is not null => [],
        Role.CityBureau => Everyone,
        // A district reaches its own enterprises only; a bureau, provider or expert account would reach beyond it.
        Role.DistrictBureau => [Role.Enterprise],
        _ => [],
    };

    public static string? Create(Actor a, AccountScope target)
    {
        if (Manage(a) is { } refused) return refused;
        if (target.ProgrammeId != a.ProgrammeId) return "只能为本试点创建账号";
        if (!CreatableRoles(a).Contains(target.Role))
            return a.Role == Role.DistrictBureau ? "县（市、区）主管部门只能为本辖区的企业创建账号" : "您不能创建该类账号";
        if (a.Role == Role.DistrictBureau && target.District != a.District) return "只能为本辖区的企业创建账号";
        return null;
    }

    /// <summary>Reset a password, disable or enable: the accounts this actor could have created.</summary>
    public static string? Administer(Actor a, AccountScope target)
    {
        if (Manage(a) is { } refused) return refused;
        if (!InScope(a, target)) return "该账号不在您的管理范围内";
        return null;
    }

    /// <summary>One's own password is changed with the current one (修改密码), not reset.</summary>
    public static string? Reset(Actor a, AccountScope target, string targetUserId) =>
        Administer(a, target) ?? (targetUserId == a.UserId ? "请通过“修改密码”修改自己的密码" : null);

    public static string? Disable(Actor a, AccountScope target, string targetUserId) =>
        Administer(a, target) ?? (targetUserId == a.UserId ? "不能停用自己的账号" : null);

    /// <summary>The accounts a bureau sees in its account list: those it may administer.</summary>
    public static bool InScope(Actor a, AccountScope target) =>
        target.ProgrammeId == a.ProgrammeId && a.Role switch
        {
            Role.CityBureau => true,
            Role.DistrictBureau => target.Role == Role.Enterprise && target.District == a.District,
            _ => false,
        };
}
