using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Awards;

/// <summary>Who may do what with award applications; the service's scope query decides who reads which.</summary>
public static class AwardPolicy
{
    /// <summary>Only an enterprise applies, for itself.</summary>
    public static string? Apply(Actor a) => a.Role == Role.Enterprise && a.EnterpriseId is not null ? null : "只有企业可以申报";

    public static string? Edit(Actor a, AwardApplication app) =>
        a.Role != Role.Enterprise || a.EnterpriseId != app.EnterpriseId ? "只有申报企业可以修改申报书"
        : !app.IsEditable ? "申报已提交，退回修改后才能再修改"
        : null;

    /// <summary>The city opens and closes review batches.</summary>
    public static string? ManageBatches(Actor a) => a.Role == Role.CityBureau ? null : "只有市级主管部门可以开启或截止申报批次";
}
