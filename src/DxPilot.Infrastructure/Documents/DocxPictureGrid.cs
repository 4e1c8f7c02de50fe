using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DxPilot.Infrastructure.Documents;

/// <summary>A picture to place in a grid: PNG or JPEG bytes, its size in pixels (for the proportions) and the caption under it.</summary>
public sealed record DocxImage(byte[] Data, bool Jpeg, int WidthPx, int HeightPx, string Caption);

/// <summary>Pictures side by side in a borderless table, each with its caption, so that many photos take a page, not ten.</summary>
internal static class DocxPictureGrid
{
    public static Table Build(IReadOnlyList<(string RelationshipId, uint Id, DocxImage Image)> pictures, int perRow, double widthCm)
    {
        var column = DocxPage.TextWidth / perRow;
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        var table = new Table(new TableProperties(
            new TableWidth { Width = (column * perRow).ToString(Inv), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center }, none,
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(Enumerable.Range(0, perRow).Select(_ => new GridColumn { Width = column.ToString(Inv) })));
        foreach (var chunk in pictures.Chunk(perRow))
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < perRow; i++)
            {
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = column.ToString(Inv), Type = TableWidthUnitValues.Dxa }));
                if (i < chunk.Length)
                {
                    var (id, no, image) = chunk[i];
                    cell.Append(DocxText.Paragraph([new Run(DocxPicture.Inline(id, no, image.WidthPx, image.HeightPx, widthCm, image.Caption))],
                        JustificationValues.Center, before: 4, single: true));
                    cell.Append(DocxText.Paragraph([DocxText.Run(image.Caption, DocxFont.SongTi, DocxSize.XiaoWu)], JustificationValues.Center,
                        after: 4, single: true));
                }
                else cell.Append(new Paragraph());
                row.Append(cell);
            }
            table.Append(row);
        }
        return table;
    }

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;
}
