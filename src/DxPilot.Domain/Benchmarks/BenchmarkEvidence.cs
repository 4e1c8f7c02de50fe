using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Benchmarks;

/// <summary>What an evidence file proves (seed 000 二 and 三).</summary>
public enum BenchmarkEvidenceKind
{
    /// <summary>图片证明 of one self-score item.</summary>
    ItemPicture = 1,
    /// <summary>信用中国查询无异常截图</summary>
    CreditChina = 2,
    /// <summary>国家企业信用信息公示系统查询无异常截图</summary>
    CreditGsxt = 3,
    /// <summary>工信部优质中小企业梯度培育平台数字化水平测试截图</summary>
    MiitLevel = 4,
    /// <summary>真实性承诺书（法定代表人签字、加盖公章）扫描件</summary>
    Pledge = 5,
}

/// <summary>One uploaded picture, screenshot or scan of a benchmark application (佐证材料).</summary>
public sealed class BenchmarkEvidence : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<BenchmarkApplication>(ApplicationId);
    (string Field, string Value) IAuditedPart.AuditLine => (SlotLabel(Kind, ItemNo), $"{File.Name}（{ChineseText.FileSize(File.Size)}）");

    /// <summary>What the slot is called on the form and in the history.</summary>
    public static string SlotLabel(BenchmarkEvidenceKind kind, int? itemNo) => kind switch
    {
        BenchmarkEvidenceKind.ItemPicture => $"第{itemNo}项图片证明",
        BenchmarkEvidenceKind.CreditChina => "信用中国查询截图",
        BenchmarkEvidenceKind.CreditGsxt => "国家企业信用信息公示系统查询截图",
        BenchmarkEvidenceKind.MiitLevel => "工信部平台数字化水平测试截图",
        BenchmarkEvidenceKind.Pledge => "真实性承诺书扫描件",
        _ => "",
    };

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public BenchmarkEvidenceKind Kind { get; private set; }
    /// <summary>The self-score item a picture proves; null for the precondition documents.</summary>
    public int? ItemNo { get; private set; }
    /// <summary>The stored file: its hash in the blob store (the same file is not attached twice to one item), size,
    /// type as read from its first bytes (never as the browser claimed) and name.</summary>
    public FileRef File { get; private set; } = null!;
    public string UploadedByUserId { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    private BenchmarkEvidence() { }

    public static BenchmarkEvidence Upload(Guid applicationId, BenchmarkEvidenceKind kind, int? itemNo, FileRef file, Actor by, DateTime now)
    {
        if ((kind == BenchmarkEvidenceKind.ItemPicture) != itemNo.HasValue)
            throw new ArgumentException("图片证明须属于某一自评项，前置条件材料不属于自评项", nameof(itemNo));
        return new BenchmarkEvidence
        {
            Id = Guid.CreateVersion7(), ApplicationId = applicationId, Kind = kind, ItemNo = itemNo, File = file,
            UploadedByUserId = by.UserId, UploadedByName = by.Name, UploadedAt = now,
        };
    }
}

/// <summary>Which evidence an application has on file: pictures per item and the precondition documents present.</summary>
public sealed record EvidenceOnFile(IReadOnlyDictionary<int, int> PicturesByItem, IReadOnlySet<BenchmarkEvidenceKind> Documents)
{
    public static EvidenceOnFile From(IEnumerable<(BenchmarkEvidenceKind Kind, int? ItemNo)> files)
    {
        var list = files.ToList();
        return new EvidenceOnFile(
            list.Where(f => f is { Kind: BenchmarkEvidenceKind.ItemPicture, ItemNo: not null })
                .GroupBy(f => f.ItemNo!.Value).ToDictionary(g => g.Key, g => g.Count()),
            list.Where(f => f.Kind != BenchmarkEvidenceKind.ItemPicture).Select(f => f.Kind).ToHashSet());
    }

    public int Pictures(int itemNo) => PicturesByItem.GetValueOrDefault(itemNo);

    public bool Has(BenchmarkEvidenceKind kind) => Documents.Contains(kind);
}
