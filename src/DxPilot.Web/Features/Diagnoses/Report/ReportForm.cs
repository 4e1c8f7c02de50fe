using System.Globalization;
using DxPilot.Domain.Diagnoses.Report;
using Microsoft.Extensions.Primitives;

namespace DxPilot.Web.Features.Diagnoses.Report;

/// <summary>
/// The report form as posted, by the page's 保存 and row buttons and by the autosave script alike: the texts, the table
/// cells (table.{表}.{行}.{列}), 表9 one need per line, 表1's supplements, the version the writer read, and which button.
/// </summary>
public sealed record ReportForm(ReportContent Content, int Version, string? RemoveRow, string? AddRowTo)
{
    public const string VersionField = "Version";
    public const string ButtonField = "op";

    public static ReportForm Read(IFormCollection form)
    {
        var content = new ReportContent();
        foreach (var t in ReportOutline.Texts) content.Texts[t.Key] = form[FieldNames.Text(t.Key)].ToString();
        foreach (var t in ReportOutline.Tables)
        {
            var prefix = FieldNames.Table(t.Key) + ".";
            var rows = new SortedDictionary<int, string[]>();
            foreach (var (name, value) in form)
            {
                if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var at = name[prefix.Length..].Split('.');
                if (at.Length != 2 || !int.TryParse(at[0], NumberStyles.None, CultureInfo.InvariantCulture, out var r)
                    || !int.TryParse(at[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c >= t.Columns.Count || r > 10 * ReportOutline.TableMaxRows)
                    continue;
                if (!rows.TryGetValue(r, out var row)) rows[r] = row = new string[t.Columns.Count];
                row[c] = value.ToString();
            }
            content.Tables[t.Key] = rows.Values.Select(r => r.Select(c => c ?? "").ToList()).ToList();
        }
        foreach (var (key, _) in ReportOutline.NeedCategories)
            content.Needs[key] = form[FieldNames.Needs(key)].ToString().Replace("\r\n", "\n").Split('\n').ToList();
        foreach (var (key, _) in ReportOutline.BasicsFields)
            if (key != "directions") content.Basics[key] = form[FieldNames.Basics(key)].ToString();
        content.Directions = form[FieldNames.Directions].Where(v => v is not null).Select(v => v!).ToList();
        content.OtherDirections = form[FieldNames.OtherDirections].ToString();

        var button = form[ButtonField].ToString();
        var version = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
        return new ReportForm(content, version,
            button.StartsWith("remove:", StringComparison.Ordinal) ? button["remove:".Length..] : null,
            button.StartsWith("add:", StringComparison.Ordinal) ? button["add:".Length..] : null);
    }

    /// <summary>The content to save: as posted, less the row whose 删除 was pressed ("equipment:3").</summary>
    public ReportContent ToSave()
    {
        if (RemoveRow?.Split(':') is not [var table, var index] || !int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            || !Content.Tables.TryGetValue(table, out var rows) || row >= rows.Count)
            return Content;
        rows.RemoveAt(row);
        return Content;
    }
}
