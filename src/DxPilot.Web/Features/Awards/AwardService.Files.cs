using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Photos;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>What one upload did: the files stored and, for each file refused, why (in Chinese, naming the file).</summary>
public sealed record AwardUpload(IReadOnlyList<AwardFile> Stored, IReadOnlyList<string> Refused);

/// <summary>
/// The application's scans and pictures (承诺书, 申报声明, scenario pictures, 链式 插图): uploaded and deleted by the applicant while the
/// application is editable, each checked by its content (scans as everywhere, pictures decoded by <see cref="PictureSize"/> within the
/// slot's <see cref="ImageRules"/>), streamed into the blob store and read back in scope; submission needs the signed scans and no
/// more pictures than a slot takes (<see cref="AwardFileRules.SubmissionProblems"/>, joined in FactsAsync).
/// </summary>
public sealed partial class AwardService
{
    /// <summary>Scans per slot: a pledge may arrive as several page photos.</summary>
    public const int MaxScansPerSlot = 10;

    private DbSet<AwardFile> AwardFiles => db.Set<AwardFile>();

    public async Task<Outcome<IReadOnlyList<AwardFile>>> FilesAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (!await InScope(actor).AnyAsync(x => x.Id == id, ct)) return Outcome<IReadOnlyList<AwardFile>>.NotFound();
        return Outcome<IReadOnlyList<AwardFile>>.Ok(await AwardFiles.AsNoTracking().Where(f => f.ApplicationId == id)
            .OrderBy(f => f.Kind).ThenBy(f => f.Direction).ThenBy(f => f.Scenario).ThenBy(f => f.UploadedAt).ThenBy(f => f.Id).ToListAsync(ct));
    }

    /// <summary>Stores those of <paramref name="files"/> that pass the slot's checks and names each refused one; nothing is stored when
    /// the slot itself is wrong or the application may not change.</summary>
    public async Task<Outcome<AwardUpload>> UploadAsync(Actor actor, Guid id, AwardFileSlot slot, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        var application = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null || calls.Find(application.CallId) is not { } call) return Outcome<AwardUpload>.NotFound();
        if (EditRefusal<AwardUpload>(actor, application) is { } refusal) return refusal;
        var (rules, wrongSlot) = AwardFileRules.Rules(call, slot);
        if (wrongSlot is not null) return Outcome<AwardUpload>.Invalid(new Dictionary<string, string> { ["kind"] = wrongSlot });
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count == 0) return Outcome<AwardUpload>.Invalid(new Dictionary<string, string> { ["file"] = "请选择要上传的文件" });

        var label = AwardFile.SlotLabel(slot.Kind, slot.Scenario);
        var onFile = await AwardFiles.Where(f => f.ApplicationId == id && f.Kind == slot.Kind && f.Direction == slot.Direction && f.Scenario == slot.Scenario)
            .Select(f => f.File.Sha256).ToListAsync(ct);
        var stored = new List<AwardFile>();
        var refused = new List<string>();
        foreach (var upload in chosen)
        {
            var (problem, size) = rules is null ? (await ScanProblemAsync(upload, label, onFile.Count, ct), null) : await PictureProblemAsync(upload, rules, onFile.Count, ct);
            if (problem is not null) { refused.Add(problem); continue; }
            StoredBlob blob;
            await using (var content = upload.Open()) blob = await blobs.PutAsync(content, ct);
            if (onFile.Contains(blob.Sha256)) { refused.Add($"“{upload.Name}”与已上传的{label}相同，未重复上传"); continue; }
            onFile.Add(blob.Sha256);
            var file = AwardFile.Upload(id, slot, blob.Named(upload.Name), size, actor.Name, Now());
            AwardFiles.Add(file);
            stored.Add(file);
        }
        if (stored.Count == 0) return Outcome<AwardUpload>.Invalid(new Dictionary<string, string> { ["file"] = string.Join("；", refused) });
        // The application is tracked unchanged: the files are lines of its history.
        return await saving.SaveAsync(application, What, () => new AwardUpload(stored, refused), ct);
    }

    public async Task<Outcome<AwardFile>> DeleteFileAsync(Actor actor, Guid id, Guid fileId, CancellationToken ct = default)
    {
        var application = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        var file = application is null ? null : await AwardFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.ApplicationId == id, ct);
        if (file is null) return Outcome<AwardFile>.NotFound();
        if (EditRefusal<AwardFile>(actor, application!) is { } refusal) return refusal;
        AwardFiles.Remove(file);
        return await saving.SaveAsync(application!, What, () => file, ct);
    }

    /// <summary>A file and its application, for whoever may read the application.</summary>
    public async Task<(FileRef File, string ProgrammeId)?> OpenFileAsync(Actor actor, Guid id, Guid fileId, CancellationToken ct = default)
    {
        var found = await (from f in AwardFiles
                           join a in InScope(actor) on f.ApplicationId equals a.Id
                           where f.Id == fileId && a.Id == id
                           select new { f.File, a.ProgrammeId }).AsNoTracking().FirstOrDefaultAsync(ct);
        return found is null ? null : (found.File, found.ProgrammeId);
    }

    /// <summary>Someone else than the applicant is forbidden; the applicant is told the application is no longer editable.</summary>
    private static Outcome<T>? EditRefusal<T>(Actor actor, AwardApplication application) =>
        AwardPolicy.Edit(actor, application) is not { } why ? null
        : actor.Role == Role.Enterprise && actor.EnterpriseId == application.EnterpriseId ? Outcome<T>.Conflict(why)
        : Outcome<T>.Forbidden(why);

    /// <summary>The files' part of what stops submission.</summary>
    private async Task<IEnumerable<string>> FileProblemsAsync(AwardCall call, AwardApplication application, CancellationToken ct)
    {
        var slots = await AwardFiles.AsNoTracking().Where(f => f.ApplicationId == application.Id)
            .Select(f => new AwardFileSlot(f.Kind, f.Direction, f.Scenario)).ToListAsync(ct);
        return AwardFileRules.SubmissionProblems(call, slots, application.PickedDirections);
    }

    private static async Task<string?> ScanProblemAsync(UploadedFile upload, string label, int onFile, CancellationToken ct) =>
        onFile >= MaxScansPerSlot ? $"{label}最多{MaxScansPerSlot}个文件，“{upload.Name}”未上传"
        : await StampedScan.ProblemAsync(upload, label, ct, $"请选择{label}（PDF、JPEG或PNG）");

    /// <summary>A picture within its slot's count, size in bytes and size in pixels (by decoding, see <see cref="PictureSize"/>).</summary>
    private static async Task<(string? Problem, (int, int)? Size)> PictureProblemAsync(UploadedFile upload, ImageRules rules, int onFile, CancellationToken ct)
    {
        if (ImageLimit.CountProblem(rules, onFile + 1) is { } tooMany) return ($"“{upload.Name}”未上传：{tooMany}", null);
        if (upload.Length == 0) return ($"“{upload.Name}”是空文件，未上传", null);
        if (upload.Length > AwardFileRules.MaxPictureBytes)
            return ($"“{upload.Name}”超过{AwardFileRules.MaxPictureBytes / 1024 / 1024}MB，未上传；请压缩后重新上传", null);
        var bytes = new byte[upload.Length];
        await using (var content = upload.Open()) await content.ReadExactlyAsync(bytes, ct);
        var (picture, problem) = PictureSize.Read(bytes, rules);
        return picture is null ? ($"“{upload.Name}”未上传：{problem}", null) : (null, (picture.Width, picture.Height));
    }
}
