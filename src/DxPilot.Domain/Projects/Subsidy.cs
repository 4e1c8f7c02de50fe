using DxPilot.Domain.Instruments;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Projects;

/// <summary>What the subsidy of one project is computed from: the agency's level after transformation, the filing's target,
/// whether it was accepted and audited, the audited eligible spend and the central-fund exclusions noted at filing.</summary>
public sealed record SubsidyFacts(int? LevelAfter, int? TargetLevel, bool Accepted, bool Audited, decimal? EligibleYuan, bool ExcludedFromCentralFunds);

/// <summary>One condition of the subsidy and, when unmet, why.</summary>
public sealed record SubsidyCondition(string Name, bool Met, string? Reason);

/// <summary>
/// The subsidy as the programme's rules give it: each condition with its reason, and (only when all hold) the amount in 万元 —
/// the central part (withheld for an excluded enterprise) and the local part.
/// </summary>
public sealed record SubsidyDecision(IReadOnlyList<SubsidyCondition> Conditions, decimal? EligibleWan, decimal? AmountWan, decimal CentralWan,
    decimal LocalWan, decimal WithheldWan, bool Capped, string Basis)
{
    public bool Payable => Conditions.All(c => c.Met) && AmountWan > 0;

    /// <summary>Every unmet condition, as the approval refuses it (and a zero amount, which there is nothing to approve of).</summary>
    public IReadOnlyList<string> Problems => Conditions.Where(c => !c.Met).Select(c => $"{c.Name}：{c.Reason}")
        .Concat(Conditions.All(c => c.Met) && AmountWan is 0m ? [$"应补助金额为0：{Basis}"] : []).ToList();
}

/// <summary>
/// 专项资金 (seed 002 三（二）7, DOMAIN §1): only after level ≥ the programme's minimum (二级) by the third-party evaluation, (where
/// the programme says so) at least the filing's target, accepted and audited; amount = min(ratio × audited eligible spend, cap),
/// rounded down to the 0.01 万元 (the rules say "最高不超过", so rounding never adds); of it the central-fund share is withheld for
/// an enterprise the filing noted as excluded (seed 002 四（四）, seed 003 四: 中央财政资金不再重复支持).
/// </summary>
public static class Subsidy
{
    public static SubsidyDecision Decide(MoneyRules money, SubsidyFacts f)
    {
        var min = money.MinLevelAfter;
        var conditions = new List<SubsidyCondition>
        {
            f.LevelAfter is not { } level
                ? new("改造后数字化水平", false, "尚无第三方评测机构出具的改造后评测")
                : level < min
                    ? new("改造后数字化水平", false, $"第三方评测为{LevelNames.Short(level)}，未达到{LevelNames.Short(min)}及以上")
                    : money.ReachTargetLevel && f.TargetLevel is { } target && level < target
                        ? new("改造后数字化水平", false, $"第三方评测为{LevelNames.Short(level)}，未达到备案的目标{LevelNames.Short(target)}")
                        : new("改造后数字化水平", true, null),
            new("项目验收", f.Accepted, f.Accepted ? null : "项目尚未通过验收"),
            new("专项审计", f.Audited && f.EligibleYuan is not null, f.Audited ? null : "项目尚未完成专项审计"),
            new("补助规则", money.SubsidyRatio is not null, money.SubsidyRatio is null ? "本试点未规定补助比例" : null),
        };
        var eligibleWan = f.EligibleYuan is { } y ? y / 10000m : (decimal?)null;
        if (conditions.Any(c => !c.Met) || eligibleWan is not { } spend || money.SubsidyRatio is not { } ratio)
            return new SubsidyDecision(conditions, eligibleWan, null, 0, 0, 0, false, "条件未全部满足，不计算补助金额");

        var raw = ratio * spend;
        var capped = money.SubsidyCapWan is { } cap && raw > cap;
        var gross = Floor2(capped ? money.SubsidyCapWan!.Value : raw);
        var central = Floor2(gross * money.CentralShare);
        var local = gross - central;
        var withheld = f.ExcludedFromCentralFunds ? central : 0m;
        var amount = gross - withheld;
        var basis = $"审定合规投入{ChineseText.Wan(spend)}万元×{ratio * 100:0.##}%＝{ChineseText.Wan(Floor2(raw))}万元"
            + (capped ? $"，超过每家企业上限{ChineseText.Wan(money.SubsidyCapWan)}万元，按上限计" : "")
            + (withheld > 0 ? $"；企业已获中央财政资金支持或为2022年试点企业，中央资金部分{ChineseText.Wan(withheld)}万元不再重复支持" : "");
        return new SubsidyDecision(conditions, spend, amount, f.ExcludedFromCentralFunds ? 0 : central, local, withheld, capped, basis);
    }

    private static decimal Floor2(decimal wan) => Math.Floor(wan * 100m) / 100m;
}
