using DxPilot.Domain.Instruments;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Spreadsheets;

namespace DxPilot.Web.Features.AcceptanceResults;

/// <summary>The columns the import reads, the template writes and the export writes (one list, so the three cannot drift), and the
/// three sheets: the template with its 填表说明, an import's result, and the list as it is filtered.</summary>
public static class AcceptanceSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string TemplateFileName = "验收结果导入模板.xlsx";
    public const string ResultFileName = "验收结果导入结果.xlsx";

    public const string EnterpriseName = "企业名称", Uscc = "统一社会信用代码", ProjectName = "项目名称", AcceptedOn = "验收日期",
        LevelBefore = "改造前等级", LevelAfter = "改造后等级", Agency = "评测机构", AgencyUscc = "评测机构统一社会信用代码", Conclusion = "验收结论", Remark = "备注";

    /// <summary>The importer's columns in the template's order; 评测机构统一社会信用代码 may be left out of a sheet.</summary>
    public static readonly IReadOnlyList<string> Headers =
        [EnterpriseName, Uscc, ProjectName, AcceptedOn, LevelBefore, LevelAfter, Agency, AgencyUscc, Conclusion, Remark];

    /// <summary>Every column but the agency's code and the remark must be in the sheet.</summary>
    public static readonly IReadOnlyList<string> Required = [EnterpriseName, Uscc, ProjectName, AcceptedOn, LevelBefore, LevelAfter, Agency, Conclusion];

    public const string HeaderHint = "应包含“企业名称”“统一社会信用代码”“项目名称”“验收日期”“改造前等级”“改造后等级”“评测机构”“验收结论”列";

    public static bool IsHeader(IReadOnlyList<string?> cells)
    {
        var names = cells.Select(c => c?.Trim()).ToHashSet();
        return Required.All(names.Contains);
    }

    public static byte[] Template()
    {
        string[][] notes =
        [
            ["企业", "填写企业名称和统一社会信用代码，两项须与平台上的企业档案一致（按统一社会信用代码查找企业）"],
            ["项目名称", $"第三方评测机构验收的改造项目名称，不超过{AcceptanceResult.MaxProjectNameCharacters}字；同一企业的同一项目只记一条，再次导入时更新"],
            ["验收日期", "如 2025-07-16 或 2025年7月16日，不能早于试点开始日期，不能晚于导入当天"],
            ["改造前等级、改造后等级", "评测机构评定的数字化水平等级：一级、二级、三级或四级"],
            ["验收结论", $"通过或不通过。验收结论为通过的，改造后等级应达到{LevelNames.Short(AcceptanceResult.MinPassedLevelAfter)}及以上并高于改造前等级"],
            ["评测机构", $"出具验收意见的第三方评测机构全称，不超过{AcceptanceResult.MaxAgencyNameCharacters}字；其统一社会信用代码可不填"],
            ["备注", $"不超过{AcceptanceResult.MaxRemarkCharacters}字"],
            ["重复导入", "同一企业的同一项目再次导入时，内容相同的列为“未变”，内容不同的更新原记录并列为“更新”，不会重复记录"],
            ["文件限制", $".xlsx 或 .csv，不超过{SheetReader.MaxBytes / 1024 / 1024}MB、{AcceptanceResultImporter.Limits.MaxRows}行；表头可以放在前10行内"],
        ];
        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new XlsxWriter.Sheet("验收结果", Headers.Select(h => new XlsxWriter.Column(h, h is EnterpriseName or ProjectName or Agency ? 32 : 20)).ToList(), []),
            new XlsxWriter.Sheet("填表说明", [new("项目", 24), new("说明", 100)], notes.Select(n => (IReadOnlyList<object?>)n)),
        ]);
        return output.ToArray();
    }

    public static byte[] Result(AcceptanceImportReport report)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, "导入结果", [new("行号", 8), new("企业", 36), new("项目名称", 36), new("结果", 10), new("原因", 60)],
            report.Lines.Select(l => (IReadOnlyList<object?>)[$"{l.Row}", l.Enterprise, l.ProjectName, l.ResultLabel, l.Reason]),
            $"{report.FileName} 导入结果：{report.Summary}");
        return output.ToArray();
    }

    /// <summary>The list as an .xlsx, every cell text (a USCC or a date must not become a number), in the import's columns so that
    /// the export can be corrected and imported back.</summary>
    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<AcceptanceResultRow> rows, string title, CancellationToken ct)
    {
        var lines = new List<IReadOnlyList<object?>>();
        await foreach (var r in rows.WithCancellation(ct))
            lines.Add([r.EnterpriseName, r.Uscc, r.ProjectName, ChineseText.Date(r.AcceptedOn), LevelNames.Short(r.LevelBefore), LevelNames.Short(r.LevelAfter),
                r.AgencyName, r.AgencyUscc, r.Passed ? "通过" : "不通过", r.Remark, r.District]);
        XlsxWriter.Write(output, "验收结果",
            [.. Headers.Select(h => new XlsxWriter.Column(h, h is EnterpriseName or ProjectName or Agency ? 32 : 18)), new("县（市、区）", 14)], lines, title);
        return lines.Count;
    }
}
