namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>A sheet read as text: the header row and the rows under it, with the cells that cannot be trusted.</summary>
public sealed record SheetTable(int HeaderRowNumber, IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>One data row. <see cref="Number"/> is the row number a person sees in Excel (1-based).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string?> Cells, IReadOnlyDictionary<int, string> CellProblems)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace) && CellProblems.Count == 0;
}

/// <summary>The file is not a table we can read at all (not a spreadsheet, no header, encrypted …).</summary>
public sealed class UnreadableSheetException(string message) : Exception(message);

public static class SheetReader
{
    /// <summary>Upload limit stated to users; larger files are refused before they are read.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Reads .xlsx or .csv by content (not by trusting the extension). Finds the header row by <paramref name="isHeader"/>.</summary>
    public static SheetTable Read(byte[] content, string fileName, Func<IReadOnlyList<string?>, bool> isHeader)
    {
        if (content.Length == 0) throw new UnreadableSheetException("文件是空的");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (isZip) return XlsxReader.Read(content, isHeader);
        if (ext is ".xlsx" or ".xlsm") throw new UnreadableSheetException("文件扩展名是 .xlsx，但内容不是 Excel 工作簿，请在 Excel 中另存为 .xlsx 后再导入");
        if (ext == ".xls") throw new UnreadableSheetException("不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再导入");
        if (ext != ".csv") throw new UnreadableSheetException($"不支持 {ext} 文件，请上传 .xlsx 或 .csv 表格");
        if (content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0)) throw new UnreadableSheetException("文件不是文本格式的 CSV 表格");
        return CsvSheetReader.Read(content, isHeader);
    }

    internal static SheetTable Build(List<(int Number, List<string?> Cells, Dictionary<int, string> Problems)> rows,
        Func<IReadOnlyList<string?>, bool> isHeader)
    {
        // Bureaus' sheets often put a title line (and a 填报单位 line) above the header: look in the first rows.
        var headerIndex = rows.Take(10).ToList().FindIndex(r => isHeader(r.Cells));
        if (headerIndex < 0) throw new UnreadableSheetException("在表格前10行中没有找到表头（应包含“企业名称”列）");
        var header = rows[headerIndex];
        var headers = header.Cells.Select(c => c?.Trim() ?? "").ToList();
        var data = rows.Skip(headerIndex + 1)
            .Select(r => new SheetRow(r.Number, Pad(r.Cells, headers.Count), r.Problems))
            .Where(r => !r.IsBlank)
            .ToList();
        return new SheetTable(header.Number, headers, data);
    }

    private static List<string?> Pad(List<string?> cells, int count)
    {
        while (cells.Count < count) cells.Add(null);
        return cells;
    }
}
