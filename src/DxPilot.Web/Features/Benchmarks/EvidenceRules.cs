using System.Globalization;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Files;
using DxPilot.Domain.Instruments;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>A file as it arrived with the form, for one evidence slot; <see cref="Open"/> reads it (as many times as needed)
/// from where the server buffered it, never as a copy in memory.</summary>
public sealed record EvidenceUpload(BenchmarkEvidenceKind Kind, int? ItemNo, string FileName, long Length, Func<Stream> Open, int? Year = null);

/// <summary>What an evidence file must be: a JPEG or PNG picture (judged by its first bytes, see <see cref="FileSignature"/>),
/// within the size and count limits.</summary>
public static class EvidenceRules
{
    /// <summary>One picture.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;
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

    /// <summary>Evidence must be a picture: JPEG or PNG by its first bytes (a renamed text file, a PDF, an SVG… is not).</summary>
    public static bool Accepts(string sniffedType) => FileSignature.IsPicture(sniffedType);

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
