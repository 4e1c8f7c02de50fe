using DxPilot.Domain.Accounts;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Supervision;

/// <summary>The scores a think tank gives (by criterion key), its remark, and the version of its rating it read (none for a first one).</summary>
public sealed record RatingInput(Dictionary<string, int?>? Scores, string? Remark, int? Version);

/// <summary>A criterion's average over the current ratings, on its own scale.</summary>
public sealed record CriterionAverage(RatingCriterion Criterion, double? Average, int Count);

/// <summary>A provider's or an enterprise's ratings: averages per criterion and overall (0-100), every current rating, the viewer's own.</summary>
public sealed record RatingsView(RatedKind Kind, Guid SubjectId, string SubjectName, SupervisionRules Rules, IReadOnlyList<CriterionAverage> Averages,
    double? Overall, int Count, IReadOnlyList<SupervisionRating> Ratings, SupervisionRating? Mine, bool MayRate)
{
    public IReadOnlyList<RatingCriterion> Criteria => Rules.CriteriaFor(Kind);
}

public sealed partial class SupervisionService
{
    private const string RatingWhat = "评价";

    public SupervisionRules? RulesOf(Actor a) => programmes.Find(a.ProgrammeId)?.Supervision;

    /// <summary>The rated party's name if the actor reaches it: a provider through its page's scope, an enterprise through the registry's.</summary>
    private async Task<string?> RatedNameAsync(Actor actor, RatedKind kind, Guid id, CancellationToken ct) => kind switch
    {
        RatedKind.Provider => await organisations.FindAsync(actor, id, ct) is { Kind: OrganisationKind.ServiceProvider } o ? o.Name : null,
        RatedKind.Enterprise => (await enterprises.GetAsync(actor, id, ct))?.Name,
        _ => null,
    };

    public async Task<Outcome<RatingsView>> RatingsAsync(Actor actor, RatedKind kind, Guid id, CancellationToken ct)
    {
        if (RulesOf(actor) is not { } rules || !SupervisionPolicy.ReadsRatings(actor, kind, id)
            || await RatedNameAsync(actor, kind, id, ct) is not { } name) return Outcome<RatingsView>.NotFound();
        var ratings = db.SupervisionRatings.AsNoTracking().Where(r => r.ProgrammeId == actor.ProgrammeId && r.SubjectKind == kind && r.SubjectId == id);
        var perCriterion = await (from s in db.SupervisionRatingScores
                                  join r in ratings on s.RatingId equals r.Id
                                  group s by s.Criterion into g
                                  select new { Key = g.Key, Average = g.Average(x => (double)x.Score), Count = g.Count() }).ToListAsync(ct);
        var overall = await ratings.GroupBy(r => r.SubjectId).Select(g => new { Average = g.Average(r => r.Overall), Count = g.Count() }).FirstOrDefaultAsync(ct);
        var list = await ratings.Include(r => r.Scores).OrderByDescending(r => r.RatedAt).ToListAsync(ct);
        var averages = rules.CriteriaFor(kind).Select(c => perCriterion.FirstOrDefault(p => p.Key == c.Key) is { } p
            ? new CriterionAverage(c, p.Average, p.Count) : new CriterionAverage(c, null, 0)).ToList();
        return Outcome<RatingsView>.Ok(new RatingsView(kind, id, name, rules, averages, overall?.Average, overall?.Count ?? 0, list,
            list.FirstOrDefault(r => r.RaterUserId == actor.UserId), SupervisionPolicy.Rate(actor) is null));
    }

    /// <summary>评价: a think-tank account rates a provider or an enterprise on every criterion; rating again replaces its scores.</summary>
    public async Task<Outcome<SupervisionRating>> RateAsync(Actor actor, RatedKind kind, Guid id, RatingInput input, CancellationToken ct)
    {
        if (RulesOf(actor) is not { } rules || await RatedNameAsync(actor, kind, id, ct) is null) return Outcome<SupervisionRating>.NotFound();
        if (SupervisionPolicy.Rate(actor) is { } why) return Outcome<SupervisionRating>.Forbidden(why);
        var criteria = rules.CriteriaFor(kind);
        var scores = input.Scores ?? [];
        var errors = SupervisionRating.Check(criteria, scores, input.Remark);
        if (errors.Count > 0) return Outcome<SupervisionRating>.Invalid(errors);
        var rating = await db.SupervisionRatings.Include(r => r.Scores)
            .FirstOrDefaultAsync(r => r.SubjectKind == kind && r.SubjectId == id && r.RaterUserId == actor.UserId, ct);
        if (rating is null)
        {
            rating = SupervisionRating.Rate(actor, await OrganisationNameAsync(actor, ct), kind, id, criteria, scores, input.Remark, Now());
            db.SupervisionRatings.Add(rating);
        }
        else
        {
            if (input.Version is not { } version)
                return Outcome<SupervisionRating>.Invalid(new Dictionary<string, string> { ["version"] = "修改已有的评价时请提供读取时的版本号" });
            if (version != rating.Version)
                return Outcome<SupervisionRating>.Conflict(await saving.StaleMessageAsync(((Domain.Auditing.IAudited)rating).AuditKey, RatingWhat, ct));
            saving.Expect(rating, version);
            rating.Rerate(criteria, scores, input.Remark, Now());
        }
        var saved = rating;
        // Two first ratings at once: the unique index lets one through, the other is told to look again.
        return await saving.SaveAsync(saved, RatingWhat, () => saved, ct,
            onDuplicate: async () => Outcome<SupervisionRating>.Conflict(await saving.StaleMessageAsync(((Domain.Auditing.IAudited)saved).AuditKey, RatingWhat, ct)));
    }
}
