using DxPilot.Domain.Auditing;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Awards;

/// <summary>What an uploaded file of an application is (seed 004 附件4 一、二 and the scenarios' "可配图"; 附件2-1 插图).</summary>
public enum AwardFileKind
{
    /// <summary>承诺书, signed by the legal representative and stamped</summary>
    Pledge = 1,
    /// <summary>企业申报声明, stamped and signed</summary>
    Declaration = 2,
    /// <summary>A picture of one scenario of one direction</summary>
    ScenarioPicture = 3,
    /// <summary>链式案例插图</summary>
    CaseImage = 4,
    /// <summary>证明材料 of one subject (<see cref="AwardEvidenceSubject"/>): what a criterion "entered with evidence" or "judged by
    /// reviewers" rests on (附件4 五、相关附件 (三)-(五)).</summary>
    Evidence = 5,
}

/// <summary>What a 证明材料 proves; the criteria name the subjects that support them (<see cref="CriterionRule.Evidence"/>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AwardEvidenceSubject>))]
public enum AwardEvidenceSubject
{
    /// <summary>设备数字化率/联网率证明 (设备台账 …)</summary>
    EquipmentRates = 1,
    /// <summary>知识产权证书</summary>
    IpCertificate = 2,
    /// <summary>验收后第三方出具的中小企业数字化水平等级证书</summary>
    LevelCertificate = 3,
    /// <summary>组织领导与制度 (领导机构、专职团队、管理制度)</summary>
    Leadership = 4,
    /// <summary>其他相关附件: whatever the list below does not name</summary>
    Other = 5,
    // The 相关附件 a template lists (附件4 五/三) and the 链式 材料要求 (附件2 三), declared per direction as its attachments.
    /// <summary>企业法人营业执照复印件</summary>
    BusinessLicence = 6,
    /// <summary>经会计师事务所审计的财务报告</summary>
    FinancialReport = 7,
    /// <summary>纳税凭证或纳税证明</summary>
    TaxProof = 8,
    /// <summary>获得国家级、省级奖励证书和荣誉证明</summary>
    Honours = 9,
    /// <summary>企业改造前后的影像资料 (数字化车间及智能工厂)</summary>
    BeforeAfterImages = 10,
    /// <summary>法人和其他组织信用信息概况 (信用中国, 链式)</summary>
    CreditReport = 11,
    /// <summary>带动中小企业的相关佐证材料 (被带动中小企业盖章, 链式)</summary>
    DrivenSmes = 12,
}

/// <summary>One scan or picture of an award application: its bytes in the blob store, its slot here.</summary>
public sealed class AwardFile : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<AwardApplication>(ApplicationId);
    (string Field, string Value) IAuditedPart.AuditLine => (SlotLabel(Kind, Scenario), $"{File.Name}（{ChineseText.FileSize(File.Size)}）");

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public AwardFileKind Kind { get; private set; }
    /// <summary>The direction a scenario picture belongs to; null for the other kinds.</summary>
    public string? Direction { get; private set; }
    /// <summary>The scenario (1-based) a picture shows; for a 证明材料 its <see cref="AwardEvidenceSubject"/>; null for the other kinds.</summary>
    public int? Scenario { get; private set; }
    /// <summary>The picture's size as decoded (null for a scan).</summary>
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public FileRef File { get; private set; } = null!;
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    private AwardFile() { }

    public static AwardFile Upload(Guid applicationId, AwardFileSlot slot, FileRef file, (int Width, int Height)? size, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ApplicationId = applicationId, Kind = slot.Kind, Direction = slot.Direction, Scenario = slot.Scenario,
        Width = size?.Width, Height = size?.Height, File = file, UploadedByName = byName, UploadedAt = now,
    };

    public AwardFileSlot Slot => new(Kind, Direction, Scenario);

    /// <summary>The same file in the same slot of a re-application (its bytes stay where they are), as it was uploaded.</summary>
    public AwardFile CarriedTo(Guid applicationId) => new()
    {
        Id = Guid.CreateVersion7(), ApplicationId = applicationId, Kind = Kind, Direction = Direction, Scenario = Scenario,
        Width = Width, Height = Height, File = File, UploadedByName = UploadedByName, UploadedAt = UploadedAt,
    };

    /// <summary>What the slot is called on the page and in the history.</summary>
    public static string SlotLabel(AwardFileKind kind, int? scenario) => kind switch
    {
        AwardFileKind.Pledge => "签字盖章的承诺书扫描件",
        AwardFileKind.Declaration => "签字盖章的申报声明扫描件",
        AwardFileKind.ScenarioPicture => $"场景{scenario}配图",
        AwardFileKind.CaseImage => "案例插图",
        AwardFileKind.Evidence => "证明材料：" + SubjectLabel((AwardEvidenceSubject)(scenario ?? 0)),
        _ => "",
    };

    public static string SubjectLabel(AwardEvidenceSubject subject) => subject switch
    {
        AwardEvidenceSubject.EquipmentRates => "设备数字化率/联网率证明",
        AwardEvidenceSubject.IpCertificate => "知识产权证书",
        AwardEvidenceSubject.LevelCertificate => "数字化水平等级证书",
        AwardEvidenceSubject.Leadership => "组织领导与制度",
        AwardEvidenceSubject.Other => "其他相关附件",
        AwardEvidenceSubject.BusinessLicence => "企业法人营业执照复印件",
        AwardEvidenceSubject.FinancialReport => "经会计师事务所审计的财务报告",
        AwardEvidenceSubject.TaxProof => "纳税凭证或纳税证明",
        AwardEvidenceSubject.Honours => "奖励证书和荣誉证明",
        AwardEvidenceSubject.BeforeAfterImages => "改造前后的影像资料",
        AwardEvidenceSubject.CreditReport => "信用信息概况（信用中国）",
        AwardEvidenceSubject.DrivenSmes => "带动中小企业的佐证材料（被带动企业盖章）",
        _ => "未指明",
    };

    /// <summary>The order the 证明材料 are listed in: the templates' 相关附件 order, the evidence of the conditions at their (三), and
    /// 其他相关附件 last.</summary>
    public static readonly IReadOnlyList<AwardEvidenceSubject> SubjectOrder =
    [
        AwardEvidenceSubject.BusinessLicence, AwardEvidenceSubject.FinancialReport, AwardEvidenceSubject.TaxProof, AwardEvidenceSubject.CreditReport,
        AwardEvidenceSubject.EquipmentRates, AwardEvidenceSubject.IpCertificate, AwardEvidenceSubject.Leadership, AwardEvidenceSubject.BeforeAfterImages,
        AwardEvidenceSubject.LevelCertificate, AwardEvidenceSubject.Honours, AwardEvidenceSubject.DrivenSmes, AwardEvidenceSubject.Other,
    ];

    /// <summary>The subject of a 证明材料 (null for the other kinds).</summary>
    public AwardEvidenceSubject? Subject => Kind == AwardFileKind.Evidence && Scenario is { } n ? (AwardEvidenceSubject)n : null;
}

/// <summary>Where a file goes: its kind and, for a scenario picture, the direction and the scenario (1-based); for a 证明材料 its
/// subject (kept in the scenario's place, so the slot, the history line and a revision's frozen list carry it unchanged).</summary>
public sealed record AwardFileSlot(AwardFileKind Kind, string? Direction = null, int? Scenario = null)
{
    public static AwardFileSlot Evidence(AwardEvidenceSubject subject) => new(AwardFileKind.Evidence, null, (int)subject);
}
