namespace DxPilot.Domain.Enterprises;

/// <summary>The validated, typed content of an enterprise file.</summary>
public sealed record EnterpriseDetails
{
    public required string Name { get; init; }
    /// <summary>Null means 待补充 (the reference lists carry no USCC).</summary>
    public string? Uscc { get; init; }
    public required string District { get; init; }
    public string? RegisteredAddress { get; init; }
    public string? LegalRepresentative { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public DateOnly? FoundedOn { get; init; }
    public Ownership? Ownership { get; init; }
    /// <summary>规上 (true) / 规下 (false) / unknown.</summary>
    public bool? AboveScale { get; init; }
    public QualityTier QualityTier { get; init; }
    /// <summary>Key of the programme's pilot industry.</summary>
    public required string IndustryKey { get; init; }
    /// <summary>GB/T 4754-2017 4-digit code; null means 待补充.</summary>
    public string? IndustryCode { get; init; }
    public int? Employees { get; init; }
    public int? DigitalStaff { get; init; }
    public int? InsuredEmployees { get; init; }
    public string? MainProducts { get; init; }
    public decimal? RevenueWan { get; init; }
    public decimal? ProfitWan { get; init; }
    public decimal? DigitalInvestmentWan { get; init; }
    /// <summary>已获得中央财政中小企业发展专项资金支持的专精特新“小巨人”企业.</summary>
    public bool LittleGiantCentralFunded { get; init; }
    /// <summary>已纳入工信厅联企业〔2022〕22号改造试点.</summary>
    public bool Pilot2022 { get; init; }
    public CreditStatus CreditStatus { get; init; }
    public string? Intro { get; init; }
}
