using DxPilot.Domain.Programmes;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Projects;

/// <summary>What the project's steps look at besides the project itself: its invoices and scans, its contracts' total and
/// the conflicts of its acceptance group, as the service reads them.</summary>
public sealed record ProjectFacts(IReadOnlyList<ProjectInvoice> Invoices, IReadOnlyList<ProjectFile> Files, decimal ContractTotalYuan,
    IReadOnlyList<string> GroupConflicts);

/// <summary>Everything missing for each step of a project, each as its reason (the guards refuse with them, pages list them).</summary>
public static class ProjectChecks
{
    public static ProjectReadiness Readiness(Project p, ProjectRules rules, MoneyRules money, ProjectFacts facts, DateOnly today) => new(
        Completion(p, facts).ToList(), Evaluation(p).ToList(), Acceptance(p, rules, facts).ToList(), Rectification(p, rules).ToList(),
        Recheck(p).ToList(), Audit(facts).ToList(), Subsidy.Decide(money, FactsOf(p)).Problems, Payment(p).ToList());

    /// <summary>The subsidy's facts as the project holds them (audited: the eligible spend fixed by the audit).</summary>
    public static SubsidyFacts FactsOf(Project p) => new(p.LevelAfter, p.TargetLevel,
        p.AcceptedAt is not null && p.Status is not ProjectStatus.Failed, p.AuditedAt is not null, p.EligibleYuan, p.ExcludedFromCentralFunds);

    /// <summary>A difference between the invoices and the contracts is flagged, never blocking: a contract may be invoiced in parts.</summary>
    public static string? InvoiceWarning(ProjectFacts facts)
    {
        var invoiced = facts.Invoices.Sum(i => i.AmountYuan);
        return facts.Invoices.Count == 0 || invoiced == facts.ContractTotalYuan ? null
            : $"发票合计{ChineseText.Yuan(invoiced)}与合同总额{ChineseText.Yuan(facts.ContractTotalYuan)}不一致，请核实";
    }

    private static IEnumerable<string> Completion(Project p, ProjectFacts facts)
    {
        var deliveries = p.Completion.Deliveries;
        if (deliveries.Count == 0) yield return "请填写交付内容（至少一项）";
        for (var i = 0; i < deliveries.Count; i++)
        {
            var d = deliveries[i];
            if (string.IsNullOrWhiteSpace(d.Item) || string.IsNullOrWhiteSpace(d.Delivered)) yield return $"交付第{i + 1}项缺少名称或交付内容";
            if (!string.IsNullOrWhiteSpace(d.System) && d.GoLiveOn is null) yield return $"交付第{i + 1}项“{d.System}”缺少上线日期";
        }
        if (facts.Invoices.Count == 0) yield return "请上传发票（至少一张）";
    }

    private static IEnumerable<string> Evaluation(Project p)
    {
        if (p.AfterAssessmentId is null) yield return "请选择本机构填写的改造后评测";
        var unchecked_ = p.Completion.Deliveries.Select((d, i) => (d, i)).Where(x => !string.IsNullOrWhiteSpace(x.d.System) && x.d.Verified is null).ToList();
        foreach (var (d, i) in unchecked_) yield return $"请核查交付第{i + 1}项“{d.System}”的上线运行情况";
        if (string.IsNullOrWhiteSpace(p.EvaluationConclusion)) yield return "请填写评测结论";
    }

    private static IEnumerable<string> Acceptance(Project p, ProjectRules rules, ProjectFacts facts)
    {
        var a = p.Acceptance;
        if (a.Members.Count < rules.ExpertGroupMinimum) yield return $"专家组至少{rules.ExpertGroupMinimum}人（现有{a.Members.Count}人）";
        if (a.Members.Count(m => m.Leader) != 1) yield return "专家组须有且只有一名负责人（组长）";
        foreach (var m in a.Members.Where(m => !m.Signed)) yield return $"专家“{m.Name}”尚未签字";
        foreach (var c in facts.GroupConflicts) yield return c;
        if (string.IsNullOrWhiteSpace(a.DocumentReview)) yield return "请填写书面材料审核情况";
        if (a.SiteCheckOn is null || string.IsNullOrWhiteSpace(a.SiteCheck)) yield return "请填写现场核查日期和情况";
        if (string.IsNullOrWhiteSpace(a.Opinion)) yield return "请填写审核意见";
    }

    private static IEnumerable<string> Rectification(Project p, ProjectRules rules)
    {
        var a = p.Acceptance;
        if (a.Rectifications.Count == 0) yield return "整改后通过须列明整改要求（至少一项）";
        if (a.RectifyBy is not { } by) yield return "请填写整改期限";
        else if (a.SiteCheckOn is { } from && (by < from || by.DayNumber - from.DayNumber > rules.RectificationMaxDays))
            yield return $"整改期限应在现场核查后{rules.RectificationMaxDays}天以内";
    }

    private static IEnumerable<string> Recheck(Project p)
    {
        var a = p.Acceptance;
        foreach (var (item, i) in a.Rectifications.Select((r, i) => (r, i)).Where(x => !x.r.Done)) yield return $"整改第{i + 1}项尚未完成：{item.Item}";
        if (a.RecheckedOn is null || string.IsNullOrWhiteSpace(a.Recheck)) yield return "请填写复查日期和复查情况";
    }

    private static IEnumerable<string> Audit(ProjectFacts facts)
    {
        if (!facts.Files.Any(f => f.Kind == ProjectFileKind.AuditReport)) yield return "请上传专项审计报告";
        foreach (var i in facts.Invoices.Where(i => !i.Classified)) yield return $"发票{i.Number}尚未认定支出类别";
    }

    private static IEnumerable<string> Payment(Project p)
    {
        if (p.OutstandingWan is { } left && left > 0) yield return $"尚有{ChineseText.Wan(left)}万元未拨付";
    }
}
