using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Spreadsheets;

namespace DxPilot.Web.Features.Enterprises.Import;

/// <summary>
/// The import template: a 企业名单 sheet headed with exactly the columns the importer reads (its own list,
/// <see cref="EnterpriseSheetColumns.TemplateColumns"/>, so the two cannot drift) and a 填表说明 sheet with the caller's
/// programme's districts and industries, the accepted values and the rules for blanks.
/// </summary>
public sealed class ImportTemplate(ProgrammeCatalog programmes)
{
    public const string FileName = "企业名单导入模板.xlsx";

    public byte[] Write(Actor actor)
    {
        var programme = programmes.Get(actor.ProgrammeId);
        var limits = SheetLimits.Default;
        var columns = EnterpriseSheetColumns.TemplateColumns.Select(c => new XlsxWriter.Column(c.Header, c.Field == nameof(EnterpriseForm.Name) ? 36 : 16)).ToList();
        string[][] notes =
        [
            ["必填的列", $"企业名称、所属县（市、区），以及试点细分行业或国民经济行业代码（至少一项）。其余各列可以留空或删去；表头可以放在前10行内，上面可以有标题行"],
            ["所属县（市、区）", string.Join("、", programme.Districts.Names)],
            ["试点细分行业", string.Join("、", programme.Industries.Select(i => i.Key))],
            ["国民经济行业代码", "GB/T 4754-2017 的4位小类代码，如3670"],
            ["统一社会信用代码", "18位；暂时没有可留空或填“待补充”。同一代码在本试点只能登记一次"],
            ["企业类别", string.Join("、", EnterpriseLabels.Tiers.Values)],
            ["企业性质", string.Join("、", EnterpriseLabels.Ownerships.Values)],
            ["信用状况", string.Join("、", EnterpriseLabels.Credits.Values)],
            ["规上/规下", "规上 或 规下"],
            ["“小巨人”、2022年改造试点", "是 或 否"],
            ["成立日期", "如 2015-06-30"],
            ["金额", "单位万元，最多两位小数，如 2600.50"],
            ["人数", "整数"],
            ["联系电话", "手机号11位，座机如“区号-号码”，多个号码用“/”分隔"],
            ["空白和“待补充”", $"空白单元格，以及{string.Join("、", SheetCell.BlankMarkers.Select(m => $"“{m}”"))}，都不会改动档案中已有的内容（企业类别中的“无”表示不属于任何类别）"],
            ["清空某项", $"要清空档案中已有的某项内容，在该单元格填写“{SheetCell.ClearMarker}”"],
            ["重复导入", "按统一社会信用代码（没有代码时按企业名称）找到已登记的企业并更新；同一文件重复导入不会重复登记"],
            ["从平台导出的名单", $"可直接修改后导入。请保留“{EnterpriseSheetColumns.VersionHeader}”列：导出后在平台中改过的企业，其行不会被覆盖，会在结果中列出"],
            ["文件限制", $".xlsx 或 .csv，不超过{SheetReader.MaxBytes / 1024 / 1024}MB、{limits.MaxRows}行、{limits.MaxColumns}列；公式请先“粘贴为数值”"],
        ];
        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new XlsxWriter.Sheet("企业名单", columns, []),
            new XlsxWriter.Sheet("填表说明", [new("项目", 22), new("说明", 100)], notes.Select(n => (IReadOnlyList<object?>)n), $"{programme.Name} 企业名单导入模板 填表说明"),
        ]);
        return output.ToArray();
    }
}
