using DxPilot.Domain.Filings;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// 合同服务商信息 of a filing, read from its contracts, one row each in the order they were entered: the form's providers'
/// table, each submitted version and the summary sheet take it from here, so no provider is typed twice. A contract with a
/// stamped scan counts as signed (是否签合同 是).
/// </summary>
public sealed class FilingProviders(DxPilotDbContext db)
{
    public Task<List<FilingProvider>> ForAsync(Guid filingId, CancellationToken ct) =>
        db.ServiceContracts.AsNoTracking().Where(c => c.FilingId == filingId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new FilingProvider(c.ProviderName, c.ProviderUscc, c.ProviderLegalRepresentative, c.ProviderContact, c.ProviderPhone,
                c.Name, c.Number, c.SignedOn, c.TotalYuan, c.Work, db.ContractScans.Any(s => s.ContractId == c.Id)))
            .ToListAsync(ct);
}
