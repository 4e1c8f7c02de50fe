using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DxPilot.Domain.Text;

namespace DxPilot.Infrastructure.Documents;

/// <summary>
/// Writes an official form (.docx) top to bottom: title, headings, paragraphs, label/value fields, tables with merged
/// cells, PNG pictures and the signature and stamp block, on A4 pages numbered "第 X 页 共 Y 页". Disposing finishes the file.
/// A form is a method that calls these in the order of the official layout (see docs/documents.md).
/// </summary>
public sealed class DocxWriter : IDisposable
{
    private readonly WordprocessingDocument _doc;
    private readonly MainDocumentPart _main;
    private readonly Body _body;
    private uint _pictures;

    private DocxWriter(Stream output, string title)
    {
        _doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        _doc.PackageProperties.Title = ControlCharacters.ForXml(title, keepLineBreaks: false);
        _doc.PackageProperties.Creator = "DxPilot";
        _main = _doc.AddMainDocumentPart();
        _main.Document = new Document(_body = new Body());
        DocxPage.AddStyles(_main);
    }

    /// <param name="title">The document's title in its properties (what a file manager shows).</param>
    public static DocxWriter Create(Stream output, string title) => new(output, title);

    /// <summary>The text width in twips: the sum a table's columns should come to.</summary>
    public static int TextWidth => DocxPage.TextWidth;

