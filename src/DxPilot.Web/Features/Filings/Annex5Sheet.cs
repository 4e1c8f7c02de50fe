using System.Globalization;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Spreadsheets;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// 附件5 杭州市中小企业数字化改造试点项目备案汇总表 (seed 003) laid out as the official sheet: the title, 填报单位 and 填报时间,
/// the group row (申报单位基本信息 over columns 1-15, 项目基本信息 16-21, 合同服务商信息 22-28), the 28 headers as the seed
/// writes them, then one block per filing: one row per provider, the filing's columns 1-21 merged down over its providers' rows.
/// </summary>
public static class Annex5Sheet
{
    public const string Title = "杭州市中小企业数字化改造试点项目备案汇总表";

    /// <summary>The seed's 28 headers, character for character (its half-width brackets included).</summary>
    public static readonly IReadOnlyList<string> Headers =
    [
        "序号", "细分行业类别", "企业所属区、县(市)", "企业名称", "统一社会信用代码", "联系人", "联系方式", "主营产品", "2023年主营业务收入(万元)",
        "企业类别", "规上/规下", "已获得中央财政中小企业发展专项资金支持的专精特新“小巨人”企业",
        "已纳入《工业和信息化部办公厅 财政部办公厅关于开展财政支持中小企业数字化转型试点工作的通知》(工信厅联企业〔2022〕22号)中改造试点的中小企业",
        "制造业中小企业数字化水平自测", "企业改造后目标数字化水平", "数字化转型项目投资额(万元)", "项目名称", "实施期限", "应用场景", "上云用云计划",
        "项目预投入(万元/不含税)", "单位名称", "统一社会信用代码", "联系人", "联系电话", "合同名称", "合同签订日期", "主要承担工作",
    ];

    /// <summary>The groups of the third row, by their first and last column (1-based).</summary>
    public static readonly IReadOnlyList<(string Name, int First, int Last)> Groups =
        [("申报单位基本信息", 1, 15), ("项目基本信息", 16, 21), ("合同服务商信息", 22, 28)];

    /// <summary>The row the headers are on.</summary>
    public const int HeaderRow = 4;

    /// <summary>The columns one filing fills once, whatever its number of providers (merged down over its block).</summary>
    public const int FilingColumns = 21;

    /// <summary>The basics the sheet prints (columns 2 and 4-13), by key: all that an export needs of a version's basics.</summary>
    public static readonly IReadOnlyList<string> PrintedBasics =
    [
        "industry", "name", "uscc", "contactName", "contactPhone", "mainProducts", "revenueWan", "qualityTier", "aboveScale",
        "littleGiantCentralFunded", "pilot2022",
    ];

    /// <summary>The form's answers the sheet prints (columns 14-15 and 17-21), by field key.</summary>
    public static readonly IReadOnlyList<string> PrintedAnswers = ["selfTest", "targetLevel", "projectName", "period", "scenarios", "cloudPlan", "investment"];

    private static readonly double[] Widths =
        [6, 14, 10, 28, 22, 10, 14, 18, 12, 14, 8, 16, 30, 14, 12, 12, 26, 20, 18, 18, 12, 28, 22, 10, 14, 24, 14, 30];

    /// <summary>
    /// One filing as the sheet reads it: the enterprise as frozen in its latest submitted version, that version's answers and
    /// providers.
    /// </summary>
    public sealed record Entry(string District, IReadOnlyDictionary<string, string> Basics, IReadOnlyDictionary<string, string> Values,
        IReadOnlyList<FilingProvider> Providers);

    public static async Task WriteAsync(Stream output, FilingForm form, string unit, DateOnly today, IAsyncEnumerable<Entry> entries, CancellationToken ct)
    {
        using var sheet = new XlsxSheetStream(output, "备案汇总表", Widths);
        var blank = Enumerable.Repeat<object?>(null, Headers.Count - 1);
        sheet.WriteRow([Title, .. blank], XlsxSheetStream.Look.Title, height: 30);
        sheet.Merge(1, 1, 1, Headers.Count);
        // The seed puts 填报时间 in the eleventh column; the two halves are merged so that long unit names stay readable.
        var second = sheet.WriteRow([$"填报单位: {unit}", .. Enumerable.Repeat<object?>(null, 9), $"填报时间: {ChineseText.Date(today)}",
            .. Enumerable.Repeat<object?>(null, Headers.Count - 11)], XlsxSheetStream.Look.Plain);
        sheet.Merge(second, 1, second, 10);
        sheet.Merge(second, 11, second, Headers.Count);
        var groups = new object?[Headers.Count];
        foreach (var (name, first, _) in Groups) groups[first - 1] = name;
        var groupRow = sheet.WriteRow(groups, XlsxSheetStream.Look.Header);
        foreach (var (_, first, last) in Groups) sheet.Merge(groupRow, first, groupRow, last);
        sheet.WriteRow([.. Headers], XlsxSheetStream.Look.Header, height: 96);

        var n = 0;
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var filing = FilingCells(form, ++n, entry);
            var providers = entry.Providers.Count == 0 ? [null] : entry.Providers.Select(p => (FilingProvider?)p).ToList();
            uint first = 0;
            for (var i = 0; i < providers.Count; i++)
            {
                // The filing's cells go in its block's first row; the rows below are covered by the merge.
                var row = sheet.WriteRow([.. i == 0 ? filing : new object?[FilingColumns], .. ProviderCells(providers[i])]);
                if (i == 0) first = row;
            }
            if (providers.Count > 1)
                for (var c = 1; c <= FilingColumns; c++) sheet.Merge(first, c, sheet.Row, c);
        }
        sheet.Close();
    }

    private static object?[] FilingCells(FilingForm form, int number, Entry e)
    {
        string Basic(string key) => e.Basics.TryGetValue(key, out var v) ? v : "";
        string Answer(string key) => form.Fields.FirstOrDefault(f => f.Key == key) is { } f ? FilingValues.Show(f, e.Values) : "";
        // The basics freeze flags as 是/不是 (the form's wording); the sheet asks 是/否.
        string Flag(string key) => Basic(key) == "是" ? "是" : "否";
        var contracted = e.Providers.Where(p => p.AmountYuan is not null).ToList();
        return
        [
            number, Basic("industry"), e.District, Basic("name"), Basic("uscc"), Basic("contactName"), Basic("contactPhone"), Basic("mainProducts"),
            Wan(Basic("revenueWan")), Basic("qualityTier"), Basic("aboveScale"), Flag("littleGiantCentralFunded"), Flag("pilot2022"),
            Answer("selfTest"), Answer("targetLevel"),
            // 数字化转型项目投资额: what the contracts with the providers add up to; empty while the filing has no contract amounts.
            contracted.Count == 0 ? null : Math.Round(contracted.Sum(p => p.AmountYuan!.Value) / 10_000m, 2),
            Answer("projectName"), Answer("period"), Answer("scenarios"), Answer("cloudPlan"),
            FilingValues.Amount(e.Values, "investment") is { } invested ? Math.Round(invested, 2) : null,
        ];
    }

    private static object?[] ProviderCells(FilingProvider? p) => p is null
        ? new object?[Headers.Count - FilingColumns]
        : [p.Name, p.Uscc, p.ContactName, p.ContactPhone, p.ContractName, p.SignedOn is { } d ? ChineseText.Date(d) : null, p.Work];

    private static decimal? Wan(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? Math.Round(d, 2) : null;
}
