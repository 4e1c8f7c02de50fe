using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Workflow;

/// <summary>
/// Who may take a transition: the holders of one account role, or the platform's own background work. The system is a
/// participant of its own, so a declaration says "system" where a worker acts and no person's role can stand in for it.
/// </summary>
public readonly record struct Participant(Role? Role)
{
    public const string SystemName = "system";

    public static readonly Participant System = new((Role?)null);

    public static Participant Of(Role role) => new(role);

    public bool IsSystem => Role is null;

    public bool Admits(Actor actor) => actor.IsSystem ? IsSystem : Role == actor.Role;

    public string Label => Role?.Label() ?? "系统后台任务";

    /// <summary>The name a declaration file writes: the role in camelCase ("cityBureau") or "system".</summary>
    public string Name => Role is { } r ? WorkflowNames.Of(r) : SystemName;

    public static Participant? Parse(string name)
    {
        if (name == SystemName) return System;
        return WorkflowNames.Parse<Role>(name) is { } role ? Of(role) : null;
    }
}
