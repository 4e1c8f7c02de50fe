using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using DxPilot.Domain.Text;

namespace DxPilot.Infrastructure.Documents;

/// <summary>The three typefaces of Chinese official forms (GB/T 9704): 仿宋 for body text, 黑体 for headings, 宋体 for tables.</summary>
public enum DocxFont
{
    FangSong,
    HeiTi,
    SongTi,
}

/// <summary>Sizes by their Chinese names, in half-points as Word stores them.</summary>
public static class DocxSize
{
    public const int Er = 44;       // 二号 22pt: the title
    public const int XiaoEr = 36;   // 小二 18pt: a title too long for 二号
    public const int San = 32;      // 三号 16pt
    public const int Si = 28;       // 四号 14pt
    public const int XiaoSi = 24;   // 小四 12pt: body
    public const int Wu = 21;       // 五号 10.5pt: tables
    public const int XiaoWu = 18;   // 小五 9pt: wide tables
}

/// <summary>Runs and paragraphs with the fonts set the way Word reads them: the East-Asian font in w:rFonts/@eastAsia,
/// a Latin companion for digits and letters.</summary>
internal static class DocxText
{
    public static string Name(DocxFont f) => f switch
    {
        DocxFont.HeiTi => "黑体",
        DocxFont.SongTi => "宋体",
        _ => "仿宋",
    };

    public static RunProperties Style(DocxFont font, int size, bool bold = false) => new()
    {
        RunFonts = new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = Name(font), Hint = FontTypeHintValues.EastAsia },
        Bold = bold ? new Bold() : null,
        FontSize = new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        FontSizeComplexScript = new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public static Run Run(string text, DocxFont font, int size, bool bold = false) =>
        new(Style(font, size, bold), new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    public static Paragraph Paragraph(IEnumerable<OpenXmlElement> runs, JustificationValues align, int firstLineChars = 0,
        int before = 0, int after = 0, bool keepNext = false, string? style = null, bool single = false, int size = DocxSize.XiaoSi)
    {
        var p = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = style is null ? null : new ParagraphStyleId { Val = style },
            KeepNext = keepNext ? new KeepNext() : null,
            SpacingBetweenLines = single
                ? new SpacingBetweenLines { Before = Twips(before), After = Twips(after), Line = "240", LineRule = LineSpacingRuleValues.Auto }
                : new SpacingBetweenLines { Before = Twips(before), After = Twips(after) },
            // Word reads the indent in characters; LibreOffice only the twips (a character is the font size: size/2 pt).
            Indentation = firstLineChars > 0 ? new Indentation { FirstLineChars = firstLineChars * 100, FirstLine = Twips(firstLineChars * size / 2) } : null,
            Justification = new Justification { Val = align },
        });
        p.Append(runs);
        return p;
    }

    public static Paragraph Line(string text, DocxFont font, int size, JustificationValues align, bool bold = false, int firstLineChars = 0) =>
        Paragraph([Run(text, font, size, bold)], align, firstLineChars, size: size);

    /// <summary>One paragraph per line of typed text; a blank line stays blank.</summary>
    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    // What XML 1.0 cannot carry would make the file unreadable (text stored before the input rule refused it).
    private static string Clean(string s) => ControlCharacters.ForXml(s, keepLineBreaks: false);

    private static string Twips(int points) => (points * 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
