using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Projects;

/// <summary>
/// When a project's two official documents exist (seed 002 三（二）5-6): the 数字化水平评测报告 once the agency recorded its 改造后
/// evaluation, the 验收意见 (附件5) once it recorded the acceptance. Each answers null when the document can be written, otherwise
/// the reason a reader is given; the download and the page's link ask the same rule.
/// </summary>
public static class ProjectReports
{
    public static string? EvaluationReport(Project p) =>
        p.AfterAssessmentId is null ? "评测机构尚未记录改造后评测，数字化水平评测报告暂不能生成" : null;

    public static string? AcceptanceOpinion(Project p) =>
        AcceptanceRecorded(p.Acceptance) ? null : "评测机构尚未记录验收情况，验收意见暂不能生成";

    /// <summary>The agency saved its group or any of its findings: anything the record's audit lines would show.</summary>
    public static bool AcceptanceRecorded(AcceptanceRecord a) => a.AuditFields().Count > 0;

    /// <summary>The agency's verdict a step of the project's history records (pass, rectify, recheck, fail); null for other steps.
    /// The last such step is the verdict the 验收意见 prints.</summary>
    public static AcceptanceVerdict? VerdictOf(string trigger) => WorkflowNames.Parse<ProjectTrigger>(trigger) switch
    {
        ProjectTrigger.Pass => AcceptanceVerdict.Passed,
        ProjectTrigger.Rectify => AcceptanceVerdict.Rectifying,
        ProjectTrigger.Recheck => AcceptanceVerdict.PassedAfterRectification,
        ProjectTrigger.Fail => AcceptanceVerdict.Failed,
        _ => null,
    };

    public static string Label(this AcceptanceVerdict v) => v switch
    {
        AcceptanceVerdict.Passed => "通过验收",
        AcceptanceVerdict.Rectifying => "整改后通过（整改中，待复查）",
        AcceptanceVerdict.PassedAfterRectification => "整改后通过（已复查）",
        _ => "不通过验收",
    };
}

/// <summary>验收结论 (seed 002 三（二）6: 通过, 整改后通过, 不通过).</summary>
public enum AcceptanceVerdict
{
    Passed = 1,
    Rectifying = 2,
    PassedAfterRectification = 3,
    Failed = 4,
}
