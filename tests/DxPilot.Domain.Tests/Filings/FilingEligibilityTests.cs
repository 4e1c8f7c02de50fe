using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Filings;

/// <summary>
/// 备案条件 at each boundary, with Hangzhou's programme file (seed 003 一: 杭州市范围内注册、具有独立法人资格、三个试点行业的中小制造业企业，
/// 或试点行业企业“链式”带动的上下游关联中小企业; 四: 达到二级及以上; the two central-fund exclusions).
/// </summary>
public sealed class FilingEligibilityTests
{
    private static readonly FilingRules Rules = ProgrammeFiles.Hangzhou.Filing!;
    private static readonly DateTime At = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A USCC registered by the authority of <paramref name="region"/>, as 工商 (9) for an enterprise (1).</summary>
    private static string UsccOf(string region, string kind = "91")
    {
        var body = $"{kind}{region}MA2AB3CD4"[..17];
        return body + Uscc.CheckCharacter(body);
    }

    /// <summary>A file with every item of the form's 申报单位基本信息 (seed 003 附件1) filled in, but what a test leaves out.</summary>
    private static Enterprise Firm(string? uscc = "default", string? code = "3670", int? employees = 120, decimal? revenue = 5600m,
        bool littleGiant = false, bool pilot2022 = false, string? contact = "孙经理", string? phone = "13900002222", string? products = "汽车座椅骨架") =>
        Enterprise.Register(ProgrammeFiles.Hangzhou, new EnterpriseDetails
        {
            Name = "杭州测试汽车部件有限公司", Uscc = uscc == "default" ? UsccOf("330108") : uscc, District = "滨江区", IndustryKey = "汽车零部件",
            IndustryCode = code, Employees = employees, RevenueWan = revenue, LittleGiantCentralFunded = littleGiant, Pilot2022 = pilot2022,
            LegalRepresentative = "钱董事长", RegisteredAddress = "杭州市滨江区江南大道1号", ContactName = contact, ContactPhone = phone,
            DigitalStaff = 12, MainProducts = products, AboveScale = true,
        }, At);

    private static Dictionary<string, string> Answers(string selfTest = "1", string target = "2", string? chainLead = null)
    {
        var a = new Dictionary<string, string> { ["selfTest"] = selfTest, ["targetLevel"] = target };
        if (chainLead is not null) a["chainLead"] = chainLead;
        return a;
    }

    /// <summary>One contract with the provider, its stamped scan on file.</summary>
    private static readonly FilingProvider[] Stamped = [Contract("数字化车间改造服务合同", signed: true)];

    private static FilingProvider Contract(string name, bool signed) =>
        new("杭州数智改造服务有限公司", null, null, null, null, name, "HZ-001", null, 100000m, "MES实施", signed);

    private static IReadOnlyList<FilingCheck> Check(Enterprise e, Dictionary<string, string>? answers = null, Enterprise? lead = null, int others = 0,
        int? assessed = null, FilingProvider[]? contracts = null) =>
        FilingEligibility.Check(ProgrammeFiles.Hangzhou, Rules, e, new EligibilityFacts(answers ?? Answers(), lead, others, assessed, contracts ?? Stamped));

    private static FilingCheck Item(IReadOnlyList<FilingCheck> checks, string name) => checks.Single(c => c.Name == name);

