using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>First worksheet of an .xlsx as text. Formula and error cells are reported, not trusted.</summary>
internal static class XlsxReader
{
    public static SheetTable Read(byte[] content, Func<IReadOnlyList<string?>, bool> isHeader)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new UnreadableSheetException("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或加密");
        }
        using (doc)
        {
            var wb = doc.WorkbookPart ?? throw new UnreadableSheetException("文件不是 Excel 工作簿：缺少 workbook");
            var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                        ?? throw new UnreadableSheetException("工作簿中没有工作表");
            if (wb.GetPartById(sheet.Id!) is not WorksheetPart part) throw new UnreadableSheetException("第一个工作表不是数据表");
            var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyleIndexes(wb);

            var rows = new List<(int, List<string?>, Dictionary<int, string>)>();
            using var reader = OpenXmlReader.Create(part);
            var implicitRow = 0;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = (int)(row.RowIndex?.Value ?? (uint)(implicitRow + 1));
                implicitRow = number;
                var cells = new List<string?>();
                var problems = new Dictionary<int, string>();
                var col = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    col = cell.CellReference?.Value is { } r ? ColumnIndex(r) : col;
                    while (cells.Count < col) cells.Add(null);
                    if (cell.CellFormula is not null)
                        problems[col] = $"{ColumnName(col)}{number}单元格是公式，请复制后“粘贴为数值”再导入";
                    if (cell.DataType?.Value == CellValues.Error)
                        problems[col] = $"{ColumnName(col)}{number}单元格是错误值（{cell.CellValue?.Text}）";
                    cells.Add(problems.ContainsKey(col) ? null : Text(cell, shared, dateStyles));
                    col++;
                }
                rows.Add((number, cells, problems));
            }
            return SheetReader.Build(rows, isHeader);
        }
    }

    private static string? Text(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText;
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i >= 0 && i < shared.Length ? shared[i] : null;
        if (type == CellValues.Boolean) return raw == "1" ? "是" : "否";
        if (type is null || type == CellValues.Number)
        {
            // Dates are numbers with a date format: give them back as 2015-06-30.
            if (cell.StyleIndex?.Value is { } s && dateStyles.Contains(s) &&
                double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
                return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // 1.5E+17-style renderings of long numbers are Excel's, not the user's: show the plain digits.
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                return d.ToString(CultureInfo.InvariantCulture);
        }
        return raw;
    }

    private static HashSet<uint> DateStyleIndexes(WorkbookPart wb)
    {
        var result = new HashSet<uint>();
        var stylesheet = wb.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(n => n.NumberFormatId is not null)
            .ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var cf in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = cf.NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 27 and <= 36 or >= 50 and <= 58 ||
                         (custom.TryGetValue(id, out var code) && LooksLikeDate(code));
            if (isDate) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool LooksLikeDate(string code)
    {
        var c = code.ToLowerInvariant();
        return (c.Contains('y') || c.Contains('d') || c.Contains("年")) && !c.Contains("0.0");
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return n - 1;
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
