using System.Security.Cryptography;
using System.Text;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Diagnoses.Report;

/// <summary>
/// What the diagnosis team has written in a report (附件3), stored whole: the texts by <see cref="ReportText.Key"/>, the
/// rows of 表2-5, 表10 and 表11 by <see cref="ReportTable.Key"/> (cells in column order), 表9's needs by category, and what
/// 表1 asks that the enterprise file lacks. Replaced whole on every save, never changed in place.
/// </summary>
public sealed class ReportContent : IAuditedDocument
{
    public Dictionary<string, string> Texts { get; set; } = [];
    public Dictionary<string, List<List<string>>> Tables { get; set; } = [];
    public Dictionary<string, List<string>> Needs { get; set; } = [];
    /// <summary>表1 supplements by <see cref="ReportOutline.BasicsFields"/> key (directions excepted).</summary>
    public Dictionary<string, string> Basics { get; set; } = [];
    /// <summary>拟实施数字化转型方向 ticked (e.g. "MES"), and the 其他 written out.</summary>
    public List<string> Directions { get; set; } = [];
    public string? OtherDirections { get; set; }

    public string TextOf(string key) => Texts.GetValueOrDefault(key) ?? "";
    public IReadOnlyList<List<string>> RowsOf(string key) => Tables.GetValueOrDefault(key) ?? [];
    public IReadOnlyList<string> NeedsOf(string key) => Needs.GetValueOrDefault(key) ?? [];
    public string BasicsOf(string key) => Basics.GetValueOrDefault(key) ?? "";

    /// <summary>
    /// The report's length as the 1.5万字 rule counts it: what the team wrote (the texts, the rows it typed, 表9's items and
    /// the 表1 supplements it typed), each character as a reader counts it (<see cref="ChineseText.CountWrittenCharacters"/>).
    /// The tables the platform fills are the same in every report and are not the team's writing, so they do not count;
    /// nor do ticked boxes (企业性质, 方向).
    /// </summary>
    public int Characters() => Parts().Sum(p => p.Characters);

    /// <summary>Each part's written length, in the template's order: the page shows it beside the part.</summary>
    public IEnumerable<(string Key, int Characters)> Parts()
    {
        yield return ("basics", Basics.Where(b => b.Key != "ownership").Sum(b => ChineseText.CountWrittenCharacters(b.Value))
                                + ChineseText.CountWrittenCharacters(OtherDirections));
        foreach (var t in ReportOutline.Texts) yield return (t.Key, ChineseText.CountWrittenCharacters(TextOf(t.Key)));
        foreach (var t in ReportOutline.Tables)
            yield return (t.Key, RowsOf(t.Key).Sum(r => r.Sum(ChineseText.CountWrittenCharacters)));
        yield return ("needs", Needs.Values.Sum(items => items.Sum(ChineseText.CountWrittenCharacters)));
    }

    /// <summary>Whether <paramref name="other"/> says exactly what this says, part by part: a save read on an older version that
    /// changes nothing (the last save sent as the page was left, landing after the page was drawn again) overwrites no one.</summary>
    public bool SameAs(ReportContent other) =>
        Same(Texts, other.Texts, string.Equals) && Same(Basics, other.Basics, string.Equals)
        && Same(Tables, other.Tables, (a, b) => a.Count == b.Count && a.Zip(b).All(r => r.First.SequenceEqual(r.Second)))
        && Same(Needs, other.Needs, (a, b) => a.SequenceEqual(b))
        && Directions.SequenceEqual(other.Directions) && (OtherDirections ?? "") == (other.OtherDirections ?? "");

    private static bool Same<T>(Dictionary<string, T> a, Dictionary<string, T> b, Func<T, T, bool> equal) =>
        a.Count == b.Count && a.All(x => b.TryGetValue(x.Key, out var y) && equal(x.Value, y));

    /// <summary>
    /// The audit trail keeps each part's length and a fingerprint, not its text: a report is saved every half minute while
    /// it is written, and 15,000 characters copied into the never-pruned chain at each save would swamp it. A reader still
    /// sees which part changed and by how much; the fingerprint shows a change that kept the length.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuditFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, label) in ReportOutline.BasicsFields)
        {
            var value = key == "directions" ? Directions.Count == 0 && string.IsNullOrEmpty(OtherDirections) ? "" :
                string.Join("、", Directions.Append(string.IsNullOrEmpty(OtherDirections) ? null : $"其他：{OtherDirections}").OfType<string>())
                : BasicsOf(key);
            if (value.Length == 0) continue;
            fields[$"表1 {label}"] = key is "intro" or "honours" ? Summary(value) : value;
        }
        foreach (var t in ReportOutline.Texts)
            if (TextOf(t.Key) is { Length: > 0 } text) fields[t.Heading] = Summary(text);
        foreach (var t in ReportOutline.Tables)
            if (RowsOf(t.Key) is { Count: > 0 } rows)
                fields[t.Caption] = $"{rows.Count}行，{rows.Sum(r => r.Sum(ChineseText.CountWrittenCharacters))}字，指纹{Fingerprint(string.Join("\u001f", rows.Select(r => string.Join("\u001e", r))))}";
        foreach (var (key, label) in ReportOutline.NeedCategories)
            if (NeedsOf(key) is { Count: > 0 } items)
                fields[$"表9 {label}"] = $"{items.Count}条，{items.Sum(ChineseText.CountWrittenCharacters)}字，指纹{Fingerprint(string.Join("\u001e", items))}";
        return fields;
    }

    private static string Summary(string text) => $"{ChineseText.CountWrittenCharacters(text)}字，指纹{Fingerprint(text)}";

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
