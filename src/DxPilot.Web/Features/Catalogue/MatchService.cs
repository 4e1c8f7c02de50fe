using System.Linq.Expressions;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>One of the enterprise's needs with how many shown products serve its scenario (0: 暂无适配产品).</summary>
public sealed record MatchedNeed(Guid Id, string ScenarioCode, string ScenarioName, string Problem, NeedPriority Priority, decimal? BudgetWan, int Products);

/// <summary>A ranked product with what the list shows of it beyond the ranking: its price as written and its summary.</summary>
public sealed record MatchRow(int Rank, RankedMatch Match, string PriceText, string Summary);

/// <summary>供需适配 of one enterprise: its needs, and one page of the ranked products (of those the search keeps).</summary>
public sealed record MatchList(Guid EnterpriseId, string EnterpriseName, string IndustryName, IReadOnlyList<MatchedNeed> Needs, Page<MatchRow> Matches,
    int AllMatches, string? Search);

/// <summary>
/// 供需适配: the shown products (approved, of admitted providers) that serve an enterprise's needs, ranked by
/// <see cref="MatchRanking"/>. The candidates are read with only what the ranking weighs; the providers' ratings and clients'
/// satisfaction come from <see cref="MatchProviderFigures"/> (the whole programme's, kept a few seconds); the page's rows are then
/// read whole.
/// </summary>
public sealed class MatchService(DxPilotDbContext db, EnterpriseService enterprises, ScenarioTreeSeeding tree, ProgrammeCatalog programmes,
    MatchProviderFigures providerFigures)
{
    public const int PageSize = 50;
    public const int MaxSearch = 50;

    public async Task<Outcome<MatchList>> ListAsync(Actor actor, Guid enterpriseId, string? search, int page, CancellationToken ct = default)
    {
        var enterprise = await enterprises.InScope(actor).AsNoTracking().Where(e => e.Id == enterpriseId)
            .Select(e => new { e.Id, e.Name, e.IndustryKey }).FirstOrDefaultAsync(ct);
        if (!NeedPolicy.Reads(actor, enterprise is not null)) return Outcome<MatchList>.NotFound();
        var programme = programmes.Get(actor.ProgrammeId);
        await tree.EnsureAsync(programme.Id, ct);

        var needs = await (from n in db.EnterpriseNeeds.AsNoTracking()
                           where n.EnterpriseId == enterprise!.Id
                           join s in db.CatalogueScenarios.Where(s => s.ProgrammeId == programme.Id) on n.ScenarioCode equals s.Code into named
                           from s in named.DefaultIfEmpty()
                           orderby n.Priority, n.ScenarioCode, n.CreatedAt
                           select new { n.Id, n.ScenarioCode, Name = s == null ? n.ScenarioCode : s.Name, n.Problem, n.Priority, n.BudgetWan }).ToListAsync(ct);
        var ranked = needs.Count == 0 ? [] : MatchRanking.Rank(
            needs.Select(n => new MatchNeed(n.ScenarioCode, n.Name, n.Priority, n.BudgetWan)).ToList(), enterprise!.IndustryKey,
            await CandidatesAsync(programme.Id, enterprise.Id, needs.Select(n => n.ScenarioCode).Distinct().ToList(), ct));

        var term = QueryValue.Search(search, MaxSearch);
        var kept = ranked.Select((m, i) => (Rank: i + 1, Match: m))
            .Where(x => term is null || x.Match.Product.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                        || x.Match.Product.ProviderName.Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
        var number = Paging.Clamp(page, kept.Count, PageSize);
        var shown = kept.Skip((number - 1) * PageSize).Take(PageSize).ToList();
        var ids = shown.Select(x => x.Match.Product.ProductId).ToList();
        var details = await db.CatalogueProducts.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var rows = shown.Select(x => new MatchRow(x.Rank, x.Match, details[x.Match.Product.ProductId].PriceText, details[x.Match.Product.ProductId].Summary)).ToList();

        var served = needs.Select(n => new MatchedNeed(n.Id, n.ScenarioCode, n.Name, n.Problem, n.Priority, n.BudgetWan,
            ranked.Count(m => m.CoveredScenarios.Contains(n.ScenarioCode)))).ToList();
        return Outcome<MatchList>.Ok(new MatchList(enterprise!.Id, enterprise.Name, programme.FindIndustry(enterprise.IndustryKey)?.Name ?? enterprise.IndustryKey,
            served, new Page<MatchRow>(rows, kept.Count, number, PageSize), ranked.Count, term));
    }

    private async Task<List<MatchCandidate>> CandidatesAsync(string programmeId, Guid enterpriseId, IReadOnlyList<string> scenarios, CancellationToken ct)
    {
        var products = await (from p in ShownProducts.In(db, programmeId).AsNoTracking().Where(ServesAny(scenarios))
                              join o in db.Organisations on p.ProviderId equals o.Id
                              select new { p.Id, p.Name, p.ProviderId, Provider = o.Name, p.Scenarios, p.Industries, p.PriceLowWan, p.PriceHighWan })
            .ToListAsync(ct);
        var figures = await providerFigures.InAsync(programmeId, ct);
        var serving = (await db.Assignments.AsNoTracking()
            .Where(a => a.EnterpriseId == enterpriseId && a.Kind == OrganisationKind.ServiceProvider).Select(a => a.OrganisationId).ToListAsync(ct)).ToHashSet();
        return products.Select(p =>
        {
            var f = figures.GetValueOrDefault(p.ProviderId);
            return new MatchCandidate(p.Id, p.Name, p.ProviderId, p.Provider, Bars.Split(p.Scenarios), Bars.Split(p.Industries), p.PriceLowWan, p.PriceHighWan,
                f?.ThinkTankRating, f?.SatisfactionForms ?? 0, f?.SatisfiedForms ?? 0, serving.Contains(p.ProviderId));
        }).ToList();
    }

    /// <summary>Serves at least one of the scenarios: one "|code|" substring test per scenario, each a query parameter.</summary>
    internal static Expression<Func<CatalogueProduct, bool>> ServesAny(IEnumerable<string> scenarios)
    {
        var p = Expression.Parameter(typeof(CatalogueProduct), "p");
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var code in scenarios)
        {
            // A captured value rather than a constant: the database sees a parameter, and one plan serves every enterprise.
            var bar = new Parameter($"|{code}|");
            body = Expression.OrElse(body, Expression.Call(Expression.Property(p, nameof(CatalogueProduct.Scenarios)), contains,
                Expression.Property(Expression.Constant(bar), nameof(Parameter.Value))));
        }
        return Expression.Lambda<Func<CatalogueProduct, bool>>(body, p);
    }

    private sealed record Parameter(string Value);
}
