using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// One worksheet written row by row, for official sheets whose layout has a title, grouped headers and cells merged over
/// several rows. As in <see cref="XlsxWriter"/>, text goes into inline-string cells and never into a formula: "=1+1" stays the
/// text it is; numbers stay numbers. Nothing of the rows is kept but the merged ranges (and the rows above the body until its first
/// row, the pane being frozen below the headers): the worksheet's XML goes through the deflater into the output as it is written. (A package opened by the SDK keeps a part's whole uncompressed XML in memory
/// until it closes — tens of MB for a city's sheet — so the SDK builds only the small parts, and they are copied around it.)
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

    private readonly ZipArchive _zip;
    private readonly Stream _part;
    private readonly OpenXmlWriter _writer;
    private readonly XlsxCells _cells;
    private readonly List<string> _merges = [];
    private readonly IReadOnlyList<double> _widths;
    // The rows above the table's body (title, unit line, headers), held until its first row: the pane frozen below the last
    // header comes before the rows in the sheet's XML.
    private readonly List<(uint Index, IReadOnlyList<object?> Values, Look Look, double? Height)> _top = [];
    private bool _started;
    private uint _row;
    private bool _closed;

    public XlsxSheetStream(Stream output, string sheetName, IReadOnlyList<double> columnWidths)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var sheetPath = WriteFrame(_zip, sheetName);
        _part = _zip.CreateEntry(sheetPath, CompressionLevel.Optimal).Open();
        _writer = OpenXmlWriter.Create(_part);
        _cells = new XlsxCells(_writer, FormatCount);
        _writer.WriteStartDocument();
        _writer.WriteStartElement(new Worksheet());
        // An official sheet prints as one: landscape, its columns fitted to the page's width.
        _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        _widths = columnWidths;
    }

    /// <summary>The view (frozen below the last header row written so far), the columns, then the rows held.</summary>
    private void Start()
    {
        _started = true;
        if (_top.FindLastIndex(r => r.Look == Look.Header) is var header and >= 0) _writer.WriteElement(XlsxCells.FrozenBelow(_top[header].Index));
        _writer.WriteStartElement(new Columns());
        for (var i = 0; i < _widths.Count; i++)
            _writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = _widths[i], CustomWidth = true });
        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
        foreach (var (index, values, look, height) in _top) Put(index, values, look, height);
        _top.Clear();
    }

    /// <summary>The 1-based number of the last row written.</summary>
    public uint Row => _row;

    /// <summary>Writes the next row; a null value leaves its cell empty (but styled, so that borders stay whole).</summary>
    public uint WriteRow(IReadOnlyList<object?> values, Look look = Look.Cell, double? height = null)
    {
        var index = ++_row;
        if (!_started && look is Look.Title or Look.Header or Look.Plain) _top.Add((index, values, look, height));
        else
        {
            if (!_started) Start();
            Put(index, values, look, height);
        }
        return index;
    }

    private void Put(uint index, IReadOnlyList<object?> values, Look look, double? height)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        _cells.StartRow(index, height);
        for (var c = 0; c < values.Count; c++)
        {
            var reference = XlsxReader.ColumnName(c) + number;
            var style = (uint)(look != Look.Cell ? look : values[c] switch { decimal => Look.Amount, DateOnly => Look.Date, _ => look });
            switch (values[c])
            {
                case null: _cells.Empty(reference, style); break;
                case int i: _cells.Number(reference, style, i.ToString(CultureInfo.InvariantCulture)); break;
                case long l: _cells.Number(reference, style, l.ToString(CultureInfo.InvariantCulture)); break;
                case decimal d: _cells.Number(reference, style, d.ToString(CultureInfo.InvariantCulture)); break;
                case double d: _cells.Number(reference, style, d.ToString("R", CultureInfo.InvariantCulture)); break;
                // A date is a day number that the cell's format shows (so that it sorts and filters as a date).
                case DateOnly d: _cells.Number(reference, style, (d.DayNumber - SerialZero.DayNumber).ToString(CultureInfo.InvariantCulture)); break;
                case var v: _cells.Text(reference, style, Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""); break;
            }
        }
        _cells.EndRow();
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
        if (!_started) Start();
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
        _part.Dispose();
        _zip.Dispose();
    }

    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            _writer.Dispose();
            _part.Dispose();
            _zip.Dispose();
        }
    }

    /// <summary>
    /// Every part of the workbook but the worksheet's rows (content types, relationships, workbook, styles), as the SDK writes
    /// them around an empty worksheet, copied into <paramref name="zip"/>; answers the worksheet's entry name.
    /// </summary>
    private static string WriteFrame(ZipArchive zip, string sheetName)
    {
        using var frame = new MemoryStream();
        string sheetPath;
        using (var doc = SpreadsheetDocument.Create(frame, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            styles.Stylesheet.Save();
            var sheet = wb.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData());
            sheet.Worksheet.Save();
            wb.Workbook = new Workbook(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
            wb.Workbook.Save();
            sheetPath = sheet.Uri.OriginalString.TrimStart('/');
        }
        frame.Position = 0;
        using var written = new ZipArchive(frame, ZipArchiveMode.Read);
        foreach (var entry in written.Entries)
        {
            if (entry.FullName == sheetPath) continue;
            using var from = entry.Open();
            using var to = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
            from.CopyTo(to);
        }
        return sheetPath;
    }

    /// <summary>Day 0 of the 1900 date system as spreadsheets count it (1900-03-01 onwards, which every date here is).</summary>
    private static readonly DateOnly SerialZero = new(1899, 12, 30);

    private static Stylesheet Stylesheet()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.00" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 2 },
            new Fonts(new Font(), new Font(new Bold(), new FontSize { Val = 16 }), new Font(new Bold())) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(), thin) { Count = 2 },
            XlsxCells.Formats(CellStyles()));
    }

    // By Look: plain, title, header, bordered text, two decimals, date.
    private static CellFormat[] CellStyles()
    {
        static Alignment Centred(bool wrap = true) => new() { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = wrap };
        return
        [
            new CellFormat(),
            new CellFormat(Centred(wrap: false)) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(Centred()) { FontId = 2, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center }) { BorderId = 1, NumberFormatId = 164, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center }) { BorderId = 1, NumberFormatId = 165, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true },
        ];
    }

    private static readonly uint FormatCount = (uint)CellStyles().Length;
}
