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

    /// <param name="lines">False for a layout table without borders (a signature block).</param>
    internal DocxTable(Table table, int[] widths, int size, int cellMargin, bool lines = true)
    {
        _table = table;
        _widths = widths;
        _size = size;
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
        if (header) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
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
                cell.Append(DocxText.Paragraph([DocxText.Run(line, DocxFont.SongTi, _size, header || c.Bold)], align, single: true));
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

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;
}
