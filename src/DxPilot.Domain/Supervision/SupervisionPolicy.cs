using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Supervision;

/// <summary>
/// Who may do what in the think tank's supervision (seed 002 二（三）, DOMAIN §1), in one place: the service enforces it, pages and
/// endpoints ask it. Which subjects an actor reaches at all is the owning process's scope (a district its district's, a provider its
/// own work, an enterprise itself); these rules answer null when allowed, otherwise the reason.
/// <list type="bullet">
/// <item>Comments are written by think-tank accounts only, on any subject of their programme.</item>
/// <item>They are read, on a subject the reader reaches, by the bureaus, the think tank and the parties concerned: the provider whose
/// work it is and the enterprise. Experts, evaluation agencies and audit firms do not read them: the supervision is between the
/// programme and the parties doing the work, and an expert's review should not lean on it.</item>
/// <item>A 需整改 comment is answered by the party responsible for the work — the provider on a diagnosis, the enterprise or its provider
/// on a filing or a project — and closed (or reopened) by the think tank or the city, who supervise the programme.</item>
/// <item>Ratings are given by the think tank; read by the bureaus (a district those of providers serving its district and of its own
/// enterprises), the think tank and the rated party itself.</item>
/// </list>
/// </summary>
public static class SupervisionPolicy
{
    public static bool ReadsComments(Actor a) =>
        a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank or Role.ServiceProvider or Role.Enterprise;

    public static string? Comment(Actor a) => a.Role == Role.ThinkTank ? null : "督导意见只能由第三方智库填写";

    /// <summary>Nobody edits another's comment: only its author withdraws it, once.</summary>
    public static string? Withdraw(Actor a, SupervisionComment c) =>
        a.UserId != c.AuthorUserId ? "只能撤回本人填写的督导意见"
        : c.IsWithdrawn ? "该督导意见已撤回"
        : null;

    /// <summary>整改回复: the party responsible for the work the comment is on (the caller checked that the actor reaches it):
    /// its provider, and the enterprise where the subject says it answers too (<see cref="SupervisedSubject.EnterpriseResponds"/>).</summary>
    public static string? Reply(Actor a, SupervisionComment c, SupervisedSubject subject) => a.Role switch
    {
        Role.ServiceProvider when c.ProviderId is { } provider && a.OrganisationId == provider => null,
        Role.Enterprise when subject.EnterpriseResponds && a.EnterpriseId == c.EnterpriseId => null,
        _ => subject.EnterpriseResponds ? "整改回复由企业或为其服务的服务商填写" : "整改回复由负责诊断的服务商填写",
    };

    /// <summary>关闭 and 重新打开 a 需整改 comment: the supervisors, the think tank and the city.</summary>
    public static string? Close(Actor a) =>
        a.Role is Role.ThinkTank or Role.CityBureau ? null : "只有第三方智库或市级工信主管部门可以关闭或重新打开整改意见";

    public static string? Rate(Actor a) => a.Role == Role.ThinkTank ? null : "评价只能由第三方智库填写";

    /// <summary>Whether the actor reads the ratings of a provider or an enterprise that it reaches (the caller checks the reach).</summary>
    public static bool ReadsRatings(Actor a, RatedKind kind, Guid subjectId) => a.Role switch
    {
        Role.CityBureau or Role.DistrictBureau or Role.ThinkTank => true,
        Role.ServiceProvider => kind == RatedKind.Provider && a.OrganisationId == subjectId,
        Role.Enterprise => kind == RatedKind.Enterprise && a.EnterpriseId == subjectId,
        _ => false,
    };
}
