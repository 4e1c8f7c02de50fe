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
                var cells = new XlsxCells(w);
                uint r = 1;
                if (sheet.Title is not null) WriteRow(cells, r++, [sheet.Title], BoldStyle);
                WriteRow(cells, r++, sheet.Columns.Select(c => (object?)c.Header).ToList(), BoldStyle);
                foreach (var row in sheet.Rows) WriteRow(cells, r++, row, 0);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            list.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = id++, Name = SafeSheetName(sheet.Name) });
        }
        wb.Workbook.AppendChild(list);
        wb.Workbook.Save();
    }

    private const uint BoldStyle = 1;

    private static void WriteRow(XlsxCells cells, uint index, IReadOnlyList<object?> values, uint style)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        cells.StartRow(index);
        for (var c = 0; c < values.Count; c++)
        {
            var reference = XlsxReader.ColumnName(c) + number;
            switch (values[c])
            {
                case null: break;
                case int i: cells.Number(reference, style, i.ToString(CultureInfo.InvariantCulture)); break;
                case long l: cells.Number(reference, style, l.ToString(CultureInfo.InvariantCulture)); break;
                case decimal d: cells.Number(reference, style, d.ToString(CultureInfo.InvariantCulture)); break;
                case double d: cells.Number(reference, style, d.ToString("R", CultureInfo.InvariantCulture)); break;
                case bool b: cells.Text(reference, style, b ? "是" : "否"); break;
                case DateOnly d: cells.Text(reference, style, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case DateTime d: cells.Text(reference, style, d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)); break;
                case var v: cells.Text(reference, style, Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""); break;
            }
        }
        cells.EndRow();
    }

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
