using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// First worksheet of an .xlsx as text, read straight from the zip with a forward-only XML reader so that memory stays small
/// whatever the file expands to: each entry is checked against <see cref="SheetLimits"/> by its declared size first and by
/// what it actually inflates to while it is read. Formula and error cells are reported, not trusted.
/// </summary>
internal sealed class XlsxReader
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false, CloseInput = true,
    };

    private readonly byte[] _content;
    private readonly SheetLimits _limits;
    private readonly string _sheetPath;
    private readonly string[] _shared;
    private readonly HashSet<int> _dateStyles;

    private XlsxReader(byte[] content, SheetLimits limits, string sheetPath, string[] shared, HashSet<int> dateStyles) =>
        (_content, _limits, _sheetPath, _shared, _dateStyles) = (content, limits, sheetPath, shared, dateStyles);

    /// <summary>Finds the first sheet and reads the shared strings and date styles; the rows are read by <see cref="Rows"/>.</summary>
    public static XlsxReader Open(byte[] content, SheetLimits limits)
    {
        using var zip = OpenZip(content);
        var declared = 0L;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (entry.Length > limits.MaxExpandedBytes || declared > limits.MaxExpandedBytes * 2) throw new UnreadableSheetException(limits.ExpandedTooLarge);
        }
        var workbook = Target("", "_rels/.rels", t => t.EndsWith("/officeDocument", StringComparison.Ordinal), zip, limits)
                       ?? throw new UnreadableSheetException("文件不是 Excel 工作簿：缺少工作簿内容，请在 Excel 中另存为 .xlsx 后再导入");
        var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var rels = $"{folder}_rels/{workbook[folder.Length..]}.rels";
        var sheetId = FirstSheetId(zip, workbook, limits) ?? throw new UnreadableSheetException("工作簿中没有工作表");
        var sheet = Target(folder, rels, _ => false, zip, limits, id: sheetId) ?? throw new UnreadableSheetException("第一个工作表不是数据表");
        var sharedPath = Target(folder, rels, t => t.EndsWith("/sharedStrings", StringComparison.Ordinal), zip, limits);
        var stylesPath = Target(folder, rels, t => t.EndsWith("/styles", StringComparison.Ordinal), zip, limits);
        var shared = sharedPath is null ? [] : SharedStrings(zip, sharedPath, limits);
        var dates = stylesPath is null ? [] : DateStyleIndexes(zip, stylesPath, limits);
        if (zip.GetEntry(sheet) is null) throw new UnreadableSheetException("第一个工作表不是数据表");
        return new XlsxReader(content, limits, sheet, shared, dates);
    }

    /// <summary>Every row of the sheet, in order, one at a time.</summary>
    public IEnumerable<SheetReader.RawRow> Rows()
    {
        using var zip = OpenZip(_content);
        using var xml = Reader(zip, _sheetPath, _limits.MaxExpandedBytes, _limits.ExpandedTooLarge);
        var implicitRow = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
            var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : implicitRow + 1;
            implicitRow = number;
            if (xml.IsEmptyElement) continue;
            yield return ReadRow(xml, number);
        }
    }

    private SheetReader.RawRow ReadRow(XmlReader xml, int number)
    {
        var cells = new List<string?>();
        var problems = new Dictionary<int, string>();
        var col = 0;
        using var row = xml.ReadSubtree();
        row.Read();
        while (row.Read())
        {
            if (row.NodeType != XmlNodeType.Element || row.LocalName != "c") continue;
            col = row.GetAttribute("r") is { } reference ? ColumnIndex(reference) : col;
            var (type, style) = (row.GetAttribute("t"), row.GetAttribute("s"));
            var (value, formula, inline) = row.IsEmptyElement ? (null, false, null) : CellContent(row);
            if (value is null && inline is null && !formula) { col++; continue; }
            if (col >= _limits.MaxColumns) throw new UnreadableSheetException(_limits.TooManyColumns);
            while (cells.Count < col) cells.Add(null);
            if (formula) problems[col] = $"{ColumnName(col)}{number}单元格是公式，请复制后“粘贴为数值”再导入";
            else if (type == "e") problems[col] = $"{ColumnName(col)}{number}单元格是错误值（{value}）";
            cells.Add(problems.ContainsKey(col) ? null : Text(type, style, value, inline));
            col++;
        }
        return new SheetReader.RawRow(number, cells, problems);
    }

    /// <summary>The cell's &lt;v&gt;, whether it has a formula, and its inline string; leaves the reader on &lt;/c&gt;.</summary>
    private static (string? Value, bool Formula, string? Inline) CellContent(XmlReader xml)
    {
        string? value = null, inline = null;
        var formula = false;
        using var c = xml.ReadSubtree();
        c.Read();
        while (c.Read())
        {
            if (c.NodeType != XmlNodeType.Element) continue;
            switch (c.LocalName)
            {
                case "f": formula = true; break;
                case "v": value = RichText(c); break;
                case "is": inline = RichText(c); break;
            }
        }
        return (value, formula, inline);
    }

    /// <summary>The text of a &lt;v&gt;, &lt;si&gt; or &lt;is&gt;: its own text or its &lt;t&gt; runs, without the phonetic guide
    /// (&lt;rPh&gt;); leaves the reader on the element's end.</summary>
    private static string RichText(XmlReader xml)
    {
        if (xml.IsEmptyElement) return "";
        var text = new System.Text.StringBuilder();
        var direct = xml.LocalName == "v";
        using var sub = xml.ReadSubtree();
        sub.Read();
        var (inText, inPhonetic) = (direct, false);
        while (sub.Read())
        {
            switch (sub.NodeType)
            {
                case XmlNodeType.Element when sub.LocalName == "rPh": inPhonetic = !sub.IsEmptyElement; break;
                case XmlNodeType.EndElement when sub.LocalName == "rPh": inPhonetic = false; break;
                case XmlNodeType.Element when sub.LocalName == "t": inText = !sub.IsEmptyElement; break;
                case XmlNodeType.EndElement when sub.LocalName == "t": inText = false; break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText && !inPhonetic:
                    text.Append(sub.Value);
                    break;
            }
        }
        return text.ToString();
    }

    private string? Text(string? type, string? style, string? raw, string? inline)
    {
        if (type == "inlineStr") return inline;
        if (raw is null) return null;
        if (type == "s")
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _shared.Length ? _shared[i] : null;
        if (type == "b") return raw == "1" ? "是" : "否";
        if (type is null or "n")
        {
            // Dates are numbers with a date format: give them back as 2015-06-30.
            if (int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && _dateStyles.Contains(s) &&
                double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
                return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // 1.5E+17-style renderings of long numbers are Excel's, not the user's: show the plain digits.
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                return d.ToString(CultureInfo.InvariantCulture);
        }
        return raw;
    }

    private static string[] SharedStrings(ZipArchive zip, string path, SheetLimits limits)
    {
        var strings = new List<string>();
        using var xml = Reader(zip, path, limits.MaxPartBytes, limits.PartTooLarge);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si") strings.Add(RichText(xml));
        return [.. strings];
    }

    private static HashSet<int> DateStyleIndexes(ZipArchive zip, string path, SheetLimits limits)
    {
        var custom = new Dictionary<int, string>();
        var result = new HashSet<int>();
        using var xml = Reader(zip, path, limits.MaxPartBytes, limits.PartTooLarge);
        var inCellFormats = false;
        var index = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellFormats = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), out var fid)) custom[fid] = xml.GetAttribute("formatCode") ?? "";
            else if (xml.LocalName == "cellXfs") inCellFormats = !xml.IsEmptyElement;
            else if (xml.LocalName == "xf" && inCellFormats)
            {
                var id = int.TryParse(xml.GetAttribute("numFmtId"), out var n) ? n : 0;
                if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 50 and <= 58 || (custom.TryGetValue(id, out var code) && LooksLikeDate(code))) result.Add(index);
                index++;
            }
        }
        return result;
    }

    private static bool LooksLikeDate(string code)
    {
        var c = code.ToLowerInvariant();
        return (c.Contains('y') || c.Contains('d') || c.Contains('年')) && !c.Contains("0.0");
    }

    private static string? FirstSheetId(ZipArchive zip, string workbook, SheetLimits limits)
    {
        using var xml = Reader(zip, workbook, limits.MaxPartBytes, limits.PartTooLarge);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                return xml.GetAttribute("id", Relationships) ?? xml.GetAttribute("r:id");
        return null;
    }

    /// <summary>The zip path a relationship points at: by its id, or the first whose type matches.</summary>
    private static string? Target(string folder, string relsPath, Func<string, bool> type, ZipArchive zip, SheetLimits limits, string? id = null)
    {
        if (zip.GetEntry(relsPath) is null) return null;
        using var xml = Reader(zip, relsPath, limits.MaxPartBytes, limits.PartTooLarge);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            if (id is not null ? xml.GetAttribute("Id") != id : !type(xml.GetAttribute("Type") ?? "")) continue;
            var target = xml.GetAttribute("Target") ?? "";
            return target.StartsWith('/') ? target[1..] : Normalise(folder + target);
        }
        return null;
    }

    /// <summary>"xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml".</summary>
    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Split('/'))
        {
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (p is not ("." or "")) parts.Add(p);
        }
        return string.Join('/', parts);
    }

    private static ZipArchive OpenZip(byte[] content)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new UnreadableSheetException("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或加密");
        }
    }

    private static XmlReader Reader(ZipArchive zip, string path, long budget, string refusal)
    {
        var entry = zip.GetEntry(path) ?? throw new UnreadableSheetException("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏");
        if (entry.Length > budget) throw new UnreadableSheetException(refusal);
        try
        {
            return XmlReader.Create(new ExpansionGuard(entry.Open(), budget, refusal), Xml);
        }
        catch (InvalidDataException)
        {
            throw new UnreadableSheetException("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或加密");
        }
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0L;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
            if (n > int.MaxValue / 26) return int.MaxValue;
        }
        return (int)n - 1;
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
