using DxPilot.Domain.Enterprises;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>The list's search, filters, sort and page, as they appear in the URL (so a filtered list can be bookmarked and exported).</summary>
public sealed record EnterpriseQuery
{
    public string? Search { get; init; }
    public string? District { get; init; }
    public string? Industry { get; init; }
    public SizeClass? Size { get; init; }
    public QualityTier? Tier { get; init; }
    /// <summary>true 规上, false 规下.</summary>
    public bool? AboveScale { get; init; }
    /// <summary>Only enterprises carrying either central-fund exclusion flag (true) or neither (false).</summary>
    public bool? Excluded { get; init; }
    public bool? MissingUscc { get; init; }
    /// <summary>Only the enterprises a service provider is assigned to (the dashboard's 服务企业).</summary>
    public Guid? Provider { get; init; }
    public string Sort { get; init; } = "name";
    public bool Descending { get; init; }
    public int PageNumber { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>
    {
        ["name"] = "企业名称", ["district"] = "县（市、区）", ["industry"] = "细分行业",
        ["employees"] = "从业人员", ["revenue"] = "营业收入", ["updated"] = "更新时间",
    };

    public EnterpriseQuery Normalised() => this with
    {
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        District = string.IsNullOrWhiteSpace(District) ? null : District,
        Industry = string.IsNullOrWhiteSpace(Industry) ? null : Industry,
        Sort = Sorts.ContainsKey(Sort) ? Sort : "name",
        PageNumber = Math.Max(1, PageNumber),
        PageSize = PageSize is 20 or 50 or 100 ? PageSize : 20,
    };

    /// <summary>The query string for this query (for links that keep the filters).</summary>
    public string ToQueryString(int? page = null, string? sort = null, bool? descending = null)
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is null) return;
            var text = value is bool b ? (b ? "true" : "false") : value.ToString();
            if (!string.IsNullOrEmpty(text)) parts.Add($"{key}={Uri.EscapeDataString(text)}");
        }
        Add("search", Search); Add("district", District); Add("industry", Industry);
        Add("size", Size); Add("tier", Tier); Add("aboveScale", AboveScale); Add("excluded", Excluded); Add("missingUscc", MissingUscc); Add("provider", Provider);
        Add("sort", sort ?? Sort); Add("desc", descending ?? Descending);
        Add("page", page ?? PageNumber); Add("pageSize", PageSize);
        return "?" + string.Join("&", parts);
    }
}
