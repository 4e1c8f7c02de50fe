using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>Chinese names of the stored fields, for the history a bureau reads.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Extra = new()
    {
        [nameof(Enterprise.IndustryKey)] = "试点细分行业",
        [nameof(Enterprise.ComputedSize)] = "企业规模（按标准测算）",
        [nameof(Enterprise.SizeOverride)] = "企业规模（主管部门认定）",
        [nameof(Enterprise.SizeOverrideReason)] = "规模认定理由",
    };

    public static string Label(string field) =>
        EnterpriseForm.Labels.GetValueOrDefault(field) ?? Extra.GetValueOrDefault(field) ?? field;

    /// <summary>Stored values (enum names, true/false, dates, 万元) as a person reads them.</summary>
    public static string? Value(string field, string? value)
    {
        if (value is null) return null;
        return field switch
        {
            nameof(Enterprise.Ownership) when Enum.TryParse<Ownership>(value, out var o) => o.Label(),
            nameof(Enterprise.QualityTier) when Enum.TryParse<QualityTier>(value, out var t) => t.Label(),
            nameof(Enterprise.CreditStatus) when Enum.TryParse<CreditStatus>(value, out var c) => c.Label(),
            nameof(Enterprise.ComputedSize) or nameof(Enterprise.SizeOverride) when Enum.TryParse<SizeClass>(value, out var s) => s.Label(),
            nameof(Enterprise.AboveScale) => value == "True" ? "规上" : "规下",
            nameof(Enterprise.LittleGiantCentralFunded) or nameof(Enterprise.Pilot2022) => value == "True" ? "是" : "否",
            nameof(Enterprise.FoundedOn) when FieldChange.Date(value) is { } d => ChineseText.Date(d),
            nameof(Enterprise.RevenueWan) or nameof(Enterprise.ProfitWan) or nameof(Enterprise.DigitalInvestmentWan)
                when FieldChange.Amount(value) is { } wan => $"{ChineseText.Wan(wan)}万元",
            _ => value,
        };
    }
}
