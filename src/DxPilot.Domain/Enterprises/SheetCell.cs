namespace DxPilot.Domain.Enterprises;

/// <summary>
/// What a cell of an imported sheet asks for. Lists come back from districts with gaps written in many ways, and the
/// platform's own export writes 待补充 where nothing is on file; none of these may wipe what is stored. Only the explicit
/// <see cref="ClearMarker"/> empties a field.
/// </summary>
public static class SheetCell
{
    public enum Intent { Keep, Clear, Set }

    /// <summary>Typed in a cell to empty that field on file (the only way an import clears anything).</summary>
    public const string ClearMarker = "〔清空〕";

    /// <summary>Ways sheets say "not known yet"; they keep the stored value.</summary>
    public static readonly IReadOnlyList<string> BlankMarkers =
        [EnterpriseValidator.Pending, "暂无", "不详", "无", "空", "-", "--", "—", "——", "－", "/", "／"];

    // Where a marker is one of the field's own answers: 企业类别 “无” (or “/”) means none of the tiers, and is stored as such.
    private static readonly Dictionary<string, string[]> OwnVocabulary = new()
    {
        [nameof(EnterpriseForm.QualityTier)] = ["无", "/"],
    };

    public static Intent Read(string field, string? cell, out string value)
    {
        value = cell?.Replace('\u3000', ' ').Trim() ?? "";
        if (value.Length == 0) return Intent.Keep;
        if (value is ClearMarker or "[清空]" or "【清空】") return Intent.Clear;
        if (OwnVocabulary.TryGetValue(field, out var own) && own.Contains(value)) return Intent.Set;
        return BlankMarkers.Contains(value) ? Intent.Keep : Intent.Set;
    }
}
