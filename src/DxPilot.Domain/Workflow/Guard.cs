using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Workflow;

/// <summary>What a guard sees: the aggregate (with whatever the process needs beside it), who acts, the reason they gave,
/// and the transition's label for its message.</summary>
public sealed record GuardContext<TSubject>(TSubject Subject, Actor Actor, string? Reason, string Action);

/// <summary>A named condition on a transition: null when it holds, otherwise the reason in Chinese.</summary>
public sealed record Guard<TSubject>(string Name, Func<GuardContext<TSubject>, string?> Check)
{
    /// <summary>Returning, refusing, failing: the person must say why, and the applicant reads it.</summary>
    public static Guard<TSubject> ReasonRequired { get; } =
        new("reasonRequired", c => string.IsNullOrWhiteSpace(c.Reason) ? $"{c.Action}须填写理由" : null);
}
