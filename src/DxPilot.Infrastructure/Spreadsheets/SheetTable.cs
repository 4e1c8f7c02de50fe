using System.Xml;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// A sheet checked against its limits: the header row, how many data rows there are, and the rows under the header,
/// read again from the file one at a time (<see cref="Rows"/>) so that memory does not grow with the sheet.
/// </summary>
public sealed class SheetTable
{
    private readonly Func<IEnumerable<SheetReader.RawRow>> _read;

    internal SheetTable(int headerRowNumber, IReadOnlyList<string> headers, int rowCount, Func<IEnumerable<SheetReader.RawRow>> read) =>
        (HeaderRowNumber, Headers, RowCount, _read) = (headerRowNumber, headers, rowCount, read);

    public int HeaderRowNumber { get; }
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Data rows with anything in them.</summary>
    public int RowCount { get; }

    /// <summary>The data rows under the header, blank ones left out, padded to the header's width.</summary>
    public IEnumerable<SheetRow> Rows =>
        SheetReader.Guarded(_read()).SkipWhile(r => r.Number <= HeaderRowNumber)
            .Select(r => new SheetRow(r.Number, Pad(r.Cells, Headers.Count), r.Problems)).Where(r => !r.IsBlank);

    private static List<string?> Pad(List<string?> cells, int count)
    {
        while (cells.Count < count) cells.Add(null);
        return cells;
    }
}

/// <summary>One data row. <see cref="Number"/> is the row number a person sees in Excel (1-based).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string?> Cells, IReadOnlyDictionary<int, string> CellProblems)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace) && CellProblems.Count == 0;
}

/// <summary>The file cannot be imported as a whole (not a spreadsheet, no header, over a limit …); the message says why, in Chinese.</summary>
public sealed class UnreadableSheetException(string message) : Exception(message);

public static class SheetReader
{
    /// <summary>Upload limit stated to users; larger files are refused before they are read.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    internal sealed record RawRow(int Number, List<string?> Cells, Dictionary<int, string> Problems);

    /// <summary>
    /// Reads .xlsx or .csv by content (not by trusting the extension), finds the header row by <paramref name="isHeader"/>,
    /// and reads the whole sheet once, streaming, to count its rows against <paramref name="limits"/>.
    /// </summary>
    /// <param name="headerHint">What the header must hold, for the message when none is found.</param>
    public static SheetTable Open(byte[] content, string fileName, Func<IReadOnlyList<string?>, bool> isHeader, SheetLimits? limits = null,
        string headerHint = "应包含“企业名称”列")
    {
        limits ??= SheetLimits.Default;
        if (content.Length == 0) throw new UnreadableSheetException("文件是空的");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        Func<IEnumerable<RawRow>> read;
        if (isZip)
        {
            var xlsx = Guard(() => XlsxReader.Open(content, limits));
            read = xlsx.Rows;
        }
        else
        {
            if (ext is ".xlsx" or ".xlsm") throw new UnreadableSheetException("文件扩展名是 .xlsx，但内容不是 Excel 工作簿，请在 Excel 中另存为 .xlsx 后再导入");
            if (ext == ".xls") throw new UnreadableSheetException("不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再导入");
            if (ext != ".csv") throw new UnreadableSheetException($"不支持 {ext} 文件，请上传 .xlsx 或 .csv 表格");
            if (content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0)) throw new UnreadableSheetException("文件不是文本格式的 CSV 表格");
            read = () => CsvSheetReader.Read(content, limits);
        }

        // Bureaus' sheets often put a title line (and a 填报单位 line) above the header: look in the first rows.
        RawRow? header = null;
        var (seen, count) = (0, 0);
        foreach (var row in Guarded(read()))
        {
            if (row.Cells.FindLastIndex(c => !string.IsNullOrWhiteSpace(c)) >= limits.MaxColumns) throw new UnreadableSheetException(limits.TooManyColumns);
            if (header is null)
            {
                if (++seen > 10) break;
                if (isHeader(row.Cells)) header = row;
                continue;
            }
            if (row.Problems.Count == 0 && row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            if (++count > limits.MaxRows) throw new UnreadableSheetException(limits.TooManyRows);
        }
        if (header is null) throw new UnreadableSheetException($"在表格前10行中没有找到表头（{headerHint}）");
        return new SheetTable(header.Number, header.Cells.Select(c => c?.Trim() ?? "").ToList(), count, read);
    }

    /// <summary>Rows as they are read, with a broken zip or XML turned into the user's message.</summary>
    internal static IEnumerable<RawRow> Guarded(IEnumerable<RawRow> rows)
    {
        using var e = rows.GetEnumerator();
        while (Guard(e.MoveNext)) yield return e.Current;
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            throw new UnreadableSheetException("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或加密");
        }
    }
}
