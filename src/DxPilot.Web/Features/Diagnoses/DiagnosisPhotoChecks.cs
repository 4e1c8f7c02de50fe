using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Files;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>A photo read at upload: stored with its facts, or refused with the reason.</summary>
public sealed record PhotoRead(string? Refusal, StoredBlob? Blob, PhotoFacts? Facts);

/// <summary>
/// Reading a visit photo at upload and judging it against its visit (the watermark-camera rule of seed 002 四（一）):
/// capture time inside the visit's span within the programme's tolerance, a place recorded, the picture not used before.
/// </summary>
public sealed class DiagnosisPhotoChecks(DxPilotDbContext db, IBlobStore blobs)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxPerUpload = 30;
    /// <summary>One upload's request limit: the photos of a visit, together, with room for the form.</summary>
    public const long MaxRequestBytes = 200 * 1024 * 1024;

    public async Task<PhotoRead> ReadAsync(UploadedFile file, string name, Diagnosis diagnosis, Guid visitId, CancellationToken ct)
    {
        if (file.Length == 0) return new($"“{name}”是空文件，未上传", null, null);
        if (file.Length > MaxBytes) return new($"“{name}”超过{MaxBytes / 1024 / 1024}MB，未上传；请压缩后重新上传", null, null);
        await using (var head = file.Open())
            if (!FileSignature.IsPicture(await FileSniffer.SniffAsync(head, ct)))
                return new($"“{name}”不是JPEG或PNG照片（按文件内容判断，与扩展名无关），未上传", null, null);
        StoredBlob blob;
        await using (var content = file.Open()) blob = await blobs.PutAsync(content, ct);
        var reused = await ReusedFromAsync(blob.Sha256, visitId, ct);
        return new(null, blob, new PhotoFacts(null, null, null, null, null, null, reused));
    }

    /// <summary>Each photo of one visit with the problems found, judged against the visit as it is now.</summary>
    public IReadOnlyList<JudgedPhoto> Judge(DiagnosisVisit visit, IReadOnlyList<VisitPhoto> photos, DiagnosisRules rules, TimeZoneInfo zone)
    {
        var (start, end) = visit.Span(zone);
        var tolerance = TimeSpan.FromMinutes(rules.PhotoToleranceMinutes);
        return photos.Select(p =>
        {
            var problems = new List<PhotoProblem>();
            if (p.TakenAt is not { } taken) problems.Add(new("time-missing", "照片没有拍摄时间信息（请使用水印相机或保留原图）"));
            else
            {
                var at = new DateTimeOffset(DateTime.SpecifyKind(taken, DateTimeKind.Utc));
                if (at < start - tolerance || at > end + tolerance)
                    problems.Add(new("time-outside", $"拍摄时间{LocalTime.Show(at, zone)}不在本次诊断时间{visit.Start:HH\\:mm}-{visit.End:HH\\:mm}内（允许误差{rules.PhotoToleranceMinutes}分钟）"));
            }
            if (p.Latitude is null || p.Longitude is null) problems.Add(new("gps-missing", "照片没有拍摄位置信息"));
            if (p.ReusedFrom is { } from) problems.Add(new("duplicate", $"与{from}的照片相同"));
            return new JudgedPhoto(p, problems);
        }).ToList();
    }

    private async Task<string?> ReusedFromAsync(string sha256, Guid visitId, CancellationToken ct)
    {
        var earlier = await (from p in db.VisitPhotos
                             join v in db.DiagnosisVisits on p.VisitId equals v.Id
                             join d in db.Diagnoses on p.DiagnosisId equals d.Id
                             join e in db.Enterprises on d.EnterpriseId equals e.Id
                             where p.File.Sha256 == sha256 && p.VisitId != visitId
                             orderby p.UploadedAt
                             select new { v.Date, v.Topic, e.Name }).FirstOrDefaultAsync(ct);
        return earlier is null ? null : $"{ChineseText.Date(earlier.Date)}{earlier.Name}{earlier.Topic.Label()}";
    }
}
