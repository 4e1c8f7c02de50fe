using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Catalogue;

/// <summary>产品及解决方案的状态. Only an approved product of an admitted provider is shown outside the provider and the city.</summary>
public enum ProductStatus
{
    /// <summary>草稿: the provider is writing it.</summary>
    Draft = 1,
    /// <summary>待审核: with the city.</summary>
    UnderReview = 2,
    /// <summary>已上架: approved by the city, shown in the catalogue, matches and plans.</summary>
    Approved = 3,
    /// <summary>退回修改: with the city's reason; the provider revises and submits again.</summary>
    Returned = 4,
    /// <summary>已下架: withdrawn by the provider (or taken down by the city, with the reason).</summary>
    Withdrawn = 5,
}

/// <summary>
/// 适用产品及解决方案 (seed 002 附件1: 名称, 简述, 价格（万元）, 服务商): a product or solution an admitted provider offers, the
/// level-3 scenarios it serves, the pilot industries it fits, its price in 万元 (fixed: low = high; or a range, tax included or
/// not as stated), its delivery time, whether it is cloud-based, and the programme's spend category it falls in (软件, 云服务,
/// 数据采集与传输设备 … — MoneyRules.SpendCategories), which decides whether a subsidy counts it.
/// </summary>
public sealed class CatalogueProduct : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<CatalogueProduct>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    /// <summary>The provider's organisation (its <see cref="PoolMember"/> says whether it may be shown).</summary>
    [NotAudited] public Guid ProviderId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>简述.</summary>
    public string Summary { get; private set; } = "";
    /// <summary>The level-3 scenario codes it serves, "|1.1.1|2.1.1|".</summary>
    public string Scenarios { get; private set; } = "||";
    /// <summary>The pilot industries' keys it fits, "|汽车零部件配件制造|"; "||" fits every industry.</summary>
    public string Industries { get; private set; } = "||";
    /// <summary>价格（万元）: equal ends for a fixed price.</summary>
    public decimal PriceLowWan { get; private set; }
    public decimal PriceHighWan { get; private set; }
    /// <summary>含税 or 不含税, as the provider states it.</summary>
    public bool TaxIncluded { get; private set; }
    /// <summary>交付周期（天）.</summary>
    public int DeliveryDays { get; private set; }
    /// <summary>云化产品 (SaaS, 上云).</summary>
    public bool CloudBased { get; private set; }
    /// <summary>The key of the programme's spend category (MoneyRules.SpendCategories).</summary>
    public string SpendCategory { get; private set; } = "";
    public ProductStatus Status { get; private set; }
    /// <summary>The city's reason when it returned or took it down.</summary>
    public string? ReviewNote { get; private set; }
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private CatalogueProduct() { }

    public IReadOnlyList<string> ScenarioCodes => Bars.Split(Scenarios);
    public IReadOnlyList<string> IndustryKeys => Bars.Split(Industries);
    public bool IsFixedPrice => PriceLowWan == PriceHighWan;
}
