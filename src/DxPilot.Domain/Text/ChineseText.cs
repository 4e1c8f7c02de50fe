using System.Globalization;

namespace DxPilot.Domain.Text;

public static class ChineseText
{
    /// <summary>Characters as a person counts them: one per grapheme, so a CJK character or an emoji is 1, not 3 bytes or 2 UTF-16 units.</summary>
    public static int CountCharacters(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : new StringInfo(text.Normalize()).LengthInTextElements;

    /// <summary>
    /// Characters as a reader of a written text counts them, Word's 字符数（不计空格）: one per grapheme (a CJK character,
    /// letter, digit, punctuation mark or emoji is 1), spaces, tabs and line breaks not counted. For minimum lengths of
    /// prose (a report of 1.5万字), where padding with blank lines must not count; limits on stored size keep
    /// <see cref="CountCharacters"/>.
    /// </summary>
    public static int CountWrittenCharacters(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var count = 0;
        var elements = StringInfo.GetTextElementEnumerator(text.Normalize());
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (!element.All(char.IsWhiteSpace)) count++;
        }
        return count;
    }

    /// <summary>2025年7月16日</summary>
    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>A local time to the minute as an export's name carries it, "2026年11月29日16时10分": two exports of a day differ.</summary>
    public static string Minute(DateTime local) => $"{Date(DateOnly.FromDateTime(local))}{local:HH}时{local:mm}分";

    /// <summary>A file's size as a person reads it: "1.2 MB", "35 KB" (never "0 KB").</summary>
    public static string FileSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024d / 1024d:0.0} MB" : $"{Math.Max(1, (bytes + 1023) / 1024)} KB";

    /// <summary>An amount in 元 as invoices print it: 123,456.00元.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture) + "元";

    /// <summary>A total of invoices in 元 where the rest of the page speaks 万元: 75.60万元（756,000.00元）.</summary>
    public static string WanOfYuan(decimal yuan) => $"{Wan(yuan / 10000m)}万元（{Yuan(yuan)}）";

    /// <summary>A count in Chinese numerals as the seeds write 第一次, 十一、: 1 一, 10 十, 11 十一, 20 二十, 23 二十三 (1 to 99; others in digits).</summary>
    public static string Numeral(int n)
    {
        const string digits = "〇一二三四五六七八九";
        return n switch
        {
            >= 1 and <= 9 => digits[n].ToString(),
            >= 10 and <= 99 => (n >= 20 ? digits[n / 10].ToString() : "") + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Amounts in 万元 with two decimals.</summary>
    public static string Wan(decimal? amount) => amount is null ? "" : amount.Value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
