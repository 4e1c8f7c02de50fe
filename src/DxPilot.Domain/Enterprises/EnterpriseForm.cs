namespace DxPilot.Domain.Enterprises;

/// <summary>
/// An enterprise file as a person typed it (web form, API body, or a spreadsheet row): all text, so that one
/// validator gives the same Chinese message whichever door the data came through.
/// </summary>
public sealed class EnterpriseForm
{
    public string? Name { get; set; }
    public string? Uscc { get; set; }
    public string? District { get; set; }
    public string? RegisteredAddress { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? FoundedOn { get; set; }
    public string? Ownership { get; set; }
    public string? AboveScale { get; set; }
    public string? QualityTier { get; set; }
    public string? Industry { get; set; }
    public string? IndustryCode { get; set; }
    public string? Employees { get; set; }
    public string? DigitalStaff { get; set; }
    public string? InsuredEmployees { get; set; }
    public string? MainProducts { get; set; }
    public string? RevenueWan { get; set; }
    public string? ProfitWan { get; set; }
    public string? DigitalInvestmentWan { get; set; }
    public string? LittleGiantCentralFunded { get; set; }
    public string? Pilot2022 { get; set; }
    public string? CreditStatus { get; set; }
    public string? Intro { get; set; }

    /// <summary>Chinese field labels, as the seeds' forms name them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Name)] = "企业名称",
        [nameof(Uscc)] = "统一社会信用代码",
        [nameof(District)] = "所属县（市、区）",
        [nameof(RegisteredAddress)] = "注册地址",
        [nameof(LegalRepresentative)] = "法定代表人",
        [nameof(ContactName)] = "联系人",
        [nameof(ContactPhone)] = "联系电话",
        [nameof(FoundedOn)] = "成立日期",
        [nameof(Ownership)] = "企业性质",
        [nameof(AboveScale)] = "规上/规下",
        [nameof(QualityTier)] = "企业类别",
        [nameof(Industry)] = "试点细分行业",
        [nameof(IndustryCode)] = "国民经济行业代码",
        [nameof(Employees)] = "从业人员（人）",
        [nameof(DigitalStaff)] = "数字化人员（人）",
        [nameof(InsuredEmployees)] = "参保人数（人）",
        [nameof(MainProducts)] = "主营产品",
        [nameof(RevenueWan)] = "上年营业收入（万元）",
        [nameof(ProfitWan)] = "上年利润（万元）",
        [nameof(DigitalInvestmentWan)] = "数字化累计投入（万元）",
        [nameof(LittleGiantCentralFunded)] = "已获中央资金支持的“小巨人”",
        [nameof(Pilot2022)] = "已纳入2022年改造试点",
        [nameof(CreditStatus)] = "信用状况",
        [nameof(Intro)] = "企业简介",
    };
}
