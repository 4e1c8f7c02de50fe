using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Programmes;

namespace DxPilot.Domain.Filings;

/// <summary>One eligibility rule as checked now: whether it holds and why (a note, not a refusal, when it is not blocking).</summary>
public sealed record FilingCheck(string Name, bool Passed, string Reason, bool Blocking = true);

/// <summary>What eligibility needs beside the enterprise file: the form's answers, the chain-lead enterprise the form names
/// (found in the registry, or null), the enterprise's other open filings, its level as the platform last assessed it and the
/// filing's contracts (one row per contract, <see cref="FilingProvider.Signed"/> when its stamped scan is on file).</summary>
public sealed record EligibilityFacts(
    IReadOnlyDictionary<string, string> Values, Enterprise? ChainLead, int OtherOpenFilings, int? AssessedLevel,
    IReadOnlyList<FilingProvider>? Contracts = null);

/// <summary>
/// 备案条件 (seed 003 一 项目范围, 四; seed 002 三（二）3): registered in the programme's city as an independent legal entity; in a
/// pilot industry by its 4-digit code, or a chain-linked SME of a pilot-industry enterprise; an SME; a target of 二级 or more and
/// above the level it has; the central-fund exclusions noted; the stamped contracts where the programme files them (seed 003
/// 二 1); one open filing at a time unless the programme allows more; and the form's 申报单位基本信息, which come from the
/// enterprise file, filled in there.
/// </summary>
public static class FilingEligibility
{
    /// <summary>The check of the form's 申报单位基本信息 in the file (the page links it to the file).</summary>
    public const string Basics = "基本信息";

