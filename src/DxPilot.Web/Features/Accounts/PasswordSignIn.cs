using System.Net;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;

namespace DxPilot.Web.Features.Accounts;

/// <summary>
/// The one check of a typed user name and password, for the sign-in page and the token endpoint. Every failure looks
/// the same from outside: an unknown name, a wrong password, a locked or a disabled account each cost one password hash
/// and get the same message and status, so neither the answer nor its time says whether an account exists.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, AuditLog audit,
    SignInThrottle throttle)
{
    public const string Failed = "用户名或密码错误，或账户已被临时锁定";

    // Hashed once per process; verifying against it costs what verifying a real account's password costs.
    private static string? _decoy;

    /// <summary>The account when the password is right and the account may sign in; otherwise why not: <see cref="Failed"/>, or an
    /// address that has failed too often (<see cref="SignInThrottle"/>), refused before any password is looked at.</summary>
    public async Task<SignInCheck> CheckAsync(string typedName, string password, string channel, IPAddress? from)
    {
        var client = SignInThrottle.ClientOf(from);
        if (await throttle.RefusedUntilAsync(client) is { } until) return new SignInCheck(null, until);
        var detail = client is null ? channel : $"{channel}，{client}";
        var user = await users.FindByNameAsync(typedName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Identity answers these without hashing; the hash is done anyway so that they take as long as a wrong password.
            _decoy ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(user ?? new AppUser(), _decoy, password);
            await audit.RecordAsync(typedName, user, user is null ? null : SignInResult.LockedOut, detail);
            await throttle.RecordFailureAsync(client);
            return new SignInCheck(null, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        await audit.RecordAsync(typedName, user, result, detail);
        if (result.Succeeded) return new SignInCheck(user, null);
        await throttle.RecordFailureAsync(client);
        return new SignInCheck(null, null);
    }

    /// <summary>An account signed in with a password a bureau issued; it must choose its own before anything else.</summary>
    public async Task<bool> MustChangePasswordAsync(AppUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == AppUser.MustChangePasswordClaim);
}

/// <summary>A sign-in check: the account, or null with <see cref="Message"/>; <see cref="ThrottledUntil"/> when the address must wait.</summary>
public sealed record SignInCheck(AppUser? User, DateTime? ThrottledUntil)
{
    public string Message => ThrottledUntil is { } until ? SignInThrottle.Refusal(until) : PasswordSignIn.Failed;
}
