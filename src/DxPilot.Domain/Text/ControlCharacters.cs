namespace DxPilot.Domain.Text;

/// <summary>
/// Invisible control characters (C0, DEL and C1) and the code points no text can carry (U+FFFE, U+FFFF, a lone half of a
/// surrogate pair) are refused in every text a person enters: PostgreSQL cannot store a NUL ("invalid byte sequence 0x00"),
/// XML 1.0 — every .docx and .xlsx — cannot carry U+FFFF (one such name made the whole city's export fail), and the others
/// hide in names and break searches. Multi-line text keeps its tabs and line breaks. One rule for forms, the API and
/// uploaded file names; the document writers leave out what XML cannot carry (<see cref="ForXml"/>) for text stored before it.
/// </summary>
public static class ControlCharacters
{
    public static bool In(string? text, bool multiline = false)
    {
        if (text is null) return false;
        for (var i = 0; i < text.Length; i++)
            if (IsRefused(text, i, multiline)) return true;
        return false;
    }

    /// <summary>The field message: which field, and what to do.</summary>
    public static string Message(string label) => $"{label}含有不可见的控制字符，请删除后再保存";

    /// <summary>An uploaded file's name as the platform keeps it: no folder part, no control characters; "未命名文件" when nothing is left.</summary>
    public static string FileName(string? raw)
    {
        var name = Remove(Path.GetFileName((raw ?? "").Replace('\\', '/'))).Trim();
        return name.Length == 0 ? "未命名文件" : name;
    }

    public static string Remove(string text) => Without(text, (s, i) => IsRefused(s, i, multiline: false));

    /// <summary>The text less what XML 1.0 cannot carry: C0 controls (a tab always kept, line breaks when
    /// <paramref name="keepLineBreaks"/>), U+FFFE, U+FFFF and a lone surrogate.</summary>
    public static string ForXml(string text, bool keepLineBreaks) => Without(text, (s, i) => s[i] switch
    {
        '\t' => false,
        '\r' or '\n' => !keepLineBreaks,
        < '\u0020' => true,
        _ => IsNonCharacter(s, i),
    });

    private static string Without(string text, Func<string, int, bool> drop)
    {
        var first = 0;
        while (first < text.Length && !drop(text, first)) first++;
        if (first == text.Length) return text;
        var kept = new System.Text.StringBuilder(text, 0, first, text.Length);
        for (var i = first + 1; i < text.Length; i++)
            if (!drop(text, i)) kept.Append(text[i]);
        return kept.ToString();
    }

    private static bool IsRefused(string text, int i, bool multiline)
    {
        var c = text[i];
        if (multiline && c is '\t' or '\r' or '\n') return false;
        return c < '\u0020' || c is >= '\u007f' and <= '\u009f' || IsNonCharacter(text, i);
    }

    /// <summary>U+FFFE, U+FFFF, or half of a surrogate pair without its other half.</summary>
    private static bool IsNonCharacter(string text, int i)
    {
        var c = text[i];
        if (c is '\uFFFE' or '\uFFFF') return true;
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return false;
    }
}
