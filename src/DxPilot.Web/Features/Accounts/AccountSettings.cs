namespace DxPilot.Web.Features.Accounts;

/// <summary>Sign-in rules a deployment may tighten (DxPilot:* in configuration): the idle timeout, the lockout of one account,
/// and the failed sign-ins one network address may make in a window, whatever accounts it names (<see cref="SignInThrottle"/>).</summary>
public sealed record AccountSettings(int IdleTimeoutMinutes, int LockoutAttempts, int LockoutMinutes, int ClientFailureLimit, int ClientFailureMinutes)
{
    public static AccountSettings From(IConfiguration c) => new(
        c.GetValue("DxPilot:IdleTimeoutMinutes", 30),
        c.GetValue("DxPilot:LockoutAttempts", 5),
        c.GetValue("DxPilot:LockoutMinutes", 15),
        c.GetValue("DxPilot:ClientFailureLimit", 30),
        c.GetValue("DxPilot:ClientFailureMinutes", 15));
}
