using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Filings;

/// <summary>
/// 申报单位基本信息 as the enterprise file holds them: the form shows them, never asks for them again, and each submitted version
/// freezes them as they were (a later change of the file does not rewrite what was filed).
/// </summary>
public static class FilingBasics
{
    public static readonly IReadOnlyDictionary<string, Func<Enterprise, Programme, string>> Sources =
        new Dictionary<string, Func<Enterprise, Programme, string>>
        {
            ["name"] = (e, _) => e.Name,
            ["uscc"] = (e, _) => e.Uscc ?? "",
            ["district"] = (e, _) => e.District,
            ["address"] = (e, _) => e.RegisteredAddress ?? "",
            ["legalRepresentative"] = (e, _) => e.LegalRepresentative ?? "",
            ["contactName"] = (e, _) => e.ContactName ?? "",
            ["contactPhone"] = (e, _) => e.ContactPhone ?? "",
            ["industry"] = (e, p) => p.FindIndustry(e.IndustryKey)?.Name ?? e.IndustryKey,
            ["industryCode"] = (e, _) => e.IndustryCode ?? "",
            ["employees"] = (e, _) => e.Employees?.ToString() ?? "",
            ["digitalStaff"] = (e, _) => e.DigitalStaff?.ToString() ?? "",
            ["insuredEmployees"] = (e, _) => e.InsuredEmployees?.ToString() ?? "",
            ["mainProducts"] = (e, _) => e.MainProducts ?? "",
            ["revenueWan"] = (e, _) => ChineseText.Wan(e.RevenueWan),
            ["profitWan"] = (e, _) => ChineseText.Wan(e.ProfitWan),
            ["revenuePerHead"] = (e, _) => ChineseText.Wan(e.RevenuePerHead),
            ["digitalInvestmentWan"] = (e, _) => ChineseText.Wan(e.DigitalInvestmentWan),
            ["ownership"] = (e, _) => e.Ownership?.Label() ?? "",
            ["size"] = (e, _) => e.Size?.Label() ?? "",
            ["aboveScale"] = (e, _) => e.AboveScale is { } a ? a ? "规上企业" : "规下企业" : "",
            ["qualityTier"] = (e, _) => e.QualityTier.Label(),
            ["littleGiantCentralFunded"] = (e, _) => e.LittleGiantCentralFunded ? "是" : "不是",
            ["pilot2022"] = (e, _) => e.Pilot2022 ? "是" : "不是",
        };

    /// <summary>The form's enterprise fields as the file reads now, by field key.</summary>
    public static Dictionary<string, string> Read(FilingForm form, Enterprise e, Programme p) =>
        form.Fields.Where(f => f.Kind == FieldKind.Enterprise).ToDictionary(f => f.Key, f => Sources[f.Source!](e, p));
}
