namespace DxPilot.Web.Features.Filings;

/// <summary>How the filing pages word what the list and the detail show besides the chain's own labels.</summary>
public static class FilingLabels
{
    /// <summary>How long a filing has been in its state, as a reviewer weighs a queue: 不足1小时, 5小时, 3天.</summary>
    public static string Waited(TimeSpan span) =>
        span.TotalHours < 1 ? "不足1小时" : span.TotalDays < 1 ? $"{(int)span.TotalHours}小时" : $"{(int)span.TotalDays}天";

    /// <summary>Why central funds no longer support the enterprise (DOMAIN.md §6).</summary>
    public static string Exclusion(bool littleGiantCentralFunded, bool pilot2022) => (littleGiantCentralFunded, pilot2022) switch
    {
        (true, true) => "已获中央财政资金支持的专精特新“小巨人”企业，且为2022年试点企业",
        (true, false) => "已获中央财政资金支持的专精特新“小巨人”企业",
        (false, true) => "2022年中小企业数字化转型试点企业",
        _ => "",
    };

    /// <summary>填写说明 of a section, as the paper form prints it.</summary>
    public static string FilledBy(Domain.Filings.FilledBy by) =>
        by == Domain.Filings.FilledBy.Together ? "试点企业与数字化服务商共同填写" : "试点企业填写";
}
