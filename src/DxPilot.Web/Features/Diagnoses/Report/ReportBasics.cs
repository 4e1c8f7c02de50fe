using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Diagnoses.Report;

/// <summary>A line of 表1 企业基本情况表 and where its value comes from: the enterprise file, or what the team supplied
/// (<paramref name="Key"/>: the supplement's key in <see cref="ReportOutline.BasicsFields"/>).</summary>
public sealed record BasicsRow(string Label, string Value, bool FromFile, bool Wide = false, string? Key = null);

/// <summary>
/// 表1 企业基本情况表 (seed 002 附件3), in its order: from the enterprise file where the file has it; otherwise what the
/// diagnosis team supplied in the report (<see cref="ReportOutline.BasicsFields"/>). Nothing the file holds is retyped.
/// </summary>
public static class ReportBasics
{
    /// <summary>Whether the file already answers a 表1 question the team could otherwise supply.</summary>
    public static bool FileHas(Enterprise e, string key) => key switch
    {
        "intro" => !string.IsNullOrWhiteSpace(e.Intro),
        "ownership" => e.Ownership is not null,
        "digitalStaff" => e.DigitalStaff is not null,
        "invested" => e.DigitalInvestmentWan is not null,
        _ => false,
    };

    public static IReadOnlyList<BasicsRow> Rows(ReportSources s, ReportContent c)
    {
        var e = s.Enterprise;
        BasicsRow File(string label, string? value, bool wide = false) => new(label, value ?? "", true, wide);
        BasicsRow Either(string key, string label, string? fromFile, bool wide = false) =>
            FileHas(e, key) ? new(label, fromFile ?? "", true, wide) : new(label, c.BasicsOf(key), false, wide, key);

        var size = e.SizeOverride ?? e.ComputedSize;
        var perHead = e.RevenueWan is { } revenue && e.Employees is > 0 ? ChineseText.Wan(Math.Round(revenue / e.Employees.Value, 2)) : "";
        var directions = string.Join("、", c.Directions);
        if (c.OtherDirections is { } other) directions = directions.Length == 0 ? $"其他：{other}" : $"{directions}、其他：{other}";
        return
        [
            File("企业名称", e.Name), File("所属县（市、区）", e.District),
            File("注册地址", e.RegisteredAddress), File("企业信用代码", e.Uscc),
            File("企业联系人", e.ContactName), File("联系方式", s.ContactPhone),
            File("企业总人数", e.Employees?.ToString()), Either("digitalStaff", "数字化人员数量", e.DigitalStaff?.ToString()),
            Either("intro", "企业基本情况", e.Intro, wide: true),
            Either("ownership", "企业性质", e.Ownership?.Label()),
            File("企业规模", size is { } z ? $"{z.Label()}企业" : null),
            File("规模以上/以下", e.AboveScale switch { true => "规模以上企业", false => "规模以下企业", null => "" }),
            File("优质中小企业情况", e.QualityTier.Label()),
            File("数字化水平评测等级（改造前）", s.Assessment?.Result.LevelName),
            File("所属细分行业", s.IndustryName),
            File("上年度营业收入（万元）", ChineseText.Wan(e.RevenueWan)), File("上年度利润（万元）", ChineseText.Wan(e.ProfitWan)),
            File("上年度人均营业收入（万元）", perHead), Either("invested", "已有数字化转型投入（万元）", ChineseText.Wan(e.DigitalInvestmentWan)),
            new("实施数字化转型拟投入预算（万元）", c.BasicsOf("budget"), false, Key: "budget"),
            new("数字化转型方面获得荣誉", c.BasicsOf("honours"), false, true, "honours"),
            new("拟实施数字化转型方向", directions, false, true, "directions"),
        ];
    }
}
