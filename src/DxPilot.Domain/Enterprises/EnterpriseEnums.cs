namespace DxPilot.Domain.Enterprises;

/// <summary>企业性质</summary>
public enum Ownership { StateOwned = 1, Private = 2, Foreign = 3, JointVenture = 4, Mixed = 5, Other = 6 }

/// <summary>质量梯度: 专精特新"小巨人" / 专精特新中小企业 / 创新型中小企业 / 无</summary>
public enum QualityTier { None = 0, LittleGiant = 1, Specialised = 2, Innovative = 3 }

/// <summary>信用状况 (信用中国, 国家企业信用信息公示系统)</summary>
public enum CreditStatus { Unknown = 0, Good = 1, Anomalous = 2 }

public static class EnterpriseLabels
{
    public static readonly IReadOnlyDictionary<Ownership, string> Ownerships = new Dictionary<Ownership, string>
    {
        [Ownership.StateOwned] = "国有", [Ownership.Private] = "民营", [Ownership.Foreign] = "外资",
        [Ownership.JointVenture] = "合资", [Ownership.Mixed] = "混合所有制", [Ownership.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<QualityTier, string> Tiers = new Dictionary<QualityTier, string>
    {
        [QualityTier.None] = "无", [QualityTier.LittleGiant] = "专精特新“小巨人”",
        [QualityTier.Specialised] = "专精特新中小企业", [QualityTier.Innovative] = "创新型中小企业",
    };

    public static readonly IReadOnlyDictionary<CreditStatus, string> Credits = new Dictionary<CreditStatus, string>
    {
        [CreditStatus.Unknown] = "未核查", [CreditStatus.Good] = "良好", [CreditStatus.Anomalous] = "存在异常",
    };

    public static string Label(this Ownership o) => Ownerships.GetValueOrDefault(o, "");
    public static string Label(this QualityTier t) => Tiers.GetValueOrDefault(t, "");
    public static string Label(this CreditStatus c) => Credits.GetValueOrDefault(c, "");

    /// <summary>Reads a label as sheets write it ("小巨人", "专精特新", "民营企业" …); null when unknown.</summary>
    public static T? ParseLabel<T>(IReadOnlyDictionary<T, string> labels, string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace("\"", "").Replace("“", "").Replace("”", "");
        foreach (var (k, v) in labels)
        {
            var plain = v.Replace("“", "").Replace("”", "");
            if (plain == t || t.StartsWith(plain, StringComparison.Ordinal)) return k;
        }
        foreach (var (k, v) in labels)
            if (v.Replace("“", "").Replace("”", "").Contains(t, StringComparison.Ordinal)) return k;
        return null;
    }
}
