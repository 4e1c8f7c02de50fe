using System.Globalization;

namespace DxPilot.Domain.Text;

/// <summary>
/// 中文大写金额 as 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》 writes it: 壹贰叁…, 拾佰仟万亿, 元角分; 整 after 元,
/// none after 角 or 分; 壹拾 never 拾 alone. Zeros (第三条): a zero between digits is written 零, a run of zeros once (一、二);
/// where the rule allows two forms (三) the first is taken: 元位 zero before a 角 writes 零 (壹仟陆佰捌拾元零叁角贰分), a
/// run of zeros ending at 万位 before a 千位 does not (壹拾万柒仟元…), and the same at 亿位 by analogy (the rule names 万 only);
/// 角 zero before 分 writes 零 after 元 (四). An amount under one 元 starts at its 角 or 分 (壹分): the rules write zeros between
/// digits only, never a leading 零元. The writer gives the digits; the template puts "人民币" before them (<see cref="Rmb"/>).
/// </summary>
public static class CapitalAmount
{
    /// <summary>The largest amount written is just under 1,000亿元.</summary>
    public const decimal Limit = 100_000_000_000m;

    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private const string Places = "\0拾佰仟";

    /// <summary>"人民币壹拾贰万叁仟元整".</summary>
    public static string Rmb(decimal yuan) => "人民币" + Of(yuan);

    /// <summary>"壹拾贰万叁仟元整" for 123000, "零元整" for a computed zero (an audit that found nothing eligible: its subsidy is 0, and
    /// writing it made the project's page and API a 500); refused (ArgumentOutOfRangeException with <see cref="Problem"/>) below 0
    /// and from 1000亿. No one types a zero: <see cref="Problem"/> still refuses it as input.</summary>
    public static string Of(decimal yuan)
    {
        if (yuan == 0) return "零元整";
        if (Problem(yuan) is { } why) throw new ArgumentOutOfRangeException(nameof(yuan), yuan, why);
        var fen = (long)(yuan * 100);
        Span<char> text = stackalloc char[48];
        var n = Write(fen, text);
        return new string(text[..n]);
    }

    /// <summary>Why an amount cannot be written (zero, negative, more than 2 decimals, 1,000亿 or more), or null.</summary>
    public static string? Problem(decimal yuan) =>
        yuan <= 0 ? "金额应大于0元"
        : decimal.Round(yuan, 2) != yuan ? "金额最多保留两位小数（到分）"
        : yuan >= Limit ? "金额应小于1000亿元"
        : null;

    /// <summary>An amount as typed ("123000", "123000.5", "1,409.50"): the value, or why it is not one.</summary>
    public static (decimal? Yuan, string? Problem) Parse(string? typed)
    {
        var text = typed?.Trim().TrimStart('¥', '￥');
        if (string.IsNullOrEmpty(text)) return (null, "请填写金额（元）");
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var yuan))
            return (null, $"“{typed}”不是金额，请填写数字，如 123000.00");
        return Problem(yuan) is { } why ? (null, why) : (yuan, null);
    }

    /// <summary>Writes the capitals of <paramref name="fen"/> (1 … 9,999,999,999,999) into <paramref name="text"/>; the length.</summary>
    private static int Write(long fen, Span<char> text)
    {
        var whole = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);
        var n = 0;
        if (whole > 0)
        {
            Span<int> d = stackalloc int[12];
            var top = -1;
            for (var v = whole; v > 0; v /= 10) d[++top] = (int)(v % 10);
            var zeros = false;
            for (var pos = top; pos >= 0; pos--)
            {
                if (d[pos] == 0) zeros = true;
                else
                {
                    // A run of zeros is one 零, except the first form of 第三条 before a 千位 (the run then ends at 万位 or 亿位).
                    if (zeros && pos % 4 != 3) text[n++] = '零';
                    zeros = false;
                    text[n++] = Digits[d[pos]];
                    if (pos % 4 != 0) text[n++] = Places[pos % 4];
                }
                if (pos is 4 or 8 && (d[pos] | d[pos + 1] | d[pos + 2] | d[pos + 3]) != 0) text[n++] = pos == 4 ? '万' : '亿';
            }
            text[n++] = '元';
            if (jiao == 0 && cents == 0)
            {
                text[n++] = '整';
                return n;
            }
            // 元位 zero before a 角 (三, first form), or 角 zero before a 分 (四): 零 after 元.
            if (d[0] == 0 || jiao == 0) text[n++] = '零';
        }
        if (jiao != 0)
        {
            text[n++] = Digits[jiao];
            text[n++] = '角';
        }
        if (cents != 0)
        {
            text[n++] = Digits[cents];
            text[n++] = '分';
        }
        return n;
    }
}
