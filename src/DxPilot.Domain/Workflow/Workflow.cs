using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Workflow;

/// <summary>
/// A process's compiled chain: every state's labels and the transitions between them. Aggregates call <see cref="Take"/>,
/// which refuses (changing nothing) or returns the new state with its <see cref="StateTransition"/>; pages ask
/// <see cref="Open"/> which buttons to show, so no page repeats a rule.
/// </summary>
public sealed class Workflow<TState, TTrigger, TSubject> : IWorkflowLabels where TState : struct, Enum where TTrigger : struct, Enum
{
    private readonly IReadOnlyDictionary<TState, WorkflowStateEntry> _states;

    internal Workflow(string process, string entityType, Participant? applicant, IReadOnlyDictionary<TState, WorkflowStateEntry> states,
        IReadOnlyList<Transition<TState, TTrigger, TSubject>> transitions)
    {
        Process = process;
        EntityType = entityType;
        Applicant = applicant;
        _states = states;
        Transitions = transitions;
    }

    /// <summary>The process as users name it (示范标杆申报).</summary>
    public string Process { get; }
    public string EntityType { get; }
    public Participant? Applicant { get; }
    public IReadOnlyList<Transition<TState, TTrigger, TSubject>> Transitions { get; }

    public IEnumerable<TState> States => _states.Keys;

    /// <summary>The state as this viewer reads it: the applicant its own label, everyone else the bureau's.</summary>
    public string Label(TState state, Actor? viewer = null) =>
        viewer is not null && Applicant is { } a && a.Admits(viewer) ? _states[state].ApplicantLabel ?? _states[state].Label : _states[state].Label;

    /// <summary>The transitions this actor may take from the state (guards not yet asked: a button may still be refused with its reason).</summary>
    public IReadOnlyList<Transition<TState, TTrigger, TSubject>> Open(TState state, Actor actor) =>
        Transitions.Where(t => t.From.Contains(state) && t.Who.Any(p => p.Admits(actor))).ToList();

    /// <summary>The roles that may move the state on, in the order the chain declares them: whom a reader who cannot is waiting for.</summary>
    public IReadOnlyList<Role> Takers(TState state) =>
        Transitions.Where(t => t.From.Contains(state)).SelectMany(t => t.Who).Select(p => p.Role).OfType<Role>().Distinct().ToList();

    /// <summary>Why the actor may not take the trigger now, or the transition it would take.</summary>
    public (Transition<TState, TTrigger, TSubject>? Transition, Refusal? Refusal) Decide(TState state, TTrigger trigger, TSubject subject, Actor actor, string? reason)
    {
        var named = Transitions.Where(t => EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger)).ToList();
        if (named.Count == 0) return (null, new Refusal(RefusalKind.Undeclared, $"{Process}流程中没有这一操作（{WorkflowNames.Of(trigger)}）"));
        var mine = named.Where(t => t.Who.Any(p => p.Admits(actor))).ToList();
        if (mine.Count == 0) return (null, new Refusal(RefusalKind.NotAllowed, $"{Who(actor)}无权{named[0].Label}"));
        var here = mine.FirstOrDefault(t => t.From.Contains(state));
        if (here is null) return (null, new Refusal(RefusalKind.WrongState, $"当前状态为“{Label(state, actor)}”，不能{mine[0].Label}"));
        var context = new GuardContext<TSubject>(subject, actor, reason, here.Label);
        var failing = here.Guards.Select(g => g.Check(context)).OfType<string>().ToList();
        return failing.Count > 0 ? (null, new Refusal(RefusalKind.GuardFailed, string.Join("；", failing))) : (here, null);
    }

    /// <summary>Decides, and when allowed records the transition for the entity; the caller sets the state to <c>To</c>.</summary>
    public TransitionResult<TState> Take(TState state, TTrigger trigger, TSubject subject, Actor actor, string? reason,
        string programmeId, string entityId, DateTime now)
    {
        var (transition, refusal) = Decide(state, trigger, subject, actor, reason);
        if (transition is null) return new TransitionResult<TState>(refusal, state, null);
        var record = StateTransition.Record(programmeId, EntityType, entityId, transition.TriggerName, WorkflowNames.Of(state),
            WorkflowNames.Of(transition.To), actor.UserId, actor.Name, now, reason);
        return new TransitionResult<TState>(null, transition.To, record);
    }

    /// <summary>The label a history shows for a stored state or trigger name.</summary>
    public string StateLabel(string name, Actor? viewer = null) => WorkflowNames.Parse<TState>(name) is { } s ? Label(s, viewer) : name;

    public string TriggerLabel(string name) => Transitions.FirstOrDefault(t => t.TriggerName == name)?.Label ?? name;

    private static string Who(Actor actor) => actor.IsSystem ? Participant.System.Label : actor.Role.Label();
}

/// <summary>What a history shows of any process: its stored state and trigger names as people read them.</summary>
public interface IWorkflowLabels
{
    string StateLabel(string name, Actor? viewer = null);
    string TriggerLabel(string name);
}
