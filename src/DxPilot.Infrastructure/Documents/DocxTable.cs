using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DxPilot.Infrastructure.Documents;

/// <summary>Where a cell sits in a vertical merge: the first row of the merged block, or a row below it (its text is ignored).</summary>
public enum DocxMerge
{
    None,
    Start,
    Continue,
}

/// <summary>One table cell: its text (lines split on '\n'), how many grid columns it spans, and its place in a vertical merge.
/// <paramref name="Signoff"/>: lines under the text that start at the middle of the cell, as an opinion box ends (签字, 单位公章, 年 月 日).</summary>
public sealed record DocxCell(string Text, int Span = 1, DocxMerge Merge = DocxMerge.None, bool Bold = false, bool Centre = false, string? Signoff = null)
{
    public static implicit operator DocxCell(string text) => new(text);

    /// <summary>The rows under a <see cref="DocxMerge.Start"/> cell.</summary>
    public static DocxCell Merged(int span = 1) => new("", span, DocxMerge.Continue);
}

/// <summary>A bordered table on a fixed grid (twips, summing to the text width), in 宋体 at one size, its header rows repeated on each page.</summary>
public sealed class DocxTable
{
    private readonly Table _table;
    private readonly int[] _widths;
    private readonly int _size;
    private readonly int _cellMargin;

    /// <param name="lines">False for a layout table without borders (a signature block).</param>
    internal DocxTable(Table table, int[] widths, int size, int cellMargin, bool lines = true)
    {
        _table = table;
        _widths = widths;
        _size = size;
        _cellMargin = cellMargin;
        var line = lines ? BorderValues.Single : BorderValues.None;
        var borders = new TableBorders(
            new TopBorder { Val = line, Size = 4 }, new LeftBorder { Val = line, Size = 4 },
            new BottomBorder { Val = line, Size = 4 }, new RightBorder { Val = line, Size = 4 },
            new InsideHorizontalBorder { Val = line, Size = 4 }, new InsideVerticalBorder { Val = line, Size = 4 });
        _table.Append(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(Inv), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            borders,
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = (short)cellMargin, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = (short)cellMargin, Type = TableWidthValues.Dxa })));
        _table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(Inv) })));
    }

    /// <summary>A header row: bold, centred, repeated at the top of each page the table runs onto.</summary>
    public DocxTable Header(params DocxCell[] cells) => Add(cells, header: true);

    public DocxTable Row(params DocxCell[] cells) => Add(cells, header: false);

    private DocxTable Add(IReadOnlyList<DocxCell> cells, bool header)
    {
        if (cells.Sum(c => c.Span) != _widths.Length)
            throw new ArgumentException($"表格行占{cells.Sum(c => c.Span)}列，表格共{_widths.Length}列", nameof(cells));
        var row = new TableRow();
        // A row stays on one page (a header row also repeats on each page), unless its text is too long for that to help.
        if (header) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        else if (!Tall(cells)) row.Append(new TableRowProperties(new CantSplit()));
        var column = 0;
        foreach (var c in cells)
        {
            var width = _widths.Skip(column).Take(c.Span).Sum();
            column += c.Span;
            var props = new TableCellProperties
            {
                TableCellWidth = new TableCellWidth { Width = width.ToString(Inv), Type = TableWidthUnitValues.Dxa },
                GridSpan = c.Span > 1 ? new GridSpan { Val = c.Span } : null,
                VerticalMerge = c.Merge switch
                {
                    DocxMerge.Start => new VerticalMerge { Val = MergedCellValues.Restart },
                    DocxMerge.Continue => new VerticalMerge(),
                    _ => null,
                },
                TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center },
            };
            var cell = new TableCell(props);
            var align = header || c.Centre ? JustificationValues.Center : JustificationValues.Left;
            var lines = c.Merge == DocxMerge.Continue ? [""] : DocxText.Lines(c.Text);
            // A cell must hold at least one paragraph, even when empty.
            foreach (var line in lines)
                cell.Append(DocxText.Paragraph([DocxText.Run(line, DocxFont.SongTi, SizeFor(line, width), header || c.Bold)], align, single: true));
            if (c.Signoff is not null && c.Merge != DocxMerge.Continue)
                foreach (var line in DocxText.Lines(c.Signoff))
                {
                    var p = DocxText.Paragraph([DocxText.Run(line, DocxFont.SongTi, _size)], JustificationValues.Left, before: 6, single: true);
                    p.ParagraphProperties!.Indentation = new Indentation { Left = (width / 2).ToString(Inv) };
                    cell.Append(p);
                }
            row.Append(cell);
        }
        _table.Append(row);
        return this;
    }

    /// <summary>Lines a page surely holds at table sizes (A4 between GB/T 9704 margins holds some forty at 五号).</summary>
    private const int PageLines = 25;

    /// <summary>The smallest size a code or date is set at to stay on one line: 六号 (7.5pt).</summary>
    private const int SmallestSize = 15;

    private bool Tall(IReadOnlyList<DocxCell> cells)
    {
        var column = 0;
        var tallest = 0;
        foreach (var c in cells)
        {
            var usable = _widths.Skip(column).Take(c.Span).Sum() - 2 * _cellMargin;
            column += c.Span;
            var lines = DocxText.Lines(c.Text).Concat(c.Signoff is null ? [] : DocxText.Lines(c.Signoff))
                .Sum(line => Math.Max(1, (int)Math.Ceiling(Twips(line, _size) / usable)));
            tallest = Math.Max(tallest, lines);
        }
        return tallest > PageLines;
    }

    /// <summary>
    /// A code, date, phone number or amount (a line with digits and no spaces: 91220104MA17XXXX2L, 2025年12月31日) that the column
    /// cannot hold on one line at the table's size is set smaller until it fits, down to 六号: broken in the middle it reads wrong.
    /// </summary>
    private int SizeFor(string line, int width)
    {
        if (line.Length == 0 || line.Length > 24 || !line.Any(char.IsAsciiDigit) || line.Any(char.IsWhiteSpace)) return _size;
        var usable = width - 2 * _cellMargin;
        var size = _size;
        while (size > SmallestSize && Twips(line, size) > usable) size--;
        return size;
    }

    /// <summary>How wide a line sets at a size (half-points), generously: a Chinese character is 1 em, anything else 0.7 em, wide
    /// enough for the Latin faces a substitute font brings where 宋体 is missing.</summary>
    private static double Twips(string line, int size) => line.Sum(ch => ch >= '\u2E80' ? 1.0 : 0.7) * size * 10;

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;
}
