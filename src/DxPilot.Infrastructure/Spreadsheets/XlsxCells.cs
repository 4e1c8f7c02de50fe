using DocumentFormat.OpenXml.Spreadsheet;

namespace DxPilot.Infrastructure.Spreadsheets;

/// <summary>The cells both sheet writers put down: numbers as numbers, everything else as inline text (never a formula).</summary>
internal static class XlsxCells
{
    public static Cell Number(string value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value) };

    public static Cell Text(string value) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(StripControl(value)) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
    };

    // XML 1.0 forbids most control characters; a pasted one would make the file unreadable.
    private static string StripControl(string s) =>
        s.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r')) ? new string(s.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray()) : s;
}
