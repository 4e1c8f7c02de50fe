using DxPilot.Domain.Auditing;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Filings.Contracts;

/// <summary>The contract as both parties stamped it (PDF, JPEG or PNG). A contract with a scan counts as signed (是否签合同 是);
/// a re-stamped contract is a new scan and the earlier ones stay on file.</summary>
public sealed class ContractScan : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<ServiceContract>(ContractId);
    (string Field, string Value) IAuditedPart.AuditLine => ("已盖章合同扫描件", $"{File.Name}（{ChineseText.FileSize(File.Size)}）");

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public FileRef File { get; private set; } = null!;
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    private ContractScan() { }

    public static ContractScan Upload(Guid contractId, FileRef file, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ContractId = contractId, File = file, UploadedByName = byName, UploadedAt = now,
    };
}
