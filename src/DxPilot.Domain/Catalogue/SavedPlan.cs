using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Catalogue;

/// <summary>
/// 已保存的采购方案: a priced plan as it was shown when saved — the assessment it came from, the levels, the enterprise's own
/// choices (pins), each scenario with why it has no product, each product with its provider and price as offered then, and the
/// money at both ends of the prices. It never changes after saving except its title and whom it is shared with
/// (<see cref="SavedPlanShare"/>): prices and products that change later are compared with it, not written into it.
/// </summary>
public sealed class SavedPlan : IAudited
{
    public const int MaxTitle = 100;

    AuditKey IAudited.AuditKey => AuditKey.Of<SavedPlan>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid EnterpriseId { get; private set; }
    [NotAudited] public Guid AssessmentId { get; private set; }
    /// <summary>The assessment's date and whether it was the enterprise's self-test (the filing draft says both).</summary>
    [NotAudited] public DateOnly AssessedOn { get; private set; }
    [NotAudited] public bool FromSelfTest { get; private set; }
    public string Title { get; private set; } = "";
    public int CurrentLevel { get; private set; }
    public int TargetLevel { get; private set; }
    /// <summary>The products the enterprise chose itself (改用此产品), as "|id|id|".</summary>
    [NotAudited] public string Pins { get; private set; } = "||";
    public bool Complete { get; private set; }
    public bool SomePricesExcludeTax { get; private set; }
    public decimal TotalLowWan { get; private set; }
    public decimal TotalHighWan { get; private set; }
    [NotAudited] public decimal EligibleLowWan { get; private set; }
    [NotAudited] public decimal EligibleHighWan { get; private set; }
    [NotAudited] public decimal SubsidyLowWan { get; private set; }
    public decimal SubsidyHighWan { get; private set; }
    [NotAudited] public decimal OwnShareLowWan { get; private set; }
    public decimal OwnShareHighWan { get; private set; }
    /// <summary>How the subsidy was reached at each end (or the unmet condition), and what was withheld from an enterprise
    /// excluded from central funds.</summary>
    [NotAudited] public string BasisLow { get; private set; } = "";
    [NotAudited] public string BasisHigh { get; private set; } = "";
    [NotAudited] public decimal WithheldHighWan { get; private set; }
    public SavedPlanScenarios Scenarios { get; private set; } = [];
    public SavedPlanLines Lines { get; private set; } = [];
    [NotAudited] public string CreatedById { get; private set; } = "";
    [NotAudited] public string CreatedByName { get; private set; } = "";
    /// <summary>The provider that saved it for an enterprise it serves (it reads what it saved), or null.</summary>
    [NotAudited] public Guid? CreatedByOrganisationId { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }
    [NotAudited] public int Version { get; private set; }

    private SavedPlan() { }

    public IReadOnlyList<Guid> PinnedProducts => Bars.Split(Pins).Select(Guid.Parse).ToList();

    /// <summary>"提升至三级的采购方案（2026年11月27日）": the title when the user gives none; <paramref name="today"/> in Beijing time.</summary>
    public static string DefaultTitle(int targetLevel, DateOnly today) => $"提升至{LevelNames.Short(targetLevel)}的采购方案（{ChineseText.Date(today)}）";

    /// <summary>Why a title cannot be kept, or null.</summary>
    public static string? CheckTitle(string? title) => CatalogueText.Problem(title, "方案名称", MaxTitle);