    [Fact]
    public void A_Hangzhou_SME_of_a_pilot_industry_aiming_one_level_up_to_二级_passes_every_rule()
    {
        var checks = Check(Firm());
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}：{c.Reason}"));
        Assert.Equal("汽车零部件及配件制造（行业代码 3670）", Item(checks, "试点行业").Reason);
    }

    [Fact]
    public void A_file_without_联系人_or_联系方式_cannot_be_filed_and_the_check_names_what_to_complete()
    {
        Assert.Equal("申报单位基本信息完整（取自企业档案）", Item(Check(Firm()), FilingEligibility.Basics).Reason);
        var item = Item(Check(Firm(contact: null, phone: " ", products: null)), FilingEligibility.Basics);
        Assert.False(item.Passed);
        Assert.True(item.Blocking);
        // The form's labels, in the form's order (seed 003 附件1).
        Assert.StartsWith("企业档案未填写联系人、联系方式、主营产品，", item.Reason);
    }

    [Theory]
    [InlineData("330108", true)]   // 杭州市滨江区
    [InlineData("330100", true)]   // 杭州市本级
    [InlineData("330200", false)]  // 宁波市
    [InlineData("220104", false)]  // 长春市朝阳区
    public void The_registering_authority_must_be_in_Hangzhou(string region, bool passes)
    {
        var item = Item(Check(Firm(uscc: UsccOf(region))), "注册地");
        Assert.Equal(passes, item.Passed);
        if (!passes) Assert.Contains($"行政区划代码为 {region}，不在杭州市", item.Reason);
    }

    [Fact]
    public void Only_a_company_registered_by_市场监管_files_and_a_file_without_a_USCC_is_told_to_complete_it()
    {
        Assert.True(Item(Check(Firm(uscc: UsccOf("330108", "91"))), "独立法人").Passed);
        var individual = Item(Check(Firm(uscc: UsccOf("330108", "92"))), "独立法人");
        Assert.False(individual.Passed);
        Assert.Contains("以 92 开头", individual.Reason);
        var missing = Check(Firm(uscc: null));
        Assert.Contains("缺少有效的统一社会信用代码", Item(missing, "注册地").Reason);
        Assert.DoesNotContain(missing, c => c.Name == "独立法人");
    }

    [Fact]
    public void Without_a_pilot_code_a_chain_linked_SME_names_its_pilot_industry_lead()
    {
        var lead = Firm();
        var supplier = Firm(code: null);
        Assert.Contains("缺少4位国民经济行业代码", Item(Check(supplier), "试点行业").Reason);
        var linked = Item(Check(supplier, Answers(chainLead: lead.Name), lead), "试点行业");
        Assert.True(linked.Passed);
        Assert.Equal("试点行业（汽车零部件及配件制造）企业“杭州测试汽车部件有限公司”链式带动的上下游关联中小企业", linked.Reason);
        var unknown = Item(Check(supplier, Answers(chainLead: "不存在的企业")), "试点行业");
        Assert.False(unknown.Passed);
        Assert.Contains("未在本试点企业库中找到链式带动企业“不存在的企业”", unknown.Reason);
    }

    [Theory]
    [InlineData(999, 40000, true)]    // 中型: fewer than 1000 people
    [InlineData(1000, 39999.99, true)] // 中型: revenue under 40000万
    [InlineData(1000, 40000, false)]  // 大型 (工信部联企业〔2011〕300号 工业)
    public void A_large_enterprise_is_not_an_SME(int employees, decimal revenue, bool passes) =>
        Assert.Equal(passes, Item(Check(Firm(employees: employees, revenue: revenue)), "中小企业").Passed);

    [Fact]
    public void Size_unknown_is_not_guessed() =>
        Assert.Contains("缺少从业人员或营业收入", Item(Check(Firm(employees: null)), "中小企业").Reason);

    [Theory]
    [InlineData("below1", "2", null, true)]
    [InlineData("1", "2", null, true)]
    [InlineData("2", "2", null, false)]   // not above 二级 self-tested
    [InlineData("2", "3", null, true)]
    [InlineData("3", "3", null, false)]
    [InlineData("1", "2", 2, false)]      // the platform's assessment says 二级 already
    [InlineData("1", "3", 2, true)]
    public void The_target_is_二级_or_more_and_above_the_current_level(string selfTest, string target, int? assessed, bool passes)
    {
        var item = Item(Check(Firm(), Answers(selfTest, target), assessed: assessed), "目标水平");
        Assert.Equal(passes, item.Passed);
        if (!passes) Assert.Contains("须高于现有水平", item.Reason);
    }

    [Fact]
    public void The_central_fund_exclusions_are_noted_never_refused()
    {
        var item = Item(Check(Firm(littleGiant: true)), "中央财政资金");
        Assert.True(item.Passed);
        Assert.False(item.Blocking);
        Assert.Contains("中央财政资金不再重复支持", item.Reason);
        Assert.Contains("已纳入2022年改造试点", Item(Check(Firm(pilot2022: true)), "中央财政资金").Reason);
    }

    [Fact]
    public void One_open_filing_at_a_time()
    {
        Assert.True(Item(Check(Firm(), others: 0), "在办备案").Passed);
        var second = Item(Check(Firm(), others: 1), "在办备案");
        Assert.False(second.Passed);
        Assert.Contains("限1个", second.Reason);
    }

    [Fact]
    public void Hangzhou_files_only_with_its_contracts_stamped_and_Changchun_with_or_without()
    {
        Assert.Equal("已附服务合同1份，均已上传盖章扫描件", Item(Check(Firm()), "服务合同").Reason);
        var none = Item(Check(Firm(), contracts: []), "服务合同");
        Assert.False(none.Passed);
        Assert.Equal("请添加项目改造服务合同（附件2），并上传双方盖章的扫描件", none.Reason);
        var one = Item(Check(Firm(), contracts: [Contract("合同甲", true), Contract("合同乙", false), Contract("合同丙", false)]), "服务合同");
        Assert.False(one.Passed);
        Assert.Equal("服务合同“合同乙”、“合同丙”未上传盖章扫描件", one.Reason);
        // Seed 002 附件4 asks 是否签合同 per provider: Changchun has no such rule.
        Assert.False(ProgrammeFiles.Changchun.Filing!.SignedContractRequired);
    }
}
