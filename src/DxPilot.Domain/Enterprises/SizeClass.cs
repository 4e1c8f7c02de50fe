namespace DxPilot.Domain.Enterprises;

/// <summary>企业规模 by 工信部联企业〔2011〕300号, 工业 row.</summary>
public enum SizeClass
{
    /// <summary>微型</summary>
    Micro = 1,
    /// <summary>小型</summary>
    Small = 2,
    /// <summary>中型</summary>
    Medium = 3,
    /// <summary>大型 (not an SME)</summary>
    Large = 4,
}

public static class SizeRule
{
    /// <summary>
    /// 工业: 从业人员1000人以下或营业收入40000万元以下的为中小微型企业；从业人员300人及以上且营业收入2000万元及以上的为中型；
    /// 从业人员20人及以上且营业收入300万元及以上的为小型；从业人员20人以下或营业收入300万元以下的为微型。
    /// </summary>
    public static SizeClass Classify(int employees, decimal revenueWan)
    {
        if (employees < 0) throw new ArgumentOutOfRangeException(nameof(employees));
        if (revenueWan < 0) throw new ArgumentOutOfRangeException(nameof(revenueWan));
        if (employees >= 1000 && revenueWan >= 40000m) return SizeClass.Large;
        if (employees >= 300 && revenueWan >= 2000m) return SizeClass.Medium;
        if (employees < 20 || revenueWan < 300m) return SizeClass.Micro;
        return SizeClass.Small;
    }

    /// <summary>
    /// A 大型 enterprise is not an SME: the pilot's file lists 中型/小型/微型 and a filing requires an SME (DOMAIN §2, §6), yet a
    /// bureau may override a computed size with a reason (group-wide or outdated figures), so saving warns instead of refusing.
    /// A size the bureau set itself is not "测算", and asking it to adjust what it just adjusted would mislead.
    /// </summary>
    public static string? Warning(SizeClass? size, bool overridden) => size != SizeClass.Large ? null
        : overridden ? "工信主管部门已认定为大型企业，不属于中小企业，不能参加本试点的改造项目备案。"
        : "按从业人员和营业收入测算为大型企业（工信部联企业〔2011〕300号），不属于中小企业，不能参加本试点的改造项目备案。请核对从业人员和营业收入；确属中小企业的（如按集团口径测算），请工信主管部门调整企业规模并说明理由。";

    public static string Label(this SizeClass size) => size switch
    {
        SizeClass.Micro => "微型",
        SizeClass.Small => "小型",
        SizeClass.Medium => "中型",
        SizeClass.Large => "大型",
        _ => "",
    };

    public static bool IsSme(this SizeClass size) => size != SizeClass.Large;
}
