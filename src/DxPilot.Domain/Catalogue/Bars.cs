namespace DxPilot.Domain.Catalogue;

/// <summary>A short list kept in one column as "|a|b|": a list filters by one member with LIKE '%|a|%', and the audit trail
/// records the whole list before and after as one field.</summary>
public static class Bars
{
    public static string Join(IEnumerable<string> items)
    {
        var list = items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().ToList();
        return list.Count == 0 ? "||" : $"|{string.Join('|', list)}|";
    }

    public static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The LIKE pattern of one member.</summary>
    public static string Member(string item) => $"%|{item}|%";
}
