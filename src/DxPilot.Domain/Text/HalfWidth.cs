namespace DxPilot.Domain.Text;

/// <summary>
/// Full-width ASCII (U+FF01–FF5E) and the ideographic space as their half-width selves: what a Chinese input method types in
/// its full-width mode ("１５．１２"), read as the person meant it wherever a code or a number is typed. Not for free text,
/// where "，" and "（" are the right punctuation.
/// </summary>
public static class HalfWidth
{
    public static string Of(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u3000', '\uFF5E')) return text;
        return string.Create(text.Length, text, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
                span[i] = s[i] switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(s[i] - 0xFEE0),
                    '\u3000' => ' ',
                    var c => c,
                };
        });
    }

    public static string? OfOrNull(string? text) => text is null ? null : Of(text);
}
