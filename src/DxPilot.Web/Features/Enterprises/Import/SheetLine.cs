using System.Globalization;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Spreadsheets;

namespace DxPilot.Web.Features.Enterprises.Import;

/// <summary>
/// One data row of an enterprise sheet as the importer uses it: the fields it sets, the fields it explicitly clears
/// (〔清空〕), the version of the file it was exported at (the platform's own export), or why the row cannot be read.
/// </summary>
internal sealed class SheetLine
{
    private readonly HashSet<string> _cleared = [];

    public required int Number { get; init; }
    public EnterpriseForm Form { get; } = new();
    public int? ExportedVersion { get; private set; }
    public string? Problem { get; private set; }

    public static SheetLine Read(SheetRow row, EnterpriseSheetColumns.Mapping mapping)
    {
        var line = new SheetLine { Number = row.Number };
        if (row.CellProblems.Count > 0) line.Problem = string.Join("；", row.CellProblems.Values);
        foreach (var (column, field) in mapping.FieldByColumn)
        {
            switch (SheetCell.Read(field, row.Cells[column], out var value))
            {
                case SheetCell.Intent.Set: typeof(EnterpriseForm).GetProperty(field)!.SetValue(line.Form, value); break;
                case SheetCell.Intent.Clear: line._cleared.Add(field); break;
            }
        }
        if (mapping.VersionColumn is { } v && row.Cells[v] is { } text && !string.IsNullOrWhiteSpace(text))
        {
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var version)) line.ExportedVersion = version;
            else line.Problem ??= $"“{EnterpriseSheetColumns.VersionHeader}”列应为导出时的数字，不要修改；本行未导入";
        }
        return line;
    }

    /// <summary>What is on file with this row's values laid over it: cells left empty or marked 待补充 keep the stored value.</summary>
    public EnterpriseForm Overlay(EnterpriseForm onFile)
    {
        foreach (var p in typeof(EnterpriseForm).GetProperties())
        {
            if (_cleared.Contains(p.Name)) p.SetValue(onFile, null);
            else if (p.GetValue(Form) is string s) p.SetValue(onFile, s);
        }
        return onFile;
    }
}
