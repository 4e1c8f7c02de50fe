using DxPilot.Domain.Enterprises;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>Query-string binding for the list, the export and the API.</summary>
public sealed class EnterpriseQueryParameters
{
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "size")] public SizeClass? Size { get; set; }
    [FromQuery(Name = "tier")] public QualityTier? Tier { get; set; }
    [FromQuery(Name = "aboveScale")] public bool? AboveScale { get; set; }
    [FromQuery(Name = "excluded")] public bool? Excluded { get; set; }
    [FromQuery(Name = "missingUscc")] public bool? MissingUscc { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "desc")] public bool? Desc { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    public EnterpriseQuery ToQuery() => new EnterpriseQuery
    {
        Search = Search, District = District, Industry = Industry, Size = Size, Tier = Tier, AboveScale = AboveScale,
        Excluded = Excluded, MissingUscc = MissingUscc, Sort = Sort ?? "name", Descending = Desc ?? false,
        PageNumber = Page ?? 1, PageSize = PageSize ?? 20,
    }.Normalised();
}
