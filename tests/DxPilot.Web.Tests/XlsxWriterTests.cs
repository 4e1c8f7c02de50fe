using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DxPilot.Infrastructure.Spreadsheets;

namespace DxPilot.Web.Tests;

/// <summary>
/// The exports' cells as a spreadsheet shows them: 万元 with two decimals (173.9 reads 173.90), a percentage with one, a date as
/// 2025年7月16日 and a time with its minutes, all still numbers (sums and sorting work) and never a formula.
/// </summary>
public sealed class XlsxWriterTests
{
    [Fact]
    public void Money_rates_and_dates_carry_their_formats_and_stay_numbers()
    {
        using var file = new MemoryStream();
        XlsxWriter.Write(file, "名单",
        [
            new("企业", 20), new("核定补助（万元）", 16, XlsxWriter.Shown.Money), new("通过率（%）", 12, XlsxWriter.Shown.OneDecimal),
            new("均分", 10, XlsxWriter.Shown.TwoDecimals), new("日期"), new("更新时间"), new("件数"),
        ],
        [
            ["=HYPERLINK(\"http://x\")", 173.9m, 87.5m, 3.2m, new DateOnly(2025, 7, 16), new DateTime(2025, 7, 16, 9, 30, 0), 12],
        ], "标题");

        using var doc = SpreadsheetDocument.Open(new MemoryStream(file.ToArray()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var custom = stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!);
        // Built-in 4 is #,##0.00 and 2 is 0.00 (ECMA-376 part 1, 18.8.30).
        string Shown(Cell c)
        {
            var id = formats[(int)(c.StyleIndex?.Value ?? 0)].NumberFormatId?.Value ?? 0;
            return id switch { 0 => "General", 2 => "0.00", 4 => "#,##0.00", _ => custom[id] };
        }
        var cells = doc.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<Row>().Last().Elements<Cell>().ToList();
        Assert.Equal("=HYPERLINK(\"http://x\")", cells[0].InnerText);
        Assert.Empty(doc.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<CellFormula>());
        Assert.Equal(["General", "#,##0.00", "0.0", "0.00", "yyyy\"年\"m\"月\"d\"日\"", "yyyy\"年\"m\"月\"d\"日\" hh:mm", "General"], cells.Select(Shown));
        Assert.All(cells.Skip(1), c => Assert.Equal(CellValues.Number, c.DataType!.Value));
        Assert.Equal("173.9", cells[1].CellValue!.Text);
        // 2025-07-16 is day 45854 of the 1900 system; 09:30 is 0.395833… of it.
        Assert.Equal("45854", cells[4].CellValue!.Text);
        Assert.Equal(45854.39583333, double.Parse(cells[5].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 8);
    }

    // An inline string is shown as text, but editing the cell (F2, Enter) makes "=…" a live formula; Excel's own answer for text
    // typed after an apostrophe is the style's quotePrefix, which keeps it text. Both writers give it to text that starts like a
    // formula (= + - @, a tab or a line break), and to nothing else.
    [Fact]
    public void Text_that_starts_like_a_formula_keeps_its_look_and_is_quote_prefixed_in_both_writers()
    {
        string[] risky = ["=1+1", "+86 0571", "-5", "@张三", "\t=1"], safe = ["张三", "0571-88886666", "1=1"];
        using var list = new MemoryStream();
        XlsxWriter.Write(list, "名单", [new("联系人")], [.. risky.Concat(safe).Select(t => (IReadOnlyList<object?>)[t])]);
        using var stream = new MemoryStream();
        using (var sheet = new XlsxSheetStream(stream, "名单", [20]))
        {
            foreach (var t in risky.Concat(safe)) sheet.WriteRow([t], XlsxSheetStream.Look.Cell);
            sheet.Close();
        }
        foreach (var (file, look) in new[] { (list, 0u), (stream, (uint)XlsxSheetStream.Look.Cell) })
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(file.ToArray()), false);
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            var formats = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
            var cells = doc.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<Cell>().TakeLast(risky.Length + safe.Length).ToList();
            Assert.Equal([.. risky, .. safe], cells.Select(c => c.InnerText));
            Assert.Equal([.. risky.Select(_ => true), .. safe.Select(_ => false)], cells.Select(c => formats[(int)(c.StyleIndex?.Value ?? 0)].QuotePrefix?.Value ?? false));
            // The twin looks as its original does: same borders, alignment and number format.
            var twin = formats[(int)cells[0].StyleIndex!.Value];
            Assert.Equal((formats[(int)look].BorderId?.Value, formats[(int)look].Alignment?.OuterXml), (twin.BorderId?.Value, twin.Alignment?.OuterXml));
        }
    }

    [Fact]
    public void Both_writers_freeze_the_pane_below_the_title_and_header_rows()
    {
        using var list = new MemoryStream();
        XlsxWriter.Write(list, [
            new XlsxWriter.Sheet("有标题", [new("企业")], [["甲"], ["乙"]], "标题"),
            new XlsxWriter.Sheet("无标题", [new("企业")], [["甲"]]),
        ]);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(list.ToArray()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            var sheets = doc.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>()
                .ToDictionary(x => x.Name!.Value!, x => ((WorksheetPart)doc.WorkbookPart.GetPartById(x.Id!)).Worksheet!);
            Assert.Equal((2d, "A3"), Frozen(sheets["有标题"]));
            Assert.Equal((1d, "A2"), Frozen(sheets["无标题"]));
        }

        // An official sheet: title, a unit line, two header rows, then the body; the pane is frozen below the second header.
        using var official = new MemoryStream();
        using (var sheet = new XlsxSheetStream(official, "汇总表", [10, 20]))
        {
            sheet.WriteRow(["汇总表", null], XlsxSheetStream.Look.Title);
            sheet.WriteRow(["填报单位：某区", null], XlsxSheetStream.Look.Plain);
            sheet.WriteRow(["分组", null], XlsxSheetStream.Look.Header);
            sheet.WriteRow(["序号", "企业"], XlsxSheetStream.Look.Header);
            sheet.WriteRow([1, "甲"]);
            sheet.WriteRow([2, new DateOnly(2025, 7, 16)]);
            sheet.Close();
        }
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(official.ToArray()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            var worksheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet!;
            Assert.Equal((4d, "A5"), Frozen(worksheet));
            Assert.Equal(["1", "2", "3", "4", "5", "6"], worksheet.Descendants<Row>().Select(r => r.RowIndex!.Value.ToString()));
            Assert.Equal("汇总表", worksheet.Descendants<Row>().First().InnerText);
        }
    }

    private static (double Rows, string TopLeft) Frozen(Worksheet sheet)
    {
        var pane = Assert.Single(sheet.Descendants<Pane>());
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        return (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!);
    }
}
