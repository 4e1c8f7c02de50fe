using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Reviews;

/// <summary>An expert account of the programme with its employer (null without one), as every expert review assigns and checks it.</summary>
public sealed record ExpertAccount(string UserId, string Name, Guid? OrganisationId, string? Organisation, string? OrganisationUscc);

/// <summary>
/// The programme's experts and who has an interest in an enterprise, read once for every expert review (filing, awards), so that
/// conflict of interest (<see cref="Domain.Reviews.ReviewConflict"/>) is decided from the same rows everywhere.
/// </summary>
public static class ExpertPool
{
    /// <summary>The programme's enabled expert accounts by name.</summary>
    public static async Task<IReadOnlyList<ExpertAccount>> ExpertsAsync(DxPilotDbContext db, string programmeId, CancellationToken ct)
    {
        var experts = await (from u in db.Users
                             where u.ProgrammeId == programmeId && u.Role == Role.Expert
                             join o in db.Organisations on u.OrganisationId equals o.Id into employer
                             from o in employer.DefaultIfEmpty()
                             orderby u.DisplayName, u.Id
                             select new { u.Id, u.DisplayName, u.LockoutEnd, u.OrganisationId, Organisation = o == null ? null : o.Name, Uscc = o == null ? null : o.Uscc })
            .ToListAsync(ct);
        // Disabled accounts stay out; SQLite does not compare DateTimeOffset in SQL, so this is checked here.
        return experts.Where(e => !(e.LockoutEnd >= AppUser.DisabledUntil))
            .Select(e => new ExpertAccount(e.Id, e.DisplayName, e.OrganisationId, e.Organisation, e.Uscc)).ToList();
    }

    /// <summary>The organisations assigned to serve each of these enterprises.</summary>
    public static async Task<ILookup<Guid, Guid>> ServedByAsync(DxPilotDbContext db, IReadOnlyCollection<Guid> enterpriseIds, CancellationToken ct) =>
        (await db.Assignments.Where(x => enterpriseIds.Contains(x.EnterpriseId)).Select(x => new { x.EnterpriseId, x.OrganisationId }).ToListAsync(ct))
        .ToLookup(x => x.EnterpriseId, x => x.OrganisationId);

    /// <summary>The providers (by USCC) of each enterprise's transformation contracts, whichever of its filings they belong to.</summary>
    public static async Task<ILookup<Guid, string>> ContractedByAsync(DxPilotDbContext db, IReadOnlyCollection<Guid> enterpriseIds, CancellationToken ct) =>
        (await (from c in db.ServiceContracts
                join f in db.Filings on c.FilingId equals f.Id
                where enterpriseIds.Contains(f.EnterpriseId)
                select new { f.EnterpriseId, c.ProviderUscc }).ToListAsync(ct))
        .ToLookup(x => x.EnterpriseId, x => Domain.Enterprises.Uscc.Normalise(x.ProviderUscc));
}
