using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// One worksheet written row by row (OpenXmlWriter, nothing of the rows kept but the merged ranges), for official sheets whose
/// layout has a title, grouped headers and cells merged over several rows. As in <see cref="XlsxWriter"/>, text goes into
/// inline-string cells and never into a formula: "=1+1" stays the text it is; numbers stay numbers.
/// </summary>
public sealed class XlsxSheetStream : IDisposable
{
    public enum Look : uint
    {
        Plain = 0,
        Title = 1,
        Header = 2,
        /// <summary>Bordered, wrapped, vertically centred: a body cell of an official table.</summary>
        Cell = 3,
        /// <summary>A <see cref="Cell"/> with two decimals (万元).</summary>
        Amount = 4,
        /// <summary>A <see cref="Cell"/> holding a date, shown as 2025年7月16日.</summary>
        Date = 5,
    }

    private readonly SpreadsheetDocument _doc;
    private readonly WorksheetPart _part;
    private readonly OpenXmlWriter _writer;
    private readonly List<string> _merges = [];
    private readonly string _sheetName;
    private uint _row;
    private bool _closed;

    public XlsxSheetStream(Stream output, string sheetName, IReadOnlyList<double> columnWidths)
    {
        _sheetName = sheetName;
        _doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = _doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        styles.Stylesheet.Save();
        _part = wb.AddNewPart<WorksheetPart>();
        _writer = OpenXmlWriter.Create(_part);
        _writer.WriteStartElement(new Worksheet());
        // An official sheet prints as one: landscape, its columns fitted to the page's width.
        _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        _writer.WriteStartElement(new Columns());
        for (var i = 0; i < columnWidths.Count; i++)
            _writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = columnWidths[i], CustomWidth = true });
        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>The 1-based number of the last row written.</summary>
    public uint Row => _row;

    /// <summary>Writes the next row; a null value leaves its cell empty (but styled, so that borders stay whole).</summary>
    public uint WriteRow(IReadOnlyList<object?> values, Look look = Look.Cell, double? height = null)
    {
        var index = ++_row;
        var row = new Row { RowIndex = index };
        if (height is { } h) { row.Height = h; row.CustomHeight = true; }
        _writer.WriteStartElement(row);
        for (var c = 0; c < values.Count; c++)
        {
            var cell = values[c] switch
            {
                null => new Cell(),
                int i => Number(i.ToString(CultureInfo.InvariantCulture)),
                long l => Number(l.ToString(CultureInfo.InvariantCulture)),
                decimal d => Number(d.ToString(CultureInfo.InvariantCulture)),
                double d => Number(d.ToString("R", CultureInfo.InvariantCulture)),
                // A date is a day number that the cell's format shows (so that it sorts and filters as a date).
                DateOnly d => Number((d.DayNumber - SerialZero.DayNumber).ToString(CultureInfo.InvariantCulture)),
                var v => Text(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
            };
            cell.CellReference = XlsxReader.ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            var style = look != Look.Cell ? look : values[c] switch { decimal => Look.Amount, DateOnly => Look.Date, _ => look };
            if (style != Look.Plain) cell.StyleIndex = (uint)style;
            _writer.WriteElement(cell);
        }
        _writer.WriteEndElement();
        return index;
    }

    /// <summary>Merges a range (1-based rows and columns, inclusive); a one-cell range is not a merge and is ignored.</summary>
    public void Merge(uint firstRow, int firstColumn, uint lastRow, int lastColumn)
    {
        if (firstRow == lastRow && firstColumn == lastColumn) return;
        _merges.Add($"{XlsxReader.ColumnName(firstColumn - 1)}{firstRow}:{XlsxReader.ColumnName(lastColumn - 1)}{lastRow}");
    }

    /// <summary>Ends the sheet (the merged ranges come after the rows, as the schema orders them) and the workbook.</summary>
    public void Close()
    {
        if (_closed) return;
        _closed = true;
        _writer.WriteEndElement();
        if (_merges.Count > 0)
        {
            _writer.WriteStartElement(new MergeCells { Count = (uint)_merges.Count });
            foreach (var m in _merges) _writer.WriteElement(new MergeCell { Reference = m });
            _writer.WriteEndElement();
        }
        _writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        _writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        _writer.WriteEndElement();
        _writer.Close();
        var wb = _doc.WorkbookPart!;
        wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(_part), SheetId = 1, Name = _sheetName }));
        wb.Workbook.Save();
        _doc.Dispose();
    }

    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            _writer.Dispose();
            _doc.Dispose();
        }
    }

    /// <summary>Day 0 of the 1900 date system as spreadsheets count it (1900-03-01 onwards, which every date here is).</summary>
    private static readonly DateOnly SerialZero = new(1899, 12, 30);

    private static Cell Number(string value) => XlsxCells.Number(value);

    private static Cell Text(string value) => XlsxCells.Text(value);

    private static Stylesheet Stylesheet()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        Alignment Centred(bool wrap = true) => new() { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = wrap };
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.00" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 2 },
            new Fonts(new Font(), new Font(new Bold(), new FontSize { Val = 16 }), new Font(new Bold())) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(), thin) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                new CellFormat(Centred(wrap: false)) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(Centred()) { FontId = 2, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center }) { BorderId = 1, NumberFormatId = 164, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center }) { BorderId = 1, NumberFormatId = 165, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true })
            { Count = 6 });
    }
}
