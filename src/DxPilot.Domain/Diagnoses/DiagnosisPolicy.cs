using System.Linq.Expressions;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Diagnoses;

/// <summary>
/// Who may do what to a diagnosis, in one place: the service enforces it, pages and endpoints ask it. Reading follows the
/// enterprise file's scope (a provider only its own diagnoses); each rule answers null when allowed, otherwise the reason.
/// </summary>
public static class DiagnosisPolicy
{
    /// <summary>A provider opens a diagnosis of an enterprise assigned to it.</summary>
    public static string? Open(Actor a, bool assignedToActor) =>
        a.Role == Role.ServiceProvider && a.OrganisationId is not null && assignedToActor ? null : "只有分配给该企业的服务商可以开展咨询诊断";

    /// <summary>The list of diagnoses is for bureaus, the think tank, experts and providers (the enterprise sees its own on its file).</summary>
    public static bool ReadsList(Actor a) => a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank or Role.Expert or Role.ServiceProvider;

    /// <summary>The progress overview (counts per district and provider) is for bureaus and the think tank.</summary>
    public static bool ReadsOverview(Actor a) => a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank;

    public const string NotAwaitingAcceptance = "只有待验收的诊断可以指定验收专家";

    /// <summary>Experts hold no enterprise files: an expert reads (and so accepts or returns) only the diagnoses the city bureau
    /// named it on, once submitted; the city bureau reads all of the programme's.</summary>
    public static Expression<Func<Diagnosis, bool>> ExpertReads(Actor a)
    {
        var needle = NamedAccounts.Needle(a.UserId);
        return d => d.Round > 0 && d.ExpertAccounts.Contains(needle);
    }

    /// <summary>The city bureau names the experts that accept a diagnosis waiting for acceptance: another role is not allowed
    /// to (403), the bureau is refused while the diagnosis is not waiting (409).</summary>
    public static Refusal? NameExperts(Actor a, Diagnosis d) =>
        a.Role != Role.CityBureau ? new Refusal(RefusalKind.NotAllowed, "只有市级主管部门可以指定验收专家")
        : d.Status != DiagnosisStatus.Submitted ? new Refusal(RefusalKind.WrongState, NotAwaitingAcceptance)
        : null;

    /// <summary>Only the diagnosing provider edits, and only while the diagnosis is with it.</summary>
    public static string? Edit(Actor a, Diagnosis d) =>
        a.Role != Role.ServiceProvider || a.OrganisationId != d.ProviderId ? "只有承担诊断的服务商可以修改"
        : d.IsEditable ? null
        : "诊断已提交验收，不能再修改";

    /// <summary>Only the enterprise rates its diagnosis, once, after the provider has submitted it.</summary>
    public static string? Rate(Actor a, Diagnosis d, bool alreadyRated) =>
        a.Role != Role.Enterprise || a.EnterpriseId != d.EnterpriseId ? "满意度评价表只能由被诊断的企业填写"
        : alreadyRated ? "满意度评价已提交，不能修改"
        : d.Round == 0 ? "服务商提交验收后才能填写满意度评价"
        : null;
}
