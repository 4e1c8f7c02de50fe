using DxPilot.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>
/// An enterprise file's district is kept on its diagnoses and assignments (migration 0039), so that the diagnosis overview
/// and lists select and count a district without joining the 100,000 files (docs/measurements-diagnosis.md). Before every
/// save, the files whose district changed in it (a bureau's registry edit, an import row) take their diagnoses and
/// assignments along in the same save, so the copies are never out of step. The district is written nowhere else: a bulk
/// update of Enterprises.District outside the change tracker would have to update both copies too.
/// </summary>
internal static class DistrictCopies
{
    public static async Task FollowAsync(DxPilotDbContext db, CancellationToken ct)
    {
        if (Moved(db) is not { } moved) return;
        var ids = moved.Keys.ToList();
        foreach (var d in await db.Diagnoses.Where(d => ids.Contains(d.EnterpriseId)).ToListAsync(ct)) Copy(db.Entry(d), moved[d.EnterpriseId]);
        foreach (var a in await db.Assignments.Where(a => ids.Contains(a.EnterpriseId)).ToListAsync(ct)) Copy(db.Entry(a), moved[a.EnterpriseId]);
    }

    public static void Follow(DxPilotDbContext db)
    {
        if (Moved(db) is not { } moved) return;
        var ids = moved.Keys.ToList();
        foreach (var d in db.Diagnoses.Where(d => ids.Contains(d.EnterpriseId)).ToList()) Copy(db.Entry(d), moved[d.EnterpriseId]);
        foreach (var a in db.Assignments.Where(a => ids.Contains(a.EnterpriseId)).ToList()) Copy(db.Entry(a), moved[a.EnterpriseId]);
    }

    /// <summary>Files saved with another district than they were read with; null when none.</summary>
    private static Dictionary<Guid, string>? Moved(DxPilotDbContext db)
    {
        var moved = db.ChangeTracker.Entries<Enterprise>()
            .Where(e => e.State == EntityState.Modified && e.Property(x => x.District) is var p && p.OriginalValue != p.CurrentValue)
            .ToDictionary(e => e.Entity.Id, e => e.Entity.District);
        return moved.Count == 0 ? null : moved;
    }

    /// <summary>Through the entry, so that the change is saved even where automatic change detection is off.</summary>
    private static void Copy(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string district)
    {
        var copy = entry.Property("District");
        if ((string?)copy.CurrentValue != district) copy.CurrentValue = district;
    }
}
