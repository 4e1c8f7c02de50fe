using DxPilot.Domain.Accounts;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Organisations;

/// <summary>The organisation if the actor may read its page (<see cref="OrganisationPolicy"/>), else null: the one scope of the
/// organisation's page, its ratings and the comments on its work.</summary>
public sealed class OrganisationScope(DxPilotDbContext db)
{
    public async Task<Organisation?> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.ProgrammeId == actor.ProgrammeId, ct);
        if (org is null) return null;
        var servesDistrict = actor.Role == Role.DistrictBureau && await (
            from x in db.Assignments
            join e in db.Enterprises on x.EnterpriseId equals e.Id
            where x.OrganisationId == id && e.District == actor.District
            select x).AnyAsync(ct);
        return OrganisationPolicy.ReadsPage(actor, org, servesDistrict) ? org : null;
    }
}
