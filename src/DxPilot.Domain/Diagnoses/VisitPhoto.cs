using DxPilot.Domain.Auditing;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Diagnoses;

/// <summary>What a visit photo shows (seed 002 附件3: 进门和离场在企业门口各一张，培训、访谈，生产现场).</summary>
public enum PhotoTag
{
    /// <summary>进门LOGO</summary>
    EntryLogo = 1,
    /// <summary>出门LOGO</summary>
    ExitLogo = 2,
    /// <summary>培训或访谈</summary>
    TrainingOrInterview = 3,
    /// <summary>生产现场</summary>
    ProductionFloor = 4,
    /// <summary>其他</summary>
    Other = 5,
}

public static class PhotoTags
{
    public static string Label(this PhotoTag tag) => tag switch
    {
        PhotoTag.EntryLogo => "进门LOGO", PhotoTag.ExitLogo => "出门LOGO", PhotoTag.TrainingOrInterview => "培训或访谈",
        PhotoTag.ProductionFloor => "生产现场", _ => "其他",
    };
}

/// <summary>
/// 现场照片: one photo of a visit with what it shows and the facts read from it at upload (capture time and place from its
/// EXIF, its perceptual hash); the verdict is judged from these facts against the visit as it is now, so correcting a
/// visit's time span re-judges its photos.
/// </summary>
public sealed class VisitPhoto : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<Diagnosis>(DiagnosisId);
    (string Field, string Value) IAuditedPart.AuditLine => ("现场照片", $"{File.Name}（{Tag.Label()}，{ChineseText.FileSize(File.Size)}）");

    public Guid Id { get; private set; }
    public Guid DiagnosisId { get; private set; }
    public Guid VisitId { get; private set; }
    public PhotoTag Tag { get; private set; }
    public FileRef File { get; private set; } = null!;
    /// <summary>A small JPEG for pages and the report, in the blob store.</summary>
    public string? ThumbnailSha256 { get; private set; }
    public long? ThumbnailSize { get; private set; }
    /// <summary>EXIF capture time as an instant (UTC); null when the file has none.</summary>
    public DateTime? TakenAt { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    /// <summary>64-bit perceptual hash (stored as its signed bit pattern).</summary>
    public long? PerceptualHash { get; private set; }
    /// <summary>Where the same picture was already used when this one arrived (another visit or enterprise), as it read then. The
    /// pages judge such a photo again against the uses still stored (the earlier one may have been removed since).</summary>
    public string? ReusedFrom { get; private set; }
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    private VisitPhoto() { }

    public static VisitPhoto Upload(Guid diagnosisId, Guid visitId, PhotoTag tag, FileRef file, PhotoFacts facts, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DiagnosisId = diagnosisId, VisitId = visitId, Tag = tag, File = file,
        ThumbnailSha256 = facts.ThumbnailSha256, ThumbnailSize = facts.ThumbnailSize, TakenAt = facts.TakenAt?.UtcDateTime, Latitude = facts.Latitude, Longitude = facts.Longitude,
        PerceptualHash = facts.PerceptualHash, ReusedFrom = facts.ReusedFrom, UploadedByName = byName, UploadedAt = now,
    };

    public void Retag(PhotoTag tag) => Tag = tag;
}

/// <summary>What was read from a photo at upload.</summary>
public sealed record PhotoFacts(DateTimeOffset? TakenAt, double? Latitude, double? Longitude, long? PerceptualHash, string? ThumbnailSha256,
    long? ThumbnailSize, string? ReusedFrom);
