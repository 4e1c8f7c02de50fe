using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>What a list of applications may be narrowed to: the call, a batch, a state, a county, a direction, a name.</summary>
public sealed record AwardFilter(string CallId, Guid? BatchId = null, AwardStatus? State = null, string? District = null, string? Direction = null,
    string? Search = null);

/// <summary>One line of the county's and the city's lists.</summary>
public sealed record AwardRow(Guid Id, Guid EnterpriseId, string EnterpriseName, string? Uscc, string District, Guid BatchId, string Directions,
    AwardStatus Status, int Revision, DateTime? SubmittedAt, DateTime UpdatedAt);

public sealed partial class AwardService
{
    /// <summary>Counting stops here, as in the other lists.</summary>
    public const int CountCap = 1_000;

    public async Task<Outcome<Page<AwardRow>>> ListAsync(Actor actor, AwardFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (CallOf(actor, filter.CallId) is null) return Outcome<Page<AwardRow>>.NotFound();
        var q = Listed(actor, filter);
        return Outcome<Page<AwardRow>>.Ok(await q.PageAsync(pageNumber, PageSize, CountCap, ct));
    }

    /// <summary>Every row the filter selects within the actor's scope, the latest changed first.</summary>
    public IQueryable<AwardRow> Listed(Actor actor, AwardFilter filter)
    {
        var q = InScope(actor).Where(x => x.CallId == filter.CallId);
        if (filter.BatchId is { } batch) q = q.Where(x => x.BatchId == batch);
        if (filter.State is { } state) q = q.Where(x => x.Status == state);
        if (filter.District is { } district) q = q.Where(x => x.District == district);
        // 已认定 in a direction is recognised in it (a city may recognise one of two), so the dashboard's figures open exactly their rows.
        if (filter.Direction is { } direction)
            q = filter.State == AwardStatus.Recognised
                ? q.Where(x => x.RecognisedDirections.Contains("|" + direction + "|"))
                : q.Where(x => x.Directions.Contains("|" + direction + "|"));
        var files = db.Enterprises.AsQueryable();
        if (filter.Search is { } search)
        {
            var named = files.Matching(actor, search, db.IsPostgres).Select(e => e.Id);
            q = q.Where(x => named.Contains(x.EnterpriseId));
        }
        return from x in q
               join e in files on x.EnterpriseId equals e.Id
               orderby x.UpdatedAt descending, x.Id
               select new AwardRow(x.Id, e.Id, e.Name, e.Uscc, x.District, x.BatchId, x.Directions, x.Status, x.Revision, x.SubmittedAt, x.UpdatedAt);
    }
}
