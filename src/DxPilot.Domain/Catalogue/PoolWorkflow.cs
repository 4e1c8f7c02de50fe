using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Catalogue;

public enum PoolTrigger
{
    /// <summary>入池: the city admits an application.</summary>
    Admit = 1,
    /// <summary>不予入池, with the reason.</summary>
    Refuse = 2,
    /// <summary>暂停, with the reason: its products are hidden.</summary>
    Suspend = 3,
    /// <summary>恢复, with the reason.</summary>
    Reinstate = 4,
    /// <summary>移出资源池, with the reason.</summary>
    Remove = 5,
    /// <summary>重新申请: after a refusal or removal.</summary>
    Reapply = 6,
}

/// <summary>服务商资源池: the platform's own chain (no programme changes it), in the form a call file writes. Every move of the city
/// but admission needs its reason, which the provider reads.</summary>
public static class PoolWorkflow
{
    public static readonly WorkflowProcess<PoolStatus, PoolTrigger, PoolMember> Process =
        new("服务商资源池", nameof(PoolMember), Guard<PoolMember>.ReasonRequired);

    public static readonly WorkflowChain Declaration = new()
    {
        States =
        [
            new("applied", "待审核"),
            new("admitted", "已入池"),
            new("suspended", "已暂停"),
            new("removed", "已移出"),
            new("refused", "未通过"),
        ],
        Transitions =
        [
            new("admit", ["applied"], "admitted", ["cityBureau"], "同意入池"),
            new("refuse", ["applied"], "refused", ["cityBureau"], "不予入池", ["reasonRequired"]),
            new("suspend", ["admitted"], "suspended", ["cityBureau"], "暂停", ["reasonRequired"]),
            new("reinstate", ["suspended"], "admitted", ["cityBureau"], "恢复", ["reasonRequired"]),
            new("remove", ["admitted", "suspended"], "removed", ["cityBureau"], "移出资源池", ["reasonRequired"]),
            new("reapply", ["refused", "removed"], "applied", ["serviceProvider"], "重新申请"),
        ],
    };

    public static readonly Workflow<PoolStatus, PoolTrigger, PoolMember> Chain = Process.Compile(Declaration);
}
