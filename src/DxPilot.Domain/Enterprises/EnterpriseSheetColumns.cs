using System.Text.RegularExpressions;

namespace DxPilot.Domain.Enterprises;

/// <summary>
/// Which column of a bureau's sheet is which field. Headers are matched as the seeds' forms and summary tables
/// write them (附件3 名单, 附件5 汇总表, 申请表), ignoring spaces, bracket widths and units.
/// </summary>
public static partial class EnterpriseSheetColumns
{
    /// <param name="VersionColumn">The platform's own export carries each file's version here, so a re-import can tell what changed since.</param>
    public sealed record Mapping(IReadOnlyDictionary<int, string> FieldByColumn, IReadOnlyList<string> Ignored, IReadOnlyList<string> MissingRequired,
        int? VersionColumn = null);

    /// <summary>Header of the export's version column; the importer reads it back and nothing else writes it.</summary>
    public const string VersionHeader = "档案版本（请勿修改）";

    private static readonly (string Field, string[] Names)[] Known =
    [
        (nameof(EnterpriseForm.Name), ["企业名称", "单位名称", "申报单位名称", "名称", "企业全称"]),
        (nameof(EnterpriseForm.Uscc), ["统一社会信用代码", "社会信用代码", "信用代码", "uscc"]),
        (nameof(EnterpriseForm.District), ["所属区县", "所属县(市、区)", "所属县(市)区", "企业所属区、县(市)", "企业所属区县", "区县", "县(市、区)", "所属区", "所在区县"]),
        (nameof(EnterpriseForm.RegisteredAddress), ["注册地址", "地址", "注册地"]),
        (nameof(EnterpriseForm.LegalRepresentative), ["法定代表人", "法人代表", "法人"]),
        (nameof(EnterpriseForm.ContactName), ["联系人"]),
        (nameof(EnterpriseForm.ContactPhone), ["联系电话", "联系方式", "电话", "手机", "手机号"]),
        (nameof(EnterpriseForm.FoundedOn), ["成立日期", "成立时间", "注册日期", "注册时间"]),
        (nameof(EnterpriseForm.Ownership), ["企业性质", "性质", "所有制"]),
        (nameof(EnterpriseForm.AboveScale), ["规上/规下", "规上规下", "是否规上", "规上(是/否)", "规模以上"]),
        (nameof(EnterpriseForm.QualityTier), ["企业类别", "质量梯度", "专精特新类别", "梯度培育"]),
        (nameof(EnterpriseForm.Industry), ["行业", "细分行业类别", "细分行业", "所属行业", "试点行业", "试点细分行业"]),
        (nameof(EnterpriseForm.IndustryCode), ["行业代码", "国民经济行业代码", "行业小类代码", "国民经济行业分类代码"]),
        (nameof(EnterpriseForm.Employees), ["从业人员", "员工人数", "从业人数", "职工人数", "从业人员数"]),
        (nameof(EnterpriseForm.DigitalStaff), ["数字化人员", "数字化人才", "数字化人员数"]),
        (nameof(EnterpriseForm.InsuredEmployees), ["参保人数"]),
        (nameof(EnterpriseForm.MainProducts), ["主营产品", "主要产品"]),
        (nameof(EnterpriseForm.ProfitWan), ["利润", "利润总额", "上年利润", "净利润"]),
        (nameof(EnterpriseForm.DigitalInvestmentWan), ["数字化投入", "数字化累计投入", "数字化投入累计"]),
        (nameof(EnterpriseForm.CreditStatus), ["信用状况", "信用情况"]),
        (nameof(EnterpriseForm.Intro), ["企业简介", "简介"]),
    ];

    // 企业规模 and 更新时间 are in the platform's own export: computed or kept by the platform, never read back.
    private static readonly HashSet<string> Skipped = ["序号", "备注", "编号", "企业规模", "更新时间"];

    /// <summary>The template's columns: every field the importer reads, headed by its label (which <see cref="Map"/> always recognises).</summary>
    public static IReadOnlyList<(string Field, string Header)> TemplateColumns { get; } =
        EnterpriseForm.Labels.Select(l => (l.Key, l.Value)).ToList();

    /// <summary>The columns a sheet must have, as the refusal names them.</summary>
    public static readonly IReadOnlyList<string> Required = ["企业名称", "所属区县", "行业（或行业代码）"];

    public static Mapping Map(IReadOnlyList<string> headers)
    {
        var byColumn = new Dictionary<int, string>();
        var ignored = new List<string>();
        int? versionColumn = null;
        for (var i = 0; i < headers.Count; i++)
        {
            var h = Normalise(headers[i]);
            if (h.Length == 0 || Skipped.Contains(h)) continue;
            if (h == Normalise(VersionHeader)) { versionColumn ??= i; continue; }
            var field = FieldFor(h);
            if (field is null || byColumn.ContainsValue(field)) ignored.Add(headers[i].Trim());
            else byColumn[i] = field;
        }
        var missing = new List<string>();
        if (!byColumn.ContainsValue(nameof(EnterpriseForm.Name))) missing.Add(Required[0]);
        if (!byColumn.ContainsValue(nameof(EnterpriseForm.District))) missing.Add(Required[1]);
        if (!byColumn.ContainsValue(nameof(EnterpriseForm.Industry)) && !byColumn.ContainsValue(nameof(EnterpriseForm.IndustryCode))) missing.Add(Required[2]);
        return new Mapping(byColumn, ignored, missing, versionColumn);
    }

    /// <summary>True for the row that names the columns: it has a 企业名称-like cell.</summary>
    public static bool IsHeaderRow(IReadOnlyList<string?> cells) =>
        cells.Any(c => c is not null && FieldFor(Normalise(c)) == nameof(EnterpriseForm.Name));

    private static string? FieldFor(string h)
    {
        foreach (var (field, names) in Known)
            if (names.Contains(h)) return field;
        foreach (var (field, label) in EnterpriseForm.Labels)
            if (Normalise(label) == h) return field;
        // Headers that carry their subject in a longer sentence (汇总表附件5).
        if (h.Contains("小巨人", StringComparison.Ordinal)) return nameof(EnterpriseForm.LittleGiantCentralFunded);
        if (h.Contains("2022", StringComparison.Ordinal) && h.Contains("试点", StringComparison.Ordinal)) return nameof(EnterpriseForm.Pilot2022);
        if (RevenueHeader().IsMatch(h)) return nameof(EnterpriseForm.RevenueWan);
        return null;
    }

    /// <summary>"2023年主营业务收入(万元)" → "2023年主营业务收入": no spaces, half-width brackets, units dropped.</summary>
    public static string Normalise(string header)
    {
        var h = Uscc.Normalise(header).Replace("（", "(").Replace("）", ")");
        h = UnitSuffix().Replace(h, "");
        return h.ToLowerInvariant() == "uscc" ? "uscc" : h;
    }

    [GeneratedRegex(@"\((万元|元|人|个|万元/不含税)\)$")]
    private static partial Regex UnitSuffix();

    [GeneratedRegex(@"^(上年|\d{4}年(度)?)?(主营业务收入|营业收入|营收)$")]
    private static partial Regex RevenueHeader();
}
