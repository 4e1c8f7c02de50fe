namespace DxPilot.Domain.Text;

/// <summary>
/// Invisible control characters (C0, DEL and C1) are refused in every text a person enters: PostgreSQL cannot store a NUL
/// ("invalid byte sequence 0x00"), and the others hide in names and break searches, exports and documents. Multi-line text
/// keeps its tabs and line breaks. One rule for forms, the API and uploaded file names.
/// </summary>
public static class ControlCharacters
{
    public static bool In(string? text, bool multiline = false) =>
        text is not null && text.Any(c => IsControl(c) && !(multiline && c is '\t' or '\r' or '\n'));

    /// <summary>The field message: which field, and what to do.</summary>
    public static string Message(string label) => $"{label}含有不可见的控制字符，请删除后再保存";

    /// <summary>An uploaded file's name as the platform keeps it: no folder part, no control characters; "未命名文件" when nothing is left.</summary>
    public static string FileName(string? raw)
    {
        var name = Remove(Path.GetFileName((raw ?? "").Replace('\\', '/'))).Trim();
        return name.Length == 0 ? "未命名文件" : name;
    }

    public static string Remove(string text) => In(text, multiline: false) ? new string(text.Where(c => !IsControl(c)).ToArray()) : text;

    private static bool IsControl(char c) => c < '\u0020' || c is >= '\u007f' and <= '\u009f';
}
