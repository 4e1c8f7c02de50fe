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
    /// <summary>One year's 赋码 audited financial report (seed 000 三、4), its <see cref="BenchmarkEvidence.Year"/> saying which.</summary>
    AuditReport = 6,
    /// <summary>营业执照复印件（加盖公章）(seed 000 三、2)</summary>
    BusinessLicence = 7,
    /// <summary>省工信厅创新型中小企业／专精特新中小企业认定文件复印件 (seed 000 三、5)</summary>
    RecognitionDocument = 8,
}

/// <summary>One uploaded picture, screenshot or scan of a benchmark application (佐证材料).</summary>
public sealed class BenchmarkEvidence : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<BenchmarkApplication>(ApplicationId);
    (string Field, string Value) IAuditedPart.AuditLine => (SlotLabel(Kind, ItemNo, Year), $"{File.Name}（{ChineseText.FileSize(File.Size)}）");

    /// <summary>What the slot is called on the form and in the history.</summary>
    public static string SlotLabel(BenchmarkEvidenceKind kind, int? itemNo, int? year = null) => kind switch
    {
        BenchmarkEvidenceKind.AuditReport => $"{year}年度赋码审计报告",
        BenchmarkEvidenceKind.BusinessLicence => "营业执照复印件（加盖公章）",
        BenchmarkEvidenceKind.RecognitionDocument => "省工信厅认定文件复印件",
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
    /// <summary>The year an audited report is for; null for every other kind (its column added by 0049).</summary>
    public int? Year { get; private set; }

    private BenchmarkEvidence() { }

    public static BenchmarkEvidence Upload(Guid applicationId, BenchmarkEvidenceKind kind, int? itemNo, FileRef file, Actor by, DateTime now, int? year = null)
    {
        if ((kind == BenchmarkEvidenceKind.ItemPicture) != itemNo.HasValue)
            throw new ArgumentException("图片证明须属于某一自评项，前置条件材料不属于自评项", nameof(itemNo));
        if ((kind == BenchmarkEvidenceKind.AuditReport) != year.HasValue)
            throw new ArgumentException("审计报告须注明年度，其他材料不注明年度", nameof(year));
        return new BenchmarkEvidence
        {
            Id = Guid.CreateVersion7(), ApplicationId = applicationId, Kind = kind, ItemNo = itemNo, Year = year, File = file,
            UploadedByUserId = by.UserId, UploadedByName = by.Name, UploadedAt = now,
        };
    }
}

/// <summary>Which evidence an application has on file: pictures per item, the precondition documents present and the years
/// whose audited report is on file.</summary>
public sealed record EvidenceOnFile(IReadOnlyDictionary<int, int> PicturesByItem, IReadOnlySet<BenchmarkEvidenceKind> Documents)
{
    public IReadOnlySet<int> ReportYears { get; init; } = new HashSet<int>();

    public static EvidenceOnFile From(IEnumerable<(BenchmarkEvidenceKind Kind, int? ItemNo)> files) =>
        From(files.Select(f => (f.Kind, f.ItemNo, (int?)null)));

    public static EvidenceOnFile From(IEnumerable<(BenchmarkEvidenceKind Kind, int? ItemNo, int? Year)> files)
    {
        var list = files.ToList();
        return new EvidenceOnFile(
            list.Where(f => f is { Kind: BenchmarkEvidenceKind.ItemPicture, ItemNo: not null })
                .GroupBy(f => f.ItemNo!.Value).ToDictionary(g => g.Key, g => g.Count()),
            list.Where(f => f.Kind != BenchmarkEvidenceKind.ItemPicture).Select(f => f.Kind).ToHashSet())
        {
            ReportYears = list.Where(f => f is { Kind: BenchmarkEvidenceKind.AuditReport, Year: not null }).Select(f => f.Year!.Value).ToHashSet(),
        };
    }

    /// <summary>That year's audited report is on file.</summary>
    public bool HasReport(int year) => ReportYears.Contains(year);

    public int Pictures(int itemNo) => PicturesByItem.GetValueOrDefault(itemNo);

    public bool Has(BenchmarkEvidenceKind kind) => Documents.Contains(kind);
}
