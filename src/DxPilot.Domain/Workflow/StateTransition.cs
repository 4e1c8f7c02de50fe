namespace DxPilot.Domain.Workflow;

/// <summary>
/// 状态变更记录: one transition taken, append-only. Written by the aggregate's workflow in the same save as the state change;
/// the audit interceptor chains it into the audit trail. States and trigger are stored by name (<see cref="WorkflowNames"/>).
/// </summary>
public sealed class StateTransition
{
    public Guid Id { get; private set; }
    public string ProgrammeId { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string Trigger { get; private set; } = "";
    public string FromState { get; private set; } = "";
    public string ToState { get; private set; } = "";
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Reason { get; private set; }

    private StateTransition() { }

    internal static StateTransition Record(string programmeId, string entityType, string entityId, string trigger, string from, string to,
        string actorId, string actorName, DateTime at, string? reason) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = programmeId, EntityType = entityType, EntityId = entityId, Trigger = trigger,
        FromState = from, ToState = to, ActorId = actorId, ActorName = actorName, At = at,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
    };
}
