using DxPilot.Domain.Auditing;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Diagnoses;

/// <summary>
/// 咨询诊断服务协议 as signed: the scan both parties stamped (PDF, JPEG or PNG) and the signing date it bears, from which the
/// 30-day term runs (附件2 第一条2). A re-signed agreement is a new scan; the earlier ones stay on file.
/// </summary>
public sealed class AgreementScan : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<Diagnosis>(DiagnosisId);
    (string Field, string Value) IAuditedPart.AuditLine => ("已签协议扫描件", $"{File.Name}（签订日期{ChineseText.Date(SignedOn)}，{ChineseText.FileSize(File.Size)}）");

    public Guid Id { get; private set; }
    public Guid DiagnosisId { get; private set; }
    public DateOnly SignedOn { get; private set; }
    public FileRef File { get; private set; } = null!;
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    private AgreementScan() { }

    public static AgreementScan Upload(Guid diagnosisId, DateOnly signedOn, FileRef file, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DiagnosisId = diagnosisId, SignedOn = signedOn, File = file, UploadedByName = byName, UploadedAt = now,
    };
}
