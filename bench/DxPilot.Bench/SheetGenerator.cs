using DxPilot.Infrastructure.Spreadsheets;

namespace DxPilot.Bench;

/// <summary>A bureau-style sheet (seed 003 附件5 headers) of N rows, for the import measurement.</summary>
public static class SheetGenerator
{
    public static int Run(string[] args)
    {
        var rows = int.Parse(Generate.Arg(args, "--rows") ?? "10000");
        var output = Generate.Arg(args, "--out") ?? $"enterprises-{rows}.xlsx";
        using (var file = File.Create(output)) Write(file, rows);
        Console.WriteLine($"wrote {rows:N0} rows to {output}");
        return 0;
    }

    /// <summary>Rows numbered from <paramref name="first"/>: sheets with different starts name different enterprises.</summary>
    public static void Write(Stream output, int rows, int first = 0)
    {
        string[] districts = ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区"];
        string[] industries = ["汽车零部件", "生物医药及健康", "通信设备制造"];
        XlsxWriter.Column[] columns =
        [
            new("序号"), new("企业名称"), new("统一社会信用代码"), new("企业所属区、县(市)"), new("细分行业类别"), new("联系人"),
            new("联系方式"), new("主营产品"), new("2023年主营业务收入(万元)"), new("从业人员"), new("规上/规下"),
        ];
        XlsxWriter.Write(output, "汇总表", columns, Enumerable.Range(first, rows).Select(i => (IReadOnlyList<object?>)
        [
            i + 1, $"基准导入测试企业{i:D6}有限公司", Generate.Uscc(50_000_000 + i), districts[i % districts.Length],
            industries[i % industries.Length], "联系人" + i % 97, $"139{i:D8}", "产品" + i % 13, 300m + i % 9000, 20 + i % 900, i % 3 == 0 ? "规上" : "规下",
        ]));
    }
}
