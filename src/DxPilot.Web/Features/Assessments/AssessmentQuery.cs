using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Assessments;

/// <summary>The assessment list's search, filters and page, as they appear in the URL.</summary>
public sealed record AssessmentQuery
{
    /// <summary>Enterprise name or USCC.</summary>
    public string? Search { get; init; }
    public string? District { get; init; }
    public string? Instrument { get; init; }
    public AssessmentStage? Stage { get; init; }
    public int? Level { get; init; }
    public int PageNumber { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>From the URL, for the page and the API alike; values that do not parse are ignored, as a filter left empty.</summary>
    public static AssessmentQuery Parse(IQueryCollection q) => new AssessmentQuery
    {
        Search = QueryValue.Text(q["search"]), District = QueryValue.Text(q["district"]), Instrument = QueryValue.Text(q["instrument"]),
        Stage = Enum.TryParse<AssessmentStage>(q["stage"], out var stage) && Enum.IsDefined(stage) ? stage : null,
        Level = int.TryParse(q["level"], out var level) ? level : null,
        PageNumber = int.TryParse(q["page"], out var page) ? page : 1,
        PageSize = int.TryParse(q["pageSize"], out var size) ? size : 20,
    }.Normalised();

    public AssessmentQuery Normalised() => this with
    {
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        District = string.IsNullOrWhiteSpace(District) ? null : District,
        Instrument = string.IsNullOrWhiteSpace(Instrument) ? null : Instrument,
        Level = Level is >= 0 and <= LevelRule.MaxLevel ? Level : null,
        PageNumber = Math.Max(1, PageNumber),
        PageSize = PageSize is 20 or 50 or 100 ? PageSize : 20,
    };

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value?.ToString() is { Length: > 0 } text) parts.Add($"{key}={Uri.EscapeDataString(text)}");
        }
        Add("search", Search); Add("district", District); Add("instrument", Instrument); Add("stage", Stage); Add("level", Level);
        Add("page", page ?? PageNumber); Add("pageSize", PageSize);
        return "?" + string.Join("&", parts);
    }
}
