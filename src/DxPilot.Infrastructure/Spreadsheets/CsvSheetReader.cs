using System.Text;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// CSV as bureaus save it (RFC 4180 quoting; comma, tab or semicolon): UTF-8 with or without BOM or, from older
/// Excel, GB18030. Small enough to own: the CsvHelper version that restores here has an API we do not need.
/// </summary>
internal static class CsvSheetReader
{
    static CsvSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The rows one at a time; the text (at most the upload limit) is decoded once per reading.</summary>
    public static IEnumerable<SheetReader.RawRow> Read(byte[] content, SheetLimits limits)
    {
        var text = Decode(content);
        var delimiter = DetectDelimiter(text);
        var cells = new List<string?>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        // Empty cells past the last allowed column (Excel pads rows with commas) are dropped, not held.
        void AddCell()
        {
            if (cells.Count < limits.MaxColumns) cells.Add(field.ToString());
            else if (field.Length > 0 && !string.IsNullOrWhiteSpace(field.ToString())) throw new UnreadableSheetException(limits.TooManyColumns);
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { AddCell(); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                AddCell();
                field.Clear();
                yield return new SheetReader.RawRow(rowStart, cells, []);
                cells = [];
                rowStart = ++line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || cells.Count > 0)
        {
            AddCell();
            yield return new SheetReader.RawRow(rowStart, cells, []);
        }
    }

    private static char DetectDelimiter(string text)
    {
        var firstLines = string.Join('\n', text.Split('\n', 13).Take(12));
        return new[] { ',', '\t', ';', '，' }.OrderByDescending(d => firstLines.Count(ch => ch == d)).First();
    }

    private static string Decode(byte[] content)
    {
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var offset = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
            return utf8.GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }
}
