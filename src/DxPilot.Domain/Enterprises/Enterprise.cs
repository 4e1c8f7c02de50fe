using DxPilot.Domain.Auditing;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Programmes;

namespace DxPilot.Domain.Enterprises;

/// <summary>一企一档: one enterprise's file within one programme.</summary>
public sealed class Enterprise : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<Enterprise>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>Normalised USCC, or null for 待补充.</summary>
    public string? Uscc { get; private set; }
    public string District { get; private set; } = "";
    public string? RegisteredAddress { get; private set; }
    public string? LegalRepresentative { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public DateOnly? FoundedOn { get; private set; }
    public Ownership? Ownership { get; private set; }
    public bool? AboveScale { get; private set; }
    public QualityTier QualityTier { get; private set; }
    public string IndustryKey { get; private set; } = "";
    public string? IndustryCode { get; private set; }
    public int? Employees { get; private set; }
    public int? DigitalStaff { get; private set; }
    public int? InsuredEmployees { get; private set; }
    public string? MainProducts { get; private set; }
    public decimal? RevenueWan { get; private set; }
    public decimal? ProfitWan { get; private set; }
    public decimal? DigitalInvestmentWan { get; private set; }
    public bool LittleGiantCentralFunded { get; private set; }
    public bool Pilot2022 { get; private set; }
    public CreditStatus CreditStatus { get; private set; }
    public string? Intro { get; private set; }

    /// <summary>Computed from employees and revenue; null while either is missing.</summary>
    public SizeClass? ComputedSize { get; private set; }
    public SizeClass? SizeOverride { get; private set; }
    public string? SizeOverrideReason { get; private set; }

    /// <summary>Lower-cased name, USCC, contact and phone: what the list's search box looks in.</summary>
    [NotAudited] public string SearchText { get; private set; } = "";

    /// <summary>Optimistic concurrency: a form carries the version it was read at; a stale save is refused.</summary>
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    /// <summary><see cref="SearchText"/> without the phone: what roles that see phones masked may search (DOMAIN §8).</summary>
    [NotAudited] public string PublicSearchText { get; private set; } = "";

    /// <summary>The search text's character grams, for the index that serves short fragments (<see cref="SearchIndex"/>).</summary>
    [NotAudited] public string[] SearchTokens { get; private set; } = [];

    private Enterprise() { }

    public SizeClass? Size => SizeOverride ?? ComputedSize;

    /// <summary>人均营业收入 (万元/人).</summary>
    public decimal? RevenuePerHead => RevenueWan is { } r && Employees is > 0 ? Math.Round(r / Employees.Value, 2) : null;

    /// <summary>Central funds are withheld from these (seeds 002 §4(四), 003 §4); they may still be filed.</summary>
    public bool ExcludedFromCentralFunds => LittleGiantCentralFunded || Pilot2022;

    public static Enterprise Register(Programme programme, EnterpriseDetails details, DateTime now)
    {
        var e = new Enterprise { Id = Guid.CreateVersion7(), ProgrammeId = programme.Id, CreatedAt = now, Version = 1 };
        e.Apply(details, now);
        return e;
    }

    /// <summary>Edits the file. Fields that decide eligibility and money, and those a bureau vouches for (name, code, 企业类别,
    /// 规上/规下, 试点细分行业), stay as they were unless the actor is a bureau.</summary>
    public void Update(EnterpriseDetails details, Actor actor, DateTime now)
    {
        if (!actor.MaySetBureauFields)
        {
            details = details with
            {
                Name = Name,
                Uscc = Uscc,
                QualityTier = QualityTier,
                AboveScale = AboveScale,
                IndustryKey = IndustryKey,
                District = District,
                LittleGiantCentralFunded = LittleGiantCentralFunded,
                Pilot2022 = Pilot2022,
                CreditStatus = CreditStatus,
            };
        }
        Apply(details, now);
        Version++;
    }

    /// <summary>A bureau's confirmation of the enterprise's proposal (<see cref="BureauFieldChange.Decide"/>) writes the proposed values.</summary>
    internal void TakeBureauFields(BureauFieldChange change, Actor bureau, DateTime now)
    {
        if (!bureau.MaySetBureauFields) throw new InvalidOperationException("只有工信主管部门可以确认企业信息变更");
        Apply(new EnterpriseDetails
        {
            Name = change.Name, Uscc = change.Uscc, District = District, RegisteredAddress = RegisteredAddress,
            LegalRepresentative = LegalRepresentative, ContactName = ContactName, ContactPhone = ContactPhone, FoundedOn = FoundedOn,
            Ownership = Ownership, AboveScale = change.AboveScale, QualityTier = change.QualityTier, IndustryKey = change.IndustryKey,
            IndustryCode = IndustryCode, Employees = Employees, DigitalStaff = DigitalStaff, InsuredEmployees = InsuredEmployees,
            MainProducts = MainProducts, RevenueWan = RevenueWan, ProfitWan = ProfitWan, DigitalInvestmentWan = DigitalInvestmentWan,
            LittleGiantCentralFunded = LittleGiantCentralFunded, Pilot2022 = Pilot2022, CreditStatus = CreditStatus, Intro = Intro,
        }, now);
        Version++;
    }

    /// <summary>A bureau sets the size by hand, with a reason (e.g. group-wide figures); null clears it.</summary>
    public void OverrideSize(SizeClass? size, string? reason, Actor actor, DateTime now)
    {
        if (!actor.IsBureau) throw new InvalidOperationException("只有工信主管部门可以调整企业规模");
        if (size is not null && string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("调整企业规模须说明理由", nameof(reason));
        SizeOverride = size;
        SizeOverrideReason = size is null ? null : reason!.Trim();
        UpdatedAt = now;
        Version++;
    }

    private void Apply(EnterpriseDetails d, DateTime now)
    {
        Name = d.Name;
        Uscc = d.Uscc;
        District = d.District;
        RegisteredAddress = d.RegisteredAddress;
        LegalRepresentative = d.LegalRepresentative;
        ContactName = d.ContactName;
        ContactPhone = d.ContactPhone;
        FoundedOn = d.FoundedOn;
        Ownership = d.Ownership;
        AboveScale = d.AboveScale;
        QualityTier = d.QualityTier;
        IndustryKey = d.IndustryKey;
        IndustryCode = d.IndustryCode;
        Employees = d.Employees;
        DigitalStaff = d.DigitalStaff;
        InsuredEmployees = d.InsuredEmployees;
        MainProducts = d.MainProducts;
        RevenueWan = d.RevenueWan;
        ProfitWan = d.ProfitWan;
        DigitalInvestmentWan = d.DigitalInvestmentWan;
        LittleGiantCentralFunded = d.LittleGiantCentralFunded;
        Pilot2022 = d.Pilot2022;
        CreditStatus = d.CreditStatus;
        Intro = d.Intro;
        ComputedSize = Employees is { } x && RevenueWan is { } y ? SizeRule.Classify(x, y) : null;
        PublicSearchText = SearchIndex.Text(Name, Uscc, ContactName);
        SearchText = SearchIndex.Text(Name, Uscc, ContactName, ContactPhone);
        SearchTokens = SearchIndex.Grams(SearchText);
        UpdatedAt = now;
    }

    /// <summary>The file as a form, for editing.</summary>
    public EnterpriseForm ToForm() => new()
    {
        Name = Name,
        Uscc = Uscc,
        District = District,
        RegisteredAddress = RegisteredAddress,
        LegalRepresentative = LegalRepresentative,
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        FoundedOn = FoundedOn?.ToString("yyyy-MM-dd"),
        Ownership = Ownership?.ToString(),
        AboveScale = AboveScale is null ? null : AboveScale.Value ? "是" : "否",
        QualityTier = QualityTier.ToString(),
        Industry = IndustryKey,
        IndustryCode = IndustryCode,
        Employees = Employees?.ToString(),
        DigitalStaff = DigitalStaff?.ToString(),
        InsuredEmployees = InsuredEmployees?.ToString(),
        MainProducts = MainProducts,
        RevenueWan = RevenueWan?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        ProfitWan = ProfitWan?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        DigitalInvestmentWan = DigitalInvestmentWan?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        LittleGiantCentralFunded = LittleGiantCentralFunded ? "是" : "否",
        Pilot2022 = Pilot2022 ? "是" : "否",
        CreditStatus = CreditStatus.ToString(),
        Intro = Intro,
    };
}
