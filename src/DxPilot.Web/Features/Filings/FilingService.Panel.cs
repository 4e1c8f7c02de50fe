using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>What the enterprise's file shows of its filings (<see cref="EnterpriseFilingPanel"/>).</summary>
public sealed record EnterpriseFilings(FilingRules Rules, IReadOnlyList<Filing> Filings, bool MayStart);

public sealed partial class FilingService
{
    /// <summary>The enterprise's filings this actor may read, latest first, and whether it may start one; null where the
    /// programme files no projects or the actor reads none of them and may not start one.</summary>
    public async Task<EnterpriseFilings?> ForEnterpriseFileAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default)
    {
        if (RulesOf(actor) is not { } rules) return null;
        var filings = await InScope(actor).AsNoTracking().Where(f => f.EnterpriseId == enterpriseId)
            .OrderByDescending(f => f.CreatedAt).ToListAsync(ct);
        var mayStart = FilingPolicy.Start(actor, enterpriseId) is null
                       && !filings.Any(f => f.IsEditable)
                       && filings.Count(f => f.Status != FilingStatus.Rejected) < rules.OpenFilingsPerEnterprise;
        return filings.Count == 0 && !mayStart ? null : new EnterpriseFilings(rules, filings, mayStart);
    }
}
