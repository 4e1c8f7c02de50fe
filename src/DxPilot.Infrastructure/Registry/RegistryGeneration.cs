using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Registry;

/// <summary>
/// A number that grows with every saved change to an enterprise file or an assignment (what the registry's lists show and
/// whom they show it to), kept by <see cref="RegistryGenerationStep"/> in the change's own transaction. A list computed at a
/// generation stays true until the number moves, so every copy of the platform may keep it that long (RegistryListCache).
/// One row for the whole platform: the audit chain already lets one audited save commit at a time.
/// </summary>
public sealed class RegistryGeneration
{
    public const int Row = 1;

    public int Id { get; private set; }

    public long Generation { get; private set; }

    private RegistryGeneration() { }

    /// <summary>The generation as committed now (0 before the first counted change).</summary>
    public static Task<long> ReadAsync(DxPilotDbContext db, CancellationToken ct) =>
        db.RegistryGeneration.AsNoTracking().Where(g => g.Id == Row).Select(g => g.Generation).FirstOrDefaultAsync(ct);

    /// <summary>Moves the generation on, in the caller's transaction; for writes that go around the change tracker (the bench's
    /// bulk generator, test fixtures).</summary>
    public static Task BumpAsync(DxPilotDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "RegistryGeneration" ("Id", "Generation") VALUES (1, 1)
            ON CONFLICT ("Id") DO UPDATE SET "Generation" = "RegistryGeneration"."Generation" + 1
            """, ct);
}
