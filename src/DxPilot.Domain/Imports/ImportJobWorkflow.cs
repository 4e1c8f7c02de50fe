using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Imports;

public enum ImportTrigger
{
    Start = 1,
    /// <summary>接续: another copy takes over a job whose runner's lease expired (the copy died or lost the database).</summary>
    Resume = 2,
    Complete = 3,
    Fail = 4,
}

/// <summary>
/// The import job's chain, in the same form a call file writes (<see cref="WorkflowChain"/>), declared in code because it is the
/// platform's own and no programme changes it. Only the system worker takes these transitions.
/// </summary>
public static class ImportJobWorkflow
{
    public static readonly WorkflowProcess<ImportStatus, ImportTrigger, ImportJob> Process = new("企业名单导入", nameof(ImportJob));

    public static readonly WorkflowChain Declaration = new()
    {
        States =
        [
            new("queued", "排队中"),
            new("running", "导入中"),
            new("completed", "已完成"),
            new("failed", "未能导入"),
        ],
        Transitions =
        [
            new("start", ["queued"], "running", ["system"], "开始导入"),
            new("resume", ["running"], "running", ["system"], "接续导入"),
            new("complete", ["running"], "completed", ["system"], "完成导入"),
            new("fail", ["queued", "running"], "failed", ["system"], "终止导入"),
        ],
    };

    public static readonly Workflow<ImportStatus, ImportTrigger, ImportJob> Chain = Process.Compile(Declaration);
}
