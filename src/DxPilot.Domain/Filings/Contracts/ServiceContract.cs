using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Filings.Contracts;

/// <summary>
/// 杭州市中小企业数字化改造服务合同 (seed 003 附件2), one per provider of a filing: the parties (甲方 is the enterprise of the
/// filing, read from its file; 乙方 typed here), the 数字化产品/服务清单, the implementation period and the two payments.
/// The lines are one document (<see cref="ContractLines"/>): they are only ever edited together with the contract, in one
/// form, and the audit trail still records each line's change. It changes only while its filing is editable; each change
/// moves the filing's version too (<see cref="Filing.Touch"/>).
/// </summary>
public sealed class ServiceContract : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<ServiceContract>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid FilingId { get; private set; }
    public string Number { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateOnly? SignedOn { get; private set; }
    /// <summary>The first month of the implementation period (day 1).</summary>
    public DateOnly PeriodStart { get; private set; }
    /// <summary>The last month of the implementation period (day 1).</summary>
    public DateOnly PeriodEnd { get; private set; }
    public string ProviderName { get; private set; } = "";
    public string ProviderUscc { get; private set; } = "";
    public string? ProviderLegalRepresentative { get; private set; }
    public string? ProviderAddress { get; private set; }
    public string ProviderContact { get; private set; } = "";
    public string ProviderPhone { get; private set; } = "";
    public string? ProviderBankAccount { get; private set; }
    public string? ProviderBank { get; private set; }
    /// <summary>The programme's provider organisation this is, when it is one (the expert conflict check and the provider's scope read it).</summary>
    public Guid? ProviderOrganisationId { get; private set; }
    public string? EnterpriseBankAccount { get; private set; }
    public string? EnterpriseBank { get; private set; }
    /// <summary>第一期 percent of the total (1–99); 第二期 is the rest.</summary>
    public int FirstPaymentPercent { get; private set; }
    /// <summary>主要承担的工作, for the filing's providers' table.</summary>
    public string Work { get; private set; } = "";
    public ContractLines Lines { get; private set; } = [];
    /// <summary>总价（含税，元）: the sum of the lines.</summary>
    public decimal TotalYuan { get; private set; }
    [NotAudited] public string CreatedByName { get; private set; } = "";
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private ServiceContract() { }

    public decimal FirstPaymentYuan => ContractRules.FirstPayment(TotalYuan, FirstPaymentPercent);

    public decimal SecondPaymentYuan => TotalYuan - FirstPaymentYuan;

    /// <summary>A new contract of the filing, from input <see cref="ContractRules.Check"/> accepted.</summary>
    public static ServiceContract Draft(Filing filing, ContractInput input, Guid? providerOrganisationId, string byName, DateTime now)
    {
        var c = new ServiceContract
        {
            Id = Guid.CreateVersion7(), ProgrammeId = filing.ProgrammeId, FilingId = filing.Id, CreatedByName = byName, CreatedAt = now, Version = 0,
        };
        c.Revise(input, providerOrganisationId, now);
        return c;
    }

    /// <summary>Replaces everything typed, from input <see cref="ContractRules.Check"/> accepted.</summary>
    public void Revise(ContractInput input, Guid? providerOrganisationId, DateTime now)
    {
        Number = input.Number!.Trim();
        Name = input.Name!.Trim();
        SignedOn = input.SignedOn;
        PeriodStart = input.PeriodStart!.Value;
        PeriodEnd = input.PeriodEnd!.Value;
        ProviderName = input.ProviderName!.Trim();
        ProviderUscc = Enterprises.Uscc.Normalise(input.ProviderUscc!);
        ProviderLegalRepresentative = Clean(input.ProviderLegalRepresentative);
        ProviderAddress = Clean(input.ProviderAddress);
        ProviderContact = input.ProviderContact!.Trim();
        ProviderPhone = input.ProviderPhone!.Trim();
        ProviderBankAccount = Clean(input.ProviderBankAccount);
        ProviderBank = Clean(input.ProviderBank);
        ProviderOrganisationId = providerOrganisationId;
        EnterpriseBankAccount = Clean(input.EnterpriseBankAccount);
        EnterpriseBank = Clean(input.EnterpriseBank);
        FirstPaymentPercent = input.FirstPaymentPercent!.Value;
        Work = input.Work!.Trim();
        Lines = [.. input.Lines!.Select(l => new ContractLine(l.Name!.Trim(), Clean(l.Code), Clean(l.Provider), Clean(l.Term), l.UnitPriceYuan!.Value,
            l.Quantity!.Value, ContractRules.LineAmount(l.UnitPriceYuan.Value, l.Quantity.Value)))];
        TotalYuan = Lines.Sum(l => l.AmountYuan);
        UpdatedAt = now;
        Version++;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One row of 数字化产品/服务清单; its 序号 is its place in the list.</summary>
public sealed record ContractLine(string Name, string? Code, string? Provider, string? Term, decimal UnitPriceYuan, decimal Quantity, decimal AmountYuan);

/// <summary>The contract's lines, stored whole; the audit trail reads them line by line ("第2项").</summary>
public sealed class ContractLines : List<ContractLine>, IAuditedDocument
{
    public IReadOnlyDictionary<string, string> AuditFields() =>
        this.Select((l, i) => (Key: $"清单第{i + 1}项", Value: ContractRules.Describe(l))).ToDictionary(x => x.Key, x => x.Value);
}
