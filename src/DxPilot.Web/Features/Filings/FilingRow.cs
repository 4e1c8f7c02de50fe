using DxPilot.Domain.Filings;

namespace DxPilot.Web.Features.Filings;

/// <summary>A filing as the list shows it.</summary>
public sealed record FilingRow(Guid Id, Guid EnterpriseId, string EnterpriseName, string? Uscc, string District, string ProjectName,
    FilingStatus Status, int? TargetLevel, decimal? InvestmentWan, int Round, DateTime? SubmittedAt, DateTime StatusSince,
    bool LittleGiantCentralFunded, bool Pilot2022, DateTime UpdatedAt)
{
    public bool ExcludedFromCentralFunds => LittleGiantCentralFunded || Pilot2022;
}
