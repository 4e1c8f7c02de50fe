using System.IO.Compression;
using System.Text;

namespace DxPilot.Bench.Imports;

/// <summary>
/// Small .xlsx files built to hurt an importer, written straight into the zip (no spreadsheet library, so nothing stops them
/// from being as hostile as they are): each is a valid workbook whose sheet has the enterprise list's header row. Shared with
/// the tests (linked into DxPilot.Web.Tests), which assert that each is refused with its limit named.
/// </summary>
public static class HostileSheets
{
    public const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1" t="inlineStr"><is><t>所属区县</t></is></c><c r="C1" t="inlineStr"><is><t>行业</t></is></c></row>""";

    /// <summary>A sheet whose XML expands to <paramref name="megabytes"/> MB: one row whose cells are padded with attributes-free
    /// empty cells, the way a zip bomb packs repetitive XML.</summary>
    public static byte[] ExpandedSheet(int megabytes) => Workbook(w =>
    {
        w.Write(Header);
        var filler = string.Concat(Enumerable.Repeat("<c/>", 16 * 1024)); // 64 KB of empty cells
        w.Write("<row r=\"2\">");
        for (var i = 0; i < megabytes * 16; i++) w.Write(filler);
        w.Write("</row>");
    });

    /// <summary>A list of <paramref name="rows"/> one-cell rows (the probe's file had 2 million).</summary>
    public static byte[] ManyRows(int rows) => Workbook(w =>
    {
        w.Write(Header);
        for (var r = 2; r <= rows + 1; r++) w.Write($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>企业</t></is></c></row>");
    });

    /// <summary>A header row that goes on for <paramref name="columns"/> columns.</summary>
    public static byte[] ManyColumns(int columns) => Workbook(w =>
    {
        w.Write("<row r=\"1\"><c t=\"inlineStr\"><is><t>企业名称</t></is></c><c t=\"inlineStr\"><is><t>所属区县</t></is></c><c t=\"inlineStr\"><is><t>行业</t></is></c>");
        for (var c = 3; c < columns; c++) w.Write("<c t=\"inlineStr\"><is><t>列</t></is></c>");
        w.Write("</row>");
    });

    /// <summary>One cell holding <paramref name="kilobytes"/> KB of text, far past Excel's 32,767 characters: the XML parser would hold it whole.</summary>
    public static byte[] LongCell(int kilobytes) => Workbook(w =>
    {
        w.Write(Header);
        w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
        for (var i = 0; i < kilobytes; i++) w.Write(new string('a', 1024));
        w.Write("</t></is></c></row>");
    });

    /// <summary>A shared-strings table of <paramref name="megabytes"/> MB that the sheet barely uses.</summary>
    public static byte[] HugeSharedStrings(int megabytes) => Workbook(w => w.Write(Header), shared: w =>
    {
        var item = "<si><t>" + new string('字', 1000) + "</t></si>"; // ≈ 3 KB
        for (var i = 0; i < megabytes * 1024 / 3; i++) w.Write(item);
    });

    /// <summary>The same file with every entry's uncompressed size declared as <paramref name="declared"/> bytes (local headers and
    /// central directory), so that only what the entries actually inflate to can give them away.</summary>
    public static byte[] LyingAboutSizes(byte[] zip, uint declared = 1024)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 <= bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50) BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), declared);      // local file header
            else if (signature == 0x02014b50) BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared); // central directory
        }
        return bytes;
    }

    private static byte[] Workbook(Action<TextWriter> sheetData, Action<TextWriter>? shared = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""));
            Entry(zip, "_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Entry(zip, "xl/workbook.xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Entry(zip, "xl/_rels/workbook.xml.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Entry(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                shared?.Invoke(w);
                w.Write("</sst>");
            });
            Entry(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                sheetData(w);
                w.Write("</sheetData></worksheet>");
            });
        }
        return output.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
