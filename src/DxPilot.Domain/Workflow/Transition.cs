namespace DxPilot.Domain.Workflow;

/// <summary>One compiled transition of a <see cref="Workflow{TState,TTrigger,TSubject}"/>.</summary>
public sealed record Transition<TState, TTrigger, TSubject>(
    TTrigger Trigger, IReadOnlySet<TState> From, TState To, IReadOnlySet<Participant> Who, string Label, IReadOnlyList<Guard<TSubject>> Guards)
    where TState : struct, Enum where TTrigger : struct, Enum
{
    public string TriggerName => WorkflowNames.Of(Trigger);
}

/// <summary>Why a transition was not taken; the HTTP status follows from the kind.</summary>
public enum RefusalKind
{
    /// <summary>The chain has no such transition (400).</summary>
    Undeclared,
    /// <summary>The actor's role may not take it (403).</summary>
    NotAllowed,
    /// <summary>Not from the current state (409).</summary>
    WrongState,
    /// <summary>A guard failed (400).</summary>
    GuardFailed,
}

public sealed record Refusal(RefusalKind Kind, string Message);

/// <summary>What <see cref="Workflow{TState,TTrigger,TSubject}.Take"/> answers: the refusal, or the new state and its record.</summary>
public sealed record TransitionResult<TState>(Refusal? Refusal, TState To, StateTransition? Record) where TState : struct
{
    public bool Taken => Refusal is null;

    /// <summary>For transitions only the system takes: a refusal there is a defect, not a user's mistake.</summary>
    public StateTransition OrThrow() => Record ?? throw new InvalidOperationException(Refusal!.Message);
}
