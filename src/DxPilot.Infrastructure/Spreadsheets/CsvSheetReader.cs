using System.Text;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// CSV as bureaus save it (RFC 4180 quoting; comma, tab or semicolon): UTF-8 with or without BOM or, from older
/// Excel, GB18030. Small enough to own: the CsvHelper version that restores here has an API we do not need.
/// </summary>
internal static class CsvSheetReader
{
    static CsvSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SheetTable Read(byte[] content, Func<IReadOnlyList<string?>, bool> isHeader)
    {
        var text = Decode(content);
        var delimiter = DetectDelimiter(text);
        var rows = new List<(int, List<string?>, Dictionary<int, string>)>();
        var cells = new List<string?>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
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
            else if (c == delimiter) { cells.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(field.ToString());
                field.Clear();
                rows.Add((rowStart, cells, new Dictionary<int, string>()));
                cells = [];
                rowStart = ++line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            rows.Add((rowStart, cells, new Dictionary<int, string>()));
        }
        return SheetReader.Build(rows, isHeader);
    }

    private static char DetectDelimiter(string text)
    {
        var firstLines = string.Join('\n', text.Split('\n').Take(12));
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
