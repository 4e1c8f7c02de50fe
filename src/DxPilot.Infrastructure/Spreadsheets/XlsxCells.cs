using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DxPilot.Domain.Text;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// The cells both sheet writers put down: numbers as numbers, everything else as inline text (never a formula). Written as tags
/// and attributes straight into the part's writer: a sheet of 400,000 cells builds no element per cell. Text that a spreadsheet
/// would take for a formula once the cell is edited (= + - @, a tab or a line break first) carries its style's quote-prefixed
/// twin (<see cref="Formats"/>), as Excel marks text typed after an apostrophe: it stays text when someone edits it.
/// </summary>
internal sealed class XlsxCells(OpenXmlWriter writer, uint formatCount)
{
    // Tags only: the writer takes their names and namespaces, and the attributes given with them.
    private static readonly Cell CellTag = new();
    private static readonly CellValue ValueTag = new();
    private static readonly InlineString InlineTag = new();
    private static readonly Text TextTag = new();
    private static readonly Row RowTag = new();
    private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    private static readonly OpenXmlAttribute NumberType = new("t", "", "n");
    private static readonly OpenXmlAttribute InlineType = new("t", "", "inlineStr");
    private static readonly OpenXmlAttribute CustomHeight = new("customHeight", "", "1");

    private readonly List<OpenXmlAttribute> _attributes = new(3);

    /// <summary>The writer's cell formats (<paramref name="formats"/>, style ids from 0), then a quote-prefixed twin of each at
    /// the same id plus <paramref name="formats"/>' count, the one <see cref="Text"/> gives text that starts like a formula.</summary>
    public static CellFormats Formats(params CellFormat[] formats)
    {
        var all = new CellFormats(formats.Concat(formats.Select(f =>
        {
            var twin = (CellFormat)f.CloneNode(true);
            twin.QuotePrefix = true;
            return twin;
        })));
        all.Count = (uint)formats.Length * 2;
        return all;
    }

    /// <summary>The sheet's view with the pane frozen below its first <paramref name="rows"/> rows (title and headers), so that
    /// they stay in sight as a long list scrolls.</summary>
    public static SheetViews FrozenBelow(uint rows)
    {
        var first = "A" + (rows + 1).ToString(CultureInfo.InvariantCulture);
        return new SheetViews(new SheetView(
            new Pane { VerticalSplit = rows, TopLeftCell = first, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = first, SequenceOfReferences = new ListValue<StringValue> { InnerText = first } })
        { WorkbookViewId = 0 });
    }

    /// <summary>Opens row <paramref name="index"/> (1-based), with a fixed height if given; close it with <see cref="EndRow"/>.</summary>
    public void StartRow(uint index, double? height = null)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", "", index.ToString(CultureInfo.InvariantCulture)));
        if (height is { } h)
        {
            _attributes.Add(new OpenXmlAttribute("ht", "", h.ToString("R", CultureInfo.InvariantCulture)));
            _attributes.Add(CustomHeight);
        }
        writer.WriteStartElement(RowTag, _attributes);
    }

    public void EndRow() => writer.WriteEndElement();

    /// <summary>A number cell; <paramref name="value"/> is the invariant text of the number.</summary>
    public void Number(string reference, uint style, string value)
    {
        Start(reference, style, NumberType);
        writer.WriteStartElement(ValueTag);
        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>An inline-string cell, its text as typed (spaces kept) less the control characters XML cannot carry.</summary>
    public void Text(string reference, uint style, string value)
    {
        Start(reference, value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? style + formatCount : style, InlineType);
        writer.WriteStartElement(InlineTag);
        writer.WriteStartElement(TextTag, Preserve);
        writer.WriteString(ControlCharacters.ForXml(value, keepLineBreaks: true));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>A cell with no value, there for its style (an official table's borders stay whole).</summary>
    public void Empty(string reference, uint style)
    {
        Start(reference, style, null);
        writer.WriteEndElement();
    }

    // The schema's attribute order: r, s, t. Style 0 is the default and is left out.
    private void Start(string reference, uint style, OpenXmlAttribute? type)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", "", reference));
        if (style != 0) _attributes.Add(new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)));
        if (type is { } t) _attributes.Add(t);
        writer.WriteStartElement(CellTag, _attributes);
    }
}
