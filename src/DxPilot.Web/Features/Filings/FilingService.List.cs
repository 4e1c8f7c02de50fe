using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>The filing list (page, 附件5 export, API) with its filters, within <see cref="InScope"/>, and each account's queue.</summary>
public sealed partial class FilingService
{
    /// <summary>Counting stops here: a page of a long list says "1000 多项" rather than counting a city's every filing each time
    /// (counting 10,001 of 100,000 took about 50 ms on PostgreSQL, docs/measurements-filing.md); 20 pages of 50 are more than a
    /// reviewer leafs through, and the filters narrow the rest.</summary>
    public const int CountCap = 1_000;

    public bool UsesList(Actor a) => RulesOf(a) is not null && FilingPolicy.ReadsList(a);

    public async Task<Outcome<Page<FilingRow>>> ListAsync(Actor actor, FilingFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (Listed(actor, filter) is not { } q) return Outcome<Page<FilingRow>>.NotFound();
        return Outcome<Page<FilingRow>>.Ok(await q.PageAsync(pageNumber, PageSize, CountCap, ct));
    }

    /// <summary>
    /// Every row the filter selects, in list order: a queue longest waiting first, otherwise the latest moved first. Null for an
    /// actor that does not use the list.
    /// </summary>
    public IQueryable<FilingRow>? Listed(Actor actor, FilingFilter filter)
    {
        if (Selected(actor, filter) is not { } filings) return null;
        var rows = from f in filings
                   join e in db.Enterprises on f.EnterpriseId equals e.Id
                   select new { f, e };
        rows = filter.Mine ? rows.OrderBy(x => x.f.StatusSince).ThenBy(x => x.f.Id) : rows.OrderByDescending(x => x.f.StatusSince).ThenBy(x => x.f.Id);
        return rows.Select(x => new FilingRow(x.f.Id, x.e.Id, x.e.Name, x.e.Uscc, x.f.District, x.f.ProjectName, x.f.Status, x.f.TargetLevel,
            x.f.InvestmentWan, x.f.Round, x.f.SubmittedAt, x.f.StatusSince, x.f.LittleGiantCentralFunded, x.f.Pilot2022, x.f.UpdatedAt));
    }

    /// <summary>
    /// The filings the filter selects in the actor's scope, unordered (<see cref="Listed"/> orders them); null for an actor that
    /// does not use the list.
    /// </summary>
    public IQueryable<Filing>? Selected(Actor actor, FilingFilter filter)
    {
        if (!UsesList(actor)) return null;
        var filings = filter.Mine ? Waiting(actor) : InScope(actor);
        if (filter.State is { } state) filings = filings.Where(f => f.Status == state);
        if (filter.District is { } district) filings = filings.Where(f => f.District == district);
        if (filter.TargetLevel is { } target) filings = filings.Where(f => f.TargetLevel == target);
        if (filter.Excluded is { } excluded) filings = filings.Where(f => (f.LittleGiantCentralFunded || f.Pilot2022) == excluded);
        if (filter.Search is { } search)
        {
            // The project's name, or the enterprise's name or USCC as the registry's search reads them.
            var named = db.Enterprises.Matching(actor, search, db.IsPostgres).Select(e => e.Id);
            var folded = QueryValue.Folded(search);
            filings = filings.Where(f => f.ProjectName.ToLower().Contains(folded) || named.Contains(f.EnterpriseId));
        }
        return filings;
    }

    /// <summary>
    /// What waits for this account: a district's filings in its review, the city's in its review, an enterprise's returned (and
    /// unsubmitted drafts), a provider's clients' drafts and returns, an expert's reviews not yet handed in.
    /// </summary>
    public IQueryable<Filing> Waiting(Actor actor)
    {
        var q = InScope(actor);
        return actor.Role switch
        {
            Role.DistrictBureau => q.Where(f => f.Status == FilingStatus.DistrictReview),
            Role.CityBureau => q.Where(f => f.Status == FilingStatus.CityReview),
            Role.Enterprise or Role.ServiceProvider => q.Where(f => f.Status == FilingStatus.Returned || f.Status == FilingStatus.Draft),
            // Only while its review can still be handed in: the filing in 市级审核 and the review of its current round.
            Role.Expert => q.Where(f => f.Status == FilingStatus.CityReview && db.FilingExpertReviews.Any(r => r.FilingId == f.Id && r.Round == f.Round && r.ExpertUserId == actor.UserId
                                                                          && r.SubmittedAt == null)),
            _ => q.Where(f => false),
        };
    }
}
