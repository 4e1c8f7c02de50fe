using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Infrastructure.Auditing;

/// <summary>Events that change no record but belong in the trail: sign-ins, failed sign-ins, lockouts, downloads,
/// exports. Chained like every other entry; the actor is the scope's unless the event names who (a sign-in attempt,
/// before any cookie exists).</summary>
public sealed class AuditLog(DxPilotDbContext db)
{
    public async Task RecordAsync(AuditAction action, string programmeId, AuditKey subject, string? detail = null,
        (string Id, string Name)? by = null, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            ProgrammeId = programmeId,
            EntityType = subject.EntityType,
            EntityId = subject.EntityId,
            Action = action,
            ActorId = by?.Id ?? "",
            ActorName = by?.Name ?? "",
            Source = detail is { Length: > 400 } ? detail[..400] : detail,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A sign-in attempt under a name no account has: recorded under that name, with no programme.</summary>
    public Task RecordUnknownAccountAsync(string userName, CancellationToken ct = default)
    {
        var name = userName.Length > 64 ? userName[..64] : userName;
        return RecordAsync(AuditAction.SignInFailed, "", new AuditKey("Account", name), "无此账号", ("anonymous", $"未登录（{name}）"), ct);
    }
}
