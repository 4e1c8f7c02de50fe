using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;

namespace DxPilot.Web.Features.Accounts;

/// <summary>Every sign-in attempt, by page or by token, lands in the audit trail under the account it named.</summary>
public static class SignInAudit
{
    public static Task RecordAsync(this AuditLog log, string typedName, AppUser? user, SignInResult? result, string channel)
    {
        if (user is null) return log.RecordUnknownAccountAsync(typedName);
        var action = result switch
        {
            { Succeeded: true } => AuditAction.SignedIn,
            { IsLockedOut: true } => AuditAction.LockedOut,
            _ => AuditAction.SignInFailed,
        };
        return log.RecordAsync(action, user.ProgrammeId, new AuditKey("Account", user.Id), channel, (user.Id, user.DisplayName));
    }
}
