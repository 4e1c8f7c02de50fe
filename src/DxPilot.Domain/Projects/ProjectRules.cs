using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Projects;

/// <summary>
/// A programme's rules after filing as its file declares them under "project" (seed 002 三（二）4-7 and 附件5; Hangzhou seed 003 四):
/// the acceptance group's size, the longest rectification it may grant, and the chain from 改造实施中 to 已拨付.
/// </summary>
public sealed class ProjectRules
{
    public required string Source { get; init; }
    /// <summary>专家组: members needed for an acceptance opinion (负责人 plus 组员).</summary>
    public int ExpertGroupMinimum { get; init; } = 3;
    /// <summary>The longest rectification period the agency may set, in days from its opinion.</summary>
    public int RectificationMaxDays { get; init; } = 90;
    /// <summary>The 验收意见's annex label in the programme's notice ("附件5" in Changchun's seed 002); null where the notice has
    /// no such annex (Hangzhou's 附件5 is the 备案汇总表), and the form prints none.</summary>
    public string? AcceptanceOpinionAnnex { get; init; }
    public required WorkflowChain Workflow { get; init; }

    private Workflow<ProjectStatus, ProjectTrigger, ProjectCase>? _chain;

    public Workflow<ProjectStatus, ProjectTrigger, ProjectCase> Chain => _chain ??= ProjectWorkflow.Process.Compile(Workflow);

    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Source)) yield return ("source", "不能为空");
        if (ExpertGroupMinimum < 1) yield return ("expertGroupMinimum", "应为正整数");
        if (RectificationMaxDays < 1) yield return ("rectificationMaxDays", "应为正整数");
        foreach (var (path, reason) in ProjectWorkflow.Process.Problems(Workflow)) yield return ($"workflow.{path}", reason);
    }
}
