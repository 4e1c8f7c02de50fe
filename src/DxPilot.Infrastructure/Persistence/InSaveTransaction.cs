using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>
/// A step of every save that writes in the save's own transaction (the audit trail, the demand counts): before the records are
/// written it does its part and, when it needs the database, joins the caller's transaction or opens one; after they are written
/// it finishes and the transaction it opened commits; a failed or cancelled save rolls it back. Synchronous saves run the same
/// steps. The tracker is already scanned for changes when a step runs (<see cref="DxPilotDbContext"/> scans once per save).
/// The transaction commits in the <c>SavedChanges</c> of the step that opened it: a step whose <see cref="AfterSaveAsync"/> writes
/// (the audit trail) is registered first, so that nothing commits before it has written.
/// </summary>
public abstract class InSaveTransaction : SaveChangesInterceptor
{
    private IDbContextTransaction? _own;

    /// <summary>Before the records are written.</summary>
    protected abstract Task BeforeSaveAsync(DxPilotDbContext db, CancellationToken ct);

    /// <summary>After the records are written, before the commit.</summary>
    protected virtual Task AfterSaveAsync(DxPilotDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The save failed or was cancelled: drop what was prepared for it.</summary>
    protected virtual void Forget() { }

    /// <summary>The step's writes go into the save's transaction: the caller's, or one opened here and committed after the save.</summary>
    protected async Task InTransactionAsync(DxPilotDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) _own = await db.Database.BeginTransactionAsync(ct);
    }

    public sealed override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        if (e.Context is DxPilotDbContext db) await BeforeSaveAsync(db, ct);
        return result;
    }

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        if (e.Context is DxPilotDbContext db) BeforeSaveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public sealed override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        if (e.Context is DxPilotDbContext db) await AfterSaveAsync(db, ct);
        if (_own is { } tx) { _own = null; await tx.CommitAsync(ct); await tx.DisposeAsync(); }
        return result;
    }

    public sealed override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        if (e.Context is DxPilotDbContext db) AfterSaveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        if (_own is { } tx) { _own = null; tx.Commit(); tx.Dispose(); }
        return result;
    }

    public sealed override async Task SaveChangesFailedAsync(DbContextErrorEventData e, CancellationToken ct = default) => await AbandonAsync();
    public sealed override void SaveChangesFailed(DbContextErrorEventData e) => AbandonAsync().GetAwaiter().GetResult();
    public sealed override async Task SaveChangesCanceledAsync(DbContextEventData e, CancellationToken ct = default) => await AbandonAsync();
    public sealed override void SaveChangesCanceled(DbContextEventData e) => AbandonAsync().GetAwaiter().GetResult();

    private async Task AbandonAsync()
    {
        Forget();
        if (_own is not { } tx) return;
        _own = null;
        await tx.RollbackAsync();
        await tx.DisposeAsync();
    }
}
