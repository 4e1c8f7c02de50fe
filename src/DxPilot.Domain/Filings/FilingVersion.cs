namespace DxPilot.Domain.Filings;

/// <summary>
/// 提交版本: a filing as submitted in one round, frozen: the typed answers, the enterprise's basics as the file read then, and the
/// providers' table from its contracts. Returned and resubmitted filings keep every round readable and comparable.
/// </summary>
public sealed class FilingVersion
{
    public Guid Id { get; private set; }
    public Guid FilingId { get; private set; }
    public int Round { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public string SubmittedByName { get; private set; } = "";
    public Dictionary<string, string> Values { get; private set; } = [];
    /// <summary>The enterprise fields of the form as the file read when submitted, by field key.</summary>
    public Dictionary<string, string> Basics { get; private set; } = [];
    public List<FilingProvider> Providers { get; private set; } = [];

    private FilingVersion() { }

    public static FilingVersion Freeze(Filing f, Dictionary<string, string> basics, List<FilingProvider> providers, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), FilingId = f.Id, Round = f.Round, SubmittedAt = now, SubmittedByName = byName,
        Values = new Dictionary<string, string>(f.Values), Basics = basics, Providers = providers,
    };
}

/// <summary>
/// 合同服务商信息, one row per contract (seed 003 附件1 三, 附件5 合同服务商信息; seed 002 附件4 合作的服务商信息): filled from the
/// filing's contracts, never typed twice.
/// </summary>
public sealed record FilingProvider(
    string Name, string? Uscc, string? LegalRepresentative, string? ContactName, string? ContactPhone,
    string? ContractName, string? ContractNumber, DateOnly? SignedOn, decimal? AmountYuan, string? Work, bool Signed);