    /// <summary>The plan as shown, ready to save (or to fill a filing draft from). <paramref name="usccOf"/> and
    /// <paramref name="priceTextOf"/> are the providers' 统一社会信用代码 as admitted and the products' prices as the catalogue
    /// words them; who may save it is <see cref="NeedPolicy.SavePlan"/>'s to say, before this.</summary>
    public static SavedPlan Snapshot(Actor author, Guid enterpriseId, Guid assessmentId, DateOnly assessedOn, bool fromSelfTest, int currentLevel,
        PricedPlan plan, IEnumerable<Guid> pins, Func<Guid, string> usccOf, Func<Guid, string> priceTextOf, string title, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = author.ProgrammeId, EnterpriseId = enterpriseId, AssessmentId = assessmentId,
        AssessedOn = assessedOn, FromSelfTest = fromSelfTest, Title = title.Trim(), CurrentLevel = currentLevel, TargetLevel = plan.TargetLevel,
        Pins = Bars.Join(pins.Select(p => p.ToString())), Complete = plan.Complete, SomePricesExcludeTax = plan.SomePricesExcludeTax,
        TotalLowWan = plan.AtLowPrice.TotalWan, TotalHighWan = plan.AtHighPrice.TotalWan,
        EligibleLowWan = plan.AtLowPrice.EligibleWan, EligibleHighWan = plan.AtHighPrice.EligibleWan,
        SubsidyLowWan = plan.AtLowPrice.SubsidyWan, SubsidyHighWan = plan.AtHighPrice.SubsidyWan,
        OwnShareLowWan = plan.AtLowPrice.OwnShareWan, OwnShareHighWan = plan.AtHighPrice.OwnShareWan,
        BasisLow = plan.AtLowPrice.Basis, BasisHigh = plan.AtHighPrice.Basis, WithheldHighWan = plan.AtHighPrice.Subsidy.WithheldWan,
        Scenarios = [.. plan.Scenarios.Select(s => new SavedPlanScenario(s.MiitScenario, s.Constrained,
            s.CatalogueScenarios.Select(c => $"{c.Code} {c.Name}").ToList(), s.NoProduct))],
        Lines = [.. plan.Products.Select(p => new SavedPlanLine(p.Offer.ProductId, p.Offer.Name, p.Offer.ProviderId, p.Offer.ProviderName,
            usccOf(p.Offer.ProviderId), p.Offer.PriceLowWan, p.Offer.PriceHighWan, p.Offer.TaxIncluded, priceTextOf(p.Offer.ProductId),
            p.SpendCategory, p.Eligible, p.Serves.ToList()))],
        CreatedById = author.UserId, CreatedByName = author.Name,
        CreatedByOrganisationId = author.Role == Role.ServiceProvider ? author.OrganisationId : null, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>修改方案名称: the only thing of the plan itself that changes after saving.</summary>
    public string? Rename(string? title, DateTime now)
    {
        if (CheckTitle(title) is { } why) return why;
        Title = title!.Trim();
        UpdatedAt = now;
        Version++;
        return null;
    }

    /// <summary>The providers whose products the plan buys.</summary>
    public IReadOnlyList<Guid> ProviderIds => Lines.Select(l => l.ProviderId).Distinct().ToList();
}

/// <summary>A scenario the plan raises: the MIIT scenario, whether constrained, the catalogue scenarios mapped to it ("2.3.1 产品质量追溯"),
/// and why no product serves it, if none does.</summary>
public sealed record SavedPlanScenario(string Scenario, bool Constrained, IReadOnlyList<string> CatalogueScenarios, string? NoProduct);

/// <summary>A product the plan buys, as it was offered when the plan was saved.</summary>
public sealed record SavedPlanLine(Guid ProductId, string Name, Guid ProviderId, string ProviderName, string ProviderUscc, decimal PriceLowWan,
    decimal PriceHighWan, bool TaxIncluded, string PriceText, string SpendCategory, bool Eligible, IReadOnlyList<string> Serves);

/// <summary>The plan's scenarios, stored whole.</summary>
public sealed class SavedPlanScenarios : List<SavedPlanScenario>, IAuditedDocument
{
    public IReadOnlyDictionary<string, string> AuditFields() =>
        this.Select((s, i) => (Key: $"场景{i + 1}", Value: s.NoProduct is null ? s.Scenario : $"{s.Scenario}（{s.NoProduct}）"))
            .ToDictionary(x => x.Key, x => x.Value);
}

/// <summary>The plan's products, stored whole; the audit trail reads them line by line.</summary>
public sealed class SavedPlanLines : List<SavedPlanLine>, IAuditedDocument
{
    public IReadOnlyDictionary<string, string> AuditFields() =>
        this.Select((l, i) => (Key: $"产品{i + 1}", Value: $"{l.Name}，{l.ProviderName}，{l.PriceText}，用于{string.Join("、", l.Serves)}"))
            .ToDictionary(x => x.Key, x => x.Value);
}
