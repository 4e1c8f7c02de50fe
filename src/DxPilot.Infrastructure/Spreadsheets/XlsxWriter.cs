using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// Writes .xlsx files (usually one sheet). Text goes into inline-string cells and never into a formula, so a name typed as
/// "=HYPERLINK(…)" stays the text it is; numbers stay numbers so that sums work.
/// </summary>
public static class XlsxWriter
{
    public sealed record Column(string Header, double Width = 16);

    /// <summary>One worksheet: its tab name, columns (the header row) and rows, with an optional bold title line above.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<Column> Columns, IEnumerable<IReadOnlyList<object?>> Rows, string? Title = null);

    public static void Write(Stream output, string sheetName, IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<object?>> rows, string? title = null) =>
        Write(output, [new Sheet(sheetName, columns, rows, title)]);

    public static void Write(Stream output, IReadOnlyList<Sheet> sheets)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        styles.Stylesheet.Save();

        var list = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(sheetPart))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new Columns());
                for (var i = 0; i < sheet.Columns.Count; i++)
                    w.WriteElement(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = sheet.Columns[i].Width, CustomWidth = true });
                w.WriteEndElement();
                w.WriteStartElement(new SheetData());
                uint r = 1;
                if (sheet.Title is not null) WriteRow(w, r++, [sheet.Title], BoldStyle);
                WriteRow(w, r++, sheet.Columns.Select(c => (object?)c.Header).ToList(), BoldStyle);
                foreach (var row in sheet.Rows) WriteRow(w, r++, row, 0);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            list.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = id++, Name = SafeSheetName(sheet.Name) });
        }
        wb.Workbook.AppendChild(list);
        wb.Workbook.Save();
    }

    private const uint BoldStyle = 1;

    private static void WriteRow(OpenXmlWriter w, uint index, IReadOnlyList<object?> values, uint style)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < values.Count; c++)
        {
            var reference = XlsxReader.ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            var cell = values[c] switch
            {
                null => null,
                int i => Number(i.ToString(CultureInfo.InvariantCulture)),
                long l => Number(l.ToString(CultureInfo.InvariantCulture)),
                decimal d => Number(d.ToString(CultureInfo.InvariantCulture)),
                double d => Number(d.ToString("R", CultureInfo.InvariantCulture)),
                bool b => Text(b ? "是" : "否"),
                DateOnly d => Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                DateTime d => Text(d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                var v => Text(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
            };
            if (cell is null) continue;
            cell.CellReference = reference;
            if (style != 0) cell.StyleIndex = style;
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

    private static Cell Number(string value) => XlsxCells.Number(value);

    private static Cell Text(string value) => XlsxCells.Text(value);

    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Where(ch => !"[]:*?/\\".Contains(ch)).ToArray());
        return cleaned.Length > 31 ? cleaned[..31] : cleaned.Length == 0 ? "Sheet1" : cleaned;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
