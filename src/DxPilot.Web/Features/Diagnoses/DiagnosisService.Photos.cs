using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>A photo chosen for a visit, with what it shows.</summary>
public sealed record PhotoUpload(PhotoTag Tag, UploadedFile File);

/// <summary>The photos of a visit saved, and those refused with their reasons (the rest is kept).</summary>
public sealed record PhotosSaved(Diagnosis Diagnosis, int Stored, IReadOnlyList<string> Refused);

/// <summary>Visit photos: each read (type, EXIF time and place, perceptual hash, thumbnail), stored, and judged against its visit.</summary>
public sealed partial class DiagnosisService
{
    /// <summary>Stores the photos that can be read as pictures, each with its facts, thumbnail and fingerprint, in one save with
    /// the diagnosis' new version; a file that cannot is refused by name with its reason and nothing of it is kept. An
    /// upload cut off halfway stores no row: the rows are saved only after every file was read.</summary>
    public async Task<Outcome<PhotosSaved>> UploadPhotosAsync(Actor actor, Guid id, int version, Guid visitId, IReadOnlyList<PhotoUpload> uploads,
        CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<PhotosSaved>(actor, id, version, ct);
        if (d is null) return refusal!;
        if (await db.DiagnosisVisits.AsNoTracking().FirstOrDefaultAsync(v => v.DiagnosisId == id && v.Id == visitId, ct) is not { } visit)
            return Outcome<PhotosSaved>.NotFound();
        if (uploads.Count == 0) return Outcome<PhotosSaved>.Invalid(new Dictionary<string, string> { ["Photos"] = "请选择要上传的照片" });
        if (uploads.Count > DiagnosisPhotoChecks.MaxPerUpload)
            return Outcome<PhotosSaved>.Invalid(new Dictionary<string, string> { ["Photos"] = $"一次最多上传{DiagnosisPhotoChecks.MaxPerUpload}张照片" });
        var refused = new List<string>();
        var stored = 0;
        foreach (var upload in uploads)
        {
            var name = upload.File.Name;
            var read = await photoChecks.ReadAsync(upload.File, name, visit, RulesOf(actor)!, time.Zone, ct);
            if (read.Refusal is { } why) { refused.Add(why); continue; }
            var photo = VisitPhoto.Upload(id, visitId, upload.Tag, read.Blob!.Named(name), read.Facts!, actor.Name, Now());
            db.VisitPhotos.Add(photo);
            if (read.Hash is { } hash) photoChecks.Index(photo, d, visit, hash);
            stored++;
        }
        if (stored == 0) return new Outcome<PhotosSaved>(OutcomeKind.Invalid, null, new Dictionary<string, string>(), "没有照片上传成功：" + string.Join("；", refused));
        d.Touch(Now());
        return await Save(d, () => new PhotosSaved(d, stored, refused), ct);
    }

    public async Task<Outcome<Diagnosis>> RemovePhotoAsync(Actor actor, Guid id, int version, Guid photoId, CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<Diagnosis>(actor, id, version, ct);
        if (d is null) return refusal!;
        if (await db.VisitPhotos.FirstOrDefaultAsync(p => p.DiagnosisId == id && p.Id == photoId, ct) is not { } photo) return Outcome<Diagnosis>.NotFound();
        db.VisitPhotos.Remove(photo);
        await photoChecks.UnindexAsync([photo], ct);
        d.Touch(Now());
        return await SaveRemovalAsync(d, [photo], ct);
    }

    /// <summary>Saves a removal of photos; then the diagnoses whose copies of those pictures were reuses only because of them
    /// are checked again (<see cref="DiagnosisPhotoChecks.EarlierUsesAsync"/>), so that their lists' red items follow.</summary>
    private async Task<Outcome<Diagnosis>> SaveRemovalAsync(Diagnosis d, IReadOnlyCollection<VisitPhoto> removed, CancellationToken ct)
    {
        var saved = await Save(d, () => d, ct);
        if (!saved.IsOk) return saved;
        foreach (var other in await photoChecks.DiagnosesWithCopiesAsync(removed, ct))
            if (other != d.Id && await db.Diagnoses.FirstOrDefaultAsync(x => x.Id == other, ct) is { } copy)
                await RecheckAsync(copy, ct);
        return saved;
    }
}
