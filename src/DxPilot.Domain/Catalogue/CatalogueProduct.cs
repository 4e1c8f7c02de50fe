using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;

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

    /// <summary>A new product as a draft of its provider, or the reasons (by field) it cannot be kept. Whether the provider may
    /// add one at all (admitted, not suspended) is <see cref="ProductPolicy.Create"/>'s to say, before this.</summary>
    public static (CatalogueProduct? Product, IReadOnlyDictionary<string, string> Errors) Create(string programmeId, Guid providerId,
        ProductForm form, ProductContext context, DateTime now)
    {
        var (values, errors) = form.Read(context);
        if (values is null) return (null, errors);
        var product = new CatalogueProduct
        {
            Id = Guid.CreateVersion7(), ProgrammeId = programmeId, ProviderId = providerId, Status = ProductStatus.Draft, CreatedAt = now,
        };
        product.Take(values, now);
        return (product, errors);
    }

    /// <summary>The provider's change; an approved product is taken down (下架) first, so that nobody relies on a product that
    /// changes under them.</summary>
    public IReadOnlyDictionary<string, string> Edit(ProductForm form, ProductContext context, DateTime now)
    {
        if (!ProductWorkflow.Editable(Status))
            return new Dictionary<string, string> { [""] = $"产品{ProductWorkflow.Chain.Label(Status)}，不能修改；已上架的产品须先下架再修改" };
        var (values, errors) = form.Read(context);
        if (values is null) return errors;
        Take(values, now);
        Version++;
        return errors;
    }

    public TransitionResult<ProductStatus> Apply(ProductTrigger trigger, Actor actor, string? reason, ProductCase subject, DateTime now)
    {
        var result = ProductWorkflow.Chain.Take(Status, trigger, subject, actor, reason, ProgrammeId, Id.ToString(), now);
        if (!result.Taken) return result;
        ReviewNote = trigger is ProductTrigger.Return or ProductTrigger.TakeDown ? CatalogueText.Clean(reason)
            : trigger == ProductTrigger.Approve ? null : ReviewNote;
        Status = result.To;
        UpdatedAt = now;
        Version++;
        return result;
    }

    /// <summary>价格 as people write it: "12.00万元" or "8.00–15.00万元", and whether tax is in it.</summary>
    public string PriceText => PriceTextOf(PriceLowWan, PriceHighWan, TaxIncluded);

    /// <summary><see cref="PriceText"/> of a price read without its product (a projection).</summary>
    public static string PriceTextOf(decimal lowWan, decimal highWan, bool taxIncluded) =>
        (lowWan == highWan ? $"{ChineseText.Wan(lowWan)}万元" : $"{ChineseText.Wan(lowWan)}–{ChineseText.Wan(highWan)}万元")
        + (taxIncluded ? "（含税）" : "（不含税）");

    private void Take(ProductValues v, DateTime now)
    {
        (Name, Summary, Scenarios, Industries) = (v.Name, v.Summary, Bars.Join(v.Scenarios), Bars.Join(v.Industries));
        (PriceLowWan, PriceHighWan, TaxIncluded, DeliveryDays, CloudBased, SpendCategory) =
            (v.PriceLowWan, v.PriceHighWan, v.TaxIncluded, v.DeliveryDays, v.CloudBased, v.SpendCategory);
        UpdatedAt = now;
    }
}

/// <summary>What a product is checked against: the programme's level-3 scenarios in use (retired ones refused for new choices),
/// its pilot industries' keys and its spend categories' keys.</summary>
public sealed record ProductContext(IReadOnlySet<string> ActiveScenarios, IReadOnlySet<string> RetiredScenarios,
    IReadOnlySet<string> Industries, IReadOnlySet<string> SpendCategories);

