using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// Writes .xlsx files (usually one sheet). Text goes into inline-string cells and never into a formula, so a name typed as
/// "=HYPERLINK(…)" stays the text it is; numbers stay numbers so that sums work, shown as their column's <see cref="Shown"/>
/// says; dates are dates, shown 2025年7月16日 (and a time as 2025年7月16日 09:30).
/// </summary>
public static class XlsxWriter
{
    /// <summary>How a column's numbers read: as they are, 万元 and other amounts with two decimals (1,234.50), one decimal (a
    /// percentage, 87.5), or two decimals without grouping (an average score, 3.20).</summary>
    public enum Shown { AsIs, Money, OneDecimal, TwoDecimals }

    public sealed record Column(string Header, double Width = 16, Shown Numbers = Shown.AsIs);

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
                w.WriteElement(XlsxCells.FrozenBelow(sheet.Title is null ? 1u : 2u));
                w.WriteStartElement(new Columns());
                for (var i = 0; i < sheet.Columns.Count; i++)
                    w.WriteElement(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = sheet.Columns[i].Width, CustomWidth = true });
                w.WriteEndElement();
                w.WriteStartElement(new SheetData());
                var cells = new XlsxCells(w, FormatCount);
                uint r = 1;
                if (sheet.Title is not null) WriteRow(cells, r++, [sheet.Title], null);
                WriteRow(cells, r++, sheet.Columns.Select(c => (object?)c.Header).ToList(), null);
                foreach (var row in sheet.Rows) WriteRow(cells, r++, row, sheet.Columns);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            list.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = id++, Name = SafeSheetName(sheet.Name) });
        }
        wb.Workbook.AppendChild(list);
        wb.Workbook.Save();
    }

    // The stylesheet's cell formats, in its order.
    private const uint BoldStyle = 1, MoneyStyle = 2, OneDecimalStyle = 3, TwoDecimalsStyle = 4, DateStyle = 5, TimeStyle = 6;

    /// <summary>Day 0 of the 1900 date system as spreadsheets count it (1900-03-01 onwards, which every date here is).</summary>
    private static readonly DateTime SerialZero = new(1899, 12, 30);

    /// <summary>A row of values; <paramref name="columns"/> null for the bold title and header rows.</summary>
    private static void WriteRow(XlsxCells cells, uint index, IReadOnlyList<object?> values, IReadOnlyList<Column>? columns)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        cells.StartRow(index);
        for (var c = 0; c < values.Count; c++)
        {
            var reference = XlsxReader.ColumnName(c) + number;
            var text = columns is null ? BoldStyle : 0;
            var numeric = columns is null ? BoldStyle : c < columns.Count ? NumberStyle(columns[c].Numbers) : 0;
            switch (values[c])
            {
                case null: break;
                case int i: cells.Number(reference, numeric, i.ToString(CultureInfo.InvariantCulture)); break;
                case long l: cells.Number(reference, numeric, l.ToString(CultureInfo.InvariantCulture)); break;
                case decimal d: cells.Number(reference, numeric, d.ToString(CultureInfo.InvariantCulture)); break;
                case double d: cells.Number(reference, numeric, d.ToString("R", CultureInfo.InvariantCulture)); break;
                case bool b: cells.Text(reference, text, b ? "是" : "否"); break;
                case DateOnly d: cells.Number(reference, DateStyle, (d.DayNumber - DateOnly.FromDateTime(SerialZero).DayNumber).ToString(CultureInfo.InvariantCulture)); break;
                case DateTime d: cells.Number(reference, TimeStyle, Math.Round((d - SerialZero).TotalDays, 8).ToString("R", CultureInfo.InvariantCulture)); break;
                case var v: cells.Text(reference, text, Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""); break;
            }
        }
        cells.EndRow();
    }

    private static uint NumberStyle(Shown shown) => shown switch
    {
        Shown.Money => MoneyStyle,
        Shown.OneDecimal => OneDecimalStyle,
        Shown.TwoDecimals => TwoDecimalsStyle,
        _ => 0,
    };

    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Where(ch => !"[]:*?/\\".Contains(ch)).ToArray());
        return cleaned.Length > 31 ? cleaned[..31] : cleaned.Length == 0 ? "Sheet1" : cleaned;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy\"年\"m\"月\"d\"日\" hh:mm" }) { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        XlsxCells.Formats(CellStyles()));

    // Built-in number formats: 2 is 0.00, 4 is #,##0.00; the others are custom (ids from 164).
    private static CellFormat[] CellStyles()
    {
        static CellFormat Numbers(uint id) => new() { NumberFormatId = id, ApplyNumberFormat = true };
        return [new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }, Numbers(4), Numbers(164), Numbers(2), Numbers(165), Numbers(166)];
    }

    private static readonly uint FormatCount = (uint)CellStyles().Length;
}