    public static IReadOnlyList<FilingCheck> Check(Programme programme, FilingRules rules, Enterprise e, EligibilityFacts facts)
    {
        var checks = new List<FilingCheck>();
        var form = rules.Form;
        var uscc = Uscc.TryParse(e.Uscc, out var code, out _) ? code!.Value.Value : null;

        if (uscc is null)
            checks.Add(new("注册地", false, "企业档案缺少有效的统一社会信用代码，无法核对注册地，请先在企业档案中补充"));
        else
        {
            // GB 32100-2015: characters 3-8 are the registering authority's 行政区划码.
            var region = uscc.Substring(2, 6);
            var inCity = rules.RegionCodes.Count == 0 || rules.RegionCodes.Any(region.StartsWith);
            checks.Add(new("注册地", inCity && programme.HasDistrict(e.District), inCity && programme.HasDistrict(e.District)
                ? $"在{programme.City}注册（登记机关行政区划代码 {region}，{e.District}）"
                : $"统一社会信用代码显示登记机关行政区划代码为 {region}，不在{programme.City}（{string.Join("、", rules.RegionCodes)}开头）"));
            // 登记管理部门 9 (工商) and 机构类别 1 (企业): a company, not a 个体工商户 (92) or an association.
            var company = uscc.StartsWith("91", StringComparison.Ordinal);
            checks.Add(new("独立法人", company, company ? "工商登记的企业（统一社会信用代码91开头）"
                : $"统一社会信用代码以 {uscc[..2]} 开头，不是工商登记的企业法人，不在备案范围"));
        }

        // The form's 申报单位基本信息 come from the file and are never asked again; a blank one (a missing 联系人 leaves the
        // district nobody to call) is completed in the file before the form goes out.
        var basics = FilingBasics.Read(form, e, programme);
        var blank = form.Fields.Where(f => f.Kind == FieldKind.Enterprise && f.Required && string.IsNullOrWhiteSpace(basics[f.Key])).Select(f => f.Label).ToList();
        checks.Add(blank.Count == 0 ? new(Basics, true, "申报单位基本信息完整（取自企业档案）")
            : new(Basics, false, $"企业档案未填写{string.Join("、", blank)}，请先在企业档案中补充（备案申请表的申报单位基本信息取自企业档案）"));

        var industry = e.IndustryCode is { } ic ? programme.IndustryForCode(ic) : null;
        var lead = FilingValues.Text(facts.Values, FilingKeys.ChainLead);
        if (industry is not null)
            checks.Add(new("试点行业", true, $"{industry.Name}（行业代码 {e.IndustryCode}）"));
        else if (lead is not null && facts.ChainLead is { } chain && chain.IndustryCode is { } lc && programme.IndustryForCode(lc) is { } li)
            checks.Add(new("试点行业", true, $"试点行业（{li.Name}）企业“{chain.Name}”链式带动的上下游关联中小企业"));
        else if (lead is not null && rules.ChainLinked)
            checks.Add(new("试点行业", false, facts.ChainLead is null
                ? $"未在本试点企业库中找到链式带动企业“{lead}”，请填写其完整名称或统一社会信用代码"
                : $"链式带动企业“{facts.ChainLead.Name}”不属于试点行业（须有试点行业的4位行业代码）"));
        else
            checks.Add(new("试点行业", false, e.IndustryCode is null
                ? "企业档案缺少4位国民经济行业代码，无法核对是否属于试点行业，请先补充"
                : $"行业代码 {e.IndustryCode} 不属于本试点的细分行业" + (rules.ChainLinked ? "；如为试点行业企业链式带动的上下游关联中小企业，请填写带动企业" : "")));

        checks.Add(e.Size switch
        {
            null => new("中小企业", false, "企业档案缺少从业人员或营业收入，无法判定是否为中小企业，请先补充"),
            SizeClass.Large => new("中小企业", false, "按从业人员和营业收入判定为大型企业，不在中小企业试点范围"),
            var s => new("中小企业", true, $"{s.Value.Label()}企业"),
        });

        var target = form.Field(FilingKeys.TargetLevel)?.Option(FilingValues.Text(facts.Values, FilingKeys.TargetLevel) ?? "")?.Level;
        var selfTest = form.Field(FilingKeys.SelfTest)?.Option(FilingValues.Text(facts.Values, FilingKeys.SelfTest) ?? "")?.Level;
        var current = new[] { selfTest, facts.AssessedLevel }.Max();
        var currentText = current is null ? "" : current == 0 ? "（现有水平：一级以下）" : $"（现有水平：{Levels(current.Value)}）";
        checks.Add(target switch
        {
            null => new("目标水平", false, "请选择改造后目标数字化水平"),
            < 2 => new("目标水平", false, "改造后目标数字化水平须为二级及以上"),
            _ when current is { } c && target <= c => new("目标水平", false,
                $"改造后目标数字化水平（{Levels(target.Value)}）须高于现有水平（{Levels(c)}{(facts.AssessedLevel == c && selfTest != c ? "，平台评测结果" : "")}）"),
            _ => new("目标水平", true, $"目标{Levels(target.Value)}{currentText}"),
        });

        checks.Add(new("中央财政资金", true, e.LittleGiantCentralFunded || e.Pilot2022
            ? $"{(e.LittleGiantCentralFunded ? "已获中央财政资金支持的专精特新“小巨人”企业" : "已纳入2022年改造试点的中小企业")}：中央财政资金不再重复支持，可享受地方资金"
            : "未获中央财政资金支持，未纳入2022年改造试点", Blocking: false));

        if (rules.SignedContractRequired)
        {
            var contracts = facts.Contracts ?? [];
            var unsigned = contracts.Where(c => !c.Signed).Select(c => $"“{c.ContractName}”").ToList();
            checks.Add(contracts.Count == 0 ? new("服务合同", false, "请添加项目改造服务合同（附件2），并上传双方盖章的扫描件")
                : unsigned.Count > 0 ? new("服务合同", false, $"服务合同{string.Join("、", unsigned)}未上传盖章扫描件")
                : new("服务合同", true, $"已附服务合同{contracts.Count}份，均已上传盖章扫描件"));
        }

        checks.Add(facts.OtherOpenFilings < rules.OpenFilingsPerEnterprise
            ? new("在办备案", true, rules.OpenFilingsPerEnterprise == 1 ? "无其他在办备案" : $"在办备案{facts.OtherOpenFilings}个（上限{rules.OpenFilingsPerEnterprise}个）")
            : new("在办备案", false, $"该企业已有{facts.OtherOpenFilings}个在办或已备案的项目，本试点每家企业限{rules.OpenFilingsPerEnterprise}个"));
        return checks;
    }

    public static string Levels(int level) => level switch { 0 => "一级以下", 1 => "一级", 2 => "二级", 3 => "三级", 4 => "四级", _ => $"{level}级" };
}
