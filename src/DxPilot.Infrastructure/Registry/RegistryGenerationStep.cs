using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Registry;

/// <summary>Moves the <see cref="RegistryGeneration"/> on in every save that adds, changes or removes an enterprise file or an
/// assignment, in the save's transaction: a list read after the commit sees the new number, so no copy serves a list from before
/// the change. Writes around the tracker must not touch either table (a test looks for them).</summary>
public sealed class RegistryGenerationStep : InSaveTransaction
{
    protected override async Task BeforeSaveAsync(DxPilotDbContext db, CancellationToken ct)
    {
        if (!Changes<Enterprise>(db) && !Changes<Assignment>(db)) return;
        await InTransactionAsync(db, ct);
        await RegistryGeneration.BumpAsync(db, ct);
    }

    private static bool Changes<T>(DxPilotDbContext db) where T : class =>
        db.ChangeTracker.Entries<T>().Any(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
}
