using System.Globalization;

namespace DxPilot.Domain.Text;

public static class ChineseText
{
    /// <summary>Characters as a person counts them: one per grapheme, so a CJK character or an emoji is 1, not 3 bytes or 2 UTF-16 units.</summary>
    public static int CountCharacters(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : new StringInfo(text.Normalize()).LengthInTextElements;

    /// <summary>2025年7月16日</summary>
    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>Amounts in 万元 with two decimals.</summary>
    /// <summary>A file's size as a person reads it: "1.2 MB", "35 KB" (never "0 KB").</summary>
    public static string FileSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024d / 1024d:0.0} MB" : $"{Math.Max(1, (bytes + 1023) / 1024)} KB";

    public static string Wan(decimal? amount) => amount is null ? "" : amount.Value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
