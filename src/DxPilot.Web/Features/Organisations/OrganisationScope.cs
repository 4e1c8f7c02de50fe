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
        return OrganisationPolicy.ReadsPage(actor, org, (await ServingDistrictAsync(actor, [id], ct)).Contains(id)) ? org : null;
    }

    /// <summary>Of <paramref name="ids"/>, the organisations whose page the actor may read: a page links only those, so that no
    /// link it shows opens "not found" (a provider's name on a product, a plan or a diagnosis is plain text to the others).</summary>
    public async Task<IReadOnlySet<Guid>> ReadableAsync(Actor actor, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new HashSet<Guid>();
        var orgs = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.ProgrammeId == actor.ProgrammeId).ToListAsync(ct);
        var serving = await ServingDistrictAsync(actor, ids, ct);
        return orgs.Where(o => OrganisationPolicy.ReadsPage(actor, o, serving.Contains(o.Id))).Select(o => o.Id).ToHashSet();
    }

    /// <summary>Those of <paramref name="ids"/> assigned to an enterprise of a district bureau's district or holding a contract of one
    /// of its filings (<see cref="ProviderWork"/>; none for anyone else).</summary>
    private async Task<HashSet<Guid>> ServingDistrictAsync(Actor actor, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        actor.Role != Role.DistrictBureau ? [] : (await (
            from x in db.Assignments
            join e in db.Enterprises on x.EnterpriseId equals e.Id
            where ids.Contains(x.OrganisationId) && e.District == actor.District
            select x.OrganisationId).Union(
            from c in db.ServiceContracts
            join f in db.Filings on c.FilingId equals f.Id
            where c.ProviderOrganisationId != null && ids.Contains(c.ProviderOrganisationId.Value) && f.District == actor.District
            select c.ProviderOrganisationId!.Value).ToListAsync(ct)).ToHashSet();
}
