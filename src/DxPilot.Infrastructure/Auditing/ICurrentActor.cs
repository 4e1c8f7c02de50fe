using DxPilot.Domain.Accounts;

namespace DxPilot.Infrastructure.Auditing;

/// <summary>Who is acting in this scope: the signed-in user of a request, or the named system actor a job or command
/// assumed. Read by the audit interceptor; a change to an audited record with no actor is refused.</summary>
public interface ICurrentActor
{
    Actor? Actor { get; }
    /// <summary>"API" for calls through the JSON API; null for the platform's pages.</summary>
    string? Channel { get; }
}
