namespace DxPilot.Domain.Filings.Contracts;

/// <summary>A contract as typed (the page's form and the API's body alike); <see cref="ContractRules.Check"/> says what is wrong.</summary>
public sealed record ContractInput
{
    public string? Number { get; init; }
    public string? Name { get; init; }
    public DateOnly? SignedOn { get; init; }
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public string? ProviderName { get; init; }
    public string? ProviderUscc { get; init; }
    public string? ProviderLegalRepresentative { get; init; }
    public string? ProviderAddress { get; init; }
    public string? ProviderContact { get; init; }
    public string? ProviderPhone { get; init; }
    public string? ProviderBankAccount { get; init; }
    public string? ProviderBank { get; init; }
    public string? EnterpriseBankAccount { get; init; }
    public string? EnterpriseBank { get; init; }
    public int? FirstPaymentPercent { get; init; }
    public string? Work { get; init; }
    public List<ContractLineInput>? Lines { get; init; }
    /// <summary>总价 as the signer wrote it, optional: when given it must equal the sum of the lines.</summary>
    public decimal? StatedTotalYuan { get; init; }
}

public sealed record ContractLineInput
{
    public string? Name { get; init; }
    public string? Code { get; init; }
    public string? Provider { get; init; }
    public string? Term { get; init; }
    public decimal? UnitPriceYuan { get; init; }
    public decimal? Quantity { get; init; }
}
