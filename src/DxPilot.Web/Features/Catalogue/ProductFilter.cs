using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// What the catalogue's lists select (the home page, a provider's own list, the review queue, the API): a search (name, summary
/// or provider), a scenario of any level ("2", "2.1" or "2.1.1"), an industry, cloud-based or not, a price up to N 万元 (the
/// lower end of a range), and a status where the list shows more than the shown products.
/// </summary>
public sealed record ProductFilter(string? Search = null, string? Scenario = null, string? Industry = null, bool? Cloud = null,
    decimal? MaxPriceWan = null, ProductStatus? Status = null)
{
    public const int MaxSearch = 50;
    public static readonly ProductFilter None = new();

    /// <summary>Why the typed price limit was not applied (not a positive amount), or null: the lists say so beside the filters
    /// and the API refuses the query, instead of listing every price as though nothing had been typed.</summary>
    public string? PriceProblem { get; init; }

    public static ProductFilter From(string? search, string? scenario, string? industry, string? cloud, string? maxPrice, string? status)
    {
        var code = QueryValue.Text(scenario)?.Trim();
        var place = QueryValue.Text(industry)?.Trim();
        var typedPrice = QueryValue.Text(maxPrice)?.Trim();
        var price = QueryValue.Decimal(maxPrice) is { } p and > 0 ? p : (decimal?)null;
        return new(
            QueryValue.Search(search, MaxSearch),
            string.IsNullOrEmpty(code) || !code.All(c => char.IsAsciiDigit(c) || c == '.') || code.Length > 32 ? null : code,
            string.IsNullOrEmpty(place) ? null : place,
            cloud switch { "yes" => true, "no" => false, _ => null },
            price,
            WorkflowNames.Parse<ProductStatus>(status))
        {
            PriceProblem = price is null && !string.IsNullOrEmpty(typedPrice)
                ? $"价格上限“{(typedPrice.Length > 20 ? typedPrice[..20] + "…" : typedPrice)}”不是大于0的金额（万元），未按价格筛选"
                : null,
        };
    }

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("search", Search); Add("scenario", Scenario); Add("industry", Industry);
        Add("cloud", Cloud switch { true => "yes", false => "no", null => null });
        Add("maxPrice", MaxPriceWan?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("status", Status is { } s ? WorkflowNames.Of(s) : null);
        if (page is { } n) parts.Add($"page={n}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>The filter applied to products (the status aside, which each list applies as it may).</summary>
    public IQueryable<CatalogueProduct> Apply(IQueryable<CatalogueProduct> q, IQueryable<Domain.Organisations.Organisation> organisations)
    {
        if (Search is { } search)
        {
            var s = QueryValue.Folded(search);
            q = q.Where(p => p.Name.ToLower().Contains(s) || p.Summary.ToLower().Contains(s)
                             || organisations.Any(o => o.Id == p.ProviderId && o.Name.ToLower().Contains(s)));
        }
        if (Scenario is { } code)
        {
            // A level-3 code is one member; a level-1 or -2 code is every member below it ("|2.1." never matches "|2.10.").
            var pattern = code.Count(c => c == '.') >= 2 ? Bars.Member(code) : $"%|{code}.%";
            q = q.Where(p => EF.Functions.Like(p.Scenarios, pattern));
        }
        if (Industry is { } key)
        {
            var member = Bars.Member(key);
            q = q.Where(p => p.Industries == "||" || EF.Functions.Like(p.Industries, member));
        }
        if (Cloud is { } cloud) q = q.Where(p => p.CloudBased == cloud);
        if (MaxPriceWan is { } max) q = q.Where(p => p.PriceLowWan <= max);
        return q;
    }
}
