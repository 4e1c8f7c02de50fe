using DxPilot.Domain.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>Query-string binding for the list page, the export and the API: taken as text, so that a value that does not
/// parse leaves its filter empty (<see cref="QueryValue"/>) rather than failing the request.</summary>
public sealed class EnterpriseQueryParameters
{
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    /// <summary>SizeClass by name (Micro, Small, Medium, Large).</summary>
    [FromQuery(Name = "size")] public string? Size { get; set; }
    /// <summary>QualityTier by name.</summary>
    [FromQuery(Name = "tier")] public string? Tier { get; set; }
    [FromQuery(Name = "aboveScale")] public string? AboveScale { get; set; }
    [FromQuery(Name = "excluded")] public string? Excluded { get; set; }
    [FromQuery(Name = "missingUscc")] public string? MissingUscc { get; set; }
    /// <summary>A service provider's id: the enterprises assigned to it.</summary>
    [FromQuery(Name = "provider")] public string? Provider { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "desc")] public string? Desc { get; set; }
    [FromQuery(Name = "page")] public string? Page { get; set; }
    /// <summary>20, 50 or 100.</summary>
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public EnterpriseQuery ToQuery() => new EnterpriseQuery
    {
        Search = QueryValue.Text(Search), District = QueryValue.Text(District), Industry = QueryValue.Text(Industry),
        Size = QueryValue.Enum<SizeClass>(Size), Tier = QueryValue.Enum<QualityTier>(Tier),
        AboveScale = QueryValue.Bool(AboveScale), Excluded = QueryValue.Bool(Excluded), MissingUscc = QueryValue.Bool(MissingUscc),
        Provider = Guid.TryParse(Provider, out var provider) ? provider : null,
        Sort = Sort ?? "name", Descending = QueryValue.Flag(Desc),
        PageNumber = QueryValue.Int(Page) ?? 1, PageSize = QueryValue.Int(PageSize) ?? 20,
    }.Normalised();
}
