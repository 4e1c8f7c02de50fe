namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>
/// What an uploaded sheet may hold. A small .xlsx can expand enormously (an "import bomb"), so these are checked while the
/// file is read, in a streaming pass that keeps only a few rows in memory, and a file over any of them is refused with the
/// limit named before a single row is imported.
/// </summary>
/// <param name="MaxExpandedBytes">The worksheet's XML (read as a stream), and every entry's declared size.</param>
/// <param name="MaxPartBytes">Each other part (the shared strings, styles, workbook): these are held or scanned whole.</param>
/// <param name="MaxRows">Data rows with anything in them.</param>
/// <param name="MaxColumns">The rightmost column that holds a value.</param>
public sealed record SheetLimits(long MaxExpandedBytes, long MaxPartBytes, int MaxRows, int MaxColumns)
{
    /// <summary>An enterprise list: a city's pilot has a few thousand enterprises; 附件5 汇总表 has 28 columns.</summary>
    public static readonly SheetLimits Default = new(MaxExpandedBytes: 200L * 1024 * 1024, MaxPartBytes: 16L * 1024 * 1024,
        MaxRows: 50_000, MaxColumns: 200);

    /// <summary>The longest stretch of a sheet's XML without a tag; Excel's longest cell (32,767 characters, escaped) fits with room.</summary>
    public const int MaxTokenBytes = 256 * 1024;

    public string ExpandedTooLarge => $"文件展开后超过 {MaxExpandedBytes / 1024 / 1024} MB，不能导入。请检查文件是否为正常的企业名单，或拆分后分批导入";

    public string PartTooLarge => $"文件中的文字或格式信息展开后超过 {MaxPartBytes / 1024 / 1024} MB，不能导入。请拆分后分批导入";

    public string TooManyRows => $"表格超过 {MaxRows} 行，不能导入。请拆分为每份不超过 {MaxRows} 行后分批导入";

    public string TooManyColumns => $"表格超过 {MaxColumns} 列，不能导入。请删去名单以外的列后再导入";

    public const string TokenTooLong = "文件中有单元格内容超过 Excel 的长度上限（32767 个字符），不是正常保存的表格，不能导入";
}
