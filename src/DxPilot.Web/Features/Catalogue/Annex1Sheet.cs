using System.Globalization;
using System.Text.RegularExpressions;
using DxPilot.Infrastructure.Spreadsheets;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// 附件1 需求、问题和场景清单及供需适配库 (seed 002) as the seed lays it out: the title, then two header rows — 一级场景, 二级场景,
/// 三级场景, 问题及需求分析（含行业共性需求与企业个性需求）, 场景描述 each merged down over both, and 适用产品及解决方案 merged across
/// 名称, 简述, 价格（万元）, 服务商 — then one row per product serving a level-3 scenario (one row when none does), the scenario's
/// five cells merged down over its products' rows. Scenario cells read as the seed writes them: "1.产品生命周期数字化", "1.1产品研发",
/// "1.1.1产品功能性能仿真测试". Each common need in its cell starts with its industry: "【汽车零部件及配件制造】…".
/// </summary>
public static partial class Annex1Sheet
{
    public static readonly IReadOnlyList<string> Headers = ["一级场景", "二级场景", "三级场景", "问题及需求分析（含行业共性需求与企业个性需求）", "场景描述", "适用产品及解决方案"];
    public static readonly IReadOnlyList<string> ProductHeaders = ["名称", "简述", "价格（万元）", "服务商"];
    public const int Columns = 9;
    public const int ScenarioColumns = 5;
    private static readonly double[] Widths = [18, 18, 24, 48, 48, 22, 48, 12, 26];

    /// <summary>What a refused file is told to have.</summary>
    public static string ExpectedHeaders =>
        $"第一行表头依次为：{string.Join("、", Headers)}（合并其下{ProductHeaders.Count}列）；第二行表头在产品列下依次为：{string.Join("、", ProductHeaders)}";

    public sealed record Row(string LevelOne, string LevelTwo, string LevelThree, string? Needs, string? Description, Product? Product);
    public sealed record Product(string Name, string Summary, string Price, string Provider);

    public static string Title(string city) => $"{city}中小企业数字化转型需求、问题和场景清单及供需适配库";

    /// <summary>"1.产品生命周期数字化" at level 1 (as the seed), "1.1产品研发" below.</summary>
    public static string Cell(string code, string name) => code.Contains('.') ? $"{code}{name}" : $"{code}.{name}";

    /// <summary>"12.00" for a fixed price, "8.00-15.00" for a range (万元).</summary>
    public static string Price(decimal low, decimal high) =>
        low == high ? low.ToString("0.00", CultureInfo.InvariantCulture)
            : $"{low.ToString("0.00", CultureInfo.InvariantCulture)}-{high.ToString("0.00", CultureInfo.InvariantCulture)}";

    /// <summary>Each scenario's block: its rows (products, or one without), written and merged as the seed's table.</summary>
    public static void Write(Stream output, string title, IEnumerable<IReadOnlyList<Row>> blocks)
    {
        using var sheet = new XlsxSheetStream(output, "供需适配库", Widths);
        sheet.WriteRow([title, .. Enumerable.Repeat<object?>(null, Columns - 1)], XlsxSheetStream.Look.Title, height: 30);
        sheet.Merge(1, 1, 1, Columns);
        var first = sheet.WriteRow([.. Headers, null, null, null], XlsxSheetStream.Look.Header);
        var second = sheet.WriteRow([null, null, null, null, null, .. ProductHeaders], XlsxSheetStream.Look.Header);
        for (var c = 1; c <= ScenarioColumns; c++) sheet.Merge(first, c, second, c);
        sheet.Merge(first, ScenarioColumns + 1, first, Columns);
        foreach (var block in blocks)
        {
            uint top = 0;
            for (var i = 0; i < block.Count; i++)
            {
                var r = block[i];
                object?[] scenario = i == 0 ? [r.LevelOne, r.LevelTwo, r.LevelThree, r.Needs, r.Description] : [null, null, null, null, null];
                var p = r.Product;
                var n = sheet.WriteRow([.. scenario, p?.Name, p?.Summary, p?.Price, p?.Provider]);
                if (i == 0) top = n;
            }
            if (block.Count > 1) for (var c = 1; c <= ScenarioColumns; c++) sheet.Merge(top, c, top + (uint)block.Count - 1, c);
        }
        sheet.Close();
    }

    /// <summary>The first header row, as the seed prints it (问题及需求分析 with or without its bracket).</summary>
    public static bool IsHeader(IReadOnlyList<string?> cells) =>
        cells.Count >= ScenarioColumns + 1
        && Enumerable.Range(0, Headers.Count).All(i => Same(cells[i], Headers[i]) || i == 3 && Same(cells[i], "问题及需求分析"));

    public static bool IsProductHeader(IReadOnlyList<string?> cells) =>
        cells.Count >= Columns && Enumerable.Range(0, ProductHeaders.Count).All(i => Same(cells[ScenarioColumns + i], ProductHeaders[i]));

    private static bool Same(string? cell, string header) =>
        string.Equals(Regex.Replace(cell ?? "", @"\s", ""), header, StringComparison.Ordinal);

    /// <summary>"1.1.1产品功能性能仿真测试" → ("1.1.1", "产品功能性能仿真测试"); "1.产品生命周期数字化" → ("1", …); null when there is no code.</summary>
    public static (string Code, string Name)? Scenario(string? cell)
    {
        var m = ScenarioCell().Match(cell?.Trim() ?? "");
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value.Trim()) : null;
    }

    /// <summary>The common needs of a cell: each "【行业】text" (a text without one belongs to <paramref name="industry"/>, or to none).</summary>
    public static IReadOnlyList<(string? Industry, string Text)> Needs(string? cell, string? industry)
    {
        if (string.IsNullOrWhiteSpace(cell)) return [];
        var parts = IndustryMark().Split(cell.Trim());
        var list = new List<(string?, string)>();
        if (parts[0].Trim() is { Length: > 0 } lead) list.Add((industry, lead));
        for (var i = 1; i + 1 < parts.Length; i += 2)
            if (parts[i + 1].Trim() is { Length: > 0 } text) list.Add((parts[i].Trim(), text));
        return list;
    }

    /// <summary>"12" / "12.50" → (12, null); "8-15", "8～15", "8至15" → (8, 15), as the product form takes them.</summary>
    public static (string? Low, string? High) PriceParts(string? cell)
    {
        var t = (cell ?? "").Replace("万元", "").Replace("万", "").Trim();
        var parts = PriceRange().Split(t);
        return parts.Length == 2 ? (parts[0].Trim(), parts[1].Trim()) : (t, null);
    }

    [GeneratedRegex(@"^(\d{1,3}(?:\.\d{1,3}){0,2})\.?\s*(\S.*)$", RegexOptions.Singleline)]
    private static partial Regex ScenarioCell();

    [GeneratedRegex(@"(?:^|\n)\s*【([^】\n]{1,50})】")]
    private static partial Regex IndustryMark();

    [GeneratedRegex(@"\s*(?:-|－|～|~|—|–|至)\s*")]
    private static partial Regex PriceRange();
}
