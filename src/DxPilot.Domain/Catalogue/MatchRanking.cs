using System.Globalization;

namespace DxPilot.Domain.Catalogue;

/// <summary>One of the enterprise's needs as the match reads it: the level-3 scenario, its name, the priority and the budget.</summary>
public sealed record MatchNeed(string ScenarioCode, string ScenarioName, NeedPriority Priority, decimal? BudgetWan);

/// <summary>A shown product that serves at least one of the needs, with what the ranking weighs about its provider: the think
/// tank's mean rating (百分制, null when unrated), the diagnosis satisfaction forms of its clients (how many, how many 满意), and
/// whether it already serves this enterprise.</summary>
public sealed record MatchCandidate(Guid ProductId, string Name, Guid ProviderId, string ProviderName, IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> Industries, decimal PriceLowWan, decimal PriceHighWan, double? ThinkTankRating, int SatisfactionForms,
    int SatisfiedForms, bool ServesEnterprise);

/// <summary>The points of each criterion; <see cref="Total"/> ranks.</summary>
public sealed record MatchScores(double Coverage, double Industry, double Budget, double ThinkTank, double Satisfaction, double Serving)
{
    public double Total => Coverage + Industry + Budget + ThinkTank + Satisfaction + Serving;
}

/// <summary>A ranked product: the need scenarios it covers, its points, why it is listed (in Chinese, in the order the page
/// shows them), and by how much its starting price exceeds the budget (null when within, or no budget stated).</summary>
public sealed record RankedMatch(MatchCandidate Product, IReadOnlyList<string> CoveredScenarios, MatchScores Scores, IReadOnlyList<string> Reasons,
    decimal? OverBudgetWan)
{
    public string Why => string.Join("；", Reasons);
}

/// <summary>
/// 供需适配的排序: the products that serve an enterprise's needs, best fit first. Each product earns points on six criteria, and
/// the sum ranks. The needs weigh most — one 高 need (40) counts more than any other single criterion, two 中 needs more than a 高
/// one — and the rest separate products that cover the same needs:
/// <list type="bullet">
/// <item>covering a need's scenario: 高 <see cref="High"/>, 中 <see cref="Medium"/>, 低 <see cref="Low"/> (several needs in one
/// scenario count once, at their highest priority);</item>
/// <item>fitting the enterprise's pilot industry (named among the product's industries, or the product fits every industry):
/// <see cref="IndustryFit"/>;</item>
/// <item>the price against the budget of the needs it covers (their stated budgets summed; nothing when none is stated): the whole
/// price range within it <see cref="WithinBudget"/>; a range that straddles it 0; a starting price over it loses up to
/// <see cref="OverBudget"/> in proportion to the excess (all of it at twice the budget), so over-budget always ranks below within;</item>
/// <item>the think tank's mean rating of the provider (百分制): up to <see cref="ThinkTank"/>;</item>
/// <item>the share of its diagnosed clients who were 满意 overall: up to <see cref="Satisfaction"/>;</item>
/// <item>the provider already serves this enterprise (it knows the plant): <see cref="AlreadyServing"/>.</item>
/// </list>
/// Ties go to the lower starting price, then the name, then the product's id, so that the order never depends on the database's.
/// </summary>
public static class MatchRanking
{
    public const double High = 40, Medium = 25, Low = 10;
    public const double IndustryFit = 15;
    public const double WithinBudget = 15, OverBudget = 15;
    public const double ThinkTank = 10, Satisfaction = 10, AlreadyServing = 10;

    public static double Weight(NeedPriority p) => p switch { NeedPriority.High => High, NeedPriority.Medium => Medium, _ => Low };

    public static IReadOnlyList<RankedMatch> Rank(IReadOnlyList<MatchNeed> needs, string industryKey, IEnumerable<MatchCandidate> candidates)
    {
        // One line per scenario: the highest priority asked in it, and the budgets stated for it.
        var wanted = needs.GroupBy(n => n.ScenarioCode).ToDictionary(g => g.Key, g => new
        {
            g.First().ScenarioName,
            Priority = g.Min(n => n.Priority),
            Budget = g.Any(n => n.BudgetWan is not null) ? g.Sum(n => n.BudgetWan ?? 0) : (decimal?)null,
        });
        var order = needs.Select(n => n.ScenarioCode).Distinct().ToList();
        var ranked = new List<RankedMatch>();
        foreach (var c in candidates)
        {
            var covered = order.Where(c.Scenarios.Contains).ToList();
            if (covered.Count == 0) continue;
            var reasons = new List<string>
            {
                "覆盖需求：" + string.Join("、", covered.Select(s => $"{wanted[s].ScenarioName}（{wanted[s].Priority.Label()}）")),
            };
            var coverage = covered.Sum(s => Weight(wanted[s].Priority));

            var fits = c.Industries.Count == 0 || c.Industries.Contains(industryKey);
            reasons.Add(c.Industries.Count == 0 ? "适用各行业" : fits ? "适用本行业" : "未列明适用本行业");

            var budgets = covered.Select(s => wanted[s].Budget).Where(b => b is not null).ToList();
            decimal? budget = budgets.Count == 0 ? null : budgets.Sum();
            double budgetPoints = 0;
            decimal? over = null;
            if (budget is { } b)
            {
                if (c.PriceHighWan <= b)
                {
                    budgetPoints = WithinBudget;
                    reasons.Add($"在预算{Wan(b)}万元内");
                }
                else if (c.PriceLowWan <= b) reasons.Add($"价格区间跨越预算{Wan(b)}万元（最高超出{Wan(c.PriceHighWan - b)}万元）");
                else
                {
                    over = c.PriceLowWan - b;
                    budgetPoints = -OverBudget * Math.Min(1, (double)(over.Value / b));
                    reasons.Add($"超出预算{Wan(over.Value)}万元（预算{Wan(b)}万元）");
                }
            }

            var thinkTank = c.ThinkTankRating is { } r ? ThinkTank * Math.Clamp(r, 0, 100) / 100 : 0;
            if (c.ThinkTankRating is { } shown) reasons.Add($"智库评价{shown.ToString("0.0", CultureInfo.InvariantCulture)}分");
            var satisfaction = c.SatisfactionForms > 0 ? Satisfaction * c.SatisfiedForms / c.SatisfactionForms : 0;
            if (c.SatisfactionForms > 0) reasons.Add($"诊断满意度：{c.SatisfactionForms}家企业评价，{c.SatisfiedForms}家满意");
            if (c.ServesEnterprise) reasons.Add("已为本企业提供诊断服务");

            ranked.Add(new RankedMatch(c, covered,
                new MatchScores(coverage, fits ? IndustryFit : 0, budgetPoints, thinkTank, satisfaction, c.ServesEnterprise ? AlreadyServing : 0),
                reasons, over));
        }
        // Rounded before comparing, so that sums of the same points in another order tie as they should.
        return ranked.OrderByDescending(m => Math.Round(m.Scores.Total, 6)).ThenBy(m => m.Product.PriceLowWan)
            .ThenBy(m => m.Product.Name, StringComparer.Ordinal).ThenBy(m => m.Product.ProductId).ToList();
    }

    private static string Wan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}
