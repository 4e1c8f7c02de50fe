using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Domain.Files;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Photos;
using DxPilot.Web.Features.Diagnoses.Photos;
using DxPilot.Web.Features.Files;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>A photo read at upload: stored (the picture and its thumbnail) with its facts, or refused with the reason.</summary>
public sealed record PhotoRead(string? Refusal, StoredBlob? Blob, PhotoFacts? Facts, ulong? Hash);

/// <summary>
/// Visit photos against the watermark-camera rule of seed 002 四（一）, through the one photo library (docs/photos.md): at
/// upload each file is read (type, EXIF time and place, perceptual hash), stored with a thumbnail and looked up in the reuse
/// index; on every view the visit's photos are judged from the facts kept on their records, against the visit as it is now.
/// </summary>
public sealed class DiagnosisPhotoChecks(DxPilotDbContext db, IBlobStore blobs, PhotoPrints prints)
{
    public const int MaxPerUpload = 30;
    /// <summary>One upload's request limit: the photos of a visit, together, with room for the form.</summary>
    public const long MaxRequestBytes = 200 * 1024 * 1024;

    /// <summary>The programme's tolerances as the photo library takes them.</summary>
    public static PhotoRules RulesOf(DiagnosisRules rules) =>
        PhotoRules.Default with { Tolerance = TimeSpan.FromMinutes(rules.PhotoToleranceMinutes), FarMetres = rules.PhotoFarKilometres * 1000 };

    /// <summary>Reads one file; a file that is not a readable picture is refused with the library's reason and nothing is stored.
    /// Where the same picture was used before (another visit, another enterprise) is kept on the photo as the message a reader sees.</summary>
    public async Task<PhotoRead> ReadAsync(UploadedFile file, string name, DiagnosisVisit visit, DiagnosisRules rules, TimeZoneInfo zone, CancellationToken ct)
    {
        var photoRules = RulesOf(rules);
        PhotoFile photo;
        await using (var content = file.Open()) photo = await PhotoReader.ReadAsync(content, photoRules, ct);
        var span = Span(visit, zone);
        // The thumbnail decodes the whole picture: a file that fails there is unreadable too (the hash may read the luma alone).
        var small = photo.Facts.IsPicture ? photo.Thumbnail() : null;
        if (small is null)
        {
            var refused = photo.Facts.IsPicture ? photo.Facts with { Kind = PhotoKind.Unreadable } : photo.Facts;
            return new($"“{name}”未上传：{PhotoVerdicts.Judge(span, null, photoRules, zone, [new(name, refused, [])])[0].Problems[0].Message}", null, null, null);
        }
        var stored = await blobs.PutAsync(photo.OpenContent(), ct);
        var thumbnail = await blobs.PutAsync(new MemoryStream(small, writable: false), ct);
        var reuses = photo.Facts.Hash is { } hash ? await prints.FindReuseAsync(hash, photo.Facts.Sha256, visit.Id, ct) : [];
        var reused = reuses.Count == 0 ? null
            : PhotoVerdicts.Judge(span, null, photoRules, zone, [new(name, photo.Facts, reuses)])[0].Problems
                .FirstOrDefault(p => p.Code == PhotoProblemCodes.Duplicate)?.Message;
        var facts = new PhotoFacts(photo.Facts.TakenAt(zone), photo.Facts.Position?.Latitude, photo.Facts.Position?.Longitude,
            photo.Facts.Hash is { } h ? unchecked((long)h) : null, thumbnail.Sha256, thumbnail.Size, reused is null ? null : Shorten(reused));
        return new(null, stored, facts, photo.Facts.Hash);
    }

    /// <summary>The photo's fingerprint in the reuse index, saved with the photo record.</summary>
    public void Index(VisitPhoto photo, Diagnosis diagnosis, DiagnosisVisit visit, ulong hash) =>
        prints.Add(new PhotoPrint(diagnosis.ProgrammeId, diagnosis.EnterpriseId, visit.Id, visit.Date, photo.Id, photo.File.Sha256, hash));

    /// <summary>Takes removed photos out of the reuse index, in the same save as their records.</summary>
    public Task UnindexAsync(IReadOnlyCollection<VisitPhoto> photos, CancellationToken ct) => prints.RemoveAsync([.. photos.Select(p => p.Id)], ct);

