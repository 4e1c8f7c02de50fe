using DxPilot.Domain.Text;

namespace DxPilot.Domain.Filings;

/// <summary>One field that differs between two versions, as a person reads both.</summary>
public sealed record FilingChange(string Section, string Label, string Before, string After);

/// <summary>
/// 版本比较: what changed between two submitted versions (or a version and the draft), field by field in the form's order:
/// the typed answers, the enterprise basics as frozen, and the providers' table row by row.
/// </summary>
public static class FilingDiff
{
    public static IReadOnlyList<FilingChange> Between(FilingForm form,
        IReadOnlyDictionary<string, string> beforeValues, IReadOnlyDictionary<string, string> beforeBasics, IReadOnlyList<FilingProvider> beforeProviders,
        IReadOnlyDictionary<string, string> afterValues, IReadOnlyDictionary<string, string> afterBasics, IReadOnlyList<FilingProvider> afterProviders)
    {
        var changes = new List<FilingChange>();
        foreach (var section in form.Sections)
        foreach (var f in section.Fields)
        {
            switch (f.Kind)
            {
                case FieldKind.Enterprise:
                    Add(section.Title, f.Label, beforeBasics.GetValueOrDefault(f.Key, ""), afterBasics.GetValueOrDefault(f.Key, ""));
                    break;
                case FieldKind.Providers:
                    var rows = Math.Max(beforeProviders.Count, afterProviders.Count);
                    for (var i = 0; i < rows; i++)
                        Add(section.Title, $"{f.Label}（第{i + 1}家）", i < beforeProviders.Count ? Show(beforeProviders[i]) : "",
                            i < afterProviders.Count ? Show(afterProviders[i]) : "");
                    break;
                case FieldKind.Effects:
                    foreach (var key in FilingValues.KeysOf(f))
                        Add(section.Title, FilingValues.LabelOf(form, key), beforeValues.GetValueOrDefault(key, ""), afterValues.GetValueOrDefault(key, ""));
                    break;
                default:
                    Add(section.Title, f.Label, FilingValues.Show(f, beforeValues), FilingValues.Show(f, afterValues));
                    break;
            }
        }
        return changes;

        void Add(string section, string label, string before, string after)
        {
            if (before != after) changes.Add(new FilingChange(section, label, before, after));
        }
    }

    /// <summary>A provider's row as one line: name, contract and amount.</summary>
    public static string Show(FilingProvider p) => string.Join("，", new[]
    {
        p.Name, p.Uscc, p.ContactName, p.ContactPhone, p.ContractName, p.ContractNumber,
        p.SignedOn is { } d ? ChineseText.Date(d) : null, p.AmountYuan is { } y ? $"{y:#,0.00}元" : null, p.Work,
        p.Signed ? "已签合同" : "未签合同",
    }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
