namespace DxPilot.Web.Features.Accounts;

/// <summary>Sign-in rules a deployment may tighten (DxPilot:* in configuration).</summary>
public sealed record AccountSettings(int IdleTimeoutMinutes, int LockoutAttempts, int LockoutMinutes)
{
    public static AccountSettings From(IConfiguration c) => new(
        c.GetValue("DxPilot:IdleTimeoutMinutes", 30),
        c.GetValue("DxPilot:LockoutAttempts", 5),
        c.GetValue("DxPilot:LockoutMinutes", 15));
}
