namespace DxPilot.Web.Features.Filings;

/// <summary>How the filing pages word what the list and the detail show besides the chain's own labels.</summary>
public static class FilingLabels
{
    /// <summary>How long a filing has been in its state, as a reviewer weighs a queue: 不足1小时, 5小时, 3天.</summary>
    public static string Waited(TimeSpan span) =>
        span.TotalHours < 1 ? "不足1小时" : span.TotalDays < 1 ? $"{(int)span.TotalHours}小时" : $"{(int)span.TotalDays}天";

    /// <summary>Why central funds no longer support the enterprise (DOMAIN.md §2, central-fund exclusions), worded as the
    /// eligibility check words it.</summary>
    public static string Exclusion(bool littleGiantCentralFunded, bool pilot2022) => (littleGiantCentralFunded, pilot2022) switch
    {
        (true, true) => "已获中央财政资金支持的专精特新“小巨人”企业，且已纳入2022年改造试点",
        (true, false) => "已获中央财政资金支持的专精特新“小巨人”企业",
        (false, true) => "已纳入2022年改造试点的中小企业",
        _ => "",
    };

    /// <summary>填写说明 of a section, as the paper form prints it.</summary>
    public static string FilledBy(Domain.Filings.FilledBy by) =>
        by == Domain.Filings.FilledBy.Together ? "试点企业与数字化服务商共同填写" : "试点企业填写";

    /// <summary>An enterprise field as the service gave it (personal data already masked for this viewer, <see cref="FilingPersonalData"/>).</summary>
    public static string Basic(Domain.Filings.FilingField field, IReadOnlyDictionary<string, string> basics) => basics.GetValueOrDefault(field.Key, "");

    /// <summary>An item of 申报单位基本信息 the file leaves blank: the reader learns where it is completed.</summary>
    public const string Unfilled = "（企业档案中未填写）";

    /// <summary>A field of the filled form, read-only: the enterprise's fields as <see cref="Basic"/> (or
    /// <see cref="Unfilled"/>), the answers as the form prints them, "—" for nothing (the detail page and the expert's review page alike).</summary>
    public static string Answer(Domain.Filings.FilingField field, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> basics)
    {
        if (field.Kind == Domain.Filings.FieldKind.Enterprise)
            return Basic(field, basics) is { Length: > 0 } basic ? basic : Unfilled;
        var shown = Domain.Filings.FilingValues.Show(field, values);
        return string.IsNullOrEmpty(shown) ? "—" : shown;
    }
}