/// <summary>产品信息 as a form or a sheet row writes it: prices as typed (万元), the rest as chosen.</summary>
public sealed record ProductForm(string? Name, string? Summary, IReadOnlyList<string>? Scenarios, IReadOnlyList<string>? Industries,
    string? PriceLowWan, string? PriceHighWan, bool TaxIncluded, string? DeliveryDays, bool CloudBased, string? SpendCategory)
{
    public const int MaxDeliveryDays = 3650;
    /// <summary>The largest price a product states (10亿元): a typo of a few zeros is caught, no real offer is.</summary>
    public const decimal MaxPriceWan = 100_000m;

    internal (ProductValues? Values, IReadOnlyDictionary<string, string> Errors) Read(ProductContext context)
    {
        var errors = new Dictionary<string, string>();
        void Check(string key, string? problem) { if (problem is not null) errors[key] = problem; }
        Check("name", CatalogueText.Problem(Name, "产品及解决方案名称", 50));
        Check("summary", CatalogueText.Problem(Summary, "简述", 1000));
        var scenarios = (Scenarios ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (scenarios.Count == 0) errors["scenarios"] = "请至少选择一个适用的三级场景";
        else if (scenarios.FirstOrDefault(context.RetiredScenarios.Contains) is { } retired) errors["scenarios"] = $"三级场景“{retired}”已停用，请另选";
        else if (scenarios.FirstOrDefault(s => !context.ActiveScenarios.Contains(s)) is { } unknown) errors["scenarios"] = $"三级场景“{unknown}”不存在";
        var industries = (Industries ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (industries.FirstOrDefault(i => !context.Industries.Contains(i)) is { } industry) errors["industries"] = $"“{industry}”不是本试点的细分行业";
        var low = Price(PriceLowWan, "priceLowWan", IsRange ? "价格下限" : "价格", errors);
        var high = IsRange ? Price(PriceHighWan, "priceHighWan", "价格上限", errors) : low;
        if (low is not null && high is not null && low > high) errors["priceHighWan"] = $"价格区间的下限（{low:0.00}万元）不能高于上限（{high:0.00}万元）";
        int? days = null;
        if (string.IsNullOrWhiteSpace(DeliveryDays)) errors["deliveryDays"] = "请填写交付周期（天）";
        else if (!int.TryParse(HalfWidth.Of(DeliveryDays).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > MaxDeliveryDays)
            errors["deliveryDays"] = $"交付周期应为1到{MaxDeliveryDays}之间的整数（天）";
        else days = d;
        var category = SpendCategory?.Trim() ?? "";
        if (category.Length == 0) errors["spendCategory"] = "请选择支出类别（决定能否计入补助）";
        else if (!context.SpendCategories.Contains(category)) errors["spendCategory"] = $"“{category}”不是本试点的支出类别";
        if (errors.Count > 0) return (null, errors);
        return (new ProductValues(Name!.Trim(), Summary!.Trim(), scenarios, industries, low!.Value, high!.Value, TaxIncluded, days!.Value,
            CloudBased, category), errors);
    }

    /// <summary>A range when an upper price is written and differs from nothing: a fixed price leaves it empty.</summary>
    private bool IsRange => !string.IsNullOrWhiteSpace(PriceHighWan);

    private static decimal? Price(string? text, string key, string label, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors[key] = $"请填写{label}（万元）"; return null; }
        if (!decimal.TryParse(HalfWidth.Of(text).Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        { errors[key] = $"{label}应为数字（万元），如 12.5"; return null; }
        if (v <= 0) { errors[key] = $"{label}须大于0（万元）"; return null; }
        if (v > MaxPriceWan) { errors[key] = $"{label}不能超过{MaxPriceWan:0}万元"; return null; }
        if (decimal.Round(v, 2) != v) { errors[key] = $"{label}最多两位小数（万元）"; return null; }
        return v;
    }
}

internal sealed record ProductValues(string Name, string Summary, IReadOnlyList<string> Scenarios, IReadOnlyList<string> Industries,
    decimal PriceLowWan, decimal PriceHighWan, bool TaxIncluded, int DeliveryDays, bool CloudBased, string SpendCategory);
