using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DxPilot.Web.Tests.Support;

/// <summary>What a .docx holds, and what LibreOffice makes of it: the document as a real client opens and prints it.</summary>
public static class OfficeFiles
{
    /// <summary>Schema errors as "path: description", so a failing assertion says what is wrong.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>The body's paragraphs (table cells included), one per line.</summary>
    public static string Text(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>Converts with LibreOffice headless to PDF and returns the PDF's text (pdftotext). Skips, or fails in CI,
    /// when either tool is missing.</summary>
    public static async Task<string> PdfTextAsync(byte[] docx)
    {
        var soffice = Tool("DXPILOT_TEST_SOFFICE", "soffice");
        var pdftotext = Tool("DXPILOT_TEST_PDFTOTEXT", "pdftotext");
        if (soffice is null) Requirements.Unmet("未安装 LibreOffice（soffice），无法检查 Word 文档的打开效果 / LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        if (pdftotext is null) Requirements.Unmet("未安装 pdftotext，无法读取转换后的 PDF / pdftotext is not installed (apt-get install poppler-utils)");
        var dir = Directory.CreateTempSubdirectory("dxpilot-docx-");
        try
        {
            var input = Path.Combine(dir.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx);
            // A private profile per conversion: parallel tests would otherwise fight over one user installation.
            await RunAsync(soffice!, $"-env:UserInstallation=file://{dir.FullName}/profile --headless --convert-to pdf --outdir {dir.FullName} {input}");
            var pdf = Path.Combine(dir.FullName, "document.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice 未能把文档转换为 PDF");
            await RunAsync(pdftotext!, $"{pdf} {dir.FullName}/document.txt");
            // To look at the pages as a user would (pdftoppm -png), keep the files: DXPILOT_TEST_KEEP_OFFICE=/some/folder.
            if (Environment.GetEnvironmentVariable("DXPILOT_TEST_KEEP_OFFICE") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                var stem = Path.Combine(keep, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx))[..8]);
                File.Copy(input, stem + ".docx", overwrite: true);
                File.Copy(pdf, stem + ".pdf", overwrite: true);
            }
            return await File.ReadAllTextAsync(Path.Combine(dir.FullName, "document.txt"));
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static string? Tool(string variable, string name) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} 退出码 {process.ExitCode}：{await stderr}");
    }
}
