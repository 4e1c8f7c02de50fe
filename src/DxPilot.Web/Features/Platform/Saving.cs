using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// The one save path of every use case: the version the user read is the one overwritten or nothing is (optimistic
/// concurrency); a unique index lost to a concurrent writer is answered, not thrown; and a stale save is told who
/// changed the record meanwhile, from the audit trail.
/// </summary>
public sealed class Saving(DxPilotDbContext db, ShownTime time)
{
    /// <summary>The save will fail unless the stored record is still at <paramref name="version"/>.</summary>
    public void Expect<T>(T record, int version) where T : class =>
        db.Entry(record).Property("Version").OriginalValue = version;

    public async Task<Outcome<T>> SaveAsync<T>(IAudited record, string what, Func<T> value, CancellationToken ct,
        Func<Task<Outcome<T>>>? onDuplicate = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Ok(value());
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Conflict(await StaleMessageAsync(record.AuditKey, what, ct));
        }
        catch (DbUpdateException ex) when (onDuplicate is not null && IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return await onDuplicate();
        }
    }

    /// <summary>"保存失败：{what}在您打开之后已被{who}修改…", naming the last writer the audit trail knows.</summary>
    public async Task<string> StaleMessageAsync(AuditKey key, string what, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == key.EntityType && a.EntityId == key.EntityId)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.ActorName, a.At }).FirstOrDefaultAsync(ct);
        var who = last is null ? "他人" : $"{last.ActorName}（{time.Of(last.At)}）";
        return $"保存失败：{what}在您打开之后已被{who}修改。为避免覆盖他人的修改，请刷新页面查看最新内容后再修改。";
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555).
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
