using DxPilot.Infrastructure.Spreadsheets;

namespace DxPilot.Web.Features.Assignments.Import;

/// <summary>The assignment sheet's template (the importer's own columns) and the result of an import as a sheet to keep.</summary>
public static class AssignmentTemplate
{
    public const string FileName = "服务机构分配导入模板.xlsx";
    public const string ResultFileName = "服务机构分配导入结果.xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write()
    {
        string[][] notes =
        [
            ["企业", "填写企业名称或统一社会信用代码（至少一项）；两项都填时须是同一家企业。有同名企业时请填写统一社会信用代码"],
            ["服务商、评测机构、审计机构", "填写该机构在平台登记的全称；可只保留需要的列。每家企业同时只能分配一家服务商（评测机构、审计机构亦同），如需更换请先在平台上撤销原分配并填写理由"],
            ["重复导入", "已分配的不会重复分配，结果中列为“此前已分配”"],
            ["文件限制", $".xlsx 或 .csv，不超过{SheetReader.MaxBytes / 1024 / 1024}MB、{AssignmentImporter.Limits.MaxRows}行；表头可以放在前10行内"],
        ];
        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new XlsxWriter.Sheet("分配名单", AssignmentSheetColumns.Headers.Select(h => new XlsxWriter.Column(h, h == AssignmentSheetColumns.EnterpriseName ? 36 : 24)).ToList(), []),
            new XlsxWriter.Sheet("填表说明", [new("项目", 24), new("说明", 100)], notes.Select(n => (IReadOnlyList<object?>)n)),
        ]);
        return output.ToArray();
    }

    public static byte[] Result(AssignmentImportReport report)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, "导入结果", [new("行号", 8), new("企业", 36), new("服务机构", 36), new("结果", 12), new("原因", 60)],
            report.Lines.Select(l => (IReadOnlyList<object?>)[l.Row, l.Enterprise, l.Organisation, l.ResultLabel, l.Reason]),
            $"{report.FileName} 导入结果：已分配 {report.Assigned}，此前已分配 {report.AlreadyAssigned}，未分配 {report.Refused}");
        return output.ToArray();
    }
}
