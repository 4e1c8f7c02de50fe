using DxPilot.Bench.Photos;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Infrastructure.Photos;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Diagnoses.Photos;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// The reuse index on each database: a stored photo is found again by its SHA-256 or by a perceptual hash within 7 bits
/// (however the differing bits fall across the four bands), not at 8 bits, not within the visit being checked, and across
/// programmes; adding a fingerprint does not save it.
/// </summary>
public abstract class PhotoPrintsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, string Name)> AnEnterpriseAsync()
    {
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var e = await db.Enterprises.OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).FirstAsync(Ct);
        return (e.Id, e.Name);
    }

    private async Task<IReadOnlyList<PhotoReuse>> FindAsync(ulong hash, string sha, Guid? excludingVisit = null)
    {
        await using var scope = app.DataScope();
        return await new PhotoPrints(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>()).FindReuseAsync(hash, sha, excludingVisit, Ct);
    }

    private async Task StoreAsync(PhotoPrint print)
    {
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        new PhotoPrints(db).Add(print);
        await db.SaveChangesAsync(Ct);
    }

    private static string Sha() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [Fact]
    public async Task A_stored_photo_is_found_by_its_hash_within_seven_bits_wherever_they_fall()
    {
        var (enterprise, name) = await AnEnterpriseAsync();
        const ulong stored = 0x1234_5678_9ABC_DEF0;
        var (visit, photo) = (Guid.NewGuid(), Guid.NewGuid());
        await StoreAsync(new PhotoPrint("changchun-2025", enterprise, visit, new DateOnly(2026, 3, 9), photo, Sha(), stored));

        // 7 bits: 2 + 2 + 2 + 1 across the bands, so only one band is within one bit; and 7 bits all in one band.
        foreach (var flipped in new[] { 0x0003_0003_0003_0001UL, 0x0000_0000_0000_007FUL, 0x8000_0000_0000_0000UL })
        {
            var hit = Assert.Single(await FindAsync(stored ^ flipped, Sha()));
            Assert.Equal(new PhotoReuse(enterprise, name, visit, new DateOnly(2026, 3, 9), photo, System.Numerics.BitOperations.PopCount(flipped), false), hit);
        }
        // 8 bits, two in every band: a different picture.
        Assert.Empty(await FindAsync(stored ^ 0x0003_0003_0003_0003UL, Sha()));
    }

    [Fact]
    public async Task A_byte_identical_file_is_found_by_its_sha256_whatever_its_hash()
    {
        var (enterprise, _) = await AnEnterpriseAsync();
        var sha = Sha();
        await StoreAsync(new PhotoPrint("changchun-2025", enterprise, Guid.NewGuid(), new DateOnly(2026, 3, 9), Guid.NewGuid(), sha, 0xAAAA_AAAA_AAAA_AAAA));
        var hit = Assert.Single(await FindAsync(0x5555_5555_5555_5555, sha));
        Assert.True(hit.Identical);
        Assert.Equal(0, hit.Distance);
    }

    [Fact]
    public async Task Photos_of_the_visit_being_checked_are_not_reuse()
    {
        var (enterprise, _) = await AnEnterpriseAsync();
        var visit = Guid.NewGuid();
        const ulong hash = 0x0F0F_1234_0F0F_4321;
        await StoreAsync(new PhotoPrint("changchun-2025", enterprise, visit, new DateOnly(2026, 3, 10), Guid.NewGuid(), Sha(), hash));
        Assert.Empty(await FindAsync(hash, Sha(), excludingVisit: visit));
        Assert.Single(await FindAsync(hash, Sha(), excludingVisit: Guid.NewGuid()));
    }

    [Fact]
    public async Task A_photo_used_in_another_programme_is_still_reuse()
    {
        var (enterprise, _) = await AnEnterpriseAsync();
        const ulong hash = 0x7777_1111_2222_3333;
        await StoreAsync(new PhotoPrint("hangzhou-2024", enterprise, Guid.NewGuid(), new DateOnly(2025, 11, 2), Guid.NewGuid(), Sha(), hash));
        Assert.Equal(new DateOnly(2025, 11, 2), Assert.Single(await FindAsync(hash, Sha())).VisitOn);
    }

    [Fact]
    public async Task The_check_command_finds_a_photo_already_stored_for_another_enterprise_on_the_configured_database()
    {
        var (enterprise, name) = await AnEnterpriseAsync();
        var original = TestPhotos.Photo(21, new TestPhotos.Exif(new DateTime(2026, 3, 10, 10, 0, 0), "+08:00", 43.8171, 125.3235));
        var facts = PhotoReader.Read(original, PhotoRules.Default).Facts;
        await StoreAsync(new PhotoPrint("changchun-2025", enterprise, Guid.NewGuid(), new DateOnly(2026, 3, 9), Guid.NewGuid(), facts.Sha256, facts.Hash!.Value));
        var folder = Directory.CreateTempSubdirectory("dxpilot-photos-db-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "1.jpg"), original, Ct);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "2.jpg"), TestPhotos.Photo(22, new TestPhotos.Exif(new DateTime(2026, 3, 10, 10, 0, 0), "+08:00", 43.8171, 125.3235)), Ct);
            var database = app.Services.GetRequiredService<DatabaseOptions>();
            var (output, errors) = (new StringWriter(), new StringWriter());

            var exit = await PhotosCommand.RunAsync(["check", "--start", "2026-03-10T09:00", "--end", "2026-03-10T12:30", folder.FullName,
                $"--Database:Provider={database.Provider}", $"--ConnectionStrings:DxPilot={database.ConnectionString}"], output, errors, Ct);

            Assert.Equal(2, exit);
            Assert.Equal("", errors.ToString());
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
            var problem = Assert.Single(lines[0].GetProperty("problems").EnumerateArray());
            Assert.Equal("duplicate", problem.GetProperty("code").GetString());
            Assert.Equal($"与2026年3月9日{name}现场诊断的照片相同；不能使用其他诊断的照片", problem.GetProperty("message").GetString());
            Assert.True(lines[1].GetProperty("ok").GetBoolean());
        }
        finally { folder.Delete(recursive: true); }
    }

    [Fact]
    public async Task Adding_a_fingerprint_leaves_saving_to_the_caller()
    {
        var (enterprise, _) = await AnEnterpriseAsync();
        const ulong hash = 0x4242_4242_1357_9BDF;
        await using (var scope = app.DataScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            new PhotoPrints(db).Add(new PhotoPrint("changchun-2025", enterprise, Guid.NewGuid(), new DateOnly(2026, 3, 10), Guid.NewGuid(), Sha(), hash));
            Assert.Equal(EntityState.Added, Assert.Single(db.ChangeTracker.Entries<PhotoPrint>()).State);
        }
        Assert.Empty(await FindAsync(hash, Sha()));
    }
}

public sealed class PhotoPrintsTestsOnSqlite(SqliteApp app) : PhotoPrintsTests<SqliteApp>(app);

public sealed class PhotoPrintsTestsOnPostgres(PostgresApp app) : PhotoPrintsTests<PostgresApp>(app);
