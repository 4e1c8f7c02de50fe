using System.Globalization;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Files;
using DxPilot.Domain.Instruments;
using DxPilot.Web.Features.Files;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>A file as it arrived with the form, for one evidence slot; <see cref="Open"/> reads it (as many times as needed)
/// from where the server buffered it, never as a copy in memory.</summary>
public sealed record EvidenceUpload(BenchmarkEvidenceKind Kind, int? ItemNo, string FileName, long Length, Func<Stream> Open, int? Year = null);

/// <summary>What an evidence file must be, judged by its first bytes (see <see cref="FileSignature"/>): an item's 图片证明 a
/// JPEG or PNG picture; a document of 三、其他材料 (a licence copy, an audited report, a signed pledge) also a PDF, as such
/// documents are scanned; within the size and count limits.</summary>
public static class EvidenceRules
{
    /// <summary>One picture.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;
    /// <summary>One document: a scanned audited report runs to many pages.</summary>
    public const long MaxDocumentBytes = StampedScan.MaxBytes;
    public const int MaxPerSlot = 10;
    /// <summary>The pictures of one save, together: what the page promises; pictures beyond it are refused by name.</summary>
    public const long MaxBytesPerSave = 50 * 1024 * 1024;
    /// <summary>
    /// The benchmark page's request limit (the other endpoints keep the global 10 MB). It is twice the promised total plus
    /// room for the typed text, so that a save somewhat over the promise still arrives whole: its text is saved and its
    /// surplus pictures are refused by name. Only a body beyond this is cut off by the server.
    /// </summary>
    public const long MaxRequestBytes = 2 * MaxBytesPerSave + 1024 * 1024;

    /// <summary>The precondition documents that are one slot each (the audited reports are one slot per year).</summary>
    public static readonly BenchmarkEvidenceKind[] Documents =
    [
        BenchmarkEvidenceKind.CreditChina, BenchmarkEvidenceKind.CreditGsxt, BenchmarkEvidenceKind.BusinessLicence, BenchmarkEvidenceKind.MiitLevel,
        BenchmarkEvidenceKind.Pledge, BenchmarkEvidenceKind.RecognitionDocument,
    ];

    /// <summary>An item's evidence must be a picture, JPEG or PNG by its first bytes (a renamed text file, a PDF, an SVG… is
    /// not); a document may also be a PDF.</summary>
    public static bool Accepts(BenchmarkEvidenceKind kind, string sniffedType) =>
        IsDocument(kind) ? StampedScan.Accepts(sniffedType) : FileSignature.IsPicture(sniffedType);

    public static bool IsDocument(BenchmarkEvidenceKind kind) => kind != BenchmarkEvidenceKind.ItemPicture;

    public static long MaxBytesOf(BenchmarkEvidenceKind kind) => IsDocument(kind) ? MaxDocumentBytes : MaxBytes;

    /// <summary>The file input's hint to the browser (the server judges the bytes all the same).</summary>
    public static string AcceptAttribute(BenchmarkEvidenceKind kind) => IsDocument(kind) ? "application/pdf,image/jpeg,image/png" : "image/jpeg,image/png";

    public static string Noun(BenchmarkEvidenceKind kind) => IsDocument(kind) ? "文件" : "图片";

    /// <summary>What the slot takes, as the refusal names it.</summary>
    public static string Takes(BenchmarkEvidenceKind kind) => IsDocument(kind) ? "PDF、JPEG或PNG文件" : "JPEG或PNG图片";

    public static string Megabytes(long bytes) => $"{bytes / 1024 / 1024}MB";

    /// <summary>The form field a slot's files are posted in.</summary>
    public static string FieldName(BenchmarkEvidenceKind kind, int? itemNo, int? year = null) => kind switch
    {
        BenchmarkEvidenceKind.ItemPicture => $"picture-{itemNo}",
        BenchmarkEvidenceKind.AuditReport => $"audit-report-{year}",
        BenchmarkEvidenceKind.BusinessLicence => "business-licence",
        BenchmarkEvidenceKind.RecognitionDocument => "recognition-document",
        BenchmarkEvidenceKind.CreditChina => "credit-china",
        BenchmarkEvidenceKind.CreditGsxt => "credit-gsxt",
        BenchmarkEvidenceKind.MiitLevel => "miit-level",
        BenchmarkEvidenceKind.Pledge => "pledge",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The slot a form field's files belong to (the inverse of <see cref="FieldName"/>), or null.</summary>
    public static (BenchmarkEvidenceKind Kind, int? ItemNo, int? Year)? Slot(string field, Instrument instrument)
    {
        const string picture = "picture-", report = "audit-report-";
        if (field.StartsWith(picture, StringComparison.Ordinal))
            return int.TryParse(field.AsSpan(picture.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var no) && instrument.Questions.Any(q => q.No == no)
                ? (BenchmarkEvidenceKind.ItemPicture, no, null)
                : null;
        if (field.StartsWith(report, StringComparison.Ordinal))
            return int.TryParse(field.AsSpan(report.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && BenchmarkInput.ReportYears(instrument).Contains(year)
                ? (BenchmarkEvidenceKind.AuditReport, null, year)
                : null;
        return Documents.Where(k => FieldName(k, null) == field).Select(k => ((BenchmarkEvidenceKind, int?, int?)?)(k, null, null)).FirstOrDefault();
    }
}
