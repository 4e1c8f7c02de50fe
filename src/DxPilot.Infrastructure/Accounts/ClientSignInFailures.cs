namespace DxPilot.Infrastructure.Accounts;

/// <summary>
/// Failed sign-ins from one network address in its current window, in the database so that every copy of the platform counts
/// the same. The lockout protects one account; this protects the accounts from an address that tries a password on each of
/// them in turn, which never locks any one. Operational, not audited: the attempts themselves are in the trail.
/// </summary>
public sealed class ClientSignInFailures
{
    /// <summary>The address as <c>SignInThrottle.ClientOf</c> names it: an IPv4 address, or an IPv6 /64 (one subscriber's).</summary>
    public required string Client { get; init; }
    /// <summary>When the window began, in UTC ticks: compared by number in the one statement that counts, on either database.</summary>
    public long WindowStartTicks { get; set; }
    public int Failures { get; set; }
}