    /// <summary>The form's title: 黑体 二号, centred; a long official title (24 characters or more) in 小二 so it stays on one line.</summary>
    public DocxWriter Title(string text, int size = DocxSize.Er)
    {
        var p = DocxText.Line(text, DocxFont.HeiTi, size, JustificationValues.Center);
        p.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "240", After = "480" };
        _body.Append(p);
        return this;
    }

    /// <summary>A centred line under the title or above a table (附件 numbers, 表 captions): 黑体 at the given size.</summary>
    public DocxWriter Centred(string text, int size = DocxSize.XiaoSi)
    {
        _body.Append(DocxText.Paragraph([DocxText.Run(text, DocxFont.HeiTi, size)], JustificationValues.Center, before: 6, after: 6, keepNext: true));
        return this;
    }

    /// <summary>"一、…" headings in 黑体 三号; level 2 ("（一）…") in 黑体 四号.</summary>
    public DocxWriter Heading(string text, int level = 1)
    {
        var size = level == 1 ? DocxSize.San : DocxSize.Si;
        _body.Append(DocxText.Paragraph([DocxText.Run(text, DocxFont.HeiTi, size)], JustificationValues.Left,
            before: 12, after: 6, keepNext: true, style: level == 1 ? "Heading1" : "Heading2"));
        return this;
    }

    /// <summary>Body text in 仿宋, each line of <paramref name="text"/> a paragraph indented by two characters.</summary>
    public DocxWriter Paragraph(string? text, int size = DocxSize.XiaoSi, bool indent = true)
    {
        foreach (var line in DocxText.Lines(text))
            _body.Append(DocxText.Paragraph([DocxText.Run(line, DocxFont.FangSong, size)], JustificationValues.Both, indent ? 2 : 0, size: size));
        return this;
    }

    /// <summary>Label/value pairs as a two-pair-per-row table, the way a form's 基本情况 block is laid out.</summary>
    public DocxWriter Fields(IReadOnlyList<(string Label, string Value)> fields)
    {
        const int label = 1900;
        var table = Table(DocxSize.Wu, label, TextWidth / 2 - label, label, TextWidth - TextWidth / 2 - label);
        for (var i = 0; i < fields.Count; i += 2)
        {
            var (l1, v1) = fields[i];
            if (i + 1 < fields.Count)
            {
                var (l2, v2) = fields[i + 1];
                table.Row(new DocxCell(l1, Bold: true, Centre: true), v1, new DocxCell(l2, Bold: true, Centre: true), v2);
            }
            else table.Row(new DocxCell(l1, Bold: true, Centre: true), new DocxCell(v1, Span: 3));
        }
        return this;
    }

    /// <summary>A table on a grid of column widths in twips (their sum should not exceed <see cref="TextWidth"/>); add rows to it.</summary>
    public DocxTable Table(int size, params int[] widths) => Table(size, widths, cellMargin: 80);

    /// <param name="cellMargin">Left and right cell padding in twips; less lets a wide table keep short names on one line.</param>
    public DocxTable Table(int size, int[] widths, int cellMargin)
    {
        var table = new Table();
        _body.Append(table);
        // An empty paragraph after each table: two tables in a row would otherwise merge into one in Word.
        _body.Append(DocxText.Paragraph([], JustificationValues.Left));
        return new DocxTable(table, widths, size, cellMargin);
    }

    /// <summary>A PNG, centred, scaled to <paramref name="widthCm"/> keeping its proportions.</summary>
    public DocxWriter Picture(byte[] png, int widthPx, int heightPx, double widthCm, string description)
    {
        var part = _main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png, writable: false)) part.FeedData(data);
        var drawing = DocxPicture.Inline(_main.GetIdOfPart(part), ++_pictures, widthPx, heightPx, widthCm, description);
        // Kept on the page of the caption that follows it.
        _body.Append(DocxText.Paragraph([new Run(drawing)], JustificationValues.Center, keepNext: true));
        return this;
    }

    /// <summary>
    /// Pictures (PNG or JPEG) <paramref name="perRow"/> to a row, each <paramref name="widthCm"/> wide with its caption under it:
    /// a visit's photos as the 现场诊断记录表 asks for them.
    /// </summary>
    public DocxWriter Pictures(IReadOnlyList<DocxImage> images, int perRow, double widthCm)
    {
        if (images.Count == 0) return this;
        var placed = new List<(string, uint, DocxImage)>(images.Count);
        foreach (var image in images)
        {
            var part = _main.AddImagePart(image.Jpeg ? ImagePartType.Jpeg : ImagePartType.Png);
            using (var data = new MemoryStream(image.Data, writable: false)) part.FeedData(data);
            placed.Add((_main.GetIdOfPart(part), ++_pictures, image));
        }
        _body.Append(DocxPictureGrid.Build(placed, perRow, widthCm));
        _body.Append(DocxText.Paragraph([], JustificationValues.Left));
        return this;
    }

    /// <summary>
    /// A cover page: the title in 黑体 二号 a third down the page (each line of <paramref name="title"/> on a line of its own, so a
    /// long title breaks where the form breaks it), then each label with its value on an underlined line (试点企业名称（盖章）：…),
    /// and a page break.
    /// </summary>
    public DocxWriter Cover(string title, IReadOnlyList<(string Label, string Value)> lines)
    {
        var runs = new List<OpenXmlElement>();
        foreach (var line in DocxText.Lines(title))
        {
            if (runs.Count > 0) runs.Add(new Run(new Break()));
            runs.Add(DocxText.Run(line, DocxFont.HeiTi, DocxSize.Er));
        }
        var top = DocxText.Paragraph(runs, JustificationValues.Center, size: DocxSize.Er);
        top.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "2400", After = "2000", Line = "560", LineRule = LineSpacingRuleValues.Auto };
        _body.Append(top);
        foreach (var (label, value) in lines)
        {
            var underlined = DocxText.Run(value.Length == 0 ? "　　　　　　　　" : value, DocxFont.FangSong, DocxSize.Si);
            underlined.RunProperties!.Underline = new Underline { Val = UnderlineValues.Single };
            var p = DocxText.Paragraph([DocxText.Run(label, DocxFont.FangSong, DocxSize.Si), underlined], JustificationValues.Left, before: 10, after: 10);
            p.ParagraphProperties!.Indentation = new Indentation { Left = "850" };
            _body.Append(p);
        }
        return PageBreak();
    }

    /// <summary>The signature and stamp block at the right: each label followed by room to sign, the date last as "年 月 日".</summary>
    public DocxWriter Signature(params string[] labels) => SignatureOn("日期：        年    月    日", labels);

    /// <summary>The same block with its date line given (a document issued on a known day: "2025年7月16日").</summary>
    public DocxWriter SignatureOn(string dateLine, params string[] labels)
    {
        // Kept together: a stamp line at the foot of one page and its date atop the next would not be signed as one block.
        _body.Append(DocxText.Paragraph([], JustificationValues.Left, before: 24, keepNext: true));
        foreach (var label in labels)
            _body.Append(Indented(DocxText.Paragraph([DocxText.Run(label, DocxFont.FangSong, DocxSize.XiaoSi)], JustificationValues.Left, before: 12, after: 12, keepNext: true)));
        _body.Append(Indented(DocxText.Paragraph([DocxText.Run(dateLine, DocxFont.FangSong, DocxSize.XiaoSi)], JustificationValues.Left, before: 12)));
        return this;
    }

    /// <summary>Two parties' signature blocks side by side, as an agreement ends: each party's full name, room for its stamp,
    /// and "日期：    年    月    日".</summary>
    public DocxWriter Parties((string Name, string Stamp) left, (string Name, string Stamp) right)
    {
        _body.Append(DocxText.Paragraph([], JustificationValues.Left, before: 24));
        var table = new Table();
        _body.Append(table);
        _body.Append(DocxText.Paragraph([], JustificationValues.Left));
        const string date = "日期：        年    月    日";
        new DocxTable(table, [TextWidth / 2, TextWidth - TextWidth / 2], DocxSize.XiaoSi, 80, lines: false)
            .Row(left.Name, right.Name)
            .Row("\n" + left.Stamp + "\n", "\n" + right.Stamp + "\n")
            .Row(date, date);
        return this;
    }

    // The block starts at the middle of the line, as on the printed forms.
    private static Paragraph Indented(Paragraph p)
    {
        p.ParagraphProperties!.Indentation = new Indentation { Left = (TextWidth / 2).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return p;
    }

    public DocxWriter PageBreak()
    {
        _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        return this;
    }

    public void Dispose()
    {
        _body.Append(DocxPage.Section(_main));
        _doc.Dispose();
    }
}
