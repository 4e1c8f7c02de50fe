using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DxPilot.Web.Tests.Support;

/// <summary>Builds .xlsx inputs the way Excel saves them (shared strings, a formula cell, an error cell) without our own writer.</summary>
public static class TestSheets
{
    /// <summary>A cell starting with '=' becomes a formula; "#N/A" becomes an error cell.</summary>
    public static byte[] Xlsx(params string?[][] rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var v = rows[r][c];
                    if (v is null) continue;
                    var cell = new Cell { CellReference = $"{(char)('A' + c)}{r + 1}" };
                    if (v.StartsWith('=')) { cell.CellFormula = new CellFormula(v[1..]); cell.CellValue = new CellValue("0"); }
                    else if (v == "#N/A") { cell.DataType = CellValues.Error; cell.CellValue = new CellValue("#N/A"); }
                    else
                    {
                        sst.SharedStringTable.AppendChild(new SharedStringItem(new Text(v)));
                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue((sst.SharedStringTable.Count() - 1).ToString());
                    }
                    row.AppendChild(cell);
                }
                data.AppendChild(row);
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "名单" }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }
}