    /// <summary>
    /// For the photos judged a reuse when they arrived, the uses of the same picture in other visits that are still stored and
    /// came before them (photo ids are time-ordered, version 7). The earlier use may have been removed since (uploaded to the
    /// wrong visit and taken off it): then this photo is the picture's first use and no longer a reuse. Photos not judged a
    /// reuse at upload cannot become one later: a later copy of their picture is the reuse. One index lookup per such photo,
    /// which are few.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PhotoReuse>>> EarlierUsesAsync(IEnumerable<VisitPhoto> photos, CancellationToken ct)
    {
        var found = new Dictionary<Guid, IReadOnlyList<PhotoReuse>>();
        foreach (var p in photos)
            if (p.ReusedFrom is not null)
                found[p.Id] = [.. (await UsesAsync(p, p.VisitId, ct)).Where(r => r.PhotoId.CompareTo(p.Id) < 0)];
        return found;
    }

    /// <summary>The stored uses of the photo's picture outside <paramref name="excludingVisit"/>; none for a photo without a fingerprint.</summary>
    private async Task<IReadOnlyList<PhotoReuse>> UsesAsync(VisitPhoto p, Guid? excludingVisit, CancellationToken ct) =>
        p.PerceptualHash is { } hash ? await prints.FindReuseAsync(unchecked((ulong)hash), p.File.Sha256, excludingVisit, ct) : [];

    /// <summary>The diagnoses holding a copy judged a reuse of one of the removed photos' pictures (after the removal is saved):
    /// the copy may be the first use now, and the red items their lists filter on are checked again.</summary>
    public async Task<IReadOnlyList<Guid>> DiagnosesWithCopiesAsync(IReadOnlyCollection<VisitPhoto> removed, CancellationToken ct)
    {
        var copies = new HashSet<Guid>();
        foreach (var p in removed) copies.UnionWith((await UsesAsync(p, null, ct)).Select(r => r.PhotoId));
        if (copies.Count == 0) return [];
        return await db.VisitPhotos.AsNoTracking().Where(x => copies.Contains(x.Id) && x.ReusedFrom != null).Select(x => x.DiagnosisId).Distinct().ToListAsync(ct);
    }

    /// <summary>Each photo of one visit with the problems found, judged from the facts on its record against the visit now
    /// (no site is recorded, so places are compared with the visit's other photos) and against the earlier uses of its picture
    /// still stored (<see cref="EarlierUsesAsync"/>).</summary>
    public static IReadOnlyList<JudgedPhoto> Judge(DiagnosisVisit visit, IReadOnlyList<VisitPhoto> photos,
        IReadOnlyDictionary<Guid, IReadOnlyList<PhotoReuse>> earlierUses, DiagnosisRules rules, TimeZoneInfo zone)
    {
        var verdicts = PhotoVerdicts.Judge(Span(visit, zone), null, RulesOf(rules), zone,
            photos.Select(p => new PhotoToJudge(p.File.Name, Facts(p), earlierUses.GetValueOrDefault(p.Id) ?? [])).ToList());
        return photos.Select((p, i) => new JudgedPhoto(p, verdicts[i].Problems)).ToList();
    }

    private static VisitSpan Span(DiagnosisVisit visit, TimeZoneInfo zone)
    {
        var (start, end) = visit.Span(zone);
        // A recorded visit always ends after it starts (DiagnosisInputRules); the guard keeps a hand-edited row from breaking the page.
        return new VisitSpan(start, end > start ? end : start.AddMinutes(1));
    }

    /// <summary>A stored photo's facts as the verdicts read them: its capture instant kept in UTC, its place, its fingerprints.</summary>
    private static PhotoFileFacts Facts(VisitPhoto p) => new()
    {
        Kind = p.File.ContentType == FileSignature.Png ? PhotoKind.Png : PhotoKind.Jpeg,
        SizeBytes = p.File.Size,
        Sha256 = p.File.Sha256,
        TakenLocal = p.TakenAt,
        TakenOffset = p.TakenAt is null ? null : TimeSpan.Zero,
        Position = p is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null,
        Hash = p.PerceptualHash is { } h ? unchecked((ulong)h) : null,
    };

    private static string Shorten(string message) => message.Length <= 400 ? message : message[..399] + "…";
}
