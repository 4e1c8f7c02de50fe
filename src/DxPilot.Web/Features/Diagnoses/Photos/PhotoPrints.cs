using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses.Photos;

/// <summary>
/// The reuse index of stored site-visit photos. It spans the whole platform, every programme: a picture used in one city's
/// pilot and again in another's is still a reused picture, and providers work in several cities.
/// </summary>
public sealed class PhotoPrints(DxPilotDbContext db)
{
    /// <summary>
    /// Stored photos that are the same picture as this one (equal SHA-256, or perceptual hashes within
    /// <see cref="PerceptualHash.SamePictureDistance"/> bits), outside <paramref name="excludingVisit"/>. The database finds
    /// the candidates through the band indexes (each band's value and its one-bit neighbours); the exact distance is then
    /// counted here.
    /// </summary>
    public async Task<IReadOnlyList<PhotoReuse>> FindReuseAsync(ulong hash, string sha256, Guid? excludingVisit, CancellationToken ct)
    {
        var (b0, b1, b2, b3) = (PerceptualHash.BandNeighbours(hash, 0), PerceptualHash.BandNeighbours(hash, 1),
            PerceptualHash.BandNeighbours(hash, 2), PerceptualHash.BandNeighbours(hash, 3));
        var query = db.PhotoPrints.AsNoTracking()
            .Where(p => p.Sha256 == sha256 || b0.Contains(p.Band0) || b1.Contains(p.Band1) || b2.Contains(p.Band2) || b3.Contains(p.Band3));
        if (excludingVisit is { } visit) query = query.Where(p => p.VisitId != visit);
        var candidates = await query.Select(p => new { p.EnterpriseId, p.VisitId, p.VisitOn, p.PhotoId, p.Sha256, p.Hash }).ToListAsync(ct);

        var hits = candidates
            .Select(c => (c, Distance: PerceptualHash.Distance(unchecked((ulong)c.Hash), hash), Identical: c.Sha256 == sha256))
            .Where(h => h.Identical || h.Distance <= PerceptualHash.SamePictureDistance)
            .ToList();
        if (hits.Count == 0) return [];
        var enterpriseIds = hits.Select(h => h.c.EnterpriseId).Distinct().ToList();
        var names = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id)).Select(e => new { e.Id, e.Name })
            .ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return hits
            .Select(h => new PhotoReuse(h.c.EnterpriseId, names.GetValueOrDefault(h.c.EnterpriseId, "另一家企业"), h.c.VisitId, h.c.VisitOn,
                h.c.PhotoId, h.Identical ? 0 : h.Distance, h.Identical))
            .OrderBy(r => r.Distance).ThenBy(r => r.VisitOn)
            .ToList();
    }

    /// <summary>Adds the photo's fingerprint to the context without saving: it is saved with the photo record, in the same
    /// transaction, so an upload that fails leaves no fingerprint behind.</summary>
    public void Add(PhotoPrint print) => db.PhotoPrints.Add(print);

    /// <summary>Marks the fingerprints of photos that go for deletion, without saving: they go in the same save as the photo
    /// records, so a removed photo can be uploaded again (to the right visit) without being taken for a reused one.</summary>
    public async Task RemoveAsync(IReadOnlyCollection<Guid> photoIds, CancellationToken ct)
    {
        if (photoIds.Count == 0) return;
        db.PhotoPrints.RemoveRange(await db.PhotoPrints.Where(p => photoIds.Contains(p.PhotoId)).ToListAsync(ct));
    }
}
