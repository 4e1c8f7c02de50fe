using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DxPilot.Infrastructure.Documents;

/// <summary>The page of an official form: A4 with the GB/T 9704 margins, 仿宋 as the default East-Asian font, and
/// "第 X 页 共 Y 页" centred in the footer.</summary>
internal static class DocxPage
{
    public const int Width = 11906, Height = 16838;         // A4 in twips
    public const int Top = 2098, Bottom = 1984;             // 37 mm, 35 mm
    public const int Left = 1587, Right = 1474;             // 28 mm, 26 mm
    /// <summary>What a table may span: the page less its side margins.</summary>
    public const int TextWidth = Width - Left - Right;

    public static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var defaults = DocxText.Style(DocxFont.FangSong, DocxSize.XiaoSi);
        defaults.Languages = new Languages { Val = "zh-CN", EastAsia = "zh-CN" };
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(defaults.ChildElements.Select(e => e.CloneNode(true)))),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Heading1", "heading 1", 0),
            Heading("Heading2", "heading 2", 1));
    }

    // Headings carry an outline level so Word's navigation pane and a table of contents find them.
    private static Style Heading(string id, string name, int level) => new(
        new StyleName { Val = name },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = level }))
    { Type = StyleValues.Paragraph, StyleId = id };

    public static SectionProperties Section(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(DocxText.Paragraph(
            [
                DocxText.Run("第 ", DocxFont.SongTi, DocxSize.XiaoWu), Field("PAGE"),
                DocxText.Run(" 页 共 ", DocxFont.SongTi, DocxSize.XiaoWu), Field("NUMPAGES"),
                DocxText.Run(" 页", DocxFont.SongTi, DocxSize.XiaoWu),
            ], JustificationValues.Center));
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = Width, Height = Height },
            new PageMargin { Top = Top, Bottom = Bottom, Left = Left, Right = Right, Header = 851, Footer = 992, Gutter = 0 });
    }

    // A simple field: Word and LibreOffice compute the number when they lay the pages out; "1" shows until then.
    private static SimpleField Field(string instruction) =>
        new(DocxText.Run("1", DocxFont.SongTi, DocxSize.XiaoWu)) { Instruction = $" {instruction} " };
}
