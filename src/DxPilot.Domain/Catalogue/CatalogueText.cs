using DxPilot.Domain.Text;

namespace DxPilot.Domain.Catalogue;

/// <summary>The catalogue's one rule for a text a person enters: trimmed, required where it is, within its length as a person counts
/// characters, without control characters. HTML is text like any other: pages encode it, so it is shown, never run.</summary>
public static class CatalogueText
{
    public static string? Problem(string? text, string label, int max, bool required = true)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return required ? $"请填写{label}" : null;
        if (ControlCharacters.In(t, multiline: true)) return ControlCharacters.Message(label);
        return ChineseText.CountCharacters(t) is var n && n > max ? $"{label}不超过{max}字，现为{n}字" : null;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
