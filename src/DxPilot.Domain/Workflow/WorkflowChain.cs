namespace DxPilot.Domain.Workflow;

/// <summary>
/// A process's chain as data, in the form a call or programme file writes it under "workflow": a label for every state
/// (and, where the applicant should read something else, its label), and the transitions. Names are the process's own
/// vocabulary (<see cref="WorkflowProcess{TState,TTrigger,TSubject}"/>); guards are named, their code lives with the process.
/// </summary>
public sealed class WorkflowChain
{
    /// <summary>The participant that reads the applicant-facing labels (the enterprise of an application).</summary>
    public string? Applicant { get; init; }
    public required IReadOnlyList<WorkflowStateEntry> States { get; init; }
    public required IReadOnlyList<WorkflowTransitionEntry> Transitions { get; init; }
}

/// <summary>One state: the bureau's label and, when it differs, the applicant's (审核中 where the bureau reads 待复核).</summary>
public sealed record WorkflowStateEntry(string State, string Label, string? ApplicantLabel = null);

/// <summary>One transition: a named trigger from any of <paramref name="From"/> to <paramref name="To"/>, the participants who may
/// take it, its label as a verb ("退回修改", used on buttons and in refusals), and the guards that must all pass.</summary>
public sealed record WorkflowTransitionEntry(
    string Trigger, IReadOnlyList<string> From, string To, IReadOnlyList<string> Who, string Label, IReadOnlyList<string>? Guards = null);
